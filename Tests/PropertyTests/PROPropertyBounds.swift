// Rounding bounds for the PRO-family property tests (closed form against closed form).
//
// Error analysis: a finite-set loss is a sum of N ≤ |𝒴|² + |𝒴| terms, each a weight times
// a stable primitive (logSigmoid, K, a product) of an argument such as β(u_a − v_a) −
// β(u_b − v_b), u = logSoftmax(θ). logSoftmax rounds each u_a by ≲ 4ε·(max|θ| + log|𝒴|), the
// reward gap by ≲ 8εβ·(|u| + |v|), and the primitives have slope ≤ 1 in their argument, so
// each term errs by ≲ 8ε·(|term| + w·β·(max|u| + max|v| + max|θ| + max|θ_ref|)), and the sum
// adds Nε·Σ|terms|. Two evaluations being compared each carry this error, hence the factor 2
// and the 16·N·ε·scale used below, with scale = Σ|terms| (bounded by |L| plus the optimizer
// counted twice) + β·(max|θ| + max|θ_ref| + max|u| + max|v| + 1).
import Objectives
import StableMath

enum PROBounds {
  /// 16·N·ε·scale with N = n² + n terms (see the header).
  static func finiteSet(
    n: Int, beta: Double, logits: [[Double]], values: [Double]
  ) -> Double {
    let mags = logits.map { xs in xs.map { abs($0) }.max() ?? 0 }
    let lp = logits.map { xs in logSoftmax(xs).map { abs($0) }.max() ?? 0 }
    let scale =
      values.map { abs($0) }.reduce(0, +) + max(beta, 1)
      * (mags.reduce(0, +) + lp.reduce(0, +) + 1)
    return 16 * Double(n * n + n) * Double.ulpOfOne * scale
  }

  /// The conditioning term of a comparison in which one side takes log-probabilities
  /// u = logSoftmax(θ) as inputs (the App. D losses): each u carries an absolute rounding
  /// error ≤ 4ε·(max|θ| + |u| + 1) from logSoftmax, which that side propagates with its own
  /// partials g = ∂L/∂u; near labeled mass 1 the exact hyper reward log(1 − Σe^{u}) makes g
  /// huge (∂/∂u = −e^{u}/(1 − Σe^{u})), so this term dominates there.
  static func conditioning(gradient g: [Double], logProbs u: [Double], logits: [[Double]]) -> Double
  {
    let m = logits.map { xs in xs.map { abs($0) }.max() ?? 0 }.reduce(0, +)
    let umax = u.map { abs($0) }.max() ?? 0
    return 4 * Double.ulpOfOne * (m + umax + 1) * g.map { abs($0) }.reduce(0, +)
  }
}
