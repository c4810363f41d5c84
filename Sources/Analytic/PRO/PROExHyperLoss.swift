// L̂_PRO on the modified response space 𝒴_ℋ as a function of normalised log-probabilities,
// split as L = L_O + α·R (PRO 002_74b446355a07bf4a.txt §4.1; PRO-formulas.md §4; catalog
// pro.md §1.6 and M3 "Split slope"). The terms come from Objectives `PRO.hyperSpaceTerms`
// (α = 1 gives R, the regularizer per unit α); this file only adds the bookkeeping the
// catalog's M2/M3 procedures need: term sums for T-round/T-ray, logits with z₀ = 0 pinned.
// Goals, in order: 1) the Objectives loss exactly (no second copy of the formula);
// 2) finite values deep toward the boundary (log-probabilities stay representable);
// 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Objectives

/// L̂_PRO on 𝒴_ℋ (m elements) in log-probabilities, with its split L_O + α R.
///
/// Provenance: L̂_PRO is reconstructed (PRO-formulas.md §4, `PRO.provenance`).
public struct PROExHyperLoss: Sendable, Hashable {
  /// β > 0.
  public var beta: Double
  /// µ on 𝒴_ℋ (the regularizer's distribution).
  public var mu: [Double]
  /// log π_ref on 𝒴_ℋ (normalised).
  public var refLogProbs: [Double]
  /// The optimizer weights µ̂(e)ŝ(e) on 𝒴_ℋ (0 where unlabeled).
  public var weights: [Double]

  public init(beta: Double, mu: [Double], refLogProbs: [Double], weights: [Double]) {
    self.beta = beta
    self.mu = mu
    self.refLogProbs = refLogProbs
    self.weights = weights
  }

  /// |𝒴_ℋ|.
  public var m: Int { mu.count }

  /// The split loss at normalised log-probabilities u, with the catalog's term sums.
  public struct Parts: Sendable {
    /// L_O = −β Σ_e w_e u_e.
    public var optimizer: Double
    /// R = ½ Σ_{e,f} µ_e µ_f K(r_e − r_f) (the regularizer at α = 1).
    public var regularizer: Double
    /// ∂L_O/∂u and ∂R/∂u (free log-probabilities).
    public var optimizerGradient: [Double]
    public var regularizerGradient: [Double]
    /// S_O = Σ_e |β w_e u_e|, S_R = R (every pair term is ≥ 0).
    public var optimizerTermSum: Double
    public var regularizerTermSum: Double
    /// N_O (non-zero optimizer terms) and N_R (ordered pairs with both µ > 0, e ≠ f).
    public var optimizerTermCount: Int
    public var regularizerTermCount: Int

    /// L(α) = L_O + α R.
    public func value(alpha: Double) -> Double { optimizer + alpha * regularizer }
  }

  /// The terms at normalised log-probabilities u (through `PRO.hyperSpaceTerms`, α = 1).
  public func parts(_ u: [Double]) throws -> Parts {
    let t = try PRO(beta: beta, alpha: 1).hyperSpaceTerms(
      logProbs: u, refLogProbs: refLogProbs, mu: mu, optimizerWeights: weights)
    var so = 0.0
    var no = 0
    for e in 0..<m where weights[e] != 0 {
      so += abs(beta * weights[e] * u[e])
      no += 1
    }
    let positive = mu.filter { $0 != 0 }.count
    return Parts(
      optimizer: t.optimizer, regularizer: t.regularizer, optimizerGradient: t.optimizerGradient,
      regularizerGradient: t.regularizerGradient, optimizerTermSum: so,
      regularizerTermSum: t.regularizer, optimizerTermCount: no,
      regularizerTermCount: positive * (positive - 1))
  }

  /// Log-probabilities of the free logits (z₀ = 0 pinned, then z₁…z_{m−1}).
  public static func logProbs(freeLogits z: [Double]) -> [Double] {
    logSoftmax([0] + z)
  }

  /// L(α) at free logits z (m − 1 of them).
  public func loss(freeLogits z: [Double], alpha: Double) throws -> Double {
    try parts(Self.logProbs(freeLogits: z)).value(alpha: alpha)
  }

  /// ∇_z L(α) at free logits: ∂_{z_k}L = ∂_{u_k}L − π_k Σ_j ∂_{u_j}L, z₀ dropped.
  public func gradient(freeLogits z: [Double], alpha: Double) throws -> [Double] {
    let u = Self.logProbs(freeLogits: z)
    let p = try parts(u)
    let g = zip(p.optimizerGradient, p.regularizerGradient).map { $0 + alpha * $1 }
    let total = g.reduce(0, +)
    return (1..<m).map { k in g[k] - exp(u[k]) * total }
  }
}
