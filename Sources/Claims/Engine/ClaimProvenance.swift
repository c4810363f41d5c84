// Where a claim's formulas come from: printed verbatim in the paper, or reconstructed
// (PRO's formulas were lost from its text and restored in ../shared/papers/PRO-formulas.md).

/// The provenance of the formulas a claim rests on.
public enum ClaimProvenance: Codable, Sendable, Hashable, CustomStringConvertible {
  /// The formulas are printed in the paper's text.
  case verbatim
  /// The formulas were reconstructed; the string says from what.
  case reconstructed(String)

  public var description: String {
    switch self {
    case .verbatim: "verbatim"
    case .reconstructed(let from): "reconstructed (\(from))"
    }
  }

  /// True for reconstructed formulas (a verdict on them says so).
  public var isReconstructed: Bool {
    if case .reconstructed = self { return true }
    return false
  }
}
