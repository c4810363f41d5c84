import Numerics

// The interface the catalogs' finite models (T1, T2, A1) share: log-probabilities of a
// response and their gradients (scores) as functions of a flat parameter vector θ.

/// A differentiable policy family π_θ over responses.
public protocol PolicyModel: Sendable {
  associatedtype Response: Sendable & Hashable
  /// dim θ.
  var parameterCount: Int { get }
  /// log π_θ(y).
  func logProbability(_ theta: [Double], _ y: Response) -> Double
  /// ∇_θ log π_θ(y).
  func score(_ theta: [Double], _ y: Response) -> [Double]
  /// log π_θ(y) for several responses (models override it to share the normaliser).
  func logProbabilities(_ theta: [Double], of ys: [Response]) -> [Double]
  /// ∇_θ log π_θ(y) for several responses.
  func scores(_ theta: [Double], of ys: [Response]) -> [[Double]]
}

extension PolicyModel {
  public func logProbabilities(_ theta: [Double], of ys: [Response]) -> [Double] {
    ys.map { logProbability(theta, $0) }
  }
  public func scores(_ theta: [Double], of ys: [Response]) -> [[Double]] {
    ys.map { score(theta, $0) }
  }
}

extension TabularSoftmax: PolicyModel {
  public var parameterCount: Int { count }
  public func logProbabilities(_ theta: [Double], of ys: [Int]) -> [Double] {
    let lp = logSoftmax(theta)
    return ys.map { lp[$0] }
  }
  public func logProbability(_ theta: [Double], _ y: Int) -> Double {
    TabularSoftmax(logits: theta).logProbabilities[y]
  }
  public func score(_ theta: [Double], _ y: Int) -> [Double] {
    TabularSoftmax(logits: theta).score(y)
  }
  /// e_y − π_θ for each y, with π_θ computed once.
  public func scores(_ theta: [Double], of ys: [Int]) -> [[Double]] {
    let p = TabularSoftmax(logits: theta).probabilities
    return ys.map { TabularSoftmax.score($0, probabilities: p) }
  }
}

extension LinearSoftmax: PolicyModel {
  public var parameterCount: Int { dimension }
  public func logProbability(_ theta: [Double], _ y: Int) -> Double { logProbabilities(theta)[y] }
  public func logProbabilities(_ theta: [Double], of ys: [Int]) -> [Double] {
    let lp = logProbabilities(theta)
    return ys.map { lp[$0] }
  }
  public func scores(_ theta: [Double], of ys: [Int]) -> [[Double]] {
    let m = meanFeature(theta)
    return ys.map { y in zip(features[y], m).map { $0 - $1 } }
  }
}

extension AutoregressiveTabular: PolicyModel {}
