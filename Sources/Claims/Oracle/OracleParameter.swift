// A hyperparameter of an objective as the `verify loss` oracle reads it: a JSON key of the
// record (next to the input fields), its kind, and the library's default if it has one.

/// One hyperparameter of an oracle objective.
public struct OracleParameter: Codable, Sendable, Hashable {
  /// What values the parameter takes.
  public enum Kind: String, Codable, Sendable, Hashable {
    /// A JSON number (float64).
    case number
    /// One of the strings of ``HyperRewardMode`` ("exact", "zero").
    case hyperReward
  }

  /// The JSON key, named as the objective's stored property (`beta`, `alphaW`, …).
  public var name: String
  public var kind: Kind
  /// The default when the key is absent (the library initializer's default); nil: required.
  public var defaultValue: String?
  /// What it is and its domain, from the objective's doc comment.
  public var doc: String

  /// A number parameter.
  public init(_ name: String, default d: String? = nil, _ doc: String) {
    self.init(name, .number, default: d, doc)
  }

  public init(_ name: String, _ kind: Kind, default d: String?, _ doc: String) {
    self.name = name
    self.kind = kind
    self.defaultValue = d
    self.doc = doc
  }

  /// β, the usual inverse temperature / KL strength.
  static let beta = OracleParameter("beta", "β > 0")
  /// β with the library default 1 (PIPA's Step-DPO / KTO forms).
  static let betaDefault1 = OracleParameter("beta", default: "1", "β > 0")
  /// The PRO hyper-reward mode.
  static let hyperReward = OracleParameter(
    "hyperReward", .hyperReward, default: "exact",
    "\"exact\" (r(ℋ) from Eq. 6) or \"zero\" (r(ℋ) := 0, the paper's experiments)")
}
