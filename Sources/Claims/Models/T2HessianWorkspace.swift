// ∇²L(θ) on one T2 dataset (PairDatasetHessian.swift's formula) into preallocated buffers,
// for the optimizers that evaluate it thousands of times (mappo.lipschitz.map-vs-dpo's
// Nelder–Mead sup of ‖∇²L‖_op). Goals, in order: 1) the same bits as
// `PairDataset<LinearSoftmax>.hessian` — every sum is formed in the same order (logits,
// log-softmax, E_π φ, scores, Cov_π(φ), the per-pair accumulation), so swapping one for the
// other changes no result; 2) no allocation per evaluation (the [[Double]] scores and
// per-call arrays were most of the time in a profile); 3) the spectral norm through a reused
// gsl_eigen_symm workspace. One workspace per thread.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Buffers for ∇²L(θ) and ‖∇²L(θ)‖₂ on one T2 dataset.
public final class T2HessianWorkspace {
  public let data: PairDataset<LinearSoftmax>
  /// K responses, d = dim θ, N pairs.
  public let k: Int
  public let d: Int
  public let n: Int
  /// ∇²L(θ), row-major d×d, as of the last ``fill(_:_:_:)``.
  public let hessian: UnsafeMutableBufferPointer<Double>
  /// The logits, log-normaliser, E_π φ and Cov_π(φ) (T2PairWorkspace, the same bits as the
  /// model's own functions).
  private let policy: T2PairWorkspace
  private let eigen: SymmetricEigen.Workspace

  public init(_ data: PairDataset<LinearSoftmax>) throws {
    self.data = data
    policy = T2PairWorkspace(data)
    k = policy.k
    d = policy.d
    n = policy.n
    hessian = .allocate(capacity: d * d)
    eigen = try SymmetricEigen.Workspace(n: d)
  }

  deinit { hessian.deallocate() }

  /// Writes ∇²L(θ) = (1/N) Σ_i [ℓ_aa s_w s_wᵀ + ℓ_ab (s_w s_lᵀ + s_l s_wᵀ) + ℓ_bb s_l s_lᵀ
  /// − (ℓ_a + ℓ_b)·Cov_π(φ)] into ``hessian`` (the formula of PairDatasetHessian.swift).
  public func fill(_ theta: [Double], _ f: PairLossFunction<Int>, _ c: PairLossCurvature<Int>) throws {
    // Logits θ·φ(y), log-sum-exp, E_π φ and Cov_π(φ) (LinearSoftmax.logits, meanFeature,
    // featureCovariance), in T2PairWorkspace.
    policy.prepare(theta)
    // Cov_π(φ) is formed only when a pair's ℓ_a + ℓ_b ≠ 0 (for DPO, ℓ_a = −ℓ_b: its term is
    // ±0, and adding (outer ∓ 0)/N to an entry gives the entry PairDataset.hessian gives, since
    // no entry is ever −0).
    var covarianceFormed = false
    let features = policy.features
    let logits = policy.logits
    let mean = policy.mean
    let covariance = policy.covariance
    let z = policy.logNormaliser
    for i in 0..<(d * d) { hessian[i] = 0 }
    let count = Double(n)
    for p in data.pairs {
      let a = logits[p.chosen] - z
      let b = logits[p.rejected] - z
      let first = try f(a, b, p)
      let second = c(a, b, p)
      let linear = first.dChosen + first.dRejected
      if linear != 0 && !covarianceFormed {
        policy.formCovariance()
        covarianceFormed = true
      }
      let w = p.chosen * d
      let l = p.rejected * d
      for r in 0..<d {
        let swr = features[w + r] - mean[r]
        let slr = features[l + r] - mean[r]
        for q in 0..<d {
          let swq = features[w + q] - mean[q]
          let slq = features[l + q] - mean[q]
          let outer = second.ww * swr * swq + second.wl * (swr * slq + slr * swq) + second.ll * slr * slq
          hessian[r * d + q] += (linear == 0 ? outer : outer - linear * covariance[r * d + q]) / count
        }
      }
    }
  }

  /// ‖∇²L(θ)‖₂ = max |λ| of the current ``hessian`` (gsl_eigen_symm, reused workspace).
  public func hessianSpectralNorm() throws -> Double {
    try eigen.spectralNorm(UnsafeBufferPointer(hessian))
  }
}
