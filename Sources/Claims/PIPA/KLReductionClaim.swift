// pipa.pipam.kl-reduction (§2.2, the paragraph after eq. (2)) — minimizing E KL(p^data‖p^θ)
// reduces to maximizing E log p^θ(y, c|x), and, with p^θ(y|x) fixed to p^prior, to maximizing
// E log p^θ(c|x, y): (a) E KL + E log p^θ(y,c) is constant in θ; (b) E log p^θ(y,c) −
// E log p^θ(c|y) = E log p^prior(y), with p^θ(c|y) from Algorithm 1's F; (c) the θ-gradients
// of the two likelihoods agree (paper 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// The check with log p^θ(c|x, y) as a parameter (logF, logG, logPrior, c) → value, where
  /// logG is the clipped log g; a test substitutes a wrong conditional.
  public static func klReduction(
    _ ctx: CheckContext, conditional: @escaping (Double, Double, Double, Int) -> Double
  ) throws -> CheckOutcome {
    var tally = Tally()
    var r = ctx.stream("pipam.kl-reduction")
    var infinite = 0
    var kinks = 0
    for _ in 0..<ctx.count(full: 200, quick: 20) {
      let k = r.uniformInt(in: 2...32)
      let lp = PIPAInputs.dirichletLog(&r, k: k)
      let data = r.dirichlet([Double](repeating: 1, count: 2 * k)).map { max($0, .leastNormalMagnitude) }
      let negEntropy = data.reduce(0) { $0 + $1 * log($1) }
      let eLogPrior = (0..<k).reduce(0) { $0 + (data[$1] + data[k + $1]) * lp[$1] }
      // θ = (θ_f[0..<K], logit g₀).
      func parts(_ th: [Double]) -> (joint: Double, cond: Double, kl: Double, clipped: Bool, s: Double) {
        let lf = logSoftmax(Array(th[0..<k]))
        let lg0 = logSigmoid(th[k])
        var joint = 0.0
        var cond = 0.0
        var kl = 0.0
        var clipped = false
        var s = 0.0
        for y in 0..<k {
          let lg = min(lg0, lp[y] - lf[y])
          if lg < lg0 { clipped = true }
          for c in 0...1 {
            let w = data[c * k + y]
            let j = PIPAM.theoremLogJoint(logF: lf[y], logG0: lg0, logPrior: lp[y], label: c)
            joint += w * j
            kl += w * (log(w) - j)
            cond += w * conditional(lf[y], lg, lp[y], c)
            s += w * (abs(lf[y]) + abs(lp[y]) + abs(lg) + abs(log(w)) + (j.isFinite ? abs(j) : 0))
          }
        }
        return (joint, cond, kl, clipped, s)
      }
      for _ in 0..<ctx.count(full: 100, quick: 10) {
        let theta = (0...k).map { _ in 2 * r.gaussian() }
        let p = parts(theta)
        let inputs = [NamedValue("K", Double(k)), NamedValue("logit g0", theta[k])]
        guard p.joint.isFinite else {
          infinite += 1
          continue
        }
        tally.record(
          "(a) E KL + E log p(y,c) = E log p^data (constant)", residual: abs(p.kl + p.joint - negEntropy),
          identityTermSum: (2 * p.s), inputs: inputs,
          detail: "E KL + E log p = \(p.kl + p.joint), Σ p^data log p^data = \(negEntropy)")
        tally.record(
          "(b) E log p(y,c) − E log p(c|y) = E log p^prior", residual: abs(p.joint - p.cond - eLogPrior),
          identityTermSum: (2 * p.s), inputs: inputs,
          detail: "difference = \(p.joint - p.cond), E log p^prior = \(eLogPrior)")
        // (c) away from the clip's kink: the analytic gradient of E log p(c|y) (unclipped g) vs
        // FD of E log p(y, c).
        let lf = logSoftmax(Array(theta[0..<k]))
        let lg0 = logSigmoid(theta[k])
        let margins = (0..<k).map { (lp[$0] - lf[$0]) - lg0 }
        // The FD steps (1e-4·max(1, |θ_i|)) move log F by ≲ 2e-4·max|θ|: the clip must stay
        // out of their reach, or the central difference sees −∞.
        let reach = 1e-3 * max(1, theta.map { abs($0) }.max() ?? 1)
        guard !p.clipped, margins.allSatisfy({ $0 > reach }) else {
          kinks += 1
          continue
        }
        let f = lf.map { exp($0) }
        var grad = [Double](repeating: 0, count: k + 1)
        for y in 0..<k {
          let lF = lf[y] + lg0 - lp[y]
          // d/d log F of log p(c|y): 1 (c = 1), −F/(1 − F) = −1/expm1(−log F) (c = 0).
          let d = data[k + y] - data[y] / expm1(-lF)
          for j in 0..<k { grad[j] += d * ((j == y ? 1 : 0) - f[j]) }
          grad[k] += d * sigmoid(-theta[k])
        }
        guard let cmps = try? FDRule.compare(f: { parts($0).joint }, gradient: grad, at: theta, random: &r) else {
          kinks += 1
          continue
        }
        for cmp in cmps {
          tally.record(
            "(c) ∇E log p(c|y) (analytic) vs FD of E log p(y,c)", residual: abs(cmp.analytic - cmp.numeric.value),
            tolerance: cmp.tolerance, inputs: inputs,
            detail: "\(cmp.label): analytic \(cmp.analytic), FD \(cmp.numeric.value)")
        }
      }
    }
    return tally.outcome(
      claim: "E KL, E log p(y,c), E log p(c|y) differ by θ-free terms",
      notes: [
        "θ with a data cell of zero model mass (clip active on a negative cell; infinite KL), tabulated apart: \(infinite)",
        "θ skipped for (c) because a clip is active or within reach of the FD steps: \(kinks)",
      ])
  }

  static let pipamKLReduction = Claim(
    id: "pipa.pipam.kl-reduction", paper: .pipa, source: "§2.2, paragraph after eq. (2)", kind: .equivalence,
    statement: "Minimizing (2) reduces to maximizing E log p(y,c|x); with p(y|x) fixed by the prior, "
      + "this is equivalent to maximizing E log p(c|y,x)."
  ) { ctx in
    try klReduction(ctx) { lf, lg, lp, c in
      let lF = min(lf + lg - lp, 0)
      return c == 1 ? lF : log1mExp(lF)
    }
  }
}
