// InfoNCA (Chen et al. 2024) as printed in 001_0ef3930bdbd6a134.txt eq. (3) and App. G.1:
//   ℓ = −Σ_i p_i^target log p_i^model,  p^target = softmax(r/τ),  p^model = softmax(s),
//   s_i = β log(π_θ(y_i|x)/π_ref(y_i|x)).
// Eq. (3) writes S_i/τ and log u(y_i) = β r_θ(y_i); G.1 writes r(x, y_i)/α and s_θ without β
// (β = 1, α = τ). Eq. (3)'s "∝" is taken as equality. Implementation goals: 1) the printed
// cross-entropy exactly; 2) finite value and gradient for all finite inputs — each term
// p_i·logSumExp_j(s_j − s_i) is ≥ 0, so the sum has no cancellation; 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// InfoNCA, MPO eq. (3) / App. G.1.
///
/// The gradient is taken with respect to `logProbs`, `refLogProbs` and `rewards` of
/// ``RewardedResponseSet``: ∂ℓ/∂s_i = p_i^model − p_i^target (Lemma 5, eq. 26) and
/// ∂ℓ/∂r_j = p_j^target (ℓ_j − ℓ)/τ with ℓ_j = −log p_j^model.
public struct InfoNCA: Objective {
  /// β > 0, the scale of the scores s_i = β r_θ(y_i).
  public var beta: Double
  /// τ > 0, the target temperature (G.1's α).
  public var tau: Double

  public init(beta: Double, tau: Double) {
    self.beta = beta
    self.tau = tau
  }

  public var name: String { "InfoNCA" }

  /// The scores s_i = β r_θ(y_i | x).
  public func scores(_ x: RewardedResponseSet) -> [Double] { x.logRatios.map { beta * $0 } }

  /// p^model = softmax(s).
  public func modelDistribution(_ x: RewardedResponseSet) throws -> [Double] {
    try validate(x)
    return softmax(scores(x))
  }

  /// p^target = softmax(r/τ).
  public func targetDistribution(_ x: RewardedResponseSet) throws -> [Double] {
    try validate(x)
    return x.targetDistribution(tau: tau)
  }

  /// −log p_i^model = logSumExp_j(s_j − s_i) ≥ 0. Forming the differences first (O(K²)
  /// work) keeps full relative accuracy when the loss is small and |s| large, where
  /// logSumExp(s) − s_i would lose ε·|s_i| to cancellation.
  private func negLogModel(_ s: [Double]) -> [Double] {
    s.map { si in logSumExp(s.map { $0 - si }) }
  }

  public func loss(_ x: RewardedResponseSet) throws -> Double {
    try validate(x)
    let p = x.targetDistribution(tau: tau)
    return zip(p, negLogModel(scores(x))).reduce(0) { $0 + $1.0 * $1.1 }
  }

  public func gradient(_ x: RewardedResponseSet) throws -> [Double] {
    try validate(x)
    let s = scores(x)
    let p = x.targetDistribution(tau: tau)
    let nl = negLogModel(s)
    let l = zip(p, nl).reduce(0) { $0 + $1.0 * $1.1 }
    let gs = zip(nl, p).map { beta * (exp(-$0) - $1) }
    let gr = zip(p, nl).map { $0 * ($1 - l) / tau }
    return gs + gs.map { -$0 } + gr
  }

  private func validate(_ x: RewardedResponseSet) throws {
    try Validate.positive(beta, "beta")
    try Validate.positive(tau, "tau")
    try x.validate()
  }
}
