// Part (ii) of mappo.lipschitz.map-vs-dpo (App. A.2, eq. 30): at a random θ of the ball, the
// dataset sums Σ_i (1 + Δr_i)σ(−u_MaP,i) and Σ_i 2σ(−u_DPO,i), each loss with its own margin
// (MaPPO's objective margin, eq. 8; at Δr = 1 it is DPO's, eq. 3). 10⁴ points per dataset:
// the point, the logits and the two sums are formed in reused buffers, with the same
// arithmetic as LipschitzPoints.inBall and MaPPOClaims.mappoWeights (same draws, same bits).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif
import Objectives

/// Reused buffers for the margin comparison on one T2 dataset.
struct T2MarginWorkspace {
  let beta: Double
  /// The dataset's logits and log-normaliser (``T2PairWorkspace/prepareLogits(_:)``).
  private let policy: T2PairWorkspace
  private var point: [Double]

  init(_ data: PairDataset<LinearSoftmax>, beta: Double) {
    self.beta = beta
    policy = T2PairWorkspace(data)
    point = [Double](repeating: 0, count: data.model.dimension)
  }

  /// Draws θ uniform in the ball of radius R (LipschitzPoints.inBall's draws and formula) and
  /// returns (Σ_i (1 + Δr_i)σ(−u_MaP,i), Σ_i 2σ(−u_DPO,i)) at θ.
  mutating func weightSums(_ r: inout RandomStream, radius: Double) -> (mappo: Double, dpo: Double) {
    let d = point.count
    let model = MaPPO(beta: beta)
    let policy = self.policy
    return point.withUnsafeMutableBufferPointer { t in
      // inBall: g ~ N(0, I_d), θ = g/‖g‖·R·U^{1/d}, ‖g‖ scaled as `norm` does.
      var m = 0.0
      for j in 0..<d {
        t[j] = r.gaussian()
        m = max(m, abs(t[j]))
      }
      var s = m
      if m != 0 && m.isFinite {
        var acc = 0.0
        for j in 0..<d { acc = acc + (t[j] / m) * (t[j] / m) }
        s = m * acc.squareRoot()
      }
      let rho = radius * pow(r.uniform(), 1 / Double(d))
      for j in 0..<d { t[j] = t[j] / s * rho }
      // log π_θ = logits − logSumExp(logits) (LinearSoftmax.logProbabilities).
      policy.prepareLogits(UnsafeBufferPointer(t))
      var lm = 0.0
      var ld = 0.0
      for p in policy.data.pairs {
        let lw = policy.logProbability(p.chosen)
        let ll = policy.logProbability(p.rejected)
        let x = RewardedPreferencePair(
          logProbChosen: lw, logProbRejected: ll, refLogProbChosen: p.refLogProbChosen,
          refLogProbRejected: p.refLogProbRejected, rewardChosen: p.deltaR, rewardRejected: 0)
        let xd = RewardedPreferencePair(
          logProbChosen: lw, logProbRejected: ll, refLogProbChosen: p.refLogProbChosen,
          refLogProbRejected: p.refLogProbRejected, rewardChosen: 1, rewardRejected: 0)
        lm = lm + (1 + p.deltaR) * sigmoid(-model.margin(x))
        ld = ld + 2 * sigmoid(-model.margin(xd))
      }
      return (lm, ld)
    }
  }
}
