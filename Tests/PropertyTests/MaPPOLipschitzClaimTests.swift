// MaPPO's gradient-norm and Lipschitz claims and the SFT-reduction gradient claims
// (../shared/claims/mappo.md; paper 000_f3e0a040f5e536e0.txt §4.2 eqs. 9–13, App. A.2 eqs.
// 25–30): each check runs in quick mode with a fixed seed and gives the verdict it gives in
// full mode, verified against the paper's algebra; and for each, the same checking logic fed a
// deliberately wrong piece (loss, weight, right-hand side, constant, Hessian) changes verdict.
import Analytic
import Claims
import Numerics
import Testing

@Suite struct MaPPOLipschitzClaimTests {
  static let seed: UInt64 = 20_251_130
  let ctx = CheckContext(seed: MaPPOLipschitzClaimTests.seed, mode: .quick)

  // Why each verdict is what the mathematics gives:
  // gradient-identity: π_ref does not depend on θ, so ∇(10) = ∇L_SFT exactly.   → confirmed
  // learning-rate-factor: g₉ = mean_i w_i·g_i with w_i = βσ(−u_i); parallel to mean_i g_i for
  //   N = 1 or equal u_i, not for a batch with different margins.             → conditional
  // pointwise: one T1 pair, K = 2, θ = 0, θ_ref = (−0.3, 0), β = 10, Δr = 0: ρ_l < 0 so
  //   u_MaP = 1.61 < u_DPO = 3.0 and ‖∇ℓ_MaP‖ = 1.176 > ‖∇ℓ_DPO‖ = 0.671; only Δr = 1
  //   (MaPPO = DPO) separates the cases (on T2, ρ_l ≥ 0 alone does not).      → conditional
  // sup: on a box of T1 logits DPO's sup is reached at the corner minimizing θ_w − θ_l, where
  //   σ(−u_DPO) is largest and ‖s_w − s_l‖ = √2 ≥ ‖s_w − Δr s_l‖.              → confirmed
  // eq28-equality: τ_θ − τ_θ′ = −β[w(θ)a(θ) − w(θ′)a(θ′)]; the triangle inequality gives ≤ at
  //   best, and the weights differ between θ and θ′.                          → refuted
  // bound: ∇²ℓ = β²σ(u)σ(−u)aaᵀ + β(1 − Δr)σ(−u)Cov(φ); at θ = 0 with one feature −1 the
  //   first term alone (β = 10) is 14.1 > L_MaP = 5.                            → refuted
  // map-vs-dpo: on T2 DPO's Hessian has no Cov term ((φ_w − φ_l) is constant) and is O(β²),
  //   MaPPO's Cov term is O(β): for small β, L̂_MaP > L̂_DPO.                     → refuted
  static let expected: [(String, Verdict)] = [
    ("mappo.reduces-to-sft.gradient-identity", .confirmed),
    ("mappo.reduces-to-sft.learning-rate-factor", .conditional),
    ("mappo.grad-norm-bounded.pointwise", .conditional),
    ("mappo.grad-norm-bounded.sup", .confirmed),
    ("mappo.lipschitz.eq28-equality", .refuted),
    ("mappo.lipschitz.bound", .refuted),
    ("mappo.lipschitz.map-vs-dpo", .refuted),
  ]

  @Test(arguments: expected)
  func verdictInQuickMode(id: String, verdict: Verdict) throws {
    let claim = try #require(ClaimRegistry.claim(id: id))
    let out = try claim.check(ctx)
    #expect(out.verdict == verdict, "\(id): \(out.summary)")
    if verdict == .refuted { #expect(out.counterexample != nil) }
    if verdict == .conditional { #expect(!out.conditions.isEmpty) }
  }

  @Test func conditionsAreTheOnesTheAlgebraGives() throws {
    let lr = try #require(ClaimRegistry.claim(id: "mappo.reduces-to-sft.learning-rate-factor")).check(ctx)
    #expect(lr.conditions.map(\.condition).contains("N = 1"))
    #expect(lr.conditions.map(\.condition).contains("all u_i equal"))
    let pw = try #require(ClaimRegistry.claim(id: "mappo.grad-norm-bounded.pointwise")).check(ctx)
    #expect(pw.conditions.map(\.condition).contains("Δr = 1"))
    #expect(!pw.conditions.map(\.condition).contains("ρ_l ≥ 0"))
  }

  // gradient-identity: a claimed gradient 0.1 % too large must be caught by the FD rule.
  @Test func gradientIdentityCatchesAWrongGradient() throws {
    let wrong: PairLossFunction<Int> = { lw, ll, p in
      let v = try MaPPOClaims.sftPairLoss()(lw, ll, p)
      return (v.value, v.dChosen * 1.001, v.dRejected)
    }
    #expect(try MaPPOClaims.sftGradientIdentityCheck(ctx, claimedLoss: wrong).verdict == .refuted)
  }

  // equivalence: with a weight independent of u, g₉ ∝ g_SFT always — the verdict flips.
  @Test func learningRateFactorConfirmsAConstantWeight() {
    let out = MaPPOClaims.learningRateFactorCheck(ctx, weightOverride: { beta, _ in beta * 0.5 })
    #expect(out.verdict == .confirmed, "\(out.summary)")
  }

  // inequality: feeding the DPO loss as "MaPPO" makes both sides equal — confirmed.
  @Test func pointwiseConfirmsWhenBothSidesAreDPO() {
    let out = MaPPOClaims.gradNormPointwiseCheck(ctx, mappoLoss: { MaPPOClaims.pairLossDPO(beta: $0) })
    #expect(out.verdict == .confirmed, "\(out.summary)")
  }

  // bound: a MaPPO gradient scaled by 2 exceeds DPO's supremum — refuted.
  @Test func supRefutesADoubledGradient() throws {
    let doubled: (Double) -> PairLossFunction<Int> = { beta in
      { lw, ll, p in
        let v = try MaPPOClaims.pairLossMaPPO(beta: beta)(lw, ll, p)
        return (2 * v.value, 2 * v.dChosen, 2 * v.dRejected)
      }
    }
    #expect(try MaPPOClaims.gradNormSupCheck(ctx, mappoLoss: doubled).verdict == .refuted)
  }

  // identity: a true rewriting of the left side, β‖w(θ)a(θ) − w(θ′)a(θ′)‖, is confirmed.
  @Test func eq28ConfirmsATrueRewriting() throws {
    let out = try MaPPOClaims.eq28Check(ctx) { t, _ in
      let a = zip(t.scoreChosen, t.scoreRejected).map { t.weightAtTheta * ($0 - t.deltaR * $1) }
      let b = zip(t.scoreChosenPrime, t.scoreRejectedPrime).map { t.weightAtThetaPrime * ($0 - t.deltaR * $1) }
      return t.beta * norm(zip(a, b).map { $0 - $1 })
    }
    #expect(out.verdict == .confirmed, "\(out.summary)")
  }

  // bound: a valid constant (the global Hessian bound β²(1 + Δr)²D²/4 + β(1 − Δr)D²/4) is
  // confirmed where the printed L_MaP is refuted.
  @Test func lipschitzBoundConfirmsAValidConstant() throws {
    let out = try MaPPOClaims.lipschitzBoundCheck(ctx) {
      MaPPOGradientAnalysis.hessianBound(beta: $0.beta, deltaR: $0.deltaR, featureDiameter: $0.featureDiameter)
    }
    #expect(out.verdict == .confirmed, "\(out.summary)")
  }

  // A Hessian 1 % off fails the FD cross-check: the verdict becomes inconclusive.
  @Test func mapVsDPOCatchesAWrongHessian() throws {
    let out = try MaPPOClaims.mapVsDPOCheck(ctx) { ws, theta, f, c in
      try ws.fill(theta, f, c)
      for i in ws.hessian.indices { ws.hessian[i] *= 1.01 }
    }
    #expect(out.verdict == .inconclusive, "\(out.summary)")
  }

  // The workspace Hessian (map-vs-dpo's sup search) is PairDataset.hessian bit for bit, and
  // its spectral norm is the largest |λ| of SymmetricEigen.eigenvalues, exactly: the same
  // sums in the same order and the same gsl_eigen_symm call (any difference is a defect).
  @Test(arguments: [(1, 0.3), (4, 0.95), (4, 0.0)])
  func t2HessianWorkspaceMatchesPairDatasetHessian(pairs: Int, deltaR: Double) throws {
    var r = RandomStream(seed: 5 + UInt64(pairs))
    for _ in 0..<20 {
      let k = r.uniformInt(in: 4...16)
      let d = r.uniformInt(in: 2...6)
      let model = LinearSoftmax(responses: k, dimension: d, random: &r)
      let ref = model.logProbabilities((0..<d).map { _ in r.gaussian() })
      let pairList = (0..<pairs).map { _ -> ModelPair<Int> in
        let w = r.uniformInt(in: 0...(k - 1))
        let l = (w + r.uniformInt(in: 1...(k - 1))) % k
        return ModelPair(chosen: w, rejected: l, refLogProbChosen: ref[w], refLogProbRejected: ref[l], deltaR: deltaR)
      }
      let data = PairDataset(model: model, pairs: pairList)
      let ws = try T2HessianWorkspace(data)
      let beta = 0.01 + 3 * r.uniform()
      for dpo in [false, true] {
        let f: PairLossFunction<Int> = dpo ? MaPPOClaims.pairLossDPO(beta: beta) : MaPPOClaims.pairLossMaPPO(beta: beta)
        let c: PairLossCurvature<Int> = mappoPairCurvature(beta: beta, forceDeltaROne: dpo)
        let theta = (0..<d).map { _ in 3 * r.gaussian() }
        try ws.fill(theta, f, c)
        let h = try data.hessian(theta, f, c)
        #expect(Array(ws.hessian) == h)
        let e = try SymmetricEigen.eigenvalues(h, n: d).map(abs).max()
        #expect(try ws.hessianSpectralNorm() == e)
      }
    }
  }

  // The analytic T2 Hessian agrees with central differences of the analytic gradient.
  @Test func pairDatasetHessianMatchesFiniteDifferences() throws {
    var r = RandomStream(seed: 11)
    let model = LinearSoftmax(responses: 6, dimension: 3, random: &r)
    let ref = model.logProbabilities([0.2, -0.4, 0.1])
    let pairs = [ModelPair(chosen: 0, rejected: 3, refLogProbChosen: ref[0], refLogProbRejected: ref[3], deltaR: 0.3)]
    let data = PairDataset(model: model, pairs: pairs)
    let f: PairLossFunction<Int> = MaPPOClaims.pairLossMaPPO(beta: 0.7)
    let theta = [0.5, -1.0, 0.25]
    let h = try data.hessian(theta, f, mappoPairCurvature(beta: 0.7))
    for i in 0..<3 {
      let comps = try FDRule.compare(
        f: { x in (try? data.gradient(x, f))?[i] ?? .nan }, gradient: Array(h[(3 * i)..<(3 * i + 3)]), at: theta, random: &r)
      #expect(comps.allSatisfy { $0.passed })
    }
  }
}
