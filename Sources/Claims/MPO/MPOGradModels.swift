// The FS (free-score) and TAB (tabular softmax) models of ../shared/claims/mpo.md §0.12 for
// the App. G–H losses of 001_0ef3930bdbd6a134.txt, with a gradient-descent driver, and the
// dual-number evaluations of the losses that serve as reference derivatives (§0.13). The
// dual-number losses are a second, independent code path to Objectives.InfoNCA and
// Objectives.WeightedMPOG1 (check construction), written from the printed definitions:
//   L_InfoNCA = −Σ p_i^target log softmax(s)_i,
//   L_weighted = LSE_all(s + log w) − LSE_{Y⁺}(s + log w)   (= −log(A/Z), eq. 42),
//   Lemma 7: L = log U − log V with U = Σ u_j P_j, V = Σ_{Y⁺} u_i P_i.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// Reference losses in dual numbers.
enum MPOGradReference {
  /// L_InfoNCA and log p^model in dual numbers of the scores.
  static func infoNCA(_ s: [MPOGradDual], target: [Double]) -> (loss: MPOGradDual, logModel: [MPOGradDual]) {
    let n = s.first?.d.count ?? 0
    let lz = MPOGradDual.logSumExp(s, count: n)
    let lp = s.map { $0 - lz }
    var l = MPOGradDual.constant(0, count: n)
    for (t, x) in zip(target, lp) { l = l - t * x }
    return (l, lp)
  }

  /// L_weighted in dual numbers of the scores.
  static func weighted(_ s: [MPOGradDual], logWeights lw: [Double], positive: [Bool]) -> MPOGradDual {
    let n = s.first?.d.count ?? 0
    let a = zip(s, lw).map { $0 + $1 }
    let pos = zip(a, positive).filter { $0.1 }.map(\.0)
    return MPOGradDual.logSumExp(a, count: n) - MPOGradDual.logSumExp(pos, count: n)
  }

  /// Lemma 7's L = −log(V/U) in dual numbers of the probabilities P_θ(y_j).
  static func probForm(_ p: [MPOGradDual], u: [Double], positive: [Bool]) -> MPOGradDual {
    let n = p.first?.d.count ?? 0
    var uu = MPOGradDual.constant(0, count: n)
    var vv = MPOGradDual.constant(0, count: n)
    for (j, pj) in p.enumerated() {
      let t = u[j] * pj
      uu = uu + t
      if positive[j] { vv = vv + t }
    }
    return uu.log - vv.log
  }

  /// The dual-number gradient of L_weighted at `s`.
  static func weightedGradient(_ s: [Double], logWeights lw: [Double], positive: [Bool]) -> [Double] {
    weighted(MPOGradDual.variables(s), logWeights: lw, positive: positive).d
  }
}

/// FS and TAB models of the weighted loss and a gradient-descent driver.
enum MPOGradModels {
  /// L_weighted(s) = log(1 + B/A) in log space (softplus of LSE_{Y⁻} − LSE_{Y⁺}).
  static func weightedLoss(_ s: [Double], logWeights lw: [Double], positive: [Bool]) -> Double {
    var pos: [Double] = []
    var neg: [Double] = []
    for i in s.indices { if positive[i] { pos.append(s[i] + lw[i]) } else { neg.append(s[i] + lw[i]) } }
    return softplus(logSumExp(neg) - logSumExp(pos))
  }

  /// ∂L_weighted/∂s (FS), in log space: the softmax form of the gradient of −log(A/Z), computed
  /// independently of Analytic.MPOGradLemmas (property-tested against Objectives.WeightedMPOG1).
  static func fsGradient(_ s: [Double], logWeights lw: [Double], positive: [Bool]) -> [Double] {
    var la = -Double.infinity
    var lb = -Double.infinity
    for i in s.indices {
      let a = s[i] + lw[i]
      if positive[i] { la = logSumExp(la, a) } else { lb = logSumExp(lb, a) }
    }
    let q = sigmoid(lb - la)  // B/Z
    return s.indices.map { i in
      let a = s[i] + lw[i]
      return positive[i] ? -q * exp(a - la) : q * exp(a - lb)
    }
  }

  /// TAB scores s_i = β(log π_θ(y_i) − log π_ref(y_i)) for the first K of M responses.
  static func tabScores(theta: [Double], logRef: [Double], k: Int, beta: Double) -> [Double] {
    let lp = logSoftmax(theta)
    return (0..<k).map { beta * (lp[$0] - logRef[$0]) }
  }

  /// ∂L/∂θ in TAB: β(g_m 𝕀_{m<K} − π_m Σ_{i<K} g_i) with g the score gradient.
  static func tabGradient(
    theta: [Double], logRef: [Double], k: Int, beta: Double, logWeights lw: [Double],
    positive: [Bool]
  ) -> [Double] {
    let s = tabScores(theta: theta, logRef: logRef, k: k, beta: beta)
    let g = fsGradient(s, logWeights: lw, positive: positive)
    let pi = softmax(theta)
    let sg = g.reduce(0, +)
    return theta.indices.map { m in beta * ((m < k ? g[m] : 0) - pi[m] * sg) }
  }

  /// One GD step x ← x − η g.
  static func step(_ x: inout [Double], _ g: [Double], eta: Double) {
    for i in x.indices { x[i] -= eta * g[i] }
  }
}
