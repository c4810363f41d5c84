// MPO §4 (../shared/claims/mpo.md; paper 001_0ef3930bdbd6a134.txt App. G–H, A.6): each check
// runs in quick mode with a fixed seed and gives the verdict it gives in full mode; for each
// kind of check, the same checking logic fed a deliberately wrong piece changes verdict.
import Analytic
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MPOGradClaimTests {
  static let seed: UInt64 = 20_251_130
  let ctx = CheckContext(seed: MPOGradClaimTests.seed, mode: .quick)

  // Why each verdict is what the mathematics gives:
  // lemma5/6/7: the printed gradients are the derivatives of the printed losses.  → confirmed
  // cor1: ∂L/∂P_i = −u_i B/(UV) ≤ 0 on Y⁺, u_i/U > 0 on Y⁻.                     → confirmed
  // g.score-definition: −log P_θ = log(P_θ/P_ref) only when P_ref = P_θ²; first
  //   dyadic failure P_θ = 1, P_ref = 1/2.                                      → refuted
  // lemma6.score-direction: ∂L/∂s_i = p_i^weighted > 0 on Y⁻, so descent lowers s_i
  //   and e^{s_i}; the text says it increases.                                  → refuted
  // lemma6.prob-direction: in TAB π_i also moves with the normaliser; a negative with a
  //   tiny share rises when the other negatives fall, already with M = K, α = 0. → refuted
  // thm5: ∇L = p^model − p^target vanishes exactly on p^model = p^target.        → confirmed
  // remark5: a substitution of s_θ = log(P_θ/P_ref) into softmax.               → confirmed
  // lemma8: at equal scores p^weighted_i − p^pos_i = −N⁻w⁻/(N⁺(N⁺w⁺ + N⁻w⁻)).     → confirmed
  static let expected: [(String, Verdict)] = [
    ("mpo.lemma5.infonca-gradient", .confirmed),
    ("mpo.lemma6.weighted-gradient", .confirmed),
    ("mpo.lemma7.prob-gradient", .confirmed),
    ("mpo.cor1.gradient-signs", .confirmed),
    ("mpo.g.score-definition", .refuted),
    ("mpo.lemma6.score-direction", .refuted),
    ("mpo.lemma6.prob-direction", .refuted),
    ("mpo.thm5.infonca-stationary", .confirmed),
    ("mpo.remark5.model-prob-expansion", .confirmed),
    ("mpo.lemma8.one-step", .confirmed),
  ]

  @Test(arguments: expected)
  func verdictInQuickMode(id: String, verdict: Verdict) throws {
    let claim = try #require(MPOGradientClaims.all.first { $0.id == id })
    let out = try claim.check(ctx)
    #expect(out.verdict == verdict, "\(id): \(out.summary)")
    if verdict == .refuted { #expect(out.counterexample != nil) }
    if verdict == .conditional { #expect(!out.conditions.isEmpty) }
  }

  @Test func scoreDefinitionCounterexampleIsTheFirstDyadicPair() throws {
    let out = MPOGradientClaims.scoreDefinitionCheck(
      ctx, printedScore: { p, _ in -log(p) }, printedExp: { p, _ in 1 / p })
    let cx = try #require(out.counterexample)
    #expect(cx.inputs == [NamedValue("P_theta", 1), NamedValue("P_ref", 0.5)])
  }

  // gradient-identity: a gradient with the sign of p^target flipped must be caught.
  @Test func gradientIdentityCatchesAWrongFormula() throws {
    let wrong = try MPOGradientClaims.lemma5Check(ctx, eq39: { s, t in
      zip(softmax(s), t).map { $0 + 1e-9 * $1 - $1 }
    })
    #expect(wrong.verdict == .refuted)
    let wrong6 = try MPOGradientClaims.lemma6Check(ctx, eq40: { s, w, p in
      MPOGradLemmas.weightedGradient(scores: s, weights: w.map { $0 * 1.01 }, positive: p).enumerated()
        .map { $0.offset == 0 ? $0.element * 1.001 : $0.element }
    })
    #expect(wrong6.verdict == .refuted)
    let wrong7 = try MPOGradientClaims.lemma7Check(ctx, formula: { p, q, w, pos in
      MPOGradLemmas.probGradient(policy: p, reference: q, weights: w, positive: pos.map { _ in true }.enumerated().map { $0.offset == 0 ? true : pos[$0.offset] })
        .map { $0 * (1 + 1e-6) }
    })
    #expect(wrong7.verdict == .refuted)
  }

  // inequality: a gradient with the opposite sign must break the sign claim.
  @Test func inequalityCatchesFlippedSigns() {
    let right = MPOGradientClaims.cor1Check(ctx) { p, u, pos in
      MPOGradReference.probForm(MPOGradDual.variables(p), u: u, positive: pos).d
    }
    #expect(right.verdict == .confirmed)
    let wrong = MPOGradientClaims.cor1Check(ctx) { p, u, pos in
      MPOGradReference.probForm(MPOGradDual.variables(p), u: u, positive: pos).d.map { -$0 }
    }
    #expect(wrong.verdict == .refuted)
    // Score direction: the true FS direction (s_i up on Y⁺, down on Y⁻) accepted everywhere
    // would turn the verdict; accepting nothing refutes.
    let always = MPOGradientClaims.scoreDirectionCheck(ctx, printed: { _, _ in true })
    #expect(always.verdict == .confirmed)
    let truth = MPOGradientClaims.probDirectionCheck(ctx, stated: { _, _ in true })
    #expect(truth.verdict == .confirmed)
  }

  // identity: the correct substitution confirms; a wrong Remark 5 expansion or Lemma 8 step is caught.
  @Test func identityCatchesWrongFormulas() throws {
    let right = MPOGradientClaims.scoreDefinitionCheck(
      ctx, printedScore: { p, q in log(p / q) }, printedExp: { p, q in p / q })
    #expect(right.verdict == .confirmed)
    let wrong5 = try MPOGradientClaims.remark5Check(ctx, printed: { lp, lr in
      let a = zip(lp, lr).map { $0 + $1 }
      let z = logSumExp(a)
      return a.map { exp($0 - z) }
    })
    #expect(wrong5.verdict == .refuted)
    let wrong8 = MPOGradientClaims.lemma8Check(ctx, formula: { s, eta, np, nm, wp, wm in
      s + eta * Double(nm) * wm / (Double(np) * Double(np) * wp + Double(nm) * wm)
    })
    #expect(wrong8.verdict == .refuted)
  }

  // stationarity: points built from wrong targets are not stationary.
  @Test func stationarityCatchesWrongPoints() {
    let wrong = MPOGradientClaims.thm5Check(ctx, target: { t in
      var u = t
      u[0] *= 2
      let z = u.reduce(0, +)
      return u.map { $0 / z }
    })
    #expect(wrong.verdict == .refuted)
  }
}

@Suite struct MPOGradDynamicsClaimTests {
  let ctx = CheckContext(seed: MPOGradClaimTests.seed, mode: .quick)

  // cor2/cor3: exact for one step ((58) is the gradient at equal scores), then positives and
  //   negatives separate and the trajectory bends away from the line.         → approximate
  // lemma9.initial: (85) uses B₀ = Σ w⁻, which is B only when the negatives are at 0. → conditional
  // lemma9.linear: first-order in ηt in FS (error ∝ (ηt)² at small ηt).       → approximate
  // remark6: at fixed t the relative error falls like η^p, p > 0.             → confirmed
  // not-attained: log p^weighted and log L stay finite; rays decrease them.   → confirmed
  // necessary: on Y⁻, ∂L/∂s_i = p_i^weighted, so ‖∇‖∞ ≤ ε bounds it.          → confirmed
  // sufficient: holds unless the positives vanish too (M > K, F3 directions).  → conditional
  // gd-trajectory: L falls like 1/t at T in every setting.                     → confirmed
  // beta-magnitude: G = β‖q‖ grows with β at small β even where mσ(m) > 1 for sets
  //   (|Y⁺| = 2, |Y⁻| = 1); for DPO the boundary is exactly mσ(m) = 1.          → refuted
  static let expected: [(String, Verdict)] = [
    ("mpo.cor2.linear-trajectory", .approximate),
    ("mpo.cor3.dpo-case", .approximate),
    ("mpo.lemma9.initial-gradient", .conditional),
    ("mpo.lemma9.linear-approx", .approximate),
    ("mpo.remark6.small-eta", .confirmed),
    ("mpo.stationary.not-attained", .confirmed),
    ("mpo.stationary.negatives-vanish-necessary", .confirmed),
    ("mpo.stationary.negatives-vanish-sufficient", .conditional),
    ("mpo.stationary.gd-trajectory", .confirmed),
    ("mpo.beta-gradient-magnitude", .refuted),
  ]

  @Test(arguments: expected)
  func verdictInQuickMode(id: String, verdict: Verdict) throws {
    let claim = try #require(MPOGradientClaims.all.first { $0.id == id })
    let out = try claim.check(ctx)
    #expect(out.verdict == verdict, "\(id): \(out.summary)")
    if verdict == .refuted { #expect(out.counterexample != nil) }
    if verdict == .conditional { #expect(!out.conditions.isEmpty) }
  }

  // identity (trajectory): the exact GD trajectory cannot match a line with the wrong slope
  // even at t = 1 → refuted.
  @Test func trajectoryCatchesAWrongSlope() {
    let wrong = MPOGradientClaims.linearTrajectoryCheck(ctx, claim: "wrong", fixed: (1, 1, 1, 1)) { t, eta, _, _, _, _ in
      Double(t) * eta / 3
    }
    #expect(wrong.verdict == .refuted)
  }

  // gradient-identity: a wrong Lemma 9 gradient fails the base case too → refuted.
  @Test func lemma9CatchesAWrongGradient() {
    let wrong = MPOGradientClaims.lemma9InitialCheck(ctx) { wi, wp, wm in
      -wi * wm.reduce(0, +) / pow(wp.reduce(0, +) + wm.reduce(0, +), 2)
    }
    #expect(wrong.verdict == .refuted)
  }

  // limit / existence: a loss that underflows to 0 once e^d < e^{−40} (as a float32-range
  // computation would) makes a finite state look attained; a sufficiency threshold of 0 makes
  // every sequence a counterexample.
  @Test func limitChecksCanFail() {
    let naive = MPOGradientClaims.notAttainedCheck(ctx) { d in d >= -40 ? log(log1p(exp(d))) : -.infinity }
    #expect(naive.verdict == .refuted)
    let strict = MPOGradientClaims.sufficientCheck(ctx, threshold: 0)
    #expect(strict.verdict == .refuted)
    // A run too short for the loss to fall: with T = 20 the last decade cannot reach λ_L ≤ −0.5.
    let short = MPOGradientClaims.gdTrajectoryCheck(ctx, steps: 20)
    #expect(short.verdict != .confirmed)
  }

  // stationarity: a gradient that drops the negatives' components breaks the implication.
  @Test func necessaryCatchesAWrongGradient() {
    let wrong = MPOGradientClaims.necessaryCheck(ctx) { s, lw, pos in
      zip(MPOGradReference.weightedGradient(s, logWeights: lw, positive: pos), pos).map { $1 ? $0 : 0 }
    }
    #expect(wrong.verdict == .refuted)
  }

  // inequality (β): with G replaced by a decreasing function of β every point is < 0.
  @Test func betaMagnitudeCanConfirm() {
    let fake = MPOGradientClaims.betaMagnitudeCheck(ctx) { r, pos, beta in
      let e = MPOGradientClaims.betaLogG(r, pos, beta)
      return (-beta, -1, e.m)
    }
    #expect(fake.verdict == .confirmed)
  }
}
