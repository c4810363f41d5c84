// L(θ), ∇L(θ) and the policy's log-probabilities on one T2 dataset (PairDataset's chain rule,
// PairDataset.swift) into preallocated buffers, for the checks that evaluate them 10⁵–10⁷
// times (mappo.lipschitz.bound's quotients, the T2 Hessian of map-vs-dpo, the M_g searches).
// Goals, in order: 1) the same bits as `PairDataset<LinearSoftmax>.gradient`/`loss` and
// `LinearSoftmax.logProbabilities`/`meanFeature` — every sum is formed in the same order
// (logits from 0 in coordinate order, log-sum-exp, E_π φ over y in order, the per-pair
// accumulation), pinned by T2PairWorkspaceTests; 2) no allocation per evaluation (the generic
// path builds [[Double]] scores and several arrays per call); 3) simplicity. The generic
// PairDataset stays the reference and serves T1 and A1; this is its T2 hot-loop twin.
// Not thread-safe: one workspace per thread.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Buffers for the policy quantities and ∇L(θ) on one T2 dataset.
public final class T2PairWorkspace {
  public let data: PairDataset<LinearSoftmax>
  /// K responses, d = dim θ, N pairs.
  public let k: Int
  public let d: Int
  public let n: Int
  /// φ, row-major K×d.
  let features: UnsafeMutableBufferPointer<Double>
  /// θ·φ(y) as of the last ``prepare(_:)``.
  let logits: UnsafeMutableBufferPointer<Double>
  /// π_θ(y) = exp(θ·φ(y) − log Σ) as of the last ``prepare(_:)``.
  let probabilities: UnsafeMutableBufferPointer<Double>
  /// E_π φ as of the last ``prepare(_:)``.
  let mean: UnsafeMutableBufferPointer<Double>
  /// Cov_π(φ), row-major d×d, as of the last ``formCovariance()``.
  let covariance: UnsafeMutableBufferPointer<Double>
  /// log Σ_y exp(θ·φ(y)) as of the last ``prepare(_:)``.
  private(set) var logNormaliser = 0.0
  /// ∇L(θ) as of the last ``gradient(_:_:)``.
  public let gradient: UnsafeMutableBufferPointer<Double>

  public init(_ data: PairDataset<LinearSoftmax>) {
    self.data = data
    k = data.model.responses
    d = data.model.dimension
    n = data.pairs.count
    features = .allocate(capacity: k * d)
    for (y, f) in data.model.features.enumerated() { for j in 0..<d { features[y * d + j] = f[j] } }
    logits = .allocate(capacity: k)
    probabilities = .allocate(capacity: k)
    mean = .allocate(capacity: d)
    covariance = .allocate(capacity: d * d)
    gradient = .allocate(capacity: d)
  }

  deinit {
    features.deallocate()
    logits.deallocate()
    probabilities.deallocate()
    mean.deallocate()
    covariance.deallocate()
    gradient.deallocate()
  }

  /// Forms the logits, log Σ exp, π_θ and E_π φ at θ (LinearSoftmax.logits, logSoftmax,
  /// softmax and meanFeature(probabilities:), operation for operation).
  public func prepare(_ theta: [Double]) {
    precondition(theta.count == d, "θ must have dimension \(d)")
    theta.withUnsafeBufferPointer { prepare($0) }
  }

  /// ``prepare(_:)`` for θ in a buffer of d values.
  public func prepare(_ theta: UnsafeBufferPointer<Double>) {
    prepareLogits(theta)
    let z = logNormaliser
    for y in 0..<k { probabilities[y] = exp(logits[y] - z) }
    for j in 0..<d { mean[j] = 0 }
    for y in 0..<k {
      let py = probabilities[y]
      for j in 0..<d { mean[j] += py * features[y * d + j] }
    }
  }

  /// Forms only the logits and log Σ exp at θ (enough for ``logProbability(_:)``; π_θ and
  /// E_π φ are left as they were).
  public func prepareLogits(_ theta: UnsafeBufferPointer<Double>) {
    for y in 0..<k {
      var s = 0.0
      for j in 0..<d { s = s + features[y * d + j] * theta[j] }
      logits[y] = s
    }
    logNormaliser = logSumExp(UnsafeBufferPointer(logits))
  }

  /// Writes Cov_π(φ) at the last prepared θ into ``covariance``, accumulated over y in order
  /// (LinearSoftmax.featureCovariance).
  public func formCovariance() {
    for i in 0..<(d * d) { covariance[i] = 0 }
    for y in 0..<k {
      let py = probabilities[y]
      for i in 0..<d {
        let di = features[y * d + i] - mean[i]
        for j in 0..<d { covariance[i * d + j] += py * di * (features[y * d + j] - mean[j]) }
      }
    }
  }

  /// log π_θ(y) as of the last ``prepare(_:)``.
  @inline(__always)
  public func logProbability(_ y: Int) -> Double { logits[y] - logNormaliser }

  /// Writes ∇L(θ) = (1/N) Σ_i (∂ℓ_i/∂log π(y_w)·s_w + ∂ℓ_i/∂log π(y_l)·s_l) into ``gradient``
  /// (after ``prepare(_:)`` at θ), s = φ − E_π φ.
  public func gradient(_ theta: [Double], _ f: PairLossFunction<Int>) throws {
    prepare(theta)
    for j in 0..<d { gradient[j] = 0 }
    let count = Double(n)
    for p in data.pairs {
      let r = try f(logProbability(p.chosen), logProbability(p.rejected), p)
      let w = p.chosen * d
      let l = p.rejected * d
      for j in 0..<d {
        let sw = features[w + j] - mean[j]
        let sl = features[l + j] - mean[j]
        gradient[j] += (r.dChosen * sw + r.dRejected * sl) / count
      }
    }
  }

  /// L(θ) = (1/N) Σ_i ℓ_i (PairDataset.loss).
  public func loss(_ theta: [Double], _ f: PairLossFunction<Int>) throws -> Double {
    prepare(theta)
    var total = 0.0
    for p in data.pairs { total += try f(logProbability(p.chosen), logProbability(p.rejected), p).value }
    return total / Double(n)
  }
}
