// mpo.alg2.ratio-range — App. D.3 Algorithm 2, lines 21–23 ("ensuring N_x/D_x ∈ (0, 1]")
// (001_0ef3930bdbd6a134.txt). Lines 21–23 evaluated literally in float64 (exponentiate each
// modified logit R' = β r_θ + α_w ΔW, sum, divide) against the log-space reference
// λ = −softplus(LSE_{𝒴⁻}(R') − LSE_{𝒴⁺}(R')) ≤ 0. The logits R' are Objectives.WeightedMPOSigned's.
import Numerics
import Objectives
import StableMath

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let alg2RatioRange = Claim(
    id: "mpo.alg2.ratio-range", paper: .mpo, source: "App. D.3 Algorithm 2, lines 21–23",
    kind: .inequality,
    statement:
      "N_x = Σ_{𝒴⁺} exp(R'_θ[y]), D_x = Σ_{𝒴^all} exp(R'_θ[y']): the computed ratio lies in (0, "
        + "1], so L_x "
      + "is finite and non-negative."
  ) { ctx in try alg2Check(ctx, literal: alg2LiteralRatio) }

  /// Lines 21–23 literally: N_x = Σ_{𝒴⁺} exp(R'), D_x = Σ_all exp(R'), ρ = N_x/D_x.
  static func alg2LiteralRatio(_ a: [Double], _ positive: [Bool]) -> Double {
    var num = 0.0
    var den = 0.0
    for (x, p) in zip(a, positive) {
      let e = exp(x)
      den += e
      if p { num += e }
    }
    return num / den
  }

  /// The failure kind of a literal ratio against the reference.
  static func alg2FailureKind(_ rho: Double, _ lambda: Double) -> String? {
    if rho.isNaN { return "NaN" }
    if rho.isInfinite { return "overflow to ∞" }
    if rho == 0 { return "underflow to 0" }
    if rho > 1 { return "ratio > 1" }
    if !(abs(log(rho) - lambda) <= 1e-12) { return "loss of relative accuracy" }
    return nil
  }

  /// The check with the literal evaluation injectable (mutation tests).
  static func alg2Check(_ ctx: CheckContext, literal: ([Double], [Bool]) -> Double) throws
    -> CheckOutcome
  {
    let ls = [1.0, 10, 100, 1000]
    let betas = [0.01, 0.1, 1]
    let alphas = [0.1, 1, 10]
    var r = ctx.stream("mpo.alg2.ratio-range")
    var tally = Tally()
    var skipped = 0
    var kinds: [String: Int] = [:]
    var threshold = Double.infinity
    var thresholdCase: String?
    var thresholdCx: Counterexample?
    var passing: [(maxR: Double, desc: String)] = []
    var allMaxR: [Double] = []
    var baseFail: Counterexample?
    for _ in 0..<ctx.count(full: 100_000, quick: 10_000) {
      let n = r.uniformInt(in: 2...16)
      let (l, _) = MPOId.pick(&r, ls)
      let (beta, _) = MPOId.pick(&r, betas)
      let (alpha, _) = MPOId.pick(&r, alphas)
      let rr = (0..<n).map { _ in l * (2 * r.uniform() - 1) }
      let s = (0..<n).map { _ in 10 * r.uniform() }
      // log π_θ = r − L ≤ 0 and log π_ref = −L, so r_θ = r up to one rounding.
      let x = ScoredResponseSet(
        logProbs: rr.map { $0 - l }, refLogProbs: Array(repeating: -l, count: n), scores: s)
      guard x.partition.positive.contains(true) else {
        skipped += 1
        continue
      }
      let (a, mask) = try WeightedMPOSigned(beta: beta, alphaW: alpha).logits(x)
      let rho = literal(a, mask)
      let lse = { (want: Bool) in logSumExp(zip(a, mask).filter { $0.1 == want }.map(\.0)) }
      let lambda = -softplus(lse(false) - lse(true))
      let maxR = a.reduce(0) { max($0, abs($1)) }
      let kind = alg2FailureKind(rho, lambda)
      allMaxR.append(maxR)
      let base = maxR <= 50
      let desc = {
        "N = \(n), L = \(formatNumber(l)), β = \(beta), α_w = \(alpha), max|R'| = \(maxR): ρ = "
          + "\(rho), λ = \(lambda)"
      }
      let inputs = { () -> [NamedValue] in
        [
          NamedValue("N", Double(n)), NamedValue("L", l), NamedValue("β", beta),
          NamedValue("α_w", alpha),
          NamedValue("max|R'|", maxR),
        ] + a.enumerated().map { NamedValue("R'[\($0)]\(mask[$0] ? "⁺" : "⁻")", $1) }
      }
      let res = rho > 0 && rho.isFinite ? abs(log(rho) - lambda) : .infinity
      tally.record(
        base ? "base case max|R'| ≤ 50" : "max|R'| > 50", passed: kind == nil, residual: res,
        allowed: 1e-12,
        reason:
          "ρ ∈ (0, 1] and |log ρ − λ| ≤ 1e-12 (the literal path's rounding is ≈ ε·max|R'| ≤ "
            + "1e-12 here)",
        inputs: inputs(), detail: desc() + " (\(kind ?? ""))")
      if let k = kind {
        kinds[k, default: 0] += 1
        if base, baseFail == nil {
          baseFail = Counterexample(inputs: inputs(), detail: desc() + ": \(k)")
        }
        if maxR < threshold {
          threshold = maxR
          thresholdCase = desc() + ": \(k)"
          thresholdCx = Counterexample(inputs: inputs(), detail: desc() + ": \(k)")
        }
      } else if maxR > 50, maxR < threshold {
        // Kept (max|R'| > 50 only) to show a passing case just below T afterwards.
        passing.append(
          (
            maxR,
            "N = \(n), L = \(formatNumber(l)), β = \(beta), α_w = \(alpha), max|R'| = \(maxR): "
              + "passes"
          ))
      }
    }
    // The largest passing max|R'| below T, for the case on the passing side.
    let below = passing.filter { $0.maxR < threshold }.max { $0.maxR < $1.maxR }
    var notes = ["\(skipped) draws with 𝒴⁺ = ∅ were skipped (lines 10–11)"]
    notes.append(
      "failure kinds: "
        + (kinds.isEmpty
          ? "none"
          : kinds.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
            separator: ", ")))
    if let bf = baseFail {
      return CheckOutcome(
        verdict: .refuted, summary: "a base-case instance (max|R'| ≤ 50) fails: \(bf.line)",
        classes: tally.classes,
        notes: notes, counterexample: bf)
    }
    if tally.failures == 0 {
      return tally.outcome(claim: "ρ ∈ (0, 1] and log ρ = λ", notes: notes)
    }
    notes.append(
      "T = \(threshold): the smallest max|R'| among failing instances; every instance with "
        + "max|R'| < T passes"
    )
    let cond = ConditionReport(
      condition: "max|R'| < T = \(threshold) (no exp(R') overflows or underflows in lines 21–23)",
      casesSatisfying: allMaxR.filter { $0 < threshold }.count, holdingCase: below?.desc ?? "",
      failingCase: thresholdCase ?? "")
    return CheckOutcome(
      verdict: .conditional,
      summary:
        "base case (max|R'| ≤ 50) passes; \(tally.failures) of \(tally.cases) instances fail, "
          + "all with "
        + "max|R'| ≥ T = \(format3(threshold)); e.g. \(thresholdCase ?? "")",
      classes: tally.classes, notes: notes, counterexample: thresholdCx, conditions: [cond])
  }
}
