// A1 of the catalogs: the tabular autoregressive policy with one logit vector θ_h ∈ ℝ^V per
// distinct history h, π(y_t | h) = softmax(θ_h)[y_t], so that
//   log π(y) = Σ_t log softmax(θ_{y<t})[y_t],
//   ∂ log π(y)/∂θ_h = Σ_{t: y<t = h} (e_{y_t} − softmax(θ_h)).
// The histories are the prefixes of a fixed set of sequences; θ is flattened history-major.
import Numerics

/// A1: a tabular autoregressive policy over sequences of tokens 0..<V.
public struct AutoregressiveTabular: Sendable {
  /// V, the vocabulary size.
  public let vocabulary: Int
  /// Index of each distinct history (prefix) in θ.
  public let historyIndex: [[Int]: Int]
  /// For each registered sequence, the history index at each position (so that evaluating
  /// log π(y) costs O(|y|·V) instead of hashing |y| prefixes).
  let positions: [[Int]: [Int]]

  /// Registers every prefix of `sequences` as a history.
  public init(vocabulary: Int, sequences: [[Int]]) {
    precondition(vocabulary >= 2, "V ≥ 2")
    var index: [[Int]: Int] = [:]
    var positions: [[Int]: [Int]] = [:]
    for s in sequences {
      precondition(s.allSatisfy { $0 >= 0 && $0 < vocabulary }, "tokens must lie in 0..<V")
      var hs: [Int] = []
      for t in 0..<s.count {
        let prefix = Array(s[0..<t])
        if index[prefix] == nil { index[prefix] = index.count }
        hs.append(index[prefix]!)
      }
      positions[s] = hs
    }
    self.vocabulary = vocabulary
    self.historyIndex = index
    self.positions = positions
  }

  /// The history index of every position of y.
  func histories(_ y: [Int]) -> [Int] {
    if let p = positions[y] { return p }
    return (0..<y.count).map { t in
      guard let h = historyIndex[Array(y[0..<t])] else {
        preconditionFailure("history of length \(t) was not registered")
      }
      return h
    }
  }

  /// The number of parameters H·V.
  public var parameterCount: Int { historyIndex.count * vocabulary }

  /// log π_θ(y).
  public func logProbability(_ theta: [Double], _ y: [Int]) -> Double {
    precondition(theta.count == parameterCount, "θ must have \(parameterCount) entries")
    var total = 0.0
    for (t, h) in histories(y).enumerated() {
      let row = theta[(h * vocabulary)..<((h + 1) * vocabulary)]
      total += row[row.startIndex + y[t]] - logSumExp(row)
    }
    return total
  }

  /// ∇_θ log π_θ(y), dense of length H·V.
  public func score(_ theta: [Double], _ y: [Int]) -> [Double] {
    var g = [Double](repeating: 0, count: parameterCount)
    for (t, h) in histories(y).enumerated() {
      let base = h * vocabulary
      let p = softmax(Array(theta[base..<(base + vocabulary)]))
      for v in 0..<vocabulary { g[base + v] -= p[v] }
      g[base + y[t]] += 1
    }
    return g
  }
}
