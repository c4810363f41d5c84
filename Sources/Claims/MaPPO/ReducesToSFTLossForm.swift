// mappo.reduces-to-sft.loss-form — §4.2 "Connection with SFT", eq. (9): with r_w = r_l
// (Δr = 0), eq. (8) becomes −log σ(β log π_θ(y_w)/π_ref(y_w)). ℓ₉ comes from its own
// implementation (SFTSigmoid), not from MaPPO at Δr = 0.
import Numerics
import Objectives

extension MaPPOClaims {
  static let reducesToSFTLossForm = Claim(
    id: "mappo.reduces-to-sft.loss-form", paper: .mappo, source: "§4.2, \"Connection with SFT\", eq. (9)",
    kind: .identity,
    statement: "With r_w = r_l (Δr = 0), eq. (8) becomes E[−log σ(β log π_θ(y_w)/π_ref(y_w))]."
  ) { ctx in
    IdentitySweep.run(
      ctx, claim: "ℓ₈(Δr = 0) = ℓ₉, ∂/∂log π_w agree, ∂/∂log π_l = 0",
      names: ["log π_w", "log π_l", "log πref_w", "log πref_l", "β", "r_w = r_l"],
      strata: [
        SweepStratum("moderate and extreme log-probabilities", count: 100_000,
          endpoints: Array(repeating: [0, -50], count: 4) + [[0.01, 10], [0, 1]]) { r in
          (0..<4).map { _ in Strata.logProb(&r) } + [Strata.beta(&r), Strata.reward(&r)]
        }
      ]
    ) { x in
      let pair = PreferencePair(logProbChosen: x[0], logProbRejected: x[1], refLogProbChosen: x[2], refLogProbRejected: x[3])
      // Δr = r_w − r_l computed in floating point from equal rewards.
      let rp = RewardedPreferencePair(pair, rewardChosen: x[5], rewardRejected: x[5])
      guard let l8 = try? MaPPO(beta: x[4]).loss(rp), let g8 = try? MaPPO(beta: x[4]).gradient(rp),
        let l9 = try? SFTSigmoid(beta: x[4]).loss(pair), let g9 = try? SFTSigmoid(beta: x[4]).gradient(pair)
      else { return nil }
      let s = x[4] * (abs(x[0]) + abs(x[2])) + abs(l8) + abs(l9) + x[4]
      let worst = max(abs(l8 - l9), abs(g8[0] - g9[0]), abs(g8[1]), abs(g9[1]))
      return IdentitySides(lhs: worst, rhs: 0, termSum: s)
    }
  }
}
