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
  /// θ ↦ logProbabilities(θ, of: ys) for repeated evaluation at nearby θ (finite differences):
  /// the same values; a model may reuse work between calls (A1 reuses each unchanged row's
  /// normaliser). The function is not thread-safe.
  func logProbabilityFunction(of ys: [Response]) -> ([Double]) -> [Double]
}

extension PolicyModel {
  public func logProbabilities(_ theta: [Double], of ys: [Response]) -> [Double] {
    ys.map { logProbability(theta, $0) }
  }
  public func scores(_ theta: [Double], of ys: [Response]) -> [[Double]] {
    ys.map { score(theta, $0) }
  }
  public func logProbabilityFunction(of ys: [Response]) -> ([Double]) -> [Double] {
    { logProbabilities($0, of: ys) }
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

extension AutoregressiveTabular: PolicyModel {
  /// log π_θ(y) for each y with log Σ_v exp(θ_h,v) kept per history between calls and reused
  /// while the row θ_h is unchanged bit for bit: the value logProbability(_:_:) computes, but a
  /// finite difference along one coordinate recomputes one row's normaliser, not every one.
  public func logProbabilityFunction(of ys: [[Int]]) -> ([Double]) -> [Double] {
    let cache = AutoregressiveNormaliserCache(self, ys)
    return { cache.logProbabilities($0) }
  }
}

/// The per-history normalisers of an A1 model at the last θ seen (for logProbabilityFunction).
final class AutoregressiveNormaliserCache {
  let model: AutoregressiveTabular
  let ys: [[Int]]
  let positions: [[Int]]
  /// θ_h as of each cached normaliser, and the normaliser; `cached[h]` whether there is one.
  var rows: [Double]
  var normaliser: [Double]
  var cached: [Bool]

  init(_ model: AutoregressiveTabular, _ ys: [[Int]]) {
    self.model = model
    self.ys = ys
    positions = ys.map { model.histories($0) }
    rows = [Double](repeating: 0, count: model.parameterCount)
    normaliser = [Double](repeating: 0, count: model.historyIndex.count)
    cached = [Bool](repeating: false, count: model.historyIndex.count)
  }

  /// AutoregressiveTabular.logProbability for each y, term for term.
  func logProbabilities(_ theta: [Double]) -> [Double] {
    precondition(theta.count == model.parameterCount, "θ must have \(model.parameterCount) entries")
    let v = model.vocabulary
    // Local buffers: the class's arrays are accessed through pointers inside the loop, with no
    // per-access exclusivity check.
    return rows.withUnsafeMutableBufferPointer { rows in
      normaliser.withUnsafeMutableBufferPointer { normaliser in
        cached.withUnsafeMutableBufferPointer { cached in
          theta.withUnsafeBufferPointer { th in
            zip(ys, positions).map { y, hs in
              var total = 0.0
              for (t, h) in hs.enumerated() {
                let base = h * v
                var same = cached[h]
                if same {
                  for j in base..<(base + v) where rows[j].bitPattern != th[j].bitPattern {
                    same = false
                    break
                  }
                }
                if !same {
                  normaliser[h] = logSumExp(theta[base..<(base + v)])
                  for j in base..<(base + v) { rows[j] = th[j] }
                  cached[h] = true
                }
                total += th[base + y[t]] - normaliser[h]
              }
              return total
            }
          }
        }
      }
    }
  }
}
