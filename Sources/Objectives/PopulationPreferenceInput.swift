// The input of PRO's population objectives (002_74b446355a07bf4a.txt §3.1; PRO-formulas.md
// §2): a finite response set 𝒴, the policy and reference as logits (π_θ = softmax(θ),
// π_ref = softmax(θ_ref)), the response distribution µ and the preference p(y₁≻y₂).

/// Logits θ, θ_ref over 𝒴, the distribution µ and the preference matrix p(i≻j).
///
/// The gradient variables are `logits` then `refLogits`. µ and p are constrained data
/// (a distribution; p(i≻j) + p(j≻i) = 1), not variables.
public struct PopulationPreferenceInput: ObjectiveInput, Hashable, Codable {
  /// θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2.
  public var logits: [Double]
  /// θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref).
  public var refLogits: [Double]
  /// µ, the distribution responses are drawn from (may have zeros).
  public var mu: [Double]
  /// p[i][j] = p(y_i ≻ y_j) ∈ [0, 1], with p(i≻j) + p(j≻i) = 1 (so p(i≻i) = ½).
  public var preference: [[Double]]

  public init(logits: [Double], refLogits: [Double], mu: [Double], preference: [[Double]]) {
    self.logits = logits
    self.refLogits = refLogits
    self.mu = mu
    self.preference = preference
  }

  public var variables: [Double] { logits + refLogits }
  public var variableNames: [String] {
    logits.indices.map { "logits[\($0)]" } + refLogits.indices.map { "refLogits[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> PopulationPreferenceInput {
    precondition(v.count == 2 * logits.count, "PopulationPreferenceInput has 2|𝒴| variables")
    var c = self
    c.logits = Array(v[0..<logits.count])
    c.refLogits = Array(v[logits.count...])
    return c
  }

  /// Checks the domain: |𝒴| ≥ 2, finite logits of equal length, µ a distribution, p a
  /// complementary preference matrix.
  public func validate() throws {
    try FiniteResponseMath.validateLogits(logits, "logits")
    let n = logits.count
    try FiniteResponseMath.validateCompanion(refLogits, "refLogits", count: n)
    try FiniteResponseMath.validateDistribution(mu, "mu", count: n)
    try FiniteResponseMath.validatePreference(preference, "preference", count: n)
  }
}
