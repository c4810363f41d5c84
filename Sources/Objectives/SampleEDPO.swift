// Sample-based eDPO, PRO (002_74b446355a07bf4a.txt) §3.2 (restored in PRO-formulas.md §3):
//   L̂_eDPO = −β E_{y∼µ̂}[ŝ(y) log π_θ(y)]  +  (α/2) E_{y₁,y₂∼µ}[K(r_θ(y₁) − r_θ(y₂))].
// The optimizer uses the empirical µ̂, the regularizer the full µ; the coefficient α/2 is
// PRO-formulas.md §0's inferred convention.
// Implementation goals: 1) the display exactly; 2) finite value and gradient for all finite
// logits; 3) simplicity.
import StableMath

/// Sample-based eDPO over a finite response set, PRO §3.2 (PRO-formulas.md §3).
///
/// Provenance: [reconstructed. The coefficient `α/2` is inferred (see §0). The regularizer
/// keeps the *full* `µ`, while the optimizer uses `µ̂`, as the prose states. `α > 0` is
/// [verbatim S2]] (PRO-formulas.md §3). With µ = µ̂, p = p̂ and α = 1 it is footnote 1's
/// route back to DPO. The gradient is taken with respect to `logits`, `refLogits`, `scores`.
public struct SampleEDPO: Objective {
  /// β > 0, the DPO temperature (optimizer weight).
  public var beta: Double
  /// α > 0, the regularizer weight (the regularizer carries α/2).
  public var alpha: Double

  public init(beta: Double, alpha: Double) {
    self.beta = beta
    self.alpha = alpha
  }

  public var name: String { "SampleEDPO" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §3.
  public static let provenance: Provenance = .reconstructed(
    "the coefficient α/2 is inferred (§0); the regularizer keeps the full µ, the optimizer "
      + "uses µ̂, as the prose states; α > 0 is verbatim S2")

  /// The optimizer −β Σ_y µ̂(y) ŝ(y) log π_θ(y).
  public func optimizerTerm(_ x: SampleEDPOInput) throws -> Double { try parts(x).optimizer }

  /// The regularizer (α/2) Σ_{y₁,y₂} µ(y₁)µ(y₂) K(r_θ(y₁) − r_θ(y₂)).
  public func regularizerTerm(_ x: SampleEDPOInput) throws -> Double {
    try parts(x).regularizer
  }

  /// ∂(optimizer)/∂(θ, θ_ref, ŝ).
  public func optimizerGradient(_ x: SampleEDPOInput) throws -> [Double] {
    try parts(x).optimizerGradient
  }

  /// ∂(regularizer)/∂(θ, θ_ref, ŝ).
  public func regularizerGradient(_ x: SampleEDPOInput) throws -> [Double] {
    try parts(x).regularizerGradient
  }

  public func loss(_ x: SampleEDPOInput) throws -> Double {
    let p = try parts(x)
    return p.optimizer + p.regularizer
  }

  /// ∂L/∂(θ, θ_ref, ŝ): ∂/∂u_y = −β µ̂(y) ŝ(y) from the optimizer, ∂/∂r_a =
  /// α Σ_b µ_a µ_b (σ(r_a − r_b) − ½) from the regularizer, ∂/∂ŝ(y) = −β µ̂(y) log π_θ(y).
  public func gradient(_ x: SampleEDPOInput) throws -> [Double] {
    let p = try parts(x)
    return zip(p.optimizerGradient, p.regularizerGradient).map { $0 + $1 }
  }

  private func parts(_ x: SampleEDPOInput) throws -> (
    optimizer: Double, regularizer: Double, optimizerGradient: [Double],
    regularizerGradient: [Double]
  ) {
    try Validate.positive(beta, "beta")
    try Validate.positive(alpha, "alpha")
    try x.validate()
    let n = x.logits.count
    let zeros = [Double](repeating: 0, count: n)
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    var optimizer = 0.0
    var gOptU = zeros
    var gOptS = zeros
    for y in 0..<n where x.muHat[y] > 0 {
      optimizer -= beta * x.muHat[y] * x.scores[y] * u[y]
      gOptU[y] = -beta * x.muHat[y] * x.scores[y]
      gOptS[y] = -beta * x.muHat[y] * u[y]
    }
    let r = zip(u, v).map { beta * ($0 - $1) }
    let pd = FiniteResponseMath.pairDivergence(mu: x.mu, rewards: r)
    let gRegU = pd.gradR.map { 0.5 * alpha * beta * $0 }
    let optG = FiniteResponseMath.logitGradient(gOptU, logProbs: u) + zeros + gOptS
    let regG =
      FiniteResponseMath.logitGradient(gRegU, logProbs: u)
      + FiniteResponseMath.logitGradient(gRegU.map { -$0 }, logProbs: v) + zeros
    return (optimizer, 0.5 * alpha * pd.value, optG, regG)
  }
}
