// mpo.code.matches-eq8 — App. K (`mpo_loss`, docstring "r'_θ = (β·r_θ) + (α·Δ_W_abs)");
// §4.4 eq. (6)–(8); the skip rule of App. D.2 / Algorithm 2 (001_0ef3930bdbd6a134.txt).
// The transcribed code (MPOIdCodeK) in float64 (decides) and float32 (reported) against the
// batch mean of eq. (8) (Objectives.WeightedMPOAbsolute, log space) over rows with 𝒴⁺ ≠ ∅.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let codeMatchesEq8 = Claim(
    id: "mpo.code.matches-eq8", paper: .mpo,
    source: "App. K (mpo_loss); §4.4 eq. (6)–(8); App. D.2, Algorithm 2",
    kind: .equivalence,
    statement:
      "The printed code computes the batch mean of the per-prompt loss (8), leaving out prompts "
        + "with 𝒴⁺ = ∅."
  ) { ctx in
    try codeMatchesCheck(ctx) { pi, ref, rw, b, a in
      MPOIdCodeK.loss(piLogps: pi, refLogps: ref, rewards: rw, beta: b, alpha: a).mean
    }
  }

  /// The check with the float64 code injectable (mutation tests).
  static func codeMatchesCheck(
    _ ctx: CheckContext, code: ([[Double]], [[Double]], [[Double]], Double, Double) -> Double
  ) throws -> CheckOutcome {
    let bs = [1, 4, 32]
    let ls = [10.0, 100, 1000]
    let betas = [0.01, 0.1, 1]
    let alphas = [0, 0.1, 1, 10]
    var r = ctx.stream("mpo.code.matches-eq8")
    var tally = Tally()
    var explainedClamp = 0
    var explainedEqual = 0
    var explainedBoth = 0
    var unexplained: Counterexample?
    var baseFail: Counterexample?
    var agreeExample: String?
    var disagreeExample: String?
    var disagreeCx: Counterexample?
    var f32Worst = 0.0
    var f32Base = 0
    var equalRowLosses: [Double] = []
    var equalRowGrad = 0.0
    var baseCount = 0
    for _ in 0..<ctx.count(full: 10_000, quick: 400) {
      let (bsz, _) = MPOId.pick(&r, bs)
      let n = r.uniformInt(in: 2...16)
      let (l, _) = MPOId.pick(&r, ls)
      let (beta, _) = MPOId.pick(&r, betas)
      let (alpha, _) = MPOId.pick(&r, alphas)
      var pi: [[Double]] = []
      var ref: [[Double]] = []
      var rw: [[Double]] = []
      for _ in 0..<bsz {
        pi.append(MPOId.logProbs(&r, n: n, l: l))
        ref.append(MPOId.logProbs(&r, n: n, l: l))
        let u = r.uniform()
        if u < 0.45 {
          rw.append(MPOId.scores(&r, n: n, kind: .normal))
        } else if u < 0.9 {
          rw.append(MPOId.scores(&r, n: n, kind: .likert))
        } else {
          rw.append(Array(repeating: Double(r.uniformInt(in: 1...10)), count: n))
        }
      }
      // Reference: eq. (8) per row in log space, mean over rows with 𝒴⁺ ≠ ∅.
      var refSum = 0.0
      var refRows = 0
      var hasEqual = false
      var hasClamp = false
      var distinct = true
      var maxSpread = 0.0
      for b in 0..<bsz {
        let x = ScoredResponseSet(logProbs: pi[b], refLogProbs: ref[b], scores: rw[b])
        let p = x.partition
        if p.positive.contains(true) {
          refSum += try WeightedMPOAbsolute(beta: beta, alphaW: alpha).loss(x)
          refRows += 1
        } else {
          hasEqual = true
          if equalRowLosses.count < 100 {
            equalRowLosses.append(
              MPOIdCodeK.rowLoss(
                piLogps: pi[b], refLogps: ref[b], rewards: rw[b], beta: beta, alpha: alpha))
            let g = MPOIdCodeK.rowGradient(
              piLogps: pi[b], refLogps: ref[b], rewards: rw[b], beta: beta, alpha: alpha)
            equalRowGrad = max(equalRowGrad, g.map { abs($0) }.max() ?? 0)
          }
        }
        // A clamp on a row with 𝒴⁺ ≠ ∅ (an all-equal row always has pos = 0 clamped; it is
        // counted as an all-equal row).
        if p.positive.contains(true),
          MPOIdCodeK.clampActive(
            piLogps: pi[b], refLogps: ref[b], rewards: rw[b], beta: beta, alpha: alpha)
        {
          hasClamp = true
        }
        if Set(rw[b]).count < n { distinct = false }
        let mean = rw[b].reduce(0, +) / Double(n)
        let f = (0..<n).map {
          beta * (pi[b][$0] - ref[b][$0]) + (alpha > 0 ? alpha * abs(rw[b][$0] - mean) : 0)
        }
        maxSpread = max(maxSpread, (f.max() ?? 0) - (f.min() ?? 0))
      }
      let reference = refRows > 0 ? refSum / Double(refRows) : Double.nan
      let codeValue = code(pi, ref, rw, beta, alpha)
      let base = distinct && maxSpread <= 20
      if base { baseCount += 1 }
      let res = abs(codeValue - reference)
      let agree = res <= 1e-9
      let desc =
        "B = \(bsz), N = \(n), L = \(formatNumber(l)), β = \(beta), α = \(alpha): code = "
          + "\(codeValue), "
        + "eq. (8) mean over \(refRows) rows with 𝒴⁺ ≠ ∅ = \(reference)"
      let inputs = [
        NamedValue("B", Double(bsz)), NamedValue("N", Double(n)), NamedValue("L", l),
        NamedValue("β", beta), NamedValue("α", alpha),
      ]
      tally.record(
        base ? "base case: distinct rewards, |final| ≤ 20" : "other batches", passed: agree,
        residual: res.isNaN ? .infinity : res, allowed: 1e-9,
        reason: "1e-9 absolute in float64: the eps terms add ≤ 3e-10 when pos ≥ 1e-10",
        inputs: inputs, detail: desc)
      if agree {
        if agreeExample == nil { agreeExample = desc }
      } else {
        if base, baseFail == nil { baseFail = Counterexample(inputs: inputs, detail: desc) }
        if hasClamp && hasEqual {
          explainedBoth += 1
        } else if hasClamp {
          explainedClamp += 1
        } else if hasEqual {
          explainedEqual += 1
        } else if unexplained == nil {
          unexplained = Counterexample(
            inputs: inputs, detail: desc + " (no clamp-active or all-equal row)")
        }
        if disagreeExample == nil || (disagreeCx?.inputs[0].value ?? 99) > Double(bsz) {
          disagreeExample =
            desc + (hasEqual ? " [all-equal row]" : "") + (hasClamp ? " [clamp active]" : "")
          disagreeCx = Counterexample(
            inputs: inputs, detail: disagreeExample ?? "", residual: res.isFinite ? res : nil,
            tolerance: 1e-9)
        }
      }
      // float32 (reported only), on base-case batches.
      if base {
        let f32 = MPOIdCodeK.loss(
          piLogps: pi.map { $0.map { Float($0) } }, refLogps: ref.map { $0.map { Float($0) } },
          rewards: rw.map { $0.map { Float($0) } }, beta: Float(beta), alpha: alpha
        ).mean
        f32Worst = max(f32Worst, abs(Double(f32) - reference))
        f32Base += 1
      }
    }
    var notes = [
      "disagreeing batches explained by a clamp-active row only: \(explainedClamp); by an "
        + "all-equal row only: "
        + "\(explainedEqual); by both: \(explainedBoth)",
      "float32 (reported only): worst |code₃₂ − eq. (8)| over \(f32Base) base-case batches = "
        + "\(f32Worst)",
      "all-equal rows (kept by the code, skipped by the reference): code loss in "
        + "[\(equalRowLosses.min() ?? .nan), \(equalRowLosses.max() ?? .nan)] = −log(1e-10/(1 + "
        + "3e-10)) ≈ 23.03 "
        + "(pos clamped at eps); largest |∂loss/∂pi_logps| there (dual numbers) = \(equalRowGrad)",
      "\(baseCount) base-case batches",
    ]
    if let bf = baseFail {
      return CheckOutcome(
        verdict: .refuted, summary: "a base-case batch disagrees: \(bf.line)",
        classes: tally.classes, notes: notes,
        counterexample: bf)
    }
    if let u = unexplained {
      return CheckOutcome(
        verdict: .refuted,
        summary: "a disagreeing batch has neither a clamp-active nor an all-equal row: \(u.line)",
        classes: tally.classes, notes: notes, counterexample: u)
    }
    if tally.failures == 0 {
      return tally.outcome(
        claim: "code = batch mean of eq. (8) over rows with 𝒴⁺ ≠ ∅", notes: notes)
    }
    notes.append(
      "every disagreement contains a clamp-active row (pos or neg < 1e-10) or an all-equal row")
    let cond = ConditionReport(
      condition: "no row has equal rewards throughout and no clamp is active (pos, neg ≥ 1e-10)",
      casesSatisfying: tally.cases - tally.failures, holdingCase: agreeExample ?? "",
      failingCase: disagreeExample ?? "")
    return CheckOutcome(
      verdict: .conditional,
      summary:
        "base case agrees (\(baseCount) batches); \(tally.failures) of \(tally.cases) batches "
          + "disagree, each with an "
        + "all-equal row (kept by the code) or an active clamp; e.g. \(disagreeExample ?? "")",
      classes: tally.classes, notes: notes, counterexample: disagreeCx, conditions: [cond])
  }
}
