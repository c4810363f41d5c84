// Three-valued logic over the printed-table rule's comparisons (holds / fails / undecided),
// and the rule's counts of comparisons that hold (../shared/claims/mappo.md, "Printed-table
// rule"): a count is the range [number that hold, number that hold or are undecided].

extension Comparison {
  /// Conjunction: fails if any part fails, holds if every part holds, undecided otherwise.
  public static func all(_ cs: [Comparison]) -> Comparison {
    if cs.contains(.fails) { return .fails }
    if cs.contains(.undecided) { return .undecided }
    return .holds
  }

  /// Disjunction: holds if any part holds, fails if every part fails, undecided otherwise.
  public static func any(_ cs: [Comparison]) -> Comparison {
    if cs.contains(.holds) { return .holds }
    if cs.contains(.undecided) { return .undecided }
    return .fails
  }

  /// Negation: swaps holds and fails; undecided stays undecided.
  public var negated: Comparison {
    switch self {
    case .holds: .fails
    case .fails: .holds
    case .undecided: .undecided
    }
  }
}

/// The rule's count of comparisons that hold, as [hold, hold or undecided].
public struct ComparisonCount: Sendable, Hashable, CustomStringConvertible {
  /// Comparisons that hold.
  public var lower: Int
  /// Comparisons that hold or are undecided.
  public var upper: Int

  public init(_ cs: [Comparison]) {
    lower = cs.filter { $0 == .holds }.count
    upper = cs.filter { $0 != .fails }.count
  }

  /// "More than k": holds if the lower end exceeds k, fails if the upper end does not,
  /// undecided otherwise.
  public func moreThan(_ k: Int) -> Comparison {
    if lower > k { return .holds }
    if upper <= k { return .fails }
    return .undecided
  }

  public var description: String { "[\(lower), \(upper)]" }
}
