import Numerics
import Testing

// The last non-empirical AlphaPO checks (../shared/claims/alphapo.md; 003_5c1a521bcc07b90e.txt
// §3.1, A.1–A.3): each runs in quick mode with its verdict asserted (the full-mode verdict,
// see the comments), and a mutation test per check feeds it a wrong formula and sees the
// verdict change.
@testable import Analytic
@testable import Claims

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AlphaPOLateClaimTests {
  // Verdicts, each verified against the math:
  // simpo-increases-margin: S/D1 gives dm/dt = βσ(−z)‖∇m‖² ≥ 0; D2's margin
  //   (1/|y_w| − 1/|y_l|) log π_w moves with ∇log π_w alone and falls on decisive steps; the
  //   dataset mean weights ∇m_i by σ(−z_i) → conditional (D1, and S ∧ D1).
  // thm31-proof-asymptotics: (11) ρ = log(1 − e^{−αd}) → 0 (confirmed); (12) ρ = −(β/α)e^{αc_w}
  //   − γ → −∞ but log f/log g → 1 (approximate); (13), (14)–(15) need ∂π_l/∂v ≠ 0 (C2), and
  //   2(b) ρ → log|A_w| needs ∂π_w/∂v ≠ 0 (C1) → conditional.
  // loss-gradient-eq19: (19) is the chain rule of (4) → confirmed.
  // thm32-preferred-increases: dπ_w/dt = −ℓ′r′(π_l)‖∇π_w‖²[(9) left − (9) right] → confirmed.
  // cor33-derivation-steps: (26) → (27) inverts ⟨∇π_w,∇π_l⟩/‖∇π_w‖² → refuted at (26) → (27).
  // alpha-controls-ratio: log ratio = const − mα exactly; the bracket's e^{αc_w} term wins
  //   as α → ±∞ on the side where c_w > c_l → confirmed.
  static let expected: [(String, Verdict)] = [
    ("alphapo.simpo-increases-margin", .conditional),
    ("alphapo.thm31-proof-asymptotics", .conditional),
    ("alphapo.loss-gradient-eq19", .confirmed),
    ("alphapo.thm32-preferred-increases", .confirmed),
    ("alphapo.cor33-derivation-steps", .refuted),
    ("alphapo.alpha-controls-ratio", .confirmed),
  ]

  /// The checks by id, taken from their statics (so the suite does not depend on registration).
  static let claims: [Claim] = [
    AlphaPOClaims.simpoIncreasesMargin, AlphaPOClaims.thm31ProofAsymptotics,
    AlphaPOClaims.lossGradientEq19,
    AlphaPOClaims.thm32PreferredIncreases, AlphaPOClaims.cor33DerivationSteps,
    AlphaPOClaims.alphaControlsRatio,
  ]

  @Test(arguments: expected)
  func quickVerdict(id: String, verdict: Verdict) throws {
    let claim = try #require(Self.claims.first { $0.id == id })
    let out = try claim.check(CheckContext(seed: 1, mode: .quick))
    #expect(out.verdict == verdict, "\(id): \(out.summary)")
    if verdict == .refuted { #expect(out.counterexample != nil) }
    if verdict == .conditional { #expect(!out.conditions.isEmpty) }
  }

  @Test func marginCheckFailsOnWrongLossGradient() throws {
    // Gradient ascent instead of descent: the D1 margin now falls.
    let wrong = try AlphaPOClaims.simpoMarginCheck(CheckContext(seed: 1, mode: .quick)) {
      pair, b, g in
      let (a, c) = try AlphaPOClaims.simpoPairGradient(pair, b, g)
      return (-a, -c)
    }
    #expect(wrong.verdict == .refuted, "\(wrong.summary)")
  }

  @Test func asymptoticsCheckFailsOnWrongStatement() {
    var r = RandomStream(seed: 7)
    let p = AlphaPOMarginClasses.signed(&r, sign: 1, count: 100)
    let n = AlphaPOMarginClasses.signed(&r, sign: -1, count: 100)
    let printed = AlphaPOClaims.proofAsymptoticStatements[0]
    #expect(
      AlphaPOClaims.proofAsymptoticsCheck(p: p, n: n, statements: [printed]).verdict == .confirmed)
    // (11) with the dominated term: δr ∼ (β/α)e^{αc_w} is false for m > 0.
    let wrong = AlphaPOClaims.AsymptoticStatement(name: "mutant", positiveMargin: true) { e, g, a in
      let lg = log(e.beta) - log(a) + a * e.cw
      return AlphaPOClaims.AsymptoticPoint(rho: g.logAbsDeltaR - lg, q: g.logAbsDeltaR / lg)
    }
    #expect(
      AlphaPOClaims.proofAsymptoticsCheck(p: p, n: n, statements: [wrong]).verdict == .refuted)
  }

  @Test func lossGradientCheckFailsOnWrongEq19() throws {
    let wrong = try AlphaPOClaims.lossGradientCheck(CheckContext(seed: 1, mode: .quick)) { e, a in
      var f = e
      f.aw *= 2  // a wrong r′(π_w)
      return AlphaPOGradientFactors.signedGradientEq6(f, alpha: a)
    }
    #expect(wrong.verdict == .refuted)
  }

  @Test func lossGradientSignLineFailsOnIncreasingLoss() throws {
    // −ℓ (a loss increasing in z) with (19) negated to match it: the FD gradient then points
    // along +b, so the measured ℓ′ is positive and the sign line fails.
    let wrong = try AlphaPOClaims.lossGradientCheck(
      CheckContext(seed: 1, mode: .quick), loss: { -AlphaPOClaims.eq19Loss($0, $1, $2, $3) }
    ) { e, a in -AlphaPOGradientFactors.signedGradientEq6(e, alpha: a) }
    #expect(wrong.verdict == .refuted)
    let sign = wrong.classes.first { $0.name.hasPrefix("ℓ′(δr − γ) < 0") }
    #expect(sign.map { $0.failures > 0 && $0.failures == $0.cases } == true)
    let eq19 = wrong.classes.first { $0.name.hasPrefix("(19) vs FD") }
    #expect(eq19.map { $0.failures == 0 } == true)
  }

  @Test func preferredIncreasesCheckFailsOnWrongCondition() throws {
    // A condition that always "holds" admits the cases where dπ_w/dt < 0.
    let wrong = try AlphaPOClaims.preferredIncreasesCheck(CheckContext(seed: 1, mode: .quick)) {
      _, _ in true
    }
    #expect(wrong.verdict == .refuted)
    #expect(wrong.counterexample != nil)
  }

  @Test func derivationCheckConfirmsTheCorrectedChain() {
    // (27)–(28) with the ratio the way (26) gives it, and α₀ solved from that: every step agrees.
    @Sendable func corrected(_ x: AlphaPOGradientExample) -> Double {
      -x.logNormOverInner + x.logPiW + log(Double(x.lenW)) - x.logPiL - log(Double(x.lenL))
    }
    var steps = Array(AlphaPOClaims.printedDerivationSteps.prefix(2))
    steps.append(
      AlphaPOClaims.DerivationStep(name: "(27) corrected") { x, a in (-a * x.margin, corrected(x)) }
    )
    steps.append(
      AlphaPOClaims.DerivationStep(name: "(29)/(30) corrected") { x, a in
        let a0 = -corrected(x) / x.margin
        return x.margin > 0 ? (a0, a) : (a, a0)
      })
    let ctx = CheckContext(seed: 1, mode: .quick)
    let ok = AlphaPOClaims.derivationStepsCheck(ctx, steps: steps)
    #expect(ok.verdict == .confirmed, "\(ok.summary)")
    #expect(
      AlphaPOClaims.derivationStepsCheck(ctx, steps: AlphaPOClaims.printedDerivationSteps).verdict
        == .refuted)
  }

  @Test func ratioCheckFailsOnWrongSlope() {
    // An extra αc_w term: slope c_w − m ≠ −m.
    let wrong = AlphaPOClaims.alphaControlsRatioCheck(CheckContext(seed: 1, mode: .quick)) { x, a in
      AlphaPOCorollary33.logRatioFromEq5(x, alpha: a) + a * x.cw
    }
    #expect(wrong.verdict == .refuted)
  }
}
