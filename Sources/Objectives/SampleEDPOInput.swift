// The input of PRO's sample-based eDPO (002_74b446355a07bf4a.txt §3.2; PRO-formulas.md §3):
// logits over a finite 𝒴, the regularizer distribution µ, the empirical distribution µ̂ of
// labeled responses, and the empirical score ŝ.

/// Logits θ, θ_ref over 𝒴, µ (regularizer), µ̂ (optimizer) and the empirical score ŝ.
///
/// The gradient variables are `logits`, `refLogits` and `scores` (the loss is linear in ŝ).
/// µ and µ̂ are distributions (constrained data), not variables.
public struct SampleEDPOInput: ObjectiveInput, Hashable, Codable {
  /// θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2.
  public var logits: [Double]
  /// θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref).
  public var refLogits: [Double]
  /// µ, the regularizer's response distribution (full support in the paper's analysis;
  /// zeros allowed, e.g. µ = µ̂ for the "oversimplified" regularizer).
  public var mu: [Double]
  /// µ̂, the empirical distribution of labeled responses.
  public var muHat: [Double]
  /// ŝ(y), the empirical score (pairwise or pointwise; used where µ̂(y) > 0).
  public var scores: [Double]

  public init(
    logits: [Double], refLogits: [Double], mu: [Double], muHat: [Double], scores: [Double]
  ) {
    self.logits = logits
    self.refLogits = refLogits
    self.mu = mu
    self.muHat = muHat
    self.scores = scores
  }

  public var variables: [Double] { logits + refLogits + scores }
  public var variableNames: [String] {
    logits.indices.map { "logits[\($0)]" } + refLogits.indices.map { "refLogits[\($0)]" }
      + scores.indices.map { "scores[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> SampleEDPOInput {
    let n = logits.count
    precondition(v.count == 3 * n, "SampleEDPOInput has 3|𝒴| variables")
    var c = self
    c.logits = Array(v[0..<n])
    c.refLogits = Array(v[n..<(2 * n)])
    c.scores = Array(v[(2 * n)...])
    return c
  }

  /// Checks the domain: |𝒴| ≥ 2, finite logits and scores of equal length, µ and µ̂
  /// distributions.
  public func validate() throws {
    try FiniteResponseMath.validateLogits(logits, "logits")
    let n = logits.count
    try FiniteResponseMath.validateCompanion(refLogits, "refLogits", count: n)
    try FiniteResponseMath.validateDistribution(mu, "mu", count: n)
    try FiniteResponseMath.validateDistribution(muHat, "muHat", count: n)
    try FiniteResponseMath.validateCompanion(scores, "scores", count: n)
  }
}
