// The KL-regularised optimum (000_f3e0a040f5e536e0.txt eqs. 1, 2, 7): for one prompt with K
// responses, J(π) = Σ π r − β KL(π‖π_ref) is maximised by π* = π_ref·e^{r/β}/Z with
// Z = Σ π_ref e^{r/β}, and J(π*) = β log Z.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// The KL-regularised reward objective on a finite response set, in logits θ (π = softmax θ).
public enum KLRegularizedOptimum {
  /// J(θ) = Σ_y π_θ(y) r(y) − β Σ_y π_θ(y)(log π_θ(y) − log π_ref(y)).
  public static func objective(logits theta: [Double], rewards r: [Double], refLogProbs lref: [Double], beta: Double) -> Double {
    let lp = logSoftmax(theta)
    var j = 0.0
    for y in theta.indices {
      let p = exp(lp[y])
      j += p * (r[y] - beta * (lp[y] - lref[y]))
    }
    return j
  }

  /// ∇_θ J = π ⊙ (g − ⟨π, g⟩) with g(y) = r(y) − β(log π(y) − log π_ref(y)) − β (the
  /// softmax chain rule; the −β from d/dπ of π log π cancels in the centring).
  public static func gradient(logits theta: [Double], rewards r: [Double], refLogProbs lref: [Double], beta: Double) -> [Double] {
    let lp = logSoftmax(theta)
    let p = lp.map { exp($0) }
    let g = theta.indices.map { r[$0] - beta * (lp[$0] - lref[$0]) }
    let mean = zip(p, g).reduce(0.0) { $0 + $1.0 * $1.1 }
    return theta.indices.map { p[$0] * (g[$0] - mean) }
  }

  /// The closed-form maximiser's logits θ* = log π_ref + r/β (defined up to a common shift).
  public static func optimalLogits(rewards r: [Double], refLogProbs lref: [Double], beta: Double) -> [Double] {
    zip(lref, r).map { $0 + $1 / beta }
  }

  /// β log Z, Z = Σ π_ref e^{r/β}, the optimal value.
  public static func optimalValue(rewards r: [Double], refLogProbs lref: [Double], beta: Double) -> Double {
    beta * logSumExp(zip(lref, r).map { $0 + $1 / beta })
  }
}
