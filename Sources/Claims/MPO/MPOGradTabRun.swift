// A lean TAB gradient-descent run of L_weighted for the stationary-point entries of
// ../shared/claims/mpo.md §4 (paper 001_0ef3930bdbd6a134.txt §5 Lemma 1, App. H.3): π_θ =
// softmax(θ) over M responses, scores s_i = β(log π_θ(y_i) − log π_ref(y_i)) on the first K,
// step θ ← θ − η β(g_m𝕀_{m<K} − π_m Σ_i g_i). Goals: 1) the same step as MPOGradModels.tabGradient
// (property-tested); 2) O(M) exponentials per step, because gd-trajectory runs ~10⁷ steps;
// 3) every step observed with π, L and the score gradient.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// What a TAB run reports after each step.
struct MPOGradTabState {
  var t: Int
  var pi: [Double]
  var loss: Double
  /// ∂L/∂s (score gradient) and p^weighted on the K responses.
  var scoreGradient: [Double]
  var pWeighted: [Double]
}

enum MPOGradTabRun {
  /// Evaluates π, L, ∂L/∂s and p^weighted at θ.
  static func evaluate(theta: [Double], logRef: [Double], k: Int, beta: Double, logWeights lw: [Double],
                       positive: [Bool], t: Int) -> MPOGradTabState
  {
    var st = MPOGradTabState(
      t: t, pi: [Double](repeating: 0, count: theta.count), loss: 0,
      scoreGradient: [Double](repeating: 0, count: k), pWeighted: [Double](repeating: 0, count: k))
    evaluate(into: &st, theta: theta, logRef: logRef, k: k, beta: beta, logWeights: lw, positive: positive, t: t)
    return st
  }

  /// `evaluate` into an existing state whose arrays have the right sizes (no allocation when
  /// nothing else holds them): the per-step form of `run`, same arithmetic in the same order.
  static func evaluate(into st: inout MPOGradTabState, theta: [Double], logRef: [Double], k: Int, beta: Double,
                       logWeights lw: [Double], positive: [Bool], t: Int)
  {
    let mt = theta.max() ?? 0
    var zt = 0.0
    for v in theta { zt += exp(v - mt) }
    let lse = mt + log(zt)
    st.t = t
    st.pi.withUnsafeMutableBufferPointer { pi in
      for m in theta.indices { pi[m] = exp(theta[m] - lse) }
    }
    var ma = -Double.infinity
    var sa = 0.0
    var sb = 0.0
    st.scoreGradient.withUnsafeMutableBufferPointer { e in
      // e holds a_i first, then exp(a_i − max a).
      for i in 0..<k {
        e[i] = beta * (theta[i] - lse - logRef[i]) + lw[i]
        ma = max(ma, e[i])
      }
      for i in 0..<k { e[i] = exp(e[i] - ma) }
      for i in 0..<k { if positive[i] { sa += e[i] } else { sb += e[i] } }
      let z = sa + sb
      st.pWeighted.withUnsafeMutableBufferPointer { pw in
        for i in 0..<k { pw[i] = e[i] / z }
      }
      for i in 0..<k { e[i] = positive[i] ? -e[i] * sb / (sa * z) : e[i] / z }
    }
    st.loss = log1p(sb / sa)
  }

  /// Runs `steps` steps; `observe` sees the state after each step (t = 1…steps); returns the
  /// final state. The state's arrays are reused from step to step (an observer that keeps
  /// one gets its own copy on the next write).
  @discardableResult
  static func run(theta0: [Double], logRef: [Double], k: Int, beta: Double, logWeights lw: [Double],
                  positive: [Bool], eta: Double, steps: Int, observe: (MPOGradTabState) -> Void)
    -> MPOGradTabState
  {
    var theta = theta0
    var st = evaluate(theta: theta, logRef: logRef, k: k, beta: beta, logWeights: lw, positive: positive, t: 0)
    for t in 1...steps {
      let sg = st.scoreGradient.reduce(0, +)
      st.scoreGradient.withUnsafeBufferPointer { g in
        st.pi.withUnsafeBufferPointer { pi in
          theta.withUnsafeMutableBufferPointer { th in
            for m in th.indices {
              th[m] -= eta * beta * ((m < k ? g[m] : 0) - pi[m] * sg)
            }
          }
        }
      }
      evaluate(into: &st, theta: theta, logRef: logRef, k: k, beta: beta, logWeights: lw, positive: positive, t: t)
      observe(st)
    }
    return st
  }
}
