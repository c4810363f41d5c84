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
  private let features: UnsafeMutableBufferPointer<Double>
  private let logits: UnsafeMutableBufferPointer<Double>
  private let mean: UnsafeMutableBufferPointer<Double>
  private let covariance: UnsafeMutableBufferPointer<Double>
  private let eigen: SymmetricEigen.Workspace

  public init(_ data: PairDataset<LinearSoftmax>) throws {
    self.data = data
    k = data.model.responses
    d = data.model.dimension
    n = data.pairs.count
    features = .allocate(capacity: k * d)
    for (y, f) in data.model.features.enumerated() { for j in 0..<d { features[y * d + j] = f[j] } }
    logits = .allocate(capacity: k)
    mean = .allocate(capacity: d)
    covariance = .allocate(capacity: d * d)
    hessian = .allocate(capacity: d * d)
    eigen = try SymmetricEigen.Workspace(n: d)
  }

  deinit {
    features.deallocate()
    logits.deallocate()
    mean.deallocate()
    covariance.deallocate()
    hessian.deallocate()
  }

  /// Writes ∇²L(θ) = (1/N) Σ_i [ℓ_aa s_w s_wᵀ + ℓ_ab (s_w s_lᵀ + s_l s_wᵀ) + ℓ_bb s_l s_lᵀ
  /// − (ℓ_a + ℓ_b)·Cov_π(φ)] into ``hessian`` (the formula of PairDatasetHessian.swift).
  public func fill(_ theta: [Double], _ f: PairLossFunction<Int>, _ c: PairLossCurvature<Int>) throws {
    precondition(theta.count == d, "θ must have dimension \(d)")
    // Logits θ·φ(y), each summed from 0 in coordinate order (LinearSoftmax.logits).
    for y in 0..<k {
      var s = 0.0
      for j in 0..<d { s = s + features[y * d + j] * theta[j] }
      logits[y] = s
    }
    let z = logSumExp(UnsafeBufferPointer(logits))
    // E_π φ with π_y = exp(logit_y − z) (softmax), accumulated over y in order; then
    // Cov_π(φ) the same way (LinearSoftmax.meanFeature, featureCovariance).
    for j in 0..<d { mean[j] = 0 }
    for y in 0..<k {
      let py = exp(logits[y] - z)
      for j in 0..<d { mean[j] += py * features[y * d + j] }
    }
    for i in 0..<(d * d) { covariance[i] = 0 }
    for y in 0..<k {
      let py = exp(logits[y] - z)
      for i in 0..<d {
        let di = features[y * d + i] - mean[i]
        for j in 0..<d { covariance[i * d + j] += py * di * (features[y * d + j] - mean[j]) }
      }
    }
    for i in 0..<(d * d) { hessian[i] = 0 }
    let count = Double(n)
    for p in data.pairs {
      let a = logits[p.chosen] - z
      let b = logits[p.rejected] - z
      let first = try f(a, b, p)
      let second = c(a, b, p)
      let linear = first.dChosen + first.dRejected
      let w = p.chosen * d
      let l = p.rejected * d
      for r in 0..<d {
        let swr = features[w + r] - mean[r]
        let slr = features[l + r] - mean[r]
        for q in 0..<d {
          let swq = features[w + q] - mean[q]
          let slq = features[l + q] - mean[q]
          let outer = second.ww * swr * swq + second.wl * (swr * slq + slr * swq) + second.ll * slr * slq
          hessian[r * d + q] += (outer - linear * covariance[r * d + q]) / count
        }
      }
    }
  }

  /// ‖∇²L(θ)‖₂ = max |λ| of the current ``hessian`` (gsl_eigen_symm, reused workspace).
  public func hessianSpectralNorm() throws -> Double {
    try eigen.spectralNorm(UnsafeBufferPointer(hessian))
  }
}
