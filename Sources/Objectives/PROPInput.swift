// The input of PRO-P in its Theorem 4.3 form (002_74b446355a07bf4a.txt §4.2; PRO-formulas.md
// §5): pairwise feedback (µ̂, p̂) on a finite 𝒴, the distribution ρ over the unlabeled part
// of 𝒴_ℋ used by Eq. (9), and the hyper response ℋ.

/// Logits θ, θ_ref over 𝒴, µ̂ and p̂ (pairwise feedback), ρ and ℋ.
///
/// The gradient variables are `logits` and `refLogits`. p̂ is read (and validated) only on
/// pairs of labeled responses; elsewhere p̄ = ½ replaces it.
public struct PROPInput: ObjectiveInput, Hashable, Codable {
  /// θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2.
  public var logits: [Double]
  /// θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref).
  public var refLogits: [Double]
  /// µ̂ on 𝒴, the empirical distribution of labeled responses; 0 on ℋ.
  public var muHat: [Double]
  /// p̂[i][j] = p̂(y_i ≻ y_j) for labeled i, j, with p̂(i≻j) + p̂(j≻i) = 1.
  public var preference: [[Double]]
  /// ρ on 𝒴: a distribution over the unlabeled responses (0 where µ̂ > 0); its mass on ℋ is
  /// aggregated by Eq. (6).
  public var rho: [Double]
  /// The indices of the members of ℋ: non-empty, distinct, unlabeled.
  public var hyperResponse: [Int]

  public init(
    logits: [Double], refLogits: [Double], muHat: [Double], preference: [[Double]],
    rho: [Double], hyperResponse: [Int]
  ) {
    self.logits = logits
    self.refLogits = refLogits
    self.muHat = muHat
    self.preference = preference
    self.rho = rho
    self.hyperResponse = hyperResponse
  }

  public var variables: [Double] { logits + refLogits }
  public var variableNames: [String] {
    logits.indices.map { "logits[\($0)]" } + refLogits.indices.map { "refLogits[\($0)]" }
  }
  public func replacing(variables v: [Double]) -> PROPInput {
    precondition(v.count == 2 * logits.count, "PROPInput has 2|𝒴| variables")
    var c = self
    c.logits = Array(v[0..<logits.count])
    c.refLogits = Array(v[logits.count...])
    return c
  }

  /// Checks the domain: finite logits, µ̂ and ρ distributions with disjoint supports,
  /// p̂ complementary on labeled pairs, ℋ non-empty, distinct, unlabeled.
  public func validate() throws {
    try FiniteResponseMath.validateLogits(logits, "logits")
    let n = logits.count
    try FiniteResponseMath.validateCompanion(refLogits, "refLogits", count: n)
    try FiniteResponseMath.validateDistribution(muHat, "muHat", count: n)
    try FiniteResponseMath.validateDistribution(rho, "rho", count: n)
    for y in 0..<n where muHat[y] > 0 && rho[y] != 0 {
      throw ObjectiveError(
        field: "rho[\(y)]", value: "\(rho[y])",
        rule: "must be 0 on a labeled response (ρ lives on 𝒴_ℋ \\ supp(µ̂))")
    }
    let labeled = muHat.map { $0 > 0 }
    try FiniteResponseMath.validatePreference(
      preference, "preference", count: n, checked: { labeled[$0] && labeled[$1] })
    try FiniteResponseMath.validateHyperResponse(hyperResponse, count: n, muHat: muHat)
  }

  /// The modified response space 𝒴_ℋ.
  public var space: HyperResponseSpace {
    HyperResponseSpace(count: logits.count, hyper: hyperResponse)
  }
}
