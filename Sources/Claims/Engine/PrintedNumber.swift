import Foundation

// The printed-table rule: a printed number stands for the interval ±½ unit of its last
// printed digit; derived quantities are computed as intervals over those inputs; a match
// is an intersection; inequalities are holds / fails / undecided.

/// A closed interval of reals with outward-safe arithmetic for the printed-number rule.
public struct PrintedInterval: Sendable, Hashable, Codable, CustomStringConvertible {
  public var lower: Double
  public var upper: Double

  public init(lower: Double, upper: Double) {
    precondition(lower <= upper, "interval bounds out of order: \(lower) > \(upper)")
    self.lower = lower
    self.upper = upper
  }

  /// The interval a printed decimal stands for: value ± ½ unit of its last digit.
  /// `"-14.3"` → [−14.35, −14.25]; `"62"` → [61.5, 62.5]. Accepts a leading + or −
  /// (also the Unicode minus sign).
  public init?(printed: String) {
    var s = printed.trimmingCharacters(in: CharacterSet(charactersIn: " %"))
    s = s.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "+", with: "")
    guard let v = Double(s) else { return nil }
    let decimals = s.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
    var unit = 1.0
    for _ in 0..<decimals { unit /= 10 }
    // Outward rounding: v ± unit/2 is computed in float64, so each bound is moved one ulp
    // out; otherwise 62.1 − 0.05 = 62.050000000000004 > 62.0 + 0.05 and two printed values
    // one digit apart would compare as decided when the rule says undecided.
    self.init(lower: (v - unit / 2).nextDown, upper: (v + unit / 2).nextUp)
  }

  /// A degenerate interval for an exact number.
  public init(exactly x: Double) { self.init(lower: x, upper: x) }

  public static func + (a: Self, b: Self) -> Self {
    Self(lower: (a.lower + b.lower).nextDown, upper: (a.upper + b.upper).nextUp)
  }
  public static func - (a: Self, b: Self) -> Self {
    Self(lower: (a.lower - b.upper).nextDown, upper: (a.upper - b.lower).nextUp)
  }
  public static func * (a: Self, b: Self) -> Self {
    let p = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper]
    return Self(lower: p.min()!.nextDown, upper: p.max()!.nextUp)
  }
  /// Division; precondition: b does not contain 0.
  public static func / (a: Self, b: Self) -> Self {
    precondition(b.lower > 0 || b.upper < 0, "division by an interval containing 0")
    let q = [a.lower / b.lower, a.lower / b.upper, a.upper / b.lower, a.upper / b.upper]
    return Self(lower: q.min()!.nextDown, upper: q.max()!.nextUp)
  }

  /// Whether the two intervals intersect (the rule's "matches").
  public func matches(_ other: Self) -> Bool { lower <= other.upper && other.lower <= upper }

  public var description: String { "[\(formatNumber(lower)), \(formatNumber(upper))]" }
}

/// The three outcomes of an inequality between printed intervals.
public enum Comparison: String, Codable, Sendable {
  case holds, fails, undecided

  /// A > B: holds if inf A > sup B, fails if sup A ≤ inf B, undecided otherwise.
  public static func greater(_ a: PrintedInterval, _ b: PrintedInterval) -> Comparison {
    if a.lower > b.upper { return .holds }
    if a.upper <= b.lower { return .fails }
    return .undecided
  }

  /// A ≥ c: holds if inf A ≥ c, fails if sup A < c, undecided otherwise.
  public static func atLeast(_ a: PrintedInterval, _ c: Double) -> Comparison {
    if a.lower >= c { return .holds }
    if a.upper < c { return .fails }
    return .undecided
  }

  /// A ≤ c: holds if sup A ≤ c, fails if inf A > c, undecided otherwise.
  public static func atMost(_ a: PrintedInterval, _ c: Double) -> Comparison {
    if a.upper <= c { return .holds }
    if a.lower > c { return .fails }
    return .undecided
  }

  /// The verdict of a set of comparisons that must all hold: refuted if any fails,
  /// inconclusive if none fails and some is undecided, confirmed if all hold.
  public static func verdict(_ cs: [Comparison]) -> Verdict {
    if cs.contains(.fails) { return .refuted }
    if cs.contains(.undecided) { return .inconclusive }
    return .confirmed
  }
}
