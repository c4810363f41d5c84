// pro.bounded-weights — App. C, "Weighting factor": in the PRO gradient the weights of
// ∇ log π_θ(y) are βŝ(y) (optimizer, |·| ≤ β/2) and αβ(σ(r(y) − r(y′)) − ½) (regularizer,
// |·| ≤ αβ/2); RLHF's weights r_φ(y) and β log(π_θ/π_ref) are unbounded. (a) reads the weights
// off the Objectives gradient in free log-probabilities (L_O and αR separately); (b) follows
// π(y) = 10^{−j} down to log π(y) = −10⁸.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  static let boundedWeights = Claim(
    id: "pro.bounded-weights", paper: .pro, source: "App. C, \"Weighting factor\" paragraph",
    kind: .bound,
    statement: "PRO's per-sample weights βŝ(y) and αβ(σ(r(y) − r(y′)) − ½) are bounded by β/2 and "
      + "αβ/2; RLHF's r_φ(y) and β log(π_θ(y)/π_ref(y)) are unbounded.",
    provenance: .reconstructed("(29), (30), PRO-formulas.md §7; the score bound is verbatim S2")
  ) { ctx in try boundedWeightsOutcome(ctx) }

  /// The check; `regularizerBound(β, α, µ_y, Σ_{y′≠y} µ_y′)` is the claimed bound (injectable).
  static func boundedWeightsOutcome(
    _ ctx: CheckContext,
    regularizerBound: @escaping @Sendable (Double, Double, Double, Double) -> Double = {
      0.5 * $1 * $0 * $2 * $3
    }
  ) throws -> CheckOutcome {
    let id = "pro.bounded-weights"
    let count = ctx.count(full: 10_000, quick: 1000)
    var tally = Tally()
    var ratioO = 0.0
    var ratioR = 0.0
    var rlhfSup = 0.0
    for j in 0..<count {
      var r = ctx.stream(id, index: UInt64(j))
      let m = 2 + j % 9
      let inst = PROExInstances.onHyperSpace(
        &r, case: j, m: m, kind: .pairwise, labeledRange: m >= 3 ? 2...(m - 1) : nil)
      let alpha = exp(Strata.uniform(&r, log(0.1), log(100)))
      let tau = [0.1, 1, 5, 20, 1000][j % 5]
      let u = logSoftmax((0..<m).map { _ in tau * r.gaussian() })
      let p = try inst.loss.parts(u)
      for y in 0..<m {
        var others = 0.0
        for y2 in 0..<m where y2 != y { others += inst.mu[y2] }
        let bO = 0.5 * inst.beta * inst.muHat[y]
        let bR = regularizerBound(inst.beta, alpha, inst.mu[y], others)
        let gO = abs(p.optimizerGradient[y])
        let gR = abs(alpha * p.regularizerGradient[y])
        // T-round: the regularizer partial sums m − 1 terms of size ≤ αβµµ/2.
        let tO = PROExTolerance.round(terms: 1, sum: bO)
        let tR = PROExTolerance.round(terms: m, sum: 0.5 * alpha * inst.beta * inst.mu[y] * others)
        if bO > 0 { ratioO = max(ratioO, gO / bO) }
        if bR > 0 { ratioR = max(ratioR, gR / bR) }
        let inputs =
          inst.inputs + [NamedValue("alpha", alpha), NamedValue("y", Double(y))]
          + u.enumerated().map { NamedValue("logPi[\($0)]", $1) }
        tally.record(
          "(a) |∂L_O/∂u_y| ≤ ½βµ̂(y)", passed: gO <= bO + tO.absolute, residual: max(0, gO - bO),
          allowed: tO.absolute, reason: tO.reason, inputs: inputs,
          detail: "|∂L_O/∂u_y| = \(gO) > ½βµ̂(y) = \(bO)")
        tally.record(
          "(a) |∂(αR)/∂u_y| ≤ ½αβµ(y)Σ_{y′≠y}µ(y′)", passed: gR <= bR + tR.absolute,
          residual: max(0, gR - bR), allowed: tR.absolute, reason: tR.reason, inputs: inputs,
          detail: "|∂(αR)/∂u_y| = \(gR) > bound \(bR)")
        let rl = exp(u[y]) * inst.beta * abs(u[y] - inst.refLogProbs[y])
        rlhfSup = max(rlhfSup, rl)
      }
      // (b) π(y₀) = 10^{−j}, log π(y₀) = −t down to −10⁸: |β log(π/π_ref)| beyond every bound.
      let t = 1e8
      let w = inst.beta * abs(-t - inst.refLogProbs[0])
      for bound in [10.0, 1e3, 1e5] {
        tally.record(
          "(b) |β log(π/π_ref)| exceeds \(formatNumber(bound)) at log π = −10⁸", passed: w > bound,
          reason: "exact comparison", inputs: inst.inputs, detail: "|β log(π/π_ref)| = \(w)")
      }
    }
    return tally.outcome(
      claim: "PRO's gradient weights bounded by β/2 and αβ/2, RLHF's unbounded, on the "
        + "reconstructed forms (PRO-formulas.md §7)",
      notes: [
        "largest |∂L_O/∂u_y|/(½βµ̂(y)) = \(ratioO) (1 = attained: |ŝ| = ½)",
        "largest |∂(αR)/∂u_y|/(½αβµ(y)Σµ) = \(ratioR) (→ 1 as the reward gaps grow)",
        "second reading, RLHF coefficient after the expectation π(y)·β|log(π/π_ref)|: sup over "
          + "the sampled points \(rlhfSup)",
      ])
  }
}
