// eDPO, the decomposed population DPO of PRO (002_74b446355a07bf4a.txt) Theorem 3.1
// (restored in PRO-formulas.md §2):
//   L_eDPO = −β E_{y∼µ}[s(y) log π_θ(y)]  +  ½ E_{y₁,y₂∼µ}[K(r_θ(y₁) − r_θ(y₂))],
//            \_______ optimizer _______/     \____________ regularizer ____________/
//   s(y) = E_{y'∼µ}[p(y≻y')] − ½,  K(δ) = D_KL(B(½) ‖ B(σ(δ))).
// Implementation goals: 1) Theorem 3.1's display exactly, each term on its own; 2) finite
// value and gradient for all finite logits (K via BernoulliHalfKL); 3) simplicity.
import StableMath

/// eDPO over a finite response set, PRO Theorem 3.1 (PRO-formulas.md §2).
///
/// Provenance: [reconstructed: S3 LaTeX, independently derived and numerically confirmed.
/// The property `E_{y∼µ}[s(y)] = 0` is [verbatim S2]] (PRO-formulas.md §2).
/// The gradient is taken with respect to `logits` and `refLogits`.
public struct EDPO: Objective {
  /// β > 0, the DPO temperature.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "eDPO" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §2.
  public static let provenance: Provenance = .reconstructed(
    "S3 LaTeX, independently derived and numerically confirmed; E_{y∼µ}[s(y)] = 0 is verbatim S2")

  /// The score function s(y) = Σ_{y'} µ(y') p(y≻y') − ½ of Theorem 3.1.
  public func score(_ x: PopulationPreferenceInput) throws -> [Double] {
    try check(x)
    return ScoreFunction.score(mu: x.mu, preference: x.preference)
  }

  /// The optimizer −β Σ_y µ(y) s(y) log π_θ(y).
  public func optimizerTerm(_ x: PopulationPreferenceInput) throws -> Double {
    try parts(x).optimizer
  }

  /// The regularizer ½ Σ_{y₁,y₂} µ(y₁)µ(y₂) K(r_θ(y₁) − r_θ(y₂)).
  public func regularizerTerm(_ x: PopulationPreferenceInput) throws -> Double {
    try parts(x).regularizer
  }

  /// ∂(optimizer)/∂(θ, θ_ref).
  public func optimizerGradient(_ x: PopulationPreferenceInput) throws -> [Double] {
    try parts(x).optimizerGradient
  }

  /// ∂(regularizer)/∂(θ, θ_ref).
  public func regularizerGradient(_ x: PopulationPreferenceInput) throws -> [Double] {
    try parts(x).regularizerGradient
  }

  public func loss(_ x: PopulationPreferenceInput) throws -> Double {
    let p = try parts(x)
    return p.optimizer + p.regularizer
  }

  /// ∂L/∂(θ, θ_ref): the optimizer gives ∂/∂u_y = −β µ(y) s(y); the regularizer gives
  /// ∂/∂r_a = Σ_b µ_a µ_b (σ(r_a − r_b) − ½), with r = β(u − u_ref), u = logSoftmax(θ).
  public func gradient(_ x: PopulationPreferenceInput) throws -> [Double] {
    let p = try parts(x)
    return zip(p.optimizerGradient, p.regularizerGradient).map { $0 + $1 }
  }

  private func check(_ x: PopulationPreferenceInput) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
  }

  private func parts(_ x: PopulationPreferenceInput) throws -> (
    optimizer: Double, regularizer: Double, optimizerGradient: [Double],
    regularizerGradient: [Double]
  ) {
    try check(x)
    let n = x.logits.count
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    let s = ScoreFunction.score(mu: x.mu, preference: x.preference)
    var optimizer = 0.0
    var gOptU = [Double](repeating: 0, count: n)
    for y in 0..<n where x.mu[y] > 0 {
      optimizer -= beta * x.mu[y] * s[y] * u[y]
      gOptU[y] = -beta * x.mu[y] * s[y]
    }
    let r = zip(u, v).map { beta * ($0 - $1) }
    let pd = FiniteResponseMath.pairDivergence(mu: x.mu, rewards: r)
    let gRegU = pd.gradR.map { 0.5 * beta * $0 }
    let optG =
      FiniteResponseMath.logitGradient(gOptU, logProbs: u) + [Double](repeating: 0, count: n)
    let regG =
      FiniteResponseMath.logitGradient(gRegU, logProbs: u)
      + FiniteResponseMath.logitGradient(gRegU.map { -$0 }, logProbs: v)
    return (optimizer, 0.5 * pd.value, optG, regG)
  }
}
