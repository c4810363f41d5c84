// The catalogs' conditional rule. A claim that fails is `conditional` when, for some listed
// candidate condition (or a pairwise conjunction of two), (1) the claim holds on every
// tested case that satisfies it, (2) at least 100 tested cases satisfy it, and (3) the
// claim fails on at least one case that violates it. The report names every qualifying
// condition with one case from each side. A failing claim with no qualifying condition is
// `refuted`.

/// Evaluates candidate conditions over a check's cases.
public struct ConditionalJudge: Sendable {
  /// The candidate conditions, in the catalog's order (≤ 16).
  public let conditions: [String]
  private var holdsByMask: [UInt32: Int] = [:]
  private var failsByMask: [UInt32: Int] = [:]
  private var holdingExample: [UInt32: String] = [:]
  private var failingExample: [UInt32: String] = [:]

  public init(conditions: [String]) {
    precondition(conditions.count <= 16, "at most 16 candidate conditions")
    self.conditions = conditions
  }

  /// Records a case: whether the claim holds on it, which conditions it satisfies, and a
  /// description (evaluated only when needed as an example).
  public mutating func record(holds: Bool, satisfies: [Bool], describe: @autoclosure () -> String) {
    precondition(satisfies.count == conditions.count, "one flag per condition")
    var mask: UInt32 = 0
    for (i, s) in satisfies.enumerated() where s { mask |= 1 << UInt32(i) }
    if holds {
      holdsByMask[mask, default: 0] += 1
      if holdingExample[mask] == nil { holdingExample[mask] = describe() }
    } else {
      failsByMask[mask, default: 0] += 1
      if failingExample[mask] == nil { failingExample[mask] = describe() }
    }
  }

  /// Total failing cases.
  public var failures: Int { failsByMask.values.reduce(0, +) }

  /// The qualifying conditions (singles, then pairwise conjunctions), with examples.
  public func qualifying(minimumSatisfying: Int = 100) -> [ConditionReport] {
    var candidates: [(String, UInt32)] = conditions.enumerated().map { ($1, UInt32(1) << UInt32($0)) }
    let recorded = Array(failsByMask.keys) + Array(holdsByMask.keys)
    for i in conditions.indices {
      for j in conditions.indices where j > i {
        // A conjunction in which one condition implies the other on every recorded case is
        // the narrower single condition, already a candidate: it would only repeat it.
        let bi = UInt32(1) << UInt32(i), bj = UInt32(1) << UInt32(j)
        let iImpliesJ = recorded.allSatisfy { $0 & bi == 0 || $0 & bj != 0 }
        let jImpliesI = recorded.allSatisfy { $0 & bj == 0 || $0 & bi != 0 }
        if iImpliesJ || jImpliesI { continue }
        candidates.append(
          ("\(conditions[i]) and \(conditions[j])", (UInt32(1) << UInt32(i)) | (UInt32(1) << UInt32(j))))
      }
    }
    var out: [ConditionReport] = []
    for (name, need) in candidates {
      let sat: (UInt32) -> Bool = { $0 & need == need }
      let satFails = failsByMask.filter { sat($0.key) }.values.reduce(0, +)
      let satHolds = holdsByMask.filter { sat($0.key) }.values.reduce(0, +)
      let violFails = failsByMask.filter { !sat($0.key) }.values.reduce(0, +)
      guard satFails == 0, satHolds >= minimumSatisfying, violFails >= 1 else { continue }
      // Examples from the smallest qualifying mask: dictionary order is per-instance in
      // Swift, and a report must not depend on it.
      let hold = holdingExample.keys.sorted().first(where: sat).flatMap { holdingExample[$0] } ?? ""
      let fail = failingExample.keys.sorted().first { !sat($0) }.flatMap { failingExample[$0] } ?? ""
      out.append(
        ConditionReport(condition: name, casesSatisfying: satHolds, holdingCase: hold, failingCase: fail))
    }
    return out.sorted { $0.condition < $1.condition }
  }

  /// The verdict: confirmed with no failure; conditional when a condition qualifies;
  /// refuted otherwise.
  public func verdict(minimumSatisfying: Int = 100) -> (Verdict, [ConditionReport]) {
    if failures == 0 { return (.confirmed, []) }
    let q = qualifying(minimumSatisfying: minimumSatisfying)
    return (q.isEmpty ? .refuted : .conditional, q)
  }
}
