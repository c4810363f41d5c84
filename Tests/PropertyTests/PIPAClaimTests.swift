// PIPA's registered claim checks (../shared/claims/pipa.md; paper 004_fe2e5eb1635a4348.txt):
// every check runs in quick mode with a fixed seed and gives the verdict verified by hand
// against the paper's numbers and algebra; full mode (printed-table checks, cheap) agrees;
// and for each kind of check a mutation (an altered table cell or a wrong formula fed to the
// same checking logic) changes the verdict, so no check is one that cannot fail.
import Claims
import Foundation
import Numerics
import Objectives
import Testing

@Suite struct PIPAClaimTests {
  // Hand-verified verdicts:
  // value-head-param-fraction: 4096² + 4096 (+ 4096 + 1) ≈ 1.68e7 over ≥ 6.5e9 ≈ 0.26 %.  → confirmed
  // table1.best-in-all-settings: e.g. Paired/Answer GSM8K-QW 73.77 > IPO 72.33; all 16 hold.
  //                                                                                  → confirmed
  // table1.gain-range: Paired/Answer GSM8K-QW PIPA-N 70.89 − 72.33 = −1.44; under no reading
  //   are all gains in [3, 10] (better variant: Paired/Step MATH-QW 53.26 − 48.38 = 4.88 ok,
  //   but Paired/Answer GSM8K-QW 73.77 − 72.33 = 1.44).                              → refuted
  // table1.m-vs-n-by-model: DS N > M in 7 of 8, QW M > N in 8 of 8.                  → confirmed
  // table1.step-vs-answer: MATH Paired KTO 47.38 → Step-KTO 47.38 is not >; GSM8K PIPA-N
  //   paired DS 80.29 → 78.70 <; the PIPA rows on MATH all increase.             → conditional
  // table2: 78.24 > 73.54, 51.82 > 47.92.                                            → confirmed
  // table3: 77.86 ≤ 78.24, 50.60 ≤ 51.82, 79.83 ≤ 79.98, 50.84 ≤ 52.78.             → confirmed
  // table4: +0.23 > −0.84, +1.24 > −0.70; 76.27 < 79.08, 47.96 < 50.82.              → confirmed
  // tables.cross-consistency: Table 4 PIPA-M (79.08, 50.82) is Table 1 Paired/Answer DS, not
  //   Unpaired/Answer DS (79.08, 51.04).                                              → refuted
  // pipam.clip-eps: −log1p(−min(max(F, 0), 1 − ε)) ≤ B = −log1p(−fl(1 − ε)).     → confirmed
  // pipan.bayes-closed-form: f g/(f g + p(1 − g)) = x/(x + 1) with x = f g/(p(1 − g)). → confirmed
  // thm-a2.kto-equivalence: σ(h − z) = f/(f + p e^z) = Bayes with p(c=1) = 1/(1 + e^z). → confirmed
  // thm-a2.kto-equivalence.beta: σ(β(h − z)) ≠ σ(h − z) unless β = 1 (or h = z). → conditional
  // kto.pipan-special-case: logit g = −z gives PIPA-N's logit h − z.                → confirmed
  // stepdpo.l0-masking: c⁻_t = 1 tokens do not enter L₀; all c⁻ = 0 gives L_DPO.   → confirmed
  // stepdpo.l1-value: sg is the identity on values, so L₁ = L_DPO.                  → confirmed
  // stepdpo.l1-gradient: ∂L₁ has weight βσ(−u_DPO) on the unmasked tokens.         → confirmed
  // stepkto.reduces-to-kto: Step-KTO(K = 1) = −[cσ(Σr − z₀) + (1 − c)σ(z₀ − Σr)], the
  //   printed L_KTO has no minus sign: L_Step-KTO = −L_KTO.                          → refuted
  // stepkto.l1-negative: value −σ(−Σr + z₀), gradient σ'(v) on c_t = 0 tokens.      → confirmed
  // thm21.marginal-constraint: f·g + p − f·g = p, in the clipped log form.          → confirmed
  // thm21.nonnegativity-clipping: g = min(g₀, p/f) makes f·g ≤ p.                   → confirmed
  // thm21.parameterization-consistency: with the per-y clip active, Σ_y f·g(y) < g₀ and
  //   q ≠ f (e.g. g₀ = 0.65, min p/f = 0.083); exact when the clip is inactive. → conditional
  // pipam.f-is-probability: F = f·g/p > 1 whenever g > p/f (e.g. log f = −10, log p = −16.6,
  //   g ≈ 1); F ≤ 1 under the clip.                                              → conditional
  // pipan.unconstrained: f·g + p·(1 − g) sums to 1 with the stated conditionals.    → confirmed
  // pipam.kl-reduction: E KL = Σ p^d log p^d − E log p; log p(y,c) = log p^prior + log p(c|y). → confirmed
  // pipam.algorithm1-loss: F = p(y,1)/p^prior = p(c=1|y) by (3), per token.        → confirmed
  // pipam.practical-vs-theorem: equal below 1 − ε; |F − (1 − ε)| ≤ ε on [1 − ε, 1]; for
  //   F₀ > 1 the positive term −log F₀ < 0 ≠ 0.                                 → conditional
  // step.answer-level-encoding: T = 1 is the answer level; for T > 1, Π F_t + Π(1 − F_t) < 1
  //   (e.g. F_t = ½, T = 2: ½).                                                 → conditional
  // thm-a1.dpo-equivalence: (9) is σ(r) with r = log f(y⁺)p(y⁻)/(f(y⁻)p(y⁺)).       → confirmed
  // thm-a1.dpo-equivalence.beta: log σ(βr) ≠ log σ(r) unless β = 1.             → conditional
  // sft-is-mle: Σ n log p(y,c) separates over c; the c = 1 block is maximised by n₁/Σn₁. → confirmed
  // pipan.constrained-mle-consistency: σ(u_y) = p*(c=1|y) at the target is stationary and
  //   the conditional likelihood is strictly concave in (log f, logit g).           → confirmed
  // stepdpo.tree-equivalence: values agree (the prefix cancels), but ∂L₁ on the shared prefix
  //   is −βσ(−u) from y⁺ (y⁻'s copy is stopped), while ∇L_SD is 0 there.       → conditional
  // step.factorization: holds when c_t depends on y≤t only (M-a); step-constant, answer-level
  //   and first-wrong-step labels depend on later tokens, e.g. c₁ = h(y₁, y₂).     → conditional
  // step.bayes: every identity is a rearrangement of exact marginals.                → confirmed
  // step.marginal-constraint: Σ_c p^prior_t F^c(1 − F)^{1−c} = p^prior_t; with the clip active
  //   Σ_y f·g(y) < g₀ at that history.                                              → conditional
  // kto.loss-type: at the maximizer of E log σ(±(h − z)) the gradient of E σ(±(h − z)) is not
  //   0 (weights σ' vs σ(∓u) differ), e.g. K = 7: ‖∇J₁₀‖ = 0.037; J₁₀ climbs higher.  → refuted
  // thm21.objective-direction: θ_KL maximizes P = E log p (Hessian of P negative definite),
  //   and g₀ = 1 with f(y) > p^prior(y) gives P = −∞: "minimizing" has the wrong sign. → refuted
  // pipam.constrained-mle-consistency: at the target F = p*(c=1|y), the conditional
  //   likelihood's unique maximizer.                                                 → confirmed
  // pipam.coupling: the optimum has F(y) = n₁/(n₁ + n₀), so f* ∝ p^prior·n₁/(n₁ + n₀) moves
  //   with n₀.                                                                       → confirmed
  static let expected: [(String, Verdict)] = [
    ("pipa.pipam.coupling", .confirmed),
    ("pipa.thm21.objective-direction", .refuted),
    ("pipa.pipam.constrained-mle-consistency", .confirmed),
    ("pipa.kto.loss-type", .refuted),
    ("pipa.step.factorization", .conditional),
    ("pipa.step.bayes", .confirmed),
    ("pipa.step.marginal-constraint", .conditional),
    ("pipa.sft-is-mle", .confirmed),
    ("pipa.pipan.constrained-mle-consistency", .confirmed),
    ("pipa.stepdpo.tree-equivalence", .conditional),
    ("pipa.pipam.kl-reduction", .confirmed),
    ("pipa.pipam.algorithm1-loss", .confirmed),
    ("pipa.pipam.practical-vs-theorem", .conditional),
    ("pipa.step.answer-level-encoding", .conditional),
    ("pipa.thm-a1.dpo-equivalence", .confirmed),
    ("pipa.thm-a1.dpo-equivalence.beta", .conditional),
    ("pipa.thm21.marginal-constraint", .confirmed),
    ("pipa.thm21.nonnegativity-clipping", .confirmed),
    ("pipa.thm21.parameterization-consistency", .conditional),
    ("pipa.pipam.f-is-probability", .conditional),
    ("pipa.pipan.unconstrained", .confirmed),
    ("pipa.pipam.clip-eps", .confirmed),
    ("pipa.pipan.bayes-closed-form", .confirmed),
    ("pipa.thm-a2.kto-equivalence", .confirmed),
    ("pipa.thm-a2.kto-equivalence.beta", .conditional),
    ("pipa.kto.pipan-special-case", .confirmed),
    ("pipa.stepdpo.l0-masking", .confirmed),
    ("pipa.stepdpo.l1-value", .confirmed),
    ("pipa.stepdpo.l1-gradient", .confirmed),
    ("pipa.stepkto.reduces-to-kto", .refuted),
    ("pipa.stepkto.l1-negative", .confirmed),
    ("pipa.value-head-param-fraction", .confirmed),
    ("pipa.table1.best-in-all-settings", .confirmed),
    ("pipa.table1.gain-range", .refuted),
    ("pipa.table1.m-vs-n-by-model", .confirmed),
    ("pipa.table1.step-vs-answer", .conditional),
    ("pipa.table2.value-model-ablation", .confirmed),
    ("pipa.table3.prior-choice", .confirmed),
    ("pipa.table4.sft-loss", .confirmed),
    ("pipa.tables.cross-consistency", .refuted),
  ]

  @Test(arguments: expected)
  func verdictAsVerifiedByHand(id: String, verdict: Verdict) throws {
    let claim = try #require(ClaimRegistry.claim(id: id))
    #expect(claim.paper == .pipa)
    let quick = try claim.check(CheckContext(seed: 1, mode: .quick))
    #expect(quick.verdict == verdict, "\(id): \(quick.summary)")
    if verdict == .refuted { #expect(quick.counterexample != nil) }
    if verdict == .conditional { #expect(!quick.conditions.isEmpty) }
  }

  @Test func everyRegisteredPIPAClaimIsNonEmpiricalAndUnique() {
    let ids = PIPAClaims.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.hasPrefix("pipa.") && !$0.contains("empirical") })
    #expect(ClaimRegistry.all.filter { $0.paper == .pipa }.count == ids.count)
  }

  // MARK: Mutation tests on the printed tables: one altered cell changes the verdict.

  @Test func bestInAllSettingsFailsWhenABaselineWins() throws {
    var t = PIPATable1.printed
    t.settings[0].rows[1].cells[1] = "74.00"  // IPO GSM8K-QW above PIPA-M 73.77
    #expect(try PIPATableChecks.bestInAllSettings(t).verdict == .refuted)
  }

  @Test func gainRangeConfirmsWhenEveryGainIsInRange() throws {
    var t = PIPATable1.printed
    for s in t.settings.indices {
      for r in t.settings[s].rows.indices {
        let pipa = t.settings[s].rows[r].isPIPA
        t.settings[s].rows[r].cells = Array(repeating: pipa ? "80.00" : "75.00", count: 4)
      }
    }
    #expect(try PIPATableChecks.gainRange(t).verdict == .confirmed)
    t.settings[0].rows[0].cells[0] = "79.00"  // one baseline 1 point behind
    #expect(try PIPATableChecks.gainRange(t).verdict != .confirmed)
  }

  @Test func mVsNFailsWhenPIPAMWinsEverywhere() throws {
    var t = PIPATable1.printed
    for s in t.settings.indices {
      let i = t.settings[s].rows.firstIndex { $0.algorithm == "PIPA-N" }!
      t.settings[s].rows[i].cells = t.settings[s].rows[i].cells.map { String(format: "%.2f", Double($0)! - 20) }
    }
    #expect(try PIPATableChecks.mVsNByModel(t).verdict == .refuted)
  }

  @Test func stepVsAnswerRefutedWhenGSM8KNeverDrops() throws {
    var t = PIPATable1.printed
    for s in [1, 3] {
      for r in t.settings[s].rows.indices {
        for j in [0, 1] { t.settings[s].rows[r].cells[j] = "99.99" }
      }
    }
    #expect(try PIPATableChecks.stepVsAnswer(t).verdict == .refuted)
  }

  @Test func ablationTablesFailOnSwappedRows() throws {
    var t2 = PIPAAblationTable.table2
    t2.rows.swapAt(0, 1)
    #expect(try PIPATableChecks.table2(t2).verdict == .refuted)
    var t3 = PIPAAblationTable.table3
    t3.rows[1].math = "52.00"
    #expect(try PIPATableChecks.table3(t3).verdict == .refuted)
    var t4 = PIPAAblationTable.table4
    t4.rows[1].gsm8k = "80.00"
    #expect(try PIPATableChecks.table4(t4).verdict == .refuted)
  }

  @Test func crossConsistencyConfirmsWhenTable4QuotesUnpairedCells() throws {
    var t4 = PIPAAblationTable.table4
    t4.rows[2].math = "51.04"
    let o = try PIPATableChecks.crossConsistency(
      .printed, table2: .table2, table3: .table3, table4: t4)
    #expect(o.verdict == .confirmed)
    let printed = try PIPATableChecks.crossConsistency(
      .printed, table2: .table2, table3: .table3, table4: .table4)
    #expect(printed.summary.contains("Paired/Answer PIPA-M DS"))
  }

  @Test func paramFractionRefutedForAWideHead() {
    // A 4096·20-wide head (≈ 6.9e9 parameters) is about half the model.
    #expect(PIPAClaims.paramFractionOutcome(hidden: 81920, threshold: 0.01).verdict == .refuted)
    #expect(PIPAClaims.paramFractionOutcome(hidden: 4096, threshold: 0.01).verdict == .confirmed)
  }

  // MARK: Mutation tests on the analytic checks: a wrong formula changes the verdict.

  static let quick = CheckContext(seed: 7, mode: .quick)

  @Test func bayesClosedFormRefutesAWrongTau() {
    #expect(PIPAClaims.bayesClosedForm(Self.quick) { $0 / ($0 + 2) }.verdict == .refuted)
  }

  @Test func ktoSpecialCaseRefutesTheWrongClassPrior() {
    #expect(PIPAClaims.ktoPipanSpecialCase(Self.quick) { $0 }.verdict == .refuted)
  }

  @Test func ktoBetaConfirmedWhenBetaIsAlwaysOne() {
    #expect(PIPAClaims.ktoBetaOutcome(Self.quick) { _ in 1 }.verdict == .confirmed)
  }

  @Test func clipEpsRefutesTheUnclippedTerm() throws {
    #expect(try PIPAClaims.clipEps(Self.quick) { -log1p(-min($0, 1 - 1e-12)) }.verdict == .refuted)
  }

  @Test func l0MaskingRefutesDPOInPlaceOfL0() throws {
    let o = try PIPAClaims.l0Masking(
      Self.quick, loss: { PIPAClaims.sequenceDPO($0, beta: $1) },
      gradient: { (try? StepDPOL1(beta: $1).fullGradient($0)) ?? [] })
    #expect(o.verdict == .refuted)
  }

  @Test func l1ValueRefutesL0AsTheValue() {
    let o = PIPAClaims.l1Value(Self.quick) { (try? StepDPOL0(beta: $1).loss($0)) ?? .nan }
    #expect(o.verdict == .refuted)
  }

  @Test func l1GradientRefutesTheUnmaskedGradient() throws {
    let o = try PIPAClaims.l1Gradient(Self.quick) { (try? StepDPOL1(beta: $1).fullGradient($0)) ?? [] }
    #expect(o.verdict == .refuted)
  }

  @Test func reducesToKTOConfirmedAgainstTheNegatedPrintedForm() {
    let o = PIPAClaims.reducesToKTO(Self.quick) { -((try? KTOAppendixBForm().loss($0)) ?? .nan) }
    #expect(o.verdict == .confirmed)
  }

  @Test func ktoL1NegativeRefutesTheUnmaskedGradient() throws {
    let o = try PIPAClaims.ktoL1Negative(Self.quick) { (try? StepKTOL1().fullGradient($0)) ?? [] }
    #expect(o.verdict == .refuted)
  }

  @Test func marginalConstraintRefutesTheUnclippedJoint() {
    let o = PIPAClaims.marginalConstraint(Self.quick) { lf, lg0, lp, c in
      c == 1 ? lf + lg0 : lp + log1mExp(lf + lg0 - lp)
    }
    #expect(o.verdict == .refuted)
  }

  @Test func nonnegativityRefutesAMissingClip() {
    #expect(PIPAClaims.nonnegativityClipping(Self.quick) { g0, _, _ in g0 }.verdict == .refuted)
  }

  @Test func pipanUnconstrainedRefutesAWrongNegativeCell() {
    #expect(PIPAClaims.pipanUnconstrained(Self.quick) { p, g in p * g }.verdict == .refuted)
  }

  @Test func klReductionRefutesAWrongConditional() throws {
    let o = try PIPAClaims.klReduction(Self.quick) { lf, lg, lp, c in c == 1 ? lf + lg - lp : lf }
    #expect(o.verdict == .refuted)
  }

  @Test func algorithm1LossRefutesTheUnclippedPositiveTerm() {
    let o = PIPAClaims.algorithm1Loss(Self.quick) { lf, lg0, lp, c in
      PIPAM.tokenLoss(logRatio: lf + lg0 - lp, label: c, epsilon: 1e-10)
    }
    #expect(o.verdict == .refuted)
  }

  @Test func practicalVsTheoremApproximateWhenPositivesAreClippedToo() throws {
    let o = try PIPAClaims.practicalVsTheorem(Self.quick) { l, c, e in
      c == 1 ? -min(l, 0) : PIPAM.tokenLoss(logRatio: l, label: c, epsilon: e)
    }
    #expect(o.verdict == .approximate)
  }

  @Test func answerLevelEncodingRefutedWithAWrongTokenPrior() {
    let o = PIPAClaims.answerLevelEncoding(Self.quick) { lg, t in lg / Double(t + 1) }
    #expect(o.verdict == .refuted)
  }

  @Test func dpoEquivalenceRefutedWithThePriorOnTheWrongConditional() throws {
    let o = try PIPAClaims.dpoEquivalence(Self.quick) { _, lq0 in lq0 }
    #expect(o.verdict == .refuted)
  }

  @Test func dpoBetaConfirmedWhenBetaIsAlwaysOne() throws {
    #expect(try PIPAClaims.dpoEquivalenceBeta(Self.quick) { _, _ in 1 }.verdict == .confirmed)
  }

  @Test func sftIsMLERefutedAgainstTheNegativeFrequencies() {
    let o = PIPAClaims.sftIsMLE(Self.quick) { _, neg in PIPAOptimizer.pinned(neg.map { $0 / neg.reduce(0, +) }) }
    #expect(o.verdict == .refuted)
  }

  @Test func pipanMLERefutedWhenThePriorIsWrong() {
    #expect(PIPAClaims.pipanConstrainedMLE(Self.quick, misspecifyWellSpecified: true).verdict == .refuted)
  }

  @Test func treeEquivalenceConfirmedWithoutTheStopGradient() throws {
    let o = try PIPAClaims.treeEquivalence(Self.quick) { x, _, beta in PIPAClaims.sequenceDPO(x, beta: beta) }
    #expect(o.verdict == .confirmed)
  }

  @Test func stepBayesRefutesAWrongTau() {
    #expect(PIPAClaims.stepBayes(Self.quick) { $0 / ($0 + 2) }.verdict == .refuted)
  }

  @Test func stepMarginalConstraintRefutedWhenTheHeadIsRescaled() {
    let o = PIPAClaims.stepMarginalConstraint(Self.quick) { g0, p, f in min(g0, p / f) / 2 }
    #expect(o.verdict == .refuted)
  }

  @Test func ktoLossTypeConfirmedWhenBothSidesAreTheLogLikelihood() throws {
    let o = try PIPAClaims.ktoLossType(Self.quick, eq10: PIPAClaims.logLikelihoodPhi)
    #expect(o.verdict == .confirmed)
  }

  @Test func pipamMLERefutedWhenThePriorIsNotTheMarginal() {
    let o = PIPAClaims.pipamConstrainedMLE(Self.quick) { m in
      let s = m.map { $0 * $0 }.reduce(0, +)
      return m.map { $0 * $0 / s }
    }
    #expect(o.verdict == .refuted)
  }

  @Test func objectiveDirectionWrongSignNoteFollowsTheOutcome() throws {
    // The "wrong sign" note appears only when the check failed and θ_KL is a local maximizer of
    // P on every decided instance.
    let wrongSign = "has the wrong sign"
    #expect(PIPAClaims.objectiveDirectionNotes(failures: 3, decided: 3, localMax: 3)
      .contains { $0.contains(wrongSign) })
    #expect(!PIPAClaims.objectiveDirectionNotes(failures: 0, decided: 3, localMax: 0)
      .contains { $0.contains(wrongSign) })
    #expect(!PIPAClaims.objectiveDirectionNotes(failures: 2, decided: 3, localMax: 2)
      .contains { $0.contains(wrongSign) })
    #expect(!PIPAClaims.objectiveDirectionNotes(failures: 0, decided: 0, localMax: 0)
      .contains { $0.contains(wrongSign) })
    // And on the real run (refuted, Hessian of P negative definite at θ_KL) it is present.
    let out = try PIPAClaims.objectiveDirection(CheckContext(seed: 1, mode: .quick))
    #expect(out.verdict == .refuted)
    #expect(out.notes.contains { $0.contains(wrongSign) }, "\(out.notes)")
  }

  @Test func couplingRefutedWhenTheNegativesAreNotRedrawn() {
    // The "redrawn" n₀ equals the first: f* cannot move, so no dataset shows dependence.
    let o = PIPAClaims.pipamCoupling(Self.quick) { n0, _ in n0 }
    #expect(o.verdict == .refuted)
  }
}
