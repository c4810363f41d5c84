// Small model M1 of claims/alphapo.md §2.7: a linear-softmax autoregressive policy over
// V = 8 tokens, feature dimension 6, positions 1…16, with exact scores ∇_θ log π(y)
// (used by the AlphaPO checks of 003_5c1a521bcc07b90e.txt §3.3, A.2–A.4).
//
// Goals, in order: 1) the catalog's definition exactly (features Φ[t][y_{t−1}], BOS start,
// θ ∈ ℝ^{6×8}); 2) log-space throughout (log π and ∇log π only); 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// M1: π_θ(y) = Π_t softmax(θᵀΦ[t][y_{t−1}])_{y_t}, y₀ = BOS.
public struct AutoregressiveLinearSoftmax: Sendable {
  public static let vocabulary = 8
  public static let dimension = 6
  public static let positions = 16
  /// Φ[t][p] ∈ ℝ⁶, t = 0…15 (position t+1), p = 0 for BOS and token + 1 otherwise.
  public let features: [[[Double]]]

  /// Features with N(0, 1) entries.
  public init(random r: inout RandomStream) {
    features = (0..<Self.positions).map { _ in
      (0...Self.vocabulary).map { _ in (0..<Self.dimension).map { _ in r.gaussian() } }
    }
  }

  /// Number of parameters (6 × 8 = 48); θ[i·8 + j] multiplies feature i for token j.
  public var parameterCount: Int { Self.dimension * Self.vocabulary }

  /// (log π_θ(y), ∇_θ log π_θ(y)).
  public func logProbability(_ theta: [Double], _ y: [Int]) -> (Double, [Double]) {
    let v = Self.vocabulary
    var total = 0.0
    var grad = [Double](repeating: 0, count: parameterCount)
    var prev = 0
    for (t, tok) in y.enumerated() {
      let phi = features[t][prev]
      var logits = [Double](repeating: 0, count: v)
      for j in 0..<v {
        var s = 0.0
        for i in 0..<Self.dimension { s += theta[i * v + j] * phi[i] }
        logits[j] = s
      }
      let ls = logSoftmax(logits)
      total += ls[tok]
      for j in 0..<v {
        let w = (j == tok ? 1 : 0) - exp(ls[j])
        for i in 0..<Self.dimension { grad[i * v + j] += phi[i] * w }
      }
      prev = tok + 1
    }
    return (total, grad)
  }

  /// v ↦ log π_{θ + v·u}(y), with the logits θᵀΦ and uᵀΦ of each position precomputed (the
  /// logits are linear in v), for finite differences along u.
  public func logProbabilityAlong(_ theta: [Double], _ u: [Double], _ y: [Int]) -> @Sendable (Double) -> Double {
    let v = Self.vocabulary
    var base: [[Double]] = []
    var dir: [[Double]] = []
    var prev = 0
    for (t, tok) in y.enumerated() {
      let phi = features[t][prev]
      var b = [Double](repeating: 0, count: v)
      var d = [Double](repeating: 0, count: v)
      for j in 0..<v {
        for i in 0..<Self.dimension {
          b[j] += theta[i * v + j] * phi[i]
          d[j] += u[i * v + j] * phi[i]
        }
      }
      base.append(b)
      dir.append(d)
      prev = tok + 1
    }
    let toks = y
    let (baseL, dirL) = (base, dir)
    return { s in
      var total = 0.0
      for k in 0..<toks.count {
        let logits = (0..<v).map { baseL[k][$0] + s * dirL[k][$0] }
        total += logits[toks[k]] - logSumExp(logits)
      }
      return total
    }
  }

  /// log π_θ(y) only.
  public func logProbabilityValue(_ theta: [Double], _ y: [Int]) -> Double {
    logProbability(theta, y).0
  }
}

/// One M1 draw of §2.7: model, θ, a pair (y_w, y_l) and a unit direction u.
public struct AlphaPOM1Draw: Sendable {
  public var model: AutoregressiveLinearSoftmax
  public var theta: [Double]
  public var yw: [Int]
  public var yl: [Int]
  public var u: [Double]

  public static func draw(_ r: inout RandomStream) -> AlphaPOM1Draw {
    let model = AutoregressiveLinearSoftmax(random: &r)
    let s = [0.3, 1, 3][r.uniformInt(in: 0...2)]
    let n = model.parameterCount
    let theta = (0..<n).map { _ in s * r.gaussian() }
    var yw: [Int] = []
    var yl: [Int] = []
    repeat {
      let lw = r.uniformInt(in: 1...16)
      let ll = r.uniformInt(in: 1...16)
      yw = (0..<lw).map { _ in r.uniformInt(in: 0...7) }
      if r.uniform() < 0.5 {
        let k = r.uniformInt(in: 0...(min(lw, ll) - 1))
        yl = Array(yw.prefix(k)) + (k..<ll).map { _ in r.uniformInt(in: 0...7) }
      } else {
        yl = (0..<ll).map { _ in r.uniformInt(in: 0...7) }
      }
    } while yw == yl
    var u = (0..<n).map { _ in r.gaussian() }
    let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
    u = u.map { $0 / norm }
    return AlphaPOM1Draw(model: model, theta: theta, yw: yw, yl: yl, u: u)
  }
}
