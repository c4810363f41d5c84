// The input of the PRO loss with a hyper response (002_74b446355a07bf4a.txt §4.1;
// PRO-formulas.md §4): sample-eDPO data over a finite 𝒴 plus the hyper response ℋ, the set
// of responses lumped into one element of 𝒴_ℋ = (𝒴 \ ℋ) ∪ {ℋ}.

/// Logits θ, θ_ref over 𝒴, µ and µ̂ over 𝒴, the empirical score ŝ, and ℋ ⊆ 𝒴 \ supp(µ̂).
///
/// µ, π_θ and π_ref are extended to ℋ by Eq. (6), q(ℋ) = Σ_{y∈ℋ} q(y); so µ is given on 𝒴
/// (to use a µ defined on 𝒴_ℋ directly, e.g. µ̄ of Eq. (9), put µ(ℋ) on any members of ℋ).
/// The gradient variables are `logits`, `refLogits` and `scores`.
public struct PROInput: ObjectiveInput, Hashable, Codable {
  /// θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2.
  public var logits: [Double]
  /// θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref).
  public var refLogits: [Double]
  /// µ on 𝒴, the regularizer's distribution before aggregation over ℋ.
  public var mu: [Double]
  /// µ̂ on 𝒴, the empirical distribution of labeled responses; 0 on ℋ.
  public var muHat: [Double]
  /// ŝ(y), the empirical score (used where µ̂(y) > 0).
  public var scores: [Double]
  /// The indices of the members of ℋ: non-empty, distinct, unlabeled.
  public var hyperResponse: [Int]

  public init(
    logits: [Double], refLogits: [Double], mu: [Double], muHat: [Double], scores: [Double],
    hyperResponse: [Int]
  ) {
    self.logits = logits
    self.refLogits = refLogits
    self.mu = mu
    self.muHat = muHat
    self.scores = scores
    self.hyperResponse = hyperResponse
  }

  public var variables: [Double] { logits + refLogits + scores }
  public var variableNames: [String] {
    logits.indices.map { "logits[\($0)]" } + refLogits.indices.map { "refLogits[\($0)]" }
      + scores.indices.map { "scores[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> PROInput {
    let n = logits.count
    precondition(v.count == 3 * n, "PROInput has 3|𝒴| variables")
    var c = self
    c.logits = Array(v[0..<n])
    c.refLogits = Array(v[n..<(2 * n)])
    c.scores = Array(v[(2 * n)...])
    return c
  }

  /// Checks the domain: as ``SampleEDPOInput``, plus ℋ non-empty, distinct, in range and
  /// unlabeled.
  public func validate() throws {
    try FiniteResponseMath.validateLogits(logits, "logits")
    let n = logits.count
    try FiniteResponseMath.validateCompanion(refLogits, "refLogits", count: n)
    try FiniteResponseMath.validateDistribution(mu, "mu", count: n)
    try FiniteResponseMath.validateDistribution(muHat, "muHat", count: n)
    try FiniteResponseMath.validateCompanion(scores, "scores", count: n)
    try FiniteResponseMath.validateHyperResponse(hyperResponse, count: n, muHat: muHat)
  }

  /// The modified response space 𝒴_ℋ.
  public var space: HyperResponseSpace {
    HyperResponseSpace(count: logits.count, hyper: hyperResponse)
  }
}
