// The MPO §2 checks (claims/mpo.md, mpo.thm1.tv-rate-n … mpo.lemma3.pinsker) in quick mode
// with a fixed seed, and mutation tests that feed each kind of rule a wrong number or formula
// and see the verdict change.
@testable import Analytic
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct MPOTVConvergenceClaimTests {
  let ctx = CheckContext(seed: 20251130, mode: .quick)

  // MARK: rates

  @Test func tvRateNIsConfirmed() throws {
    #expect(try MPOConvergenceClaims.thm1TVRateN.check(ctx).verdict == .confirmed)
  }

  /// Synthetic errors with mean c·n^e (exponential noise) for the n-rate rule.
  func series(exponent e: Double, reps: Int, seed: UInt64) -> MPOTVSeries {
    var r = RandomStream(seed: seed)
    let ns = MPOTVSim.ns
    return MPOTVSeries(label: "synthetic n^\(e)", ns: ns,
      samples: ns.map { n in (0..<reps).map { _ in -log(r.uniformPositive()) * pow(Double(n), e) } },
      activeFractions: ns.map { _ in 0 })
  }

  // Mutation: an error decaying like n^{-1/4} is refuted, n^{-1/2} confirmed.
  @Test func nRateRuleSeparatesExponents() throws {
    var r = RandomStream(seed: 3)
    let slow = try MPOConvergenceClaims.nRateOutcome([series(exponent: -0.25, reps: 400, seed: 1)],
      ctx: ctx, random: &r, what: "TV")
    #expect(slow.verdict == .refuted)
    #expect(slow.counterexample != nil)
    let fast = try MPOConvergenceClaims.nRateOutcome([series(exponent: -0.5, reps: 400, seed: 2)],
      ctx: ctx, random: &r, what: "TV")
    #expect(fast.verdict == .confirmed)
  }

  @Test func kDependenceIsConfirmed() throws {
    #expect(try MPOConvergenceClaims.thm3KDependence.check(ctx).verdict == .confirmed)
  }

  // Mutation: ρ growing like k (TV ∝ k at fixed factor) is refuted.
  @Test func kDependenceRuleRejectsLinearGrowth() throws {
    var g = RandomStream(seed: 5)
    let perK = [2, 4, 8, 16, 32].map { k in
      (k: k, families: (0..<3).map { _ in
        MPOTVKFamily(factor: 1, tv: (0..<100).map { _ in Double(k) * (0.9 + 0.2 * g.uniform()) })
      })
    }
    var r = RandomStream(seed: 6)
    let out = try MPOConvergenceClaims.kDependenceOutcome(perK, n: 16384, resamples: 200, random: &r)
    #expect(out.verdict == .refuted)
  }

  // MARK: Lemma 2

  @Test func lemma2FirstInequalityIsConfirmed() throws {
    #expect(try MPOConvergenceClaims.lemma2FirstInequality.check(ctx).verdict == .confirmed)
  }

  // Mutation: a violating case is refuted when λ_seg ≥ m0/2 and conditional when λ_seg < m0/2.
  @Test func lemma2RuleSeparatesRefutedAndConditional() throws {
    var fr = RandomStream(seed: 7)
    let fam = MPOTVFamily.random(k: 2, m: 8, &fr)
    func c(_ rho: Double, _ n: Int) -> MPOTVLemma2Case {
      MPOTVLemma2Case(k: 2, family: 0, n: n, rep: 0, rho1: rho, fam: fam, thetaHat: fam.thetaStar, m0: 1)
    }
    let cases = [c(0.5, 16), c(2, 64), c(0.3, 256)]
    var r = RandomStream(seed: 8)
    let refuted = try MPOConvergenceClaims.lemma2Outcome(cases, sampleSize: 2, random: &r) { $0.m0 }
    #expect(refuted.verdict == .refuted)
    #expect(refuted.counterexample != nil)
    let cond = try MPOConvergenceClaims.lemma2Outcome(cases, sampleSize: 2, random: &r) { $0.m0 / 4 }
    #expect(cond.verdict == .conditional)
    #expect(cond.conditions.count == 1)
  }

  // Quick mode (200 repetitions per cell) cannot narrow the exponent intervals below 0.1.
  @Test func lemma2ConcentrationQuickIsNotRefuted() throws {
    let v = try MPOConvergenceClaims.lemma2Concentration.check(ctx).verdict
    #expect(v == .inconclusive)
  }

  // Mutation: ‖μ̂ − μ⋆‖ that does not shrink with n makes Ĉ1 grow like √n: refuted.
  @Test func concentrationRuleRejectsNonShrinkingError() throws {
    var g = RandomStream(seed: 9)
    var cells: [MPOTVMeanCell] = []
    for k in [2, 4] {
      for n in MPOTVSim.ns {
        cells.append(MPOTVMeanCell(k: k, family: 0, n: n, radius: 1,
          errors: (0..<300).map { _ in 0.5 + 0.1 * g.uniform() }))
      }
    }
    var r = RandomStream(seed: 10)
    let out = try MPOConvergenceClaims.concentrationOutcome(cells, resamples: 100, random: &r)
    #expect(out.verdict == .refuted)
  }

  // MARK: Theorem 3 eq. (17)

  // Quick mode's 100 repetitions per cell cannot put a Clopper–Pearson upper end below δ = 0.01.
  /// Both quantiles from one selection chain equal the separate selections, exactly, on
  /// seeded samples with ties, tiny and odd sizes, and δ's that round to the same index.
  @Test(arguments: [1, 2, 3, 7, 100, 2000]) func upperQuantilesMatchSeparateSelections(count: Int) {
    var r = RandomStream(seed: UInt64(count) &* 7919)
    for trial in 0..<20 {
      let v = (0..<count).map { _ in trial % 2 == 0 ? r.uniform() : Double(r.uniformInt(below: 5)) }
      let deltas = [0.1, 0.01, 0.5, 0.1 + 1e-9, 0.999]
      let both = MPOConvergenceClaims.upperQuantiles(v, deltas: deltas)
      #expect(both == deltas.map { MPOConvergenceClaims.upperQuantile(v, delta: $0) })
      let sorted = v.sorted()
      #expect(both == deltas.map { sorted[MPOConvergenceClaims.quantileIndex(count, delta: $0)] })
    }
  }

  @Test func eq17QuickIsInconclusive() throws {
    #expect(try MPOConvergenceClaims.thm3Eq17Explicit.check(ctx).verdict == .inconclusive)
  }

  // Mutation: with C1 = 0.01 the bound is far too small and is refuted; with C1 = 4 and
  // 2000 errors far below the bound it is confirmed.
  @Test func eq17RuleSeparatesConstants() throws {
    let cell = MPOTVEq17Cell(k: 2, family: 0, n: 1024, r: 1, m0: 0.5,
      tv: (0..<2000).map { 0.001 + 0.01 * Double($0 % 10) / 10 })
    #expect(try MPOConvergenceClaims.eq17Outcome([cell], c1: 0.01).verdict == .refuted)
    #expect(try MPOConvergenceClaims.eq17Outcome([cell]).verdict == .confirmed)
  }

  // MARK: Lemma 3

  @Test func klIdentityIsConfirmed() throws {
    #expect(try MPOConvergenceClaims.lemma3KLIdentity.check(ctx).verdict == .confirmed)
  }

  // Mutation: the Bregman form without its linear term is refuted.
  @Test func klIdentityRuleRejectsMissingLinearTerm() {
    let pairs = MPOTVLemma3Pairs.random(ctx, count: 60)
    let out = MPOConvergenceClaims.klIdentityOutcome(pairs) { f, a, b in
      f.logPartition(b) - f.logPartition(a)
    }
    #expect(out.verdict == .refuted)
  }

  @Test func klQuadraticIsConfirmed() throws {
    #expect(try MPOConvergenceClaims.lemma3KLQuadratic.check(ctx).verdict == .confirmed)
  }

  // Mutation: 3·KL exceeds (L0/2)‖Δ‖² somewhere (KL ≈ (λ/2)‖Δ‖² for small ρ).
  @Test func klQuadraticRuleRejectsInflatedKL() throws {
    let pairs = MPOTVLemma3Pairs.random(ctx, count: 30)
    let out = try MPOConvergenceClaims.klQuadraticOutcome(pairs) { 3 * $0.fam.klDirect($0.a, $0.b) }
    #expect(out.verdict == .refuted)
  }

  @Test func pinskerIsConfirmed() throws {
    #expect(try MPOConvergenceClaims.lemma3Pinsker.check(ctx).verdict == .confirmed)
  }

  // Mutation: 3·TV exceeds √(KL/2) somewhere.
  @Test func pinskerRuleRejectsInflatedTV() throws {
    let pairs = MPOTVLemma3Pairs.random(ctx, count: 30)
    let out = try MPOConvergenceClaims.pinskerOutcome(pairs) {
      3 * MPOTVFamily.totalVariation($0.fam.probabilities($0.b), $0.fam.probabilities($0.a))
    }
    #expect(out.verdict == .refuted)
  }

  // MARK: Remark 4

  @Test func remark4IsConfirmed() throws {
    #expect(try MPOConvergenceClaims.remark4SubGaussian.check(ctx).verdict == .confirmed)
  }

  // Mutation: an error decaying like n^{-1/4} fails the n-rule, so the combined rule refutes.
  @Test func remark4RuleRejectsSlowRate() throws {
    var r = RandomStream(seed: 12)
    let s = [series(exponent: -0.25, reps: 400, seed: 13)]
    let out = try MPOConvergenceClaims.remark4Outcome(s + s + s, ks: [1, 4, 16], ctx: ctx, random: &r)
    #expect(out.verdict == .refuted)
  }

  // MARK: Remark 2

  // λ_max ≤ tr Cov ≤ E_θ‖φ‖² ≤ R² holds at every θ, but the sup over a ball can exceed
  // E_θ⋆‖φ‖² (e.g. k = 1, M = 2, R = 0.5, ρ = 0.5): conditional on reading (i).
  @Test func remark2IsConditional() throws {
    let out = try MPOConvergenceClaims.remark2L0Bound.check(ctx)
    #expect(out.verdict == .conditional)
    #expect(out.conditions.count == 1)
  }

  // Mutation: L0 scaled by 10 exceeds R² (reading (i) fails): refuted.
  @Test func remark2RuleRejectsInflatedL0() throws {
    var g = RandomStream(seed: 14)
    let fam = MPOTVFamily.random(k: 2, m: 8, radius: 1, &g)
    var r = RandomStream(seed: 15)
    let out = try MPOConvergenceClaims.remark2Outcome([("test", fam, 1)], points: 5, steps: 2, random: &r, scale: 10)
    #expect(out.verdict == .refuted)
  }
}
