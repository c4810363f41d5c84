// T2 of the catalogs: the linear-softmax policy π_θ(y) ∝ exp(θ·φ(y)) with fixed features
// φ(y) ∈ ℝ^d. Score ∇log π_θ(y) = φ(y) − E_π φ; Hessian ∇²log π_θ(y) = −Cov_π(φ).
import Numerics

/// T2: π_θ(y) ∝ exp(θ·φ(y)) over K responses with features φ ∈ ℝ^{K×d}.
public struct LinearSoftmax: Sendable, Hashable {
  /// φ(y) for each of the K responses (each of length d).
  public var features: [[Double]]

  public init(features: [[Double]]) {
    precondition(!features.isEmpty, "K ≥ 1")
    let d = features[0].count
    precondition(features.allSatisfy { $0.count == d }, "all features must have dimension d")
    self.features = features
  }

  /// Features φ(y) ~ N(0, I_d), drawn once per instance.
  public init(responses k: Int, dimension d: Int, random r: inout RandomStream) {
    self.init(features: (0..<k).map { _ in (0..<d).map { _ in r.gaussian() } })
  }

  public var responses: Int { features.count }
  public var dimension: Int { features[0].count }

  /// The logits θ·φ(y).
  public func logits(_ theta: [Double]) -> [Double] {
    precondition(theta.count == dimension, "θ must have dimension \(dimension)")
    return features.map { f in zip(f, theta).reduce(0) { $0 + $1.0 * $1.1 } }
  }

  /// log π_θ(y) for every y.
  public func logProbabilities(_ theta: [Double]) -> [Double] { logSoftmax(logits(theta)) }

  /// E_{π_θ} φ.
  public func meanFeature(_ theta: [Double]) -> [Double] { meanFeature(probabilities: softmax(logits(theta))) }

  /// E_p φ for the probabilities p = π_θ.
  func meanFeature(probabilities p: [Double]) -> [Double] {
    var m = [Double](repeating: 0, count: dimension)
    for (py, f) in zip(p, features) { for j in m.indices { m[j] += py * f[j] } }
    return m
  }

  /// The score ∇_θ log π_θ(y) = φ(y) − E_π φ.
  public func score(_ theta: [Double], _ y: Int) -> [Double] {
    let m = meanFeature(theta)
    return zip(features[y], m).map { $0 - $1 }
  }

  /// Cov_{π_θ}(φ), row-major d×d; ∇²log π_θ(y) = −Cov_π(φ) for every y.
  public func featureCovariance(_ theta: [Double]) -> [Double] {
    let p = softmax(logits(theta))
    let m = meanFeature(probabilities: p)
    let d = dimension
    var c = [Double](repeating: 0, count: d * d)
    for (py, f) in zip(p, features) {
      for i in 0..<d {
        let di = f[i] - m[i]
        for j in 0..<d { c[i * d + j] += py * di * (f[j] - m[j]) }
      }
    }
    return c
  }

  /// D = max over y, y′ of ‖φ(y) − φ(y′)‖, the feature diameter: ‖∇log π_θ(y)‖ ≤ D for all θ
  /// and ‖Cov_π(φ)‖_op ≤ D²/4.
  public var featureDiameter: Double {
    var best = 0.0
    for a in features.indices {
      for b in features.indices where b > a {
        let d2 = zip(features[a], features[b]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        best = max(best, d2.squareRoot())
      }
    }
    return best
  }
}
