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
}

extension TabularSoftmax: PolicyModel {
  public var parameterCount: Int { count }
  public func logProbability(_ theta: [Double], _ y: Int) -> Double {
    TabularSoftmax(logits: theta).logProbabilities[y]
  }
  public func score(_ theta: [Double], _ y: Int) -> [Double] {
    TabularSoftmax(logits: theta).score(y)
  }
}

extension LinearSoftmax: PolicyModel {
  public var parameterCount: Int { dimension }
  public func logProbability(_ theta: [Double], _ y: Int) -> Double { logProbabilities(theta)[y] }
}

extension AutoregressiveTabular: PolicyModel {}
