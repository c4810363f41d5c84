// pro.kto-saturation — App. E (v1) / §5.1 (v2): KTO's sigmoid saturates on both sides
// (∂L_KTO/∂r = −λ_Dσ(r − z₀)σ(z₀ − r) → 0), PRO's log-sigmoid terms only on one side
// (d/dδ[−log σ(δ)] = −σ(−δ) → −1 as δ → −∞, 0 as δ → +∞), and PRO's optimizer derivative in
// log π(y) is the constant −βµ̂(y)ŝ(y) (checked on M1 random instances and points). Analytic
// derivatives (Objectives KTOPROForm) against
// gsl_deriv_central (T-fd); decay rates of log|∂L_KTO/∂r| against |r − z₀| by least squares.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  static let ktoSaturation = Claim(
    id: "pro.kto-saturation", paper: .pro, source: "App. E (v1) / §5.1 (v2)", kind: .limit,
    statement: "∂L_KTO/∂r = −λ_Dσ(r − z₀)σ(z₀ − r) → 0 as r − z₀ → ±∞; −σ(−δ), the log-sigmoid "
      + "derivative, → −1 as δ → −∞ and → 0 only as δ → +∞; PRO's optimizer derivative is the "
      + "constant −βµ̂(y)ŝ(y).",
    provenance: .reconstructed("the KTO loss from S5/KTO with uncertain β placement, PRO-formulas.md §9")
  ) { ctx in try ktoOutcome(ctx) }

  /// Least-squares slope of y on x.
  static func lsSlope(_ x: [Double], _ y: [Double]) -> Double {
    let mx = x.reduce(0, +) / Double(x.count)
    let my = y.reduce(0, +) / Double(y.count)
    let sxy = zip(x, y).reduce(0.0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let sxx = x.reduce(0.0) { $0 + ($1 - mx) * ($1 - mx) }
    return sxy / sxx
  }

  static func ktoOutcome(
    _ ctx: CheckContext,
    ktoDerivative: @escaping @Sendable (KTOPROForm, KTOPROInput) throws -> Double = {
      try $0.gradient($1)[0] / $0.beta
    },
    optimizerDerivative: @escaping @Sendable (PROExHyperLoss, [Double]) throws -> [Double] = {
      try $0.parts($1).optimizerGradient
    }
  ) throws -> CheckOutcome {
    var tally = Tally()
    let mags: [Double] = [0, 1, 5, 10, 20, 50, 100, 700]
    var notes: [String] = []
    for lambda in [1.0, 1.33] {
      for desired in [true, false] {
        let kto = KTOPROForm(beta: 1, lambdaD: lambda, lambdaU: lambda, z0: 0)
        var sides: [String: (x: [Double], y: [Double])] = [:]
        for sign in [-1.0, 1.0] {
          for m in mags {
            let t = sign * m
            // r = log π − log π_ref with log π_ref = −800: log π = −800 + t ≤ 0.
            let x = KTOPROInput(logProb: -800 + t, refLogProb: -800, desired: desired)
            let g = try ktoDerivative(kto, x)
            let e = try Derivative.derivative(
              of: { lp in
                (try? kto.loss(KTOPROInput(logProb: lp, refLogProb: -800, desired: desired))) ?? .nan
              }, at: x.logProb, method: .central, step: 1e-4 * max(1, abs(t)))
            // T-fd: f's rounding enters through r = log π − log π_ref (stored values ~800):
            // C = λσσ·(800 + |log π|) ≤ λ(1600 + |t|)/4.
            let h = 1e-4 * max(1, abs(t))
            let tol = PROExTolerance.finiteDifference(
              abserr: e.error, gradientRound: PROExTolerance.round(terms: 2, sum: abs(g)).absolute,
              valueRound: PROExTolerance.round(
                terms: 2, sum: lambda, conditioning: lambda * (1600 + abs(t)) / 4).absolute,
              step: h)
            tally.record(
              "KTO ∂L/∂r vs FD", residual: abs(g - e.value), tolerance: tol,
              inputs: [NamedValue("lambda", lambda), NamedValue("t", t), NamedValue("desired", desired ? 1 : 0)],
              detail: "analytic \(g), FD \(e.value) ± \(e.error)")
            if m >= 5, g != 0 {
              sides[sign < 0 ? "−" : "+", default: ([], [])].x.append(m)
              sides[sign < 0 ? "−" : "+", default: ([], [])].y.append(log(abs(g)))
            }
          }
        }
        for (side, pts) in sides.sorted(by: { $0.key < $1.key }) {
          let rate = -lsSlope(pts.x, pts.y)
          tally.record(
            "KTO derivative decays on the \(side) side", passed: rate > 0,
            inputs: [NamedValue("lambda", lambda), NamedValue("desired", desired ? 1 : 0)],
            detail: "decay rate \(rate)")
          if lambda == 1, desired { notes.append("KTO decay rate on the \(side) side: \(rate)") }
        }
      }
    }
    // Log-sigmoid: −σ(−δ) against FD of −log σ(δ), and its limits.
    for sign in [-1.0, 1.0] {
      for m in mags {
        let d = sign * m
        let g = -sigmoid(-d)
        let e = try Derivative.derivative(of: { -logSigmoid($0) }, at: d, method: .central, step: 1e-4 * max(1, m))
        let tol = PROExTolerance.finiteDifference(
          abserr: e.error, gradientRound: PROExTolerance.round(terms: 1, sum: 1).absolute,
          valueRound: PROExTolerance.round(terms: 1, sum: 1 + m).absolute, step: 1e-4 * max(1, m))
        tally.record(
          "log-sigmoid derivative vs FD", residual: abs(g - e.value), tolerance: tol,
          inputs: [NamedValue("delta", d)], detail: "−σ(−δ) = \(g), FD \(e.value)")
      }
    }
    let low = -sigmoid(700)
    let high = -sigmoid(-700)
    tally.record(
      "log-sigmoid: nonzero limit on one side, 0 on the other", passed: abs(low + 1) < 1e-12 && abs(high) < 1e-300,
      inputs: [], detail: "−σ(−δ) at δ = −700: \(low); at +700: \(high)")
    notes.append("log-sigmoid derivative: \(low) at δ = −700, \(high) at δ = +700")
    // PRO's optimizer derivative in log π(y): −βµ̂ŝ, constant in log π. M1 instances on 𝒴_ℋ
    // (pairwise, uncentred and centred ŝ; β from M1), each at random points u = log π (τ cycling
    // over {0.1, 1, 5, 20, 10³}); the derivative is read off the PRO loss in free
    // log-probabilities and compared with −βµ̂(y)ŝ(y) from the instance data (T-round).
    let count = ctx.count(full: 1000, quick: 100)
    var worstSpread = 0.0
    for j in 0..<count {
      var r = ctx.stream("pro.kto-saturation", index: UInt64(j))
      let m = 2 + j % 9
      let kind: PROExScoreKind = [.pairwise, .uncentred, .centred][j % 3]
      let inst = PROExInstances.onHyperSpace(
        &r, case: j, m: m, kind: kind, labeledRange: kind == .pairwise && m >= 3 ? 2...(m - 1) : nil)
      var seen: [[Double]] = []
      for k in 0..<5 {
        let tau = [0.1, 1, 5, 20, 1000][k]
        let u = logSoftmax((0..<m).map { _ in tau * r.gaussian() })
        let g = try optimizerDerivative(inst.loss, u)
        seen.append(g)
        for y in 0..<m {
          let claimed = -inst.beta * inst.muHat[y] * inst.scores[y]
          let tol = PROExTolerance.round(terms: 2, sum: abs(claimed))
          tally.record(
            "PRO optimizer derivative = −βµ̂ŝ at every point", residual: abs(g[y] - claimed),
            tolerance: tol,
            inputs: inst.inputs + [NamedValue("y", Double(y))]
              + u.enumerated().map { NamedValue("logPi[\($0)]", $1) },
            detail: "∂L_O/∂log π(y) = \(g[y]) vs −βµ̂ŝ = \(claimed)")
        }
      }
      for y in 0..<m {
        let vals = seen.map { $0[y] }
        worstSpread = max(worstSpread, (vals.max() ?? 0) - (vals.min() ?? 0))
      }
    }
    notes.append(
      "PRO optimizer derivative on \(count) M1 instances × 5 points: largest spread over the "
        + "points of one instance \(worstSpread)")
    return tally.outcome(
      claim: "KTO saturates on both sides, log-sigmoid on one, on the reconstructed KTO form "
        + "(PRO-formulas.md §9)", notes: notes)
  }
}
