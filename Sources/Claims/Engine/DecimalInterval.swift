// Goals, in order: (1) decide the printed-table rule's comparisons exactly, (2) print the
// derived intervals as exact decimals a reader can recompute by hand.
//
// The printed-table rule (../shared/claims/mappo.md, "Conventions shared by the checks"):
// a printed number stands for the interval ±½ unit of its last digit. Sums and differences
// of printed decimals are again decimals, so they are held here as exact integers in units
// of 1/(2·10^d) — no floating point. This matters at touching intervals: 62.1 vs 62.0 gives
// [62.05, 62.15] vs [61.95, 62.05], which the rule calls undecided, while binary doubles
// give 62.1 − 0.05 = 62.050000000000004 > 62.05 = 62.0 + 0.05 and a spurious "holds".
// Ratios are not decimals; `interval` hands a decimal interval to `PrintedInterval`
// (outward-rounded doubles) for them.

import Foundation

/// An exact closed interval [lo, hi] / (2·10^decimals) for printed decimals and their sums
/// and differences.
public struct DecimalInterval: Sendable, Hashable, CustomStringConvertible {
  /// Lower bound in units of 1/(2·10^decimals).
  public let lo: Int
  /// Upper bound in units of 1/(2·10^decimals).
  public let hi: Int
  /// The decimal scale of the units.
  public let decimals: Int

  public init(lo: Int, hi: Int, decimals: Int) {
    precondition(lo <= hi, "decimal interval bounds out of order: \(lo) > \(hi)")
    precondition(decimals >= 0 && decimals <= 9, "decimals out of range: \(decimals)")
    self.lo = lo
    self.hi = hi
    self.decimals = decimals
  }

  /// The interval a printed decimal stands for: ±½ unit of its last printed digit.
  /// `"-0.8"` (or `"−0.8"`) → [−0.85, −0.75]; `"+0.64"` → [0.635, 0.645]; `"62"` → [61.5, 62.5].
  public init?(printed: String) {
    guard let (n, d) = Self.parse(printed) else { return nil }
    self.init(lo: 2 * n - 1, hi: 2 * n + 1, decimals: d)
  }

  /// The degenerate interval of an exact decimal (a threshold such as −1.0 or 0.3).
  public init?(exactly text: String) {
    guard let (n, d) = Self.parse(text) else { return nil }
    self.init(lo: 2 * n, hi: 2 * n, decimals: d)
  }

  /// Parses a printed decimal into (digits as an integer, number of decimals): "−14.3" →
  /// (−143, 1). Accepts a leading + or − (ASCII or Unicode minus) and surrounding spaces or
  /// a trailing %; rejects anything else.
  public static func parse(_ text: String) -> (Int, Int)? {
    var s = Substring(text.trimmingCharacters(in: .init(charactersIn: " %")))
    var sign = 1
    if let c = s.first, c == "+" || c == "-" || c == "−" {
      sign = c == "+" ? 1 : -1
      s = s.dropFirst()
    }
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
    let frac = parts.count == 2 ? parts[1] : ""
    guard parts.count == 1 || !frac.isEmpty, frac.count <= 9 else { return nil }
    guard (whole + frac).allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(whole + frac)
    else { return nil }
    return (sign * n, frac.count)
  }

  /// Whether two printed strings carry the same digits (same value, same number of
  /// decimals): "+29.1" and "29.1" do; "29.10" and "29.1" do not.
  public static func sameDigits(_ a: String, _ b: String) -> Bool {
    guard let x = parse(a), let y = parse(b) else { return false }
    return x == y
  }

  /// The same interval in units of a finer scale.
  public func at(decimals d: Int) -> DecimalInterval {
    precondition(d >= decimals, "cannot rescale to fewer decimals")
    var f = 1
    for _ in 0..<(d - decimals) { f *= 10 }
    return DecimalInterval(lo: lo * f, hi: hi * f, decimals: d)
  }

  static func common(_ a: Self, _ b: Self) -> (Self, Self) {
    let d = max(a.decimals, b.decimals)
    return (a.at(decimals: d), b.at(decimals: d))
  }

  public static func + (a: Self, b: Self) -> Self {
    let (x, y) = common(a, b)
    return Self(lo: x.lo + y.lo, hi: x.hi + y.hi, decimals: x.decimals)
  }

  public static func - (a: Self, b: Self) -> Self {
    let (x, y) = common(a, b)
    return Self(lo: x.lo - y.hi, hi: x.hi - y.lo, decimals: x.decimals)
  }

  /// Whether the two intervals intersect (the rule's "matches").
  public func matches(_ other: Self) -> Bool {
    let (x, y) = Self.common(self, other)
    return x.lo <= y.hi && y.lo <= x.hi
  }

  /// The interval of max(X₁, …, X_n) for Xᵢ in the given intervals.
  public static func maximum(_ xs: [Self]) -> Self? {
    guard let d = xs.map(\.decimals).max() else { return nil }
    let ys = xs.map { $0.at(decimals: d) }
    return Self(lo: ys.map(\.lo).max() ?? 0, hi: ys.map(\.hi).max() ?? 0, decimals: d)
  }

  /// The interval of min(X₁, …, X_n) for Xᵢ in the given intervals.
  public static func minimum(_ xs: [Self]) -> Self? {
    guard let d = xs.map(\.decimals).max() else { return nil }
    let ys = xs.map { $0.at(decimals: d) }
    return Self(lo: ys.map(\.lo).min() ?? 0, hi: ys.map(\.hi).min() ?? 0, decimals: d)
  }

  var denominator: Double {
    var f = 2.0
    for _ in 0..<decimals { f *= 10 }
    return f
  }

  /// An outward-rounded double enclosure, for ratios (`PrintedInterval` arithmetic).
  public var interval: PrintedInterval {
    PrintedInterval(
      lower: (Double(lo) / denominator).nextDown, upper: (Double(hi) / denominator).nextUp)
  }

  /// The centre, as a double (for reports and residuals only, never for decisions).
  public var midpoint: Double { Double(lo + hi) / (2 * denominator) }

  /// The half-width, as a double (for reports and residuals only).
  public var halfWidth: Double { Double(hi - lo) / (2 * denominator) }

  /// The lower bound as an exact decimal string.
  public var lowerText: String { Self.text(units: lo, decimals: decimals) }
  /// The upper bound as an exact decimal string.
  public var upperText: String { Self.text(units: hi, decimals: decimals) }
  /// The centre as an exact decimal string (the difference of the printed values).
  public var midpointText: String {
    // (lo + hi)/2 units of 1/(2·10^d) = 25·(lo + hi) / 10^(d+2).
    Self.fixed(25 * (lo + hi), places: decimals + 2, keep: decimals)
  }

  /// "[5.8, 6.0]" (exact).
  public var description: String { "[\(lowerText), \(upperText)]" }

  /// k/(2·10^d) = 5k/10^(d+1), printed with at least d decimals.
  static func text(units k: Int, decimals d: Int) -> String {
    fixed(5 * k, places: d + 1, keep: d)
  }

  /// The integer n / 10^places as a decimal string, trailing zeros trimmed down to `keep`
  /// decimals.
  static func fixed(_ n: Int, places: Int, keep: Int) -> String {
    var digits = String(n.magnitude)
    if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
    var whole = String(digits.dropLast(places))
    var frac = String(digits.suffix(places))
    while frac.count > keep, frac.last == "0" { frac.removeLast() }
    if whole.isEmpty { whole = "0" }
    let sign = n < 0 ? "−" : ""
    return frac.isEmpty ? sign + whole : sign + whole + "." + frac
  }

  // MARK: The rule's inequalities, decided exactly.

  /// A > B: holds if inf A > sup B, fails if sup A ≤ inf B, undecided otherwise. With a
  /// degenerate B this is the rule's "A > c".
  public static func greater(_ a: Self, _ b: Self) -> Comparison {
    let (x, y) = common(a, b)
    if x.lo > y.hi { return .holds }
    if x.hi <= y.lo { return .fails }
    return .undecided
  }

  /// A < B, i.e. B > A.
  public static func less(_ a: Self, _ b: Self) -> Comparison { greater(b, a) }

  /// A ≥ c: holds if inf A ≥ c, fails if sup A < c, undecided otherwise.
  public static func atLeast(_ a: Self, _ c: Self) -> Comparison {
    let (x, y) = common(a, c)
    if x.lo >= y.hi { return .holds }
    if x.hi < y.lo { return .fails }
    return .undecided
  }

  /// A ≤ c: holds if sup A ≤ c, fails if inf A > c, undecided otherwise.
  public static func atMost(_ a: Self, _ c: Self) -> Comparison {
    let (x, y) = common(a, c)
    if x.hi <= y.lo { return .holds }
    if x.lo > y.hi { return .fails }
    return .undecided
  }
}
