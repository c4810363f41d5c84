// MPO §3 claims (../shared/claims/mpo.md §3; paper 001_0ef3930bdbd6a134.txt App. F, §5
// Theorem 2, §7): every check runs in quick mode with a fixed seed and gives the verdict it
// gives in full mode; for each kind of check, the same logic fed a wrong piece (number,
// formula, bound, probability) changes verdict.
@testable import Claims
import Analytic
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MPORelClaimTests {
  static let seed: UInt64 = 20_251_130
  let ctx = CheckContext(seed: MPORelClaimTests.seed, mode: .quick)

  // Why each verdict is what the mathematics gives:
  // flip-probability: ŝ_j − ŝ_i ~ N(mΔ, 2σ²) and σ ≤ β/k ⇔ Δ/σ ≥ 1/β.            → confirmed
  // cross-pair-count: c(k, m) = min(m, k − m): m only for m ≤ n.              → conditional
  // union-coverage: k = 4, noisy order ŝ₂ < ŝ₄ < ŝ₁ < ŝ₃ fails MPO through the gap-3 pair
  //   (1, 4) alone.                                                            → refuted
  // truncated-sum / failure-bound: c(k, m) = min(m, k − m) ≤ m; the full union bound holds
  //   and B_n keeps the dominant terms on the grid.                            → confirmed
  // lemma4, mills-step, sum-to-integral: Mills' inequality, decreasing terms. → confirmed
  // integral-closed-form: ∫₁^∞ e^{−x²/(4β²)}dx = β√π erfc(1/(2β)), so the left side is
  //   β² erfc(1/(2β)) ≠ β erfc(1/(2β)) unless β = 1.                           → refuted
  // c-le-u: C = β²/2 − 1/24 + … grows faster than U ~ 1.56β: crossing β× ≈ 2.70960. → conditional
  // u1-value: U(1) = 0.918891…                                                 → confirmed
  // u-monotone: U′ = erfc(1/(2β)) + e^{−1/(4β²)}(1 + 1/β + 1/(2β²))/√π > 0.    → confirmed
  // positivity-all-beta: C = 1 at β_C = √(25/12) ≈ 1.44338 > 1.               → conditional
  // positivity-beta-le-1: β_U ≈ 1.05132 > 1 and Pr ≥ 1 − C ≥ 1 − U.            → confirmed
  // uniform-in-k: items far from the middle contribute Φ(−d/(√2τ)).            → confirmed
  // pl-pair-count: ⌊k/2⌋ disjoint pairs, one more than printed for even k.     → refuted
  // pl-bound-appendix / pl-bound-main: the pair probability is Φ(1/(√2τ)) ≥ q_β, a lower
  //   bound; the upper bound needs τ = β, so σ < β/k breaks it.                → conditional
  // gamma-q: c_k = −log q_β (even k), −½ log q_β (odd).                        → confirmed
  // pl-exponential-decay: log P ≈ −kΦ(−1/(√2τ)); τ = β/√k or β/k makes the rate vanish, and
  //   τ = 0.1β is too small for the −10⁻³ slope rule.                          → conditional
  // mean-partition-transfer: the mean threshold also needs the two middle items on the right
  //   side of the noisy mean (k = 4, β = 0.25: ≈ 0.98 < 1 − C = 0.9977).       → refuted
  // bins.reliability-monotone: more cuts, each about as likely to fail as the middle one.
  static let expected: [(String, Verdict)] = [
    ("mpo.thm4.flip-probability", .confirmed),
    ("mpo.thm4.cross-pair-count", .conditional),
    ("mpo.thm4.union-coverage", .refuted),
    ("mpo.thm4.truncated-sum-bound", .confirmed),
    ("mpo.thm4.failure-bound", .confirmed),
    ("mpo.thm4.lemma4-gaussian-tail", .confirmed),
    ("mpo.thm4.mills-step", .confirmed),
    ("mpo.thm4.sum-to-integral", .confirmed),
    ("mpo.thm4.integral-closed-form", .refuted),
    ("mpo.thm4.c-le-u", .conditional),
    ("mpo.thm4.u1-value", .confirmed),
    ("mpo.thm4.u-monotone", .confirmed),
    ("mpo.thm4.positivity-all-beta", .conditional),
    ("mpo.thm4.positivity-beta-le-1", .confirmed),
    ("mpo.thm4.uniform-in-k", .confirmed),
    ("mpo.thm4.pl-pair-count", .refuted),
    ("mpo.thm4.pl-bound-appendix", .conditional),
    ("mpo.thm2.pl-bound-main", .conditional),
    ("mpo.thm4.gamma-q", .confirmed),
    ("mpo.thm4.pl-exponential-decay", .conditional),
    ("mpo.thm2.mean-partition-transfer", .refuted),
    ("mpo.bins.reliability-monotone", .confirmed),
  ]

  @Test(arguments: expected)
  func verdictInQuickMode(id: String, verdict: Verdict) throws {
    let claim = try #require(ClaimRegistry.claim(id: id))
    let out = try claim.check(ctx)
    #expect(out.verdict == verdict, "\(id): \(out.summary)")
    if verdict == .refuted { #expect(out.counterexample != nil) }
    if verdict == .conditional { #expect(!out.conditions.isEmpty) }
  }

  @Test func catalogOrderAndCount() {
    #expect(MPOReliabilityClaims.all.map(\.id) == Self.expected.map(\.0))
  }

  @Test func thresholdsAreTheMpmathOnes() throws {
    // mpmath (mp.dps = 50): findroot(lambda b: log(C(b)) - log(U(b)), 3) → 2.7095995896023662031;
    // findroot(lambda b: C(b) - 1, 1.5) → 1.4433756729740644113.
    let cu = try MPOReliabilityClaims.cLeUCheck(ctx)
    #expect(cu.summary.contains("2.70959958960"))
    let pc = try MPOReliabilityClaims.positivityAllBetaCheck(ctx)
    #expect(pc.summary.contains("1.4433756729"))
    let ic = try MPOReliabilityClaims.integralClosedFormCheck(ctx)
    #expect(abs((ic.counterexample?.inputs.first?.value ?? 0) - 0.01) < 1e-15)
    let un = try MPOReliabilityClaims.unionCoverageCheck(ctx)
    #expect(un.counterexample?.inputs.first?.value == 4)
  }

  // MARK: mutations, one or more per kind

  // identity: a printed flip probability with √2 dropped is caught by the Monte Carlo part.
  @Test func flipCatchesAWrongProbability() throws {
    let out = try MPOReliabilityClaims.flipProbabilityCheck(ctx) { m, d, s in
      try StandardNormal.cdf(-m * d / s).value
    }
    #expect(out.verdict == .refuted, "\(out.summary)")
  }

  // identity: the true count min(m, k − m) confirms; the union with every gap covers failure.
  @Test func identityChecksConfirmTheCorrectedStatements() throws {
    #expect(MPOReliabilityClaims.crossPairCountCheck(ctx) { k, m in min(m, k - m) }.verdict == .confirmed)
    #expect(try MPOReliabilityClaims.unionCoverageCheck(ctx) { 2 * $0 - 1 }.verdict == .confirmed)
    #expect(MPOReliabilityClaims.plPairCountCheck(ctx) { $0 / 2 }.verdict == .confirmed)
    let fixed = try MPOReliabilityClaims.integralClosedFormCheck(ctx) { b in
      2 * log(b) + (try SpecialFunctions.logErfc(1 / (2 * b))).value
    }
    #expect(fixed.verdict == .confirmed, "\(fixed.summary)")
    // A count claimed m + 1 fails inside the base case: refuted.
    #expect(MPOReliabilityClaims.crossPairCountCheck(ctx) { _, m in m + 1 }.verdict == .refuted)
  }

  // identity: γ = −log q (twice the printed γ) makes c_k grow linearly.
  @Test func gammaQCatchesAWrongGamma() throws {
    let out = try MPOReliabilityClaims.gammaQCheck(ctx) { b in
      -(try MPOReliability.logQ(beta: b).value)
    }
    #expect(out.verdict == .refuted, "\(out.summary)")
  }

  // inequality: right sides 1 % too small are caught.
  @Test func inequalitiesCatchSmallerRightSides() throws {
    let l4 = try MPOReliabilityClaims.lemma4Check(ctx) { t in
      -t * t / 2 - log(t * (2 * Double.pi).squareRoot()) + log(0.99)
    }
    #expect(l4.verdict == .refuted)
    let ms = try MPOReliabilityClaims.millsStepCheck(ctx) { m, b in
      log(b) - 0.5 * log(Double.pi) - m * m / (4 * b * b) + log(0.99)
    }
    #expect(ms.verdict == .refuted)
    let si = try MPOReliabilityClaims.sumToIntegralCheck(ctx) { b in
      -1 / (4 * b * b) + (try MPOReliabilityClaims.logScaledIntegral(beta: b)).value - 2
    }
    #expect(si.verdict == .refuted)
    let ts = try MPOReliabilityClaims.truncatedSumBoundCheck(ctx) { n, b in
      try MPOReliability.truncatedSum(n: n, beta: b) / 10
    }
    #expect(ts.verdict == .refuted)
  }

  // inequality: U doubled gives C ≤ U everywhere (confirmed); a decreasing "U" is refuted.
  @Test func constantChecksChangeWithTheFunction() throws {
    let cu = try MPOReliabilityClaims.cLeUCheck(ctx) { b in
      try MPOReliability.logU(beta: b).value + log(b * b + 2)
    }
    #expect(cu.verdict == .confirmed, "\(cu.summary)")
    let um = try MPOReliabilityClaims.uMonotoneCheck(
      ctx, logU: { -log($0) }, dLogU: { -1 / $0 })
    #expect(um.verdict == .refuted)
  }

  // bound: C/10 is violated; 2U reaches 1 at β ≈ 0.7 < 1, so β_U ≤ 1 refutes.
  @Test func boundsCatchSmallerBounds() throws {
    let fb = try MPOReliabilityClaims.failureBoundCheck(ctx) { b in
      try MPOReliability.c(beta: b).value / 10
    }
    #expect(fb.verdict == .refuted, "\(fb.summary)")
    let le1 = try MPOReliabilityClaims.positivityBetaLe1Check(
      ctx, u: { b in 2 * (try MPOReliability.u(beta: b).value) },
      logU: { b in try MPOReliability.logU(beta: b).value })
    #expect(le1.verdict == .refuted, "\(le1.summary)")
    let pl = try MPOReliabilityClaims.plBoundCheck(ctx, label: "q^k") { k, b in
      Double(k) * (try MPOReliability.logQ(beta: b).value)
    }
    #expect(pl.verdict == .refuted, "\(pl.summary)")
    let mp = try MPOReliabilityClaims.meanPartitionCheck(ctx) { _ in 0.1 }
    #expect(mp.verdict == .confirmed, "\(mp.summary)")
  }

  // threshold: C/10⁷ stays below 1 up to β = 1000 (C(1000) ≈ 5·10⁵): confirmed; 10·C reaches 1
  // at β ≈ 0.45 < 1: refuted.
  @Test func thresholdMovesWithC() throws {
    let out = try MPOReliabilityClaims.positivityAllBetaCheck(ctx) { b in
      try MPOReliability.logC(beta: b).logSum.value - log(1e7)
    }
    #expect(out.verdict == .confirmed, "\(out.summary)")
    let early = try MPOReliabilityClaims.positivityAllBetaCheck(ctx) { b in
      try MPOReliability.logC(beta: b).logSum.value + log(10)
    }
    #expect(early.verdict == .refuted, "\(early.summary)")
  }

  // numeric-value: a printed 0.92 is off by more than half a unit of its last digit.
  @Test func u1CatchesAnotherPrintedValue() throws {
    #expect(try MPOReliabilityClaims.u1ValueCheck(printed: 0.92).verdict == .refuted)
  }

  // limit: a probability that halves with every doubling of k never converges.
  @Test func uniformInKCatchesADecayingProbability() throws {
    let out = try MPOReliabilityClaims.uniformInKCheck(ctx) { k, _ in
      Estimate(value: 1 / Double(k), error: 0)
    }
    #expect(out.verdict == .refuted, "\(out.summary)")
  }

  // rate: log P = −√k decays subexponentially for every schedule; log P = −k/10 for all decays.
  @Test func decayRuleSeparatesRates() throws {
    let slow = try MPOReliabilityClaims.plExponentialDecayCheck(ctx) { k, _ in -Double(k).squareRoot() / 100 }
    #expect(slow.verdict == .refuted, "\(slow.summary)")
    let fast = try MPOReliabilityClaims.plExponentialDecayCheck(ctx) { k, _ in -Double(k) / 10 }
    #expect(fast.verdict == .confirmed, "\(fast.summary)")
  }

  // inequality (Monte Carlo): a histogram in which only the finest partition is right breaks
  // the nesting (b₁ | b₂ correct at b₂ but not b₁): flagged as an implementation error.
  @Test func binsCatchAnIncreasingReliability() throws {
    let out = try MPOReliabilityClaims.binsMonotoneCheck(ctx) { n, _, _, bs, _ in
      var h = [Int](repeating: 0, count: 1 << bs.count)
      h[1 << (bs.count - 1)] = n  // only the largest b correct
      return h
    }
    #expect(out.verdict == .inconclusive, "\(out.summary)")
  }

  // Monte Carlo consistency: a wrong "exact" failure probability is an implementation error.
  @Test func crossCheckFlagsAWrongExactValue() throws {
    let checks = try MPOReliabilityClaims.crossCheckFailure(
      ctx, label: "mutation", cells: [.init(k: 4, tau: 1)]
    ) { _ in 0.9 }
    #expect(MPOReliabilityClaims.implementationError(checks)?.verdict == .inconclusive)
  }
}
