// T1 of the catalogs: the tabular softmax policy over K responses,
// π_θ = softmax(θ), θ ∈ ℝ^K, with score ∇_θ log π_θ(y) = e_y − π_θ and
// ∇²_θ log π_θ(y) = −(diag π − π πᵀ) (the same for every y).
import Numerics

/// T1: π_θ(y) = softmax(θ)_y over K responses.
public struct TabularSoftmax: Sendable, Hashable {
  /// The logits θ ∈ ℝ^K.
  public var logits: [Double]

  public init(logits: [Double]) {
    precondition(logits.count >= 1, "K ≥ 1")
    self.logits = logits
  }

  /// K, the number of responses.
  public var count: Int { logits.count }

  /// log π_θ(y) for every y (log-sum-exp normalised: finite for any finite θ).
  public var logProbabilities: [Double] { logSoftmax(logits) }

  /// π_θ.
  public var probabilities: [Double] { softmax(logits) }

  /// The score ∇_θ log π_θ(y) = e_y − π_θ.
  public func score(_ y: Int) -> [Double] { Self.score(y, probabilities: probabilities) }

  /// e_y − p for the probabilities p = π_θ.
  static func score(_ y: Int, probabilities p: [Double]) -> [Double] {
    var s = p.map { -$0 }
    s[y] += 1
    return s
  }

  /// ∇²_θ log π_θ(y) = −(diag π − π πᵀ), row-major K×K (independent of y).
  public var logProbabilityHessian: [Double] {
    let p = probabilities
    let k = p.count
    var h = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      for j in 0..<k { h[i * k + j] = p[i] * p[j] - (i == j ? p[i] : 0) }
    }
    return h
  }
}
