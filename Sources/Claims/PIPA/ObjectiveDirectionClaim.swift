// pipa.thm21.objective-direction (Theorem 2.1, last sentence: "the optimization reduces to
// minimizing: E_{p^data}[log p^θ(y,c|x)]") — implemented as printed: is θ_KL, the minimizer of
// (2), a minimizer of P(θ) = E log p^θ(y,c|x)? (a) the Hessian of P at θ_KL; (b) a path on which
// the clip makes P = −∞ at finite f (paper 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// P(θ) over x = (θ_f pinned, logit g₀), in the clipped log form, and its gradient where no
  /// clip is active.
  static func printedObjective(data d0: [Double], _ d1: [Double], logPrior lp: [Double])
    -> (([Double]) -> Double, ([Double]) -> [Double])
  {
    let k = lp.count
    let value: ([Double]) -> Double = { x in
      let lf = PIPAOptimizer.logProbs(pinned: x[0..<(k - 1)])
      let lg0 = logSigmoid(x[k - 1])
      return (0..<k).reduce(0) {
        $0 + d1[$1] * PIPAM.theoremLogJoint(logF: lf[$1], logG0: lg0, logPrior: lp[$1], label: 1)
          + d0[$1] * PIPAM.theoremLogJoint(logF: lf[$1], logG0: lg0, logPrior: lp[$1], label: 0)
      }
    }
    let grad: ([Double]) -> [Double] = { x in
      let lf = PIPAOptimizer.logProbs(pinned: x[0..<(k - 1)])
      let a = x[k - 1]
      // d/d log F of log(1 − F) = −1/expm1(−log F); log p(y,1) = log f + log g₀.
      let dlf = (0..<k).map { y -> Double in
        let lF = lf[y] + logSigmoid(a) - lp[y]
        return d1[y] - d0[y] / expm1(-lF)
      }
      let s = dlf.reduce(0, +)
      let ga = s * sigmoid(-a)
      return (1..<k).map { dlf[$0] - exp(lf[$0]) * s } + [ga]
    }
    return (value, grad)
  }

  public static func objectiveDirection(_ ctx: CheckContext) throws -> CheckOutcome {
    var tally = Tally()
    var undecided = 0
    var example: String?
    var decided = 0
    var localMax = 0
    var r = ctx.stream("thm21.objective-direction")
    let n = ctx.count(full: 200, quick: 3)
    for sub in 0...1 {
      for _ in 0..<n {
        let k = r.uniformInt(in: 2...16)
        var d0: [Double]
        var d1: [Double]
        var lp: [Double]
        if sub == 0 {
          lp = PIPAInputs.dirichletLog(&r, k: k)
          let q = (0..<k).map { _ in Strata.uniform(&r, 0.05, 0.95) }
          d1 = (0..<k).map { exp(lp[$0]) * q[$0] }
          d0 = (0..<k).map { exp(lp[$0]) * (1 - q[$0]) }
        } else {
          lp = PIPAInputs.dirichletLog(&r, k: k)
          let d = r.dirichlet([Double](repeating: 1, count: 2 * k))
          d0 = Array(d[0..<k])
          d1 = Array(d[k...])
        }
        let (p, gp) = printedObjective(data: d0, d1, logPrior: lp)
        // θ_KL minimizes E KL = const − P: the optimizer rule on −P (starts with an infinite
        // value are dropped; a feasible start f = p^prior, g₀ = ½ is added to the rule's 8).
        let starts = PIPAOptimizer.starts(&r, n: k, extra: 7) + [PIPAOptimizer.pinned(lp.map { exp($0) }) + [0]]
        // The infeasible region (KL = +∞) is a finite wall 1e10 for the search, so BFGS2's line
        // search backtracks instead of failing; θ_KL is interior (finite KL).
        let wall: ([Double]) -> Double = { x in
          let v = -p(x)
          return v.isFinite ? v : 1e10
        }
        guard let kl = PIPAOptimizer.fit(wall, gradient: { gp($0).map { $0.isFinite ? -$0 : 0 } }, starts: starts) else {
          undecided += 1
          continue
        }
        let pKL = p(kl.point)
        let hess = OptimizerRule.numericalHessian(gradient: gp, at: kl.point)
        let eig = try SymmetricEigen.eigenvalues(hess, n: k)
        let localMin = eig.allSatisfy { $0 > 0 }
        decided += 1
        if !eig.isEmpty && eig.allSatisfy({ $0 < 0 }) { localMax += 1 }
        // (b) the path g₀ = 1, f ∝ exp(t·e_{y*}).
        let ys = (0..<k).max { d0[$0] < d0[$1] } ?? 0
        var path: [Double] = []
        var t = 0.0
        while path.count < 200 {
          let logits = (0..<k).map { $0 == ys ? t : 0 }
          let lf = logSoftmax(logits)
          let v = (0..<k).reduce(0.0) {
            $0 + d1[$1] * PIPAM.theoremLogJoint(logF: lf[$1], logG0: 0, logPrior: lp[$1], label: 1)
              + d0[$1] * PIPAM.theoremLogJoint(logF: lf[$1], logG0: 0, logPrior: lp[$1], label: 0)
          }
          path.append(v)
          if lf[ys] >= lp[ys] { break }
          t += 1
        }
        let below = path.contains { $0 < pKL }
        let holds = localMin && !below
        tally.record(
          sub == 0 ? "(i) data marginal = p^prior" : "(ii) p^data ~ Dirichlet(1)", passed: holds,
          inputs: [NamedValue("K", Double(k))],
          detail: "P(θ_KL) = \(pKL); Hessian eigenvalues of P in [\(eig.min() ?? .nan), \(eig.max() ?? .nan)]; "
            + "path values \(path.prefix(3).map { format3($0) }) … \(format3(path.last ?? .nan))")
        if !holds && example == nil {
          example = "K = \(k): P(θ_KL) = \(pKL), Hessian eigenvalues of P \(eig.map { format3($0) }), path P = \(path.map { format3($0) })"
        }
      }
    }
    var out = tally.outcome(
      claim: "θ_KL minimizes the printed E log p^θ(y,c|x)",
      notes: ["undecided instances: \(undecided) of \(2 * n)"] + (example.map { ["instance: " + $0] } ?? [])
        + objectiveDirectionNotes(failures: tally.failures, decided: decided, localMax: localMax))
    if out.verdict == .confirmed && Double(undecided) > 0.2 * Double(2 * n) { out.verdict = .inconclusive }
    return out
  }

  /// The direction note, from the computed outcome: the printed "minimizing" is said to have
  /// the wrong sign only when the check failed and θ_KL is a local maximizer of P (Hessian
  /// negative definite) on every decided instance.
  public static func objectiveDirectionNotes(failures: Int, decided: Int, localMax: Int) -> [String] {
    let counts = "θ_KL is a local maximizer of P (all Hessian eigenvalues < 0) on \(localMax) of "
      + "\(decided) decided instances"
    if failures > 0 && decided > 0 && localMax == decided {
      return [counts + ": P = E log p^θ is maximized, not minimized, at θ_KL — the printed "
        + "\"minimizing\" has the wrong sign"]
    }
    return [counts]
  }

  static let thm21ObjectiveDirection = Claim(
    id: "pipa.thm21.objective-direction", paper: .pipa, source: "Theorem 2.1, last sentence", kind: .equivalence,
    statement: "Problem (2) reduces to minimizing E_{p^data}[log p^θ(y,c|x)] over the parameterization (3) (as printed)."
  ) { ctx in try objectiveDirection(ctx) }
}
