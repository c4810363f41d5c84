// The protocol every loss in Objectives conforms to: a value and an analytic gradient with
// respect to the input's continuous variables, in a fixed, named order. Generic code —
// the finite-difference gradient checks, the `verify loss` oracle, the claim checks —
// works through this protocol only.

/// The inputs of an objective: a fixed list of named continuous variables (those the
/// gradient is taken with respect to) plus any discrete data (lengths, labels, sizes).
public protocol ObjectiveInput: Sendable {
  /// The continuous variables, in the order of ``variableNames``.
  var variables: [Double] { get }
  /// One name per variable, e.g. `["logProbChosen", "logProbRejected", …]`; array-valued
  /// fields are flattened as `scores[0]`, `scores[1]`, ….
  var variableNames: [String] { get }
  /// A copy with the continuous variables replaced (same discrete data, same order).
  func replacing(variables: [Double]) -> Self
}

/// A scalar training objective ℓ(input) with its analytic gradient.
public protocol Objective: Sendable {
  associatedtype Input: ObjectiveInput
  /// The objective's name as printed in its paper (e.g. "DPO", "MaPPO").
  var name: String { get }
  /// The loss value. Throws ``ObjectiveError`` for input outside the objective's domain.
  func loss(_ input: Input) throws -> Double
  /// ∂ℓ/∂input.variables, in the order of `input.variableNames`.
  func gradient(_ input: Input) throws -> [Double]
}

extension Objective {
  /// The gradient paired with the variable names.
  public func namedGradient(_ input: Input) throws -> [(name: String, value: Double)] {
    let g = try gradient(input)
    return Array(zip(input.variableNames, g)).map { (name: $0.0, value: $0.1) }
  }
}
