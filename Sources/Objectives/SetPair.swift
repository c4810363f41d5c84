// MPO's input (001_0ef3930bdbd6a134.txt §4.1): for one prompt x, a chosen set 𝒴⁺ and a
// disjoint rejected set 𝒴⁻, both non-empty.

/// The chosen set 𝒴⁺ and the rejected set 𝒴⁻ of one prompt.
///
/// The gradient variables are `positive.logProbs`, `positive.refLogProbs`,
/// `negative.logProbs`, `negative.refLogProbs`, in that order.
public struct SetPair: ObjectiveInput, Hashable, Codable {
  /// 𝒴⁺, the preferred responses (non-empty).
  public var positive: ResponseSet
  /// 𝒴⁻, the dispreferred responses (non-empty).
  public var negative: ResponseSet

  public init(positive: ResponseSet, negative: ResponseSet) {
    self.positive = positive
    self.negative = negative
  }

  public var variables: [Double] { positive.variables + negative.variables }
  public var variableNames: [String] {
    positive.variableNames(prefix: "positive.") + negative.variableNames(prefix: "negative.")
  }
  public func replacing(variables v: [Double]) -> SetPair {
    let n = 2 * positive.count
    precondition(v.count == n + 2 * negative.count, "SetPair variable count mismatch")
    return SetPair(
      positive: positive.replacing(variables: Array(v[0..<n])),
      negative: negative.replacing(variables: Array(v[n...])))
  }

  /// Checks both sets (non-empty, matching lengths, log-probabilities ≤ 0).
  public func validate() throws {
    try positive.validate(prefix: "positive.")
    try negative.validate(prefix: "negative.")
  }
}
