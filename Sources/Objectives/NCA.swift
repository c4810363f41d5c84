// NCA (Chen et al. 2024, "Noise Contrastive Alignment of Language Models with Explicit
// Rewards", the NCA loss for K responses with explicit rewards), the companion of InfoNCA
// cited by 001_0ef3930bdbd6a134.txt:
//   ℓ = −Σ_i p_i log σ(s_i) − (1/K) Σ_i log σ(−s_i),  p = softmax(r/τ),
//   s_i = β log(π_θ(y_i|x)/π_ref(y_i|x)).
// Implementation goals: 1) that formula exactly; 2) finite value and gradient for all finite
// inputs (−log σ(±s) = softplus(∓s), every term ≥ 0); 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Noise Contrastive Alignment (Chen et al. 2024).
///
/// The gradient is taken with respect to `logProbs`, `refLogProbs` and `rewards` of
/// ``RewardedResponseSet``: ∂ℓ/∂s_i = −p_i σ(−s_i) + σ(s_i)/K and
/// ∂ℓ/∂r_j = p_j (c_j − Σ_i p_i c_i)/τ with c_i = softplus(−s_i).
public struct NCA: Objective {
  /// β > 0, the scale of the scores s_i = β r_θ(y_i).
  public var beta: Double
  /// τ > 0, the target temperature.
  public var tau: Double

  public init(beta: Double, tau: Double) {
    self.beta = beta
    self.tau = tau
  }

  public var name: String { "NCA" }

  /// The scores s_i = β r_θ(y_i | x).
  public func scores(_ x: RewardedResponseSet) -> [Double] { x.logRatios.map { beta * $0 } }

  public func loss(_ x: RewardedResponseSet) throws -> Double {
    try validate(x)
    let s = scores(x)
    let p = x.targetDistribution(tau: tau)
    let k = Double(s.count)
    var l = 0.0
    for i in s.indices { l += p[i] * softplus(-s[i]) + softplus(s[i]) / k }
    return l
  }

  public func gradient(_ x: RewardedResponseSet) throws -> [Double] {
    try validate(x)
    let s = scores(x)
    let p = x.targetDistribution(tau: tau)
    let k = Double(s.count)
    let c = s.map { softplus(-$0) }
    let mean = zip(p, c).reduce(0) { $0 + $1.0 * $1.1 }
    let gs = s.indices.map { beta * (-p[$0] * sigmoid(-s[$0]) + sigmoid(s[$0]) / k) }
    let gr = s.indices.map { p[$0] * (c[$0] - mean) / tau }
    return gs + gs.map { -$0 } + gr
  }

  private func validate(_ x: RewardedResponseSet) throws {
    try Validate.positive(beta, "beta")
    try Validate.positive(tau, "tau")
    try x.validate()
  }
}
