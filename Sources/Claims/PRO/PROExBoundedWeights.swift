// pro.bounded-weights — App. C, "Weighting factor": in the PRO gradient the weights of
// ∇ log π_θ(y) are βŝ(y) (optimizer, |·| ≤ β/2) and αβ(σ(r(y) − r(y′)) − ½) (regularizer,
// |·| ≤ αβ/2); RLHF's weights r_φ(y) and β log(π_θ/π_ref) are unbounded. (a) reads the weights
// off the Objectives gradient in free log-probabilities (L_O and αR separately); (b) reads the
// RLHF weight off the Objectives RLHF surrogate gradient along π(y) = 10^{−j} and finds the depth
// (≤ 10⁸ in −log π) at which it passes each bound.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  /// The RLHF θ-gradient under test (β, input) → ∂L/∂θ (injectable for the mutation test).
  typealias RLHFGradient = @Sendable (Double, PRORLHF.Input) throws -> [Double]

  /// The RLHF per-sample weights along the ray π(y₀) = e^{−t}, the other responses keeping the
  /// ratios of `base`, with r_φ = 0. For logits θ = log π the gradient is
  /// g_k = π_k(w_k − Σ_j π_j w_j), so w(y₀) − w(y₁) = g₀/π₀ − g₁/π₁ with y₁ the likeliest other
  /// response; it is read at t ∈ {100, 400, 700} (π₀ stays a normal float64). Returns nil if the
  /// gradient cannot be evaluated.
  static func rlhfRayWeights(
    base: [Double], refLogProbs: [Double], beta: Double, gradient: RLHFGradient
  ) throws -> (slopeShallow: Double, slopeDeep: Double, deepestWeight: Double, scale: Double)? {
    let m = base.count
    let rest = logSumExp(Array(base[1...]))
    let y1 = (1..<m).max { base[$0] < base[$1] } ?? 1
    var gaps: [Double] = []
    var scale = 0.0
    for t in [100.0, 400, 700] {
      var logPi = base.map { $0 - rest + log1p(-exp(-t)) }
      logPi[0] = -t
      let x = PRORLHF.Input(
        logits: logPi, refLogits: refLogProbs, rewards: [Double](repeating: 0, count: m))
      guard let g = try? gradient(beta, x), g.count >= m else { return nil }
      gaps.append(abs(g[0] / exp(logPi[0]) - g[y1] / exp(logPi[y1])))
      scale += t * (gaps[gaps.count - 1] + beta * t)
    }
    return (
      (gaps[1] - gaps[0]) / 300, (gaps[2] - gaps[1]) / 300, gaps[2],
      scale
    )
  }

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
    },
    rlhfGradient: RLHFGradient = { beta, x in try PRORLHF(beta: beta).surrogateGradient(x) }
  ) throws -> CheckOutcome {
    let id = "pro.bounded-weights"
    let count = ctx.count(full: 10_000, quick: 1000)
    var tally = Tally()
    var ratioO = 0.0
    var ratioR = 0.0
    var rlhfSup = 0.0
    var deepest = 0.0
    var rayExcluded = 0
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
      // (b) The RLHF weight of ∇log π(y₀) along the ray π(y₀) = 10^{−j} (rest renormalised),
      // read off the Objectives RLHF surrogate gradient (27) (r_φ = 0, so the weight is the KL
      // weight β log(π/π_ref)); see `rlhfRayWeights`.
      if let ray = try rlhfRayWeights(
        base: u, refLogProbs: inst.refLogProbs, beta: inst.beta, gradient: rlhfGradient)
      {
        deepest = max(deepest, ray.deepestWeight)
        // T-round of a slope: each gap is read at log π(y₀) ≈ −t, whose stored value carries
        // ulp(t), so exp and the weights there are relatively accurate to ~tε (C = Σ_t t·
        // (gap + βt), two gaps per slope, over the 300-wide interval).
        let tRay = PROExTolerance.round(terms: 8, sum: 0, conditioning: 2 * ray.scale / 300)
        tally.record(
          "(b) RLHF weight grows without deceleration along the ray",
          passed: ray.slopeDeep > tRay.absolute && ray.slopeDeep >= ray.slopeShallow - tRay.absolute,
          residual: max(0, ray.slopeShallow - ray.slopeDeep), allowed: tRay.absolute,
          reason: tRay.reason, inputs: inst.inputs,
          detail: "slope of |w(y₀) − w(y₁)| per unit −log π(y₀): \(ray.slopeShallow) on "
            + "[100, 400], \(ray.slopeDeep) on [400, 700]")
        for bound in [10.0, 1e3, 1e5] {
          // Depth at which the weight gap exceeds the bound: read directly when reached by
          // t = 700, else extrapolated at the measured deep slope (the weight is affine in
          // log π, and the deceleration test above guards the extrapolation).
          let depth =
            ray.deepestWeight > bound
            ? 700 : (ray.slopeDeep > 0 ? 700 + (bound - ray.deepestWeight) / ray.slopeDeep : .infinity)
          tally.record(
            "(b) RLHF weight exceeds \(formatNumber(bound)) by log π(y₀) = −10⁸",
            passed: depth <= 1e8, residual: max(0, depth - 1e8), allowed: 0,
            reason: "depth read off the measured weights", inputs: inst.inputs,
            detail: "|w(y₀) − w(y₁)| = \(ray.deepestWeight) at log π(y₀) = −700, slope "
              + "\(ray.slopeDeep) ⇒ exceeds \(formatNumber(bound)) at depth \(depth)")
        }
      } else {
        rayExcluded += 1
      }
    }
    return tally.outcome(
      claim: "PRO's gradient weights bounded by β/2 and αβ/2, RLHF's unbounded, on the "
        + "reconstructed forms (PRO-formulas.md §7)",
      notes: [
        "largest |∂L_O/∂u_y|/(½βµ̂(y)) = \(ratioO) (1 = attained: |ŝ| = ½)",
        "largest |∂(αR)/∂u_y|/(½αβµ(y)Σµ) = \(ratioR) (→ 1 as the reward gaps grow)",
        "(b) reading: float64 cannot hold π(y₀) below e^{−745}, so the RLHF weight is read off "
          + "the Objectives gradient as g(y₀)/π(y₀) − g(y₁)/π(y₁) = w(y₀) − w(y₁) at −log π(y₀) ∈ "
          + "{100, 400, 700} and the depth where it passes each bound is extrapolated at the "
          + "measured slope; largest gap reached \(deepest); rays not evaluable \(rayExcluded)",
        "second reading, RLHF coefficient after the expectation π(y)·β|log(π/π_ref)|: sup over "
          + "the sampled points \(rlhfSup)",
      ])
  }
}
