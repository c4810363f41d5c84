// PRO-S, PRO (002_74b446355a07bf4a.txt) Appendix D, scalar feedback (restored in
// PRO-formulas.md §8), per prompt with N labeled responses:
//   ℓ = −[ (β/N) Σ_n ŝ_n log π_θ(y_n|x)
//          + 2α/(N(N+1)) Σ_{{u,v} ⊂ {y_1..y_N, ℋ}} (½log σ(r_θ(x,u) − r_θ(x,v)) + ½log σ(r_θ(x,v) − r_θ(x,u))) ],
//   r_θ(x, ℋ) = β log (1 − Σ_n π_θ(y_n|x)) / (1 − Σ_n π_ref(y_n|x))   (exact-H)   or 0 (zero-H).
// The pair sum runs over unordered pairs of distinct elements. With N = 1 it is PRO-B with β
// on the optimizer only.
// Implementation goals: 1) the display exactly; 2) finite value and gradient for all finite
// valid inputs; 3) simplicity.
import StableMath

/// PRO-S, scalar feedback (PRO-formulas.md §8).
///
/// Provenance: [reconstructed] — "Loss [reconstructed]"; "the regularizer strength is in fact
/// α/(N+1)²; we rescale it to 2α/(N(N+1))" is [verbatim S2]; η = N/(N+1) is reconstructed
/// (PRO-formulas.md §8). The gradient is taken with respect to `logProbs`, `refLogProbs`,
/// `scores`.
public struct PROS: Objective {
  /// β > 0, the DPO temperature (optimizer).
  public var beta: Double
  /// α > 0, the rescaled regularizer weight (pairs carry 2α/(N(N+1))).
  public var alpha: Double
  /// Exact r_θ(x, ℋ) from Eq. (6), or 0 as in the paper's experiments.
  public var hyperReward: HyperRewardMode

  public init(beta: Double, alpha: Double, hyperReward: HyperRewardMode = .exact) {
    self.beta = beta
    self.alpha = alpha
    self.hyperReward = hyperReward
  }

  public var name: String { "PRO-S (\(hyperReward.rawValue)-H)" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §8.
  public static let provenance: Provenance = .reconstructed(
    "Loss [reconstructed]; the strength α/(N+1)² rescaled to 2α/(N(N+1)) is verbatim S2; "
      + "η = N/(N+1) reconstructed")

  /// The optimizer −(β/N) Σ_n ŝ_n log π_θ(y_n).
  public func optimizerTerm(_ x: PROScalarSample) throws -> Double { try parts(x).optimizer }

  /// The regularizer −2α/(N(N+1)) Σ_{pairs} (½log σ(δ) + ½log σ(−δ)).
  public func regularizerTerm(_ x: PROScalarSample) throws -> Double {
    try parts(x).regularizer
  }

  public func loss(_ x: PROScalarSample) throws -> Double {
    let p = try parts(x)
    return p.optimizer + p.regularizer
  }

  /// ∂ℓ/∂(logProbs, refLogProbs, scores): each pair {u, v} adds c(σ(δ) − ½), δ = r_u − r_v,
  /// to ∂ℓ/∂r_u and its negative to ∂ℓ/∂r_v (c = 2α/(N(N+1))); rewards pull back through
  /// r_n = β(log π_θ(y_n) − log π_ref(y_n)) and, for ℋ, through Eq. (6).
  public func gradient(_ x: PROScalarSample) throws -> [Double] { try parts(x).gradient }

  private func parts(_ x: PROScalarSample) throws -> (
    optimizer: Double, regularizer: Double, gradient: [Double]
  ) {
    try Validate.positive(beta, "beta")
    try Validate.positive(alpha, "alpha")
    try x.validate()
    let n = x.logProbs.count
    let nd = Double(n)
    var rH = 0.0
    var dH = [Double](repeating: 0, count: 2 * n)
    if hyperReward == .exact {
      let h = try HyperReward.exact(
        beta: beta, logProbs: x.logProbs, refLogProbs: x.refLogProbs, policyField: "logProbs",
        refField: "refLogProbs")
      rH = h.value
      dH = h.dPolicy + h.dRef
    }
    // Elements 0..<N are the labeled responses, element N is ℋ.
    let r = (0..<n).map { beta * (x.logProbs[$0] - x.refLogProbs[$0]) } + [rH]
    var optimizer = 0.0
    var g = [Double](repeating: 0, count: 3 * n)
    for k in 0..<n {
      optimizer -= beta / nd * x.scores[k] * x.logProbs[k]
      g[k] = -beta / nd * x.scores[k]
      g[2 * n + k] = -beta / nd * x.logProbs[k]
    }
    let c = 2 * alpha / (nd * (nd + 1))
    var pairSum = 0.0
    var gr = [Double](repeating: 0, count: n + 1)
    for a in 0...n {
      for b in (a + 1)..<(n + 1) where b > a {
        let d = r[a] - r[b]
        pairSum += 0.5 * logSigmoid(d) + 0.5 * logSigmoid(-d)
        let k = c * BernoulliHalfKL.derivative(d)
        gr[a] += k
        gr[b] -= k
      }
    }
    for k in 0..<n {
      g[k] += beta * gr[k] + gr[n] * dH[k]
      g[n + k] += -beta * gr[k] + gr[n] * dH[n + k]
    }
    return (optimizer, -c * pairSum, g)
  }
}
