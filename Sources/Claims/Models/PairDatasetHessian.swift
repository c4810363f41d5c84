// The analytic Hessian of a pairwise loss lifted to the softmax models T1 and T2:
//   L(θ) = (1/N) Σ_i ℓ_i(a_i, b_i),  a_i = log π_θ(y_w,i), b_i = log π_θ(y_l,i),
//   ∇²L = (1/N) Σ_i [ℓ_aa s_w s_wᵀ + ℓ_ab (s_w s_lᵀ + s_l s_wᵀ) + ℓ_bb s_l s_lᵀ
//                    − (ℓ_a + ℓ_b)·Cov_π(φ)],
// with the scores s = ∇log π_θ(y) = φ(y) − E_π φ and ∇²log π_θ(y) = −Cov_π(φ) for every y
// (T1: φ(y) = e_y, Cov = diag π − ππᵀ). The first derivatives ℓ_a, ℓ_b come from the pair
// loss (the objectives' own gradients); the second from a curvature function.
// (Restored by h10 from the symbols of the compiled file after an accidental overwrite; the
// interface is the one MaPPOFOSPSearch.swift and the Lipschitz checks use.)
import Numerics

/// A per-pair loss's second derivatives in a = log π(y_w), b = log π(y_l):
/// (∂²ℓ/∂a², ∂²ℓ/∂a∂b, ∂²ℓ/∂b²).
public typealias PairLossCurvature<R: Sendable & Hashable> =
  @Sendable (_ logProbChosen: Double, _ logProbRejected: Double, _ pair: ModelPair<R>)
  -> (ww: Double, wl: Double, ll: Double)

/// The curvature of MaPPO eq. (8), ℓ = softplus(−u), u = β(ρ_w − Δr·ρ_l):
/// ℓ_uu = σ(u)σ(−u), so (ℓ_aa, ℓ_ab, ℓ_bb) = β²σ(u)σ(−u)·(1, −Δr, Δr²). With `forceDeltaROne`
/// every pair is taken at Δr = 1 (DPO eq. 3).
public func mappoPairCurvature<R: Sendable & Hashable>(beta: Double, forceDeltaROne: Bool = false)
  -> PairLossCurvature<R>
{
  { lw, ll, p in
    let dr = forceDeltaROne ? 1 : p.deltaR
    let u = beta * (lw - p.refLogProbChosen) - dr * (beta * (ll - p.refLogProbRejected))
    let c = beta * beta * sigmoid(u) * sigmoid(-u)
    return (c, -dr * c, dr * dr * c)
  }
}

/// ∇²L(θ), row-major, given the model's Cov_π(φ) at θ.
func assembleHessian<M: PolicyModel>(
  _ data: PairDataset<M>, _ theta: [Double], _ f: PairLossFunction<M.Response>,
  _ c: PairLossCurvature<M.Response>, covariance: [Double]
) throws -> [Double] {
  let n = theta.count
  precondition(covariance.count == n * n, "Cov must be n×n")
  let ys = data.pairs.flatMap { [$0.chosen, $0.rejected] }
  let lp = data.model.logProbabilities(theta, of: ys)
  let s = data.model.scores(theta, of: ys)
  let count = Double(data.pairs.count)
  var h = [Double](repeating: 0, count: n * n)
  for (i, p) in data.pairs.enumerated() {
    let a = lp[2 * i]
    let b = lp[2 * i + 1]
    let first = try f(a, b, p)
    let second = c(a, b, p)
    let sw = s[2 * i]
    let sl = s[2 * i + 1]
    let linear = first.dChosen + first.dRejected
    for r in 0..<n {
      for q in 0..<n {
        let outer =
          second.ww * sw[r] * sw[q] + second.wl * (sw[r] * sl[q] + sl[r] * sw[q])
          + second.ll * sl[r] * sl[q]
        h[r * n + q] += (outer - linear * covariance[r * n + q]) / count
      }
    }
  }
  return h
}

extension PairDataset where Model == LinearSoftmax {
  /// ∇²L(θ), row-major d×d (T2: ∇²log π = −Cov_π(φ)).
  public func hessian(
    _ theta: [Double], _ f: PairLossFunction<Int>, _ c: PairLossCurvature<Int>
  ) throws -> [Double] {
    try assembleHessian(self, theta, f, c, covariance: model.featureCovariance(theta))
  }
}

extension PairDataset where Model == TabularSoftmax {
  /// ∇²L(θ), row-major K×K (T1: ∇²log π = −(diag π − ππᵀ)).
  public func hessian(
    _ theta: [Double], _ f: PairLossFunction<Int>, _ c: PairLossCurvature<Int>
  ) throws -> [Double] {
    try assembleHessian(
      self, theta, f, c, covariance: TabularSoftmax(logits: theta).logProbabilityHessian.map { -$0 })
  }
}
