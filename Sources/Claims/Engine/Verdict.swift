// The verdict vocabulary of ../shared/claims/FORMAT.md. Verdicts are computed by checks,
// never written down.

/// The outcome class of a claim check.
public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
  /// A concrete counterexample exists; the report prints the smallest one found.
  case refuted
  /// The check could not decide (e.g. an interval straddles the claimed effect).
  case inconclusive
  /// Holds only under a condition the paper does not state; the report names it.
  case conditional
  /// Holds only to first order / asymptotically; the report gives the measured error.
  case approximate
  /// Every tested case satisfies the claim within the stated tolerance.
  case confirmed

  /// The catalogs' order for multi-part entries: refuted < inconclusive < conditional <
  /// approximate < confirmed; a multi-part verdict is the worst part.
  var rank: Int {
    switch self {
    case .refuted: 0
    case .inconclusive: 1
    case .conditional: 2
    case .approximate: 3
    case .confirmed: 4
    }
  }

  public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }

  /// The worst of several part verdicts (confirmed for none).
  public static func worst(_ parts: [Verdict]) -> Verdict { parts.min() ?? .confirmed }
}
