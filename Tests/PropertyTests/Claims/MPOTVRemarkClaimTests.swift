// mpo.remark1.finite-support and mpo.remark3.preference-data-rate (claims/mpo.md §2): the
// quick-mode verdict equals the full-mode verdict (computed once with a release build, see
// the comments) at two seeds, and mutation tests that inject a wrong rate or exponent into
// the same rule and see the verdict change.
@testable import Analytic
@testable import Claims
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct MPOTVRemarkClaimTests {
  /// Full-mode verdicts, from `verify run <id> --seed S` on a release build (session 3):
  /// remark1: conditional at both seeds (prefactor exponent of eq. (17) ≈ 2 > 0.6);
  /// remark3: confirmed at both seeds.
  static let seeds: [UInt64] = [20251130, 7]

  @Test(arguments: seeds) func remark1QuickMatchesFull(seed: UInt64) throws {
    let out = try MPOConvergenceClaims.remark1FiniteSupport.check(CheckContext(seed: seed, mode: .quick))
    #expect(out.verdict == .conditional, "\(out.summary)")
    #expect(out.conditions.count == 1)
  }

  @Test(arguments: seeds) func remark3QuickMatchesFull(seed: UInt64) throws {
    let out = try MPOConvergenceClaims.remark3PreferenceDataRate.check(CheckContext(seed: seed, mode: .quick))
    #expect(out.verdict == .confirmed, "\(out.summary)")
  }

  /// Multiplies every sample of `s` at sample size n by n^e (a wrong rate n^{−1/2+e}).
  static func slowed(_ s: MPOTVSeries, by e: Double) -> MPOTVSeries {
    var t = s
    t.samples = zip(s.ns, s.samples).map { n, v in v.map { $0 * pow(Double(n), e) } }
    return t
  }

  // Mutation (a): the simulated TV slowed to ~n^{−0.2} is refuted; (b): a prefactor growing
  // like √m (the remark's reading) turns conditional into confirmed.
  @Test func remark1RuleSeesWrongRateAndExponent() throws {
    let ctx = CheckContext(seed: 20251130, mode: .quick)
    let input = try MPOConvergenceClaims.remark1Inputs(ctx)
    var r = ctx.stream("mutation")
    let slow = try MPOConvergenceClaims.remark1Outcome(
      series: input.series.map { Self.slowed($0, by: 0.3) }, mSeries: input.mSeries,
      prefactors: input.prefactors, ctx: ctx, random: &r)
    #expect(slow.verdict == .refuted)
    #expect(slow.counterexample != nil)
    let sqrtM = input.prefactors.map {
      MPOTVPrefactorSeries(type: $0.type, ms: $0.ms, logF: $0.ms.map { 0.5 * log(Double($0)) })
    }
    let fine = try MPOConvergenceClaims.remark1Outcome(series: input.series,
      mSeries: input.mSeries, prefactors: sqrtM, ctx: ctx, random: &r)
    #expect(fine.verdict == .confirmed)
    // An m-exponent of ~1 (TV ∝ m at n = 2^14) fails (a).
    let linear = input.mSeries.map { s in
      MPOTVMSeries(type: s.type, ms: s.ms, samples: zip(s.ms, s.samples).map { m, v in
        v.map { $0 * Double(m).squareRoot() } })
    }
    let wide = try MPOConvergenceClaims.remark1Outcome(series: input.series, mSeries: linear,
      prefactors: input.prefactors, ctx: ctx, random: &r)
    #expect(wide.verdict == .refuted)
  }

  // Mutation: ‖θ̂ − θ⋆‖ slowed to ~n^{−0.2} in the simulated series is refuted.
  @Test func remark3RuleSeesWrongRate() throws {
    let ctx = CheckContext(seed: 20251130, mode: .quick)
    let (series, _) = MPOConvergenceClaims.remark3Series(ctx)
    var r = ctx.stream("mutation")
    let slow = try MPOConvergenceClaims.remark3Outcome(
      series.map { $0.label.contains("θ") ? Self.slowed($0, by: 0.3) : $0 }, ctx: ctx, random: &r)
    #expect(slow.verdict == .refuted)
    #expect(slow.counterexample != nil)
  }

  // The BT likelihood's gradient matches a central difference of its value (the fit's
  // stationarity is only as good as this gradient).
  @Test func choiceGradientMatchesDifference() throws {
    let ctx = CheckContext(seed: 20251130, mode: .quick)
    let fam = MPOTVSim.family(ctx, k: 4, index: 0, m: 32)
    var r = ctx.stream("grad")
    let data = MPOConvergenceClaims.remark3Draw(fam, sets: MPOConvergenceClaims.remark3Pairs,
      bt: true, n: 4096, &r)
    let th = fam.thetaStar.map { $0 + 0.1 }
    let g = MPOTVChoiceMLE.evaluate(fam, data, th, derivatives: true).gradient
    // h = 1e-5: truncation ~h²·|f'''| ≈ 1e-10, rounding ~ε·|f|/h ≈ 1e-11 (|f| < 2).
    let h = 1e-5
    for j in 0..<fam.k {
      var a = th
      var b = th
      a[j] += h
      b[j] -= h
      let fd = (MPOTVChoiceMLE.evaluate(fam, data, a, derivatives: false).value
        - MPOTVChoiceMLE.evaluate(fam, data, b, derivatives: false).value) / (2 * h)
      #expect(abs(fd - g[j]) <= 1e-8, "coordinate \(j): fd \(fd) vs \(g[j])")
    }
  }
}
