// Where an objective's formula comes from: seen in print, or reconstructed. PRO's arXiv v1
// text (002_74b446355a07bf4a.txt) lost its display formulas; /work/shared/papers/
// PRO-formulas.md restores them and tags each one. Other papers' objectives are verbatim.

/// The provenance of an objective's formula.
public enum Provenance: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The formula was seen in print, as implemented.
  case verbatim
  /// The formula was derived or taken from a secondary source; the string quotes the tag
  /// that records how (e.g. PRO-formulas.md's "[reconstructed: S3 LaTeX; re-derived]").
  case reconstructed(String)

  public var description: String {
    switch self {
    case .verbatim: return "verbatim"
    case .reconstructed(let tag): return "reconstructed (\(tag))"
    }
  }

  /// Whether the formula was seen in print.
  public var isVerbatim: Bool {
    if case .verbatim = self { return true }
    return false
  }
}
