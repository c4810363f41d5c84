// The evidence of a printed-table check: every comparison made on printed numbers, with the
// cell it concerns, its three-valued result and the computed intervals, turned into a
// verdict by the printed-table rule (refuted if any fails, inconclusive if none fails and
// some is undecided, confirmed if all hold) and a summary listing the cells that do not hold.

/// One comparison on printed numbers.
public struct PrintedComparisonRecord: Sendable, Hashable {
  /// The table cell(s), e.g. "Table 2, Qwen2.5-3B-Instruct, DPO+MaPPO, Arena-Hard".
  public var cell: String
  public var result: Comparison
  /// What was computed, e.g. "35.1 − 29.2 ∈ [5.8, 6.0] vs printed +4.9 ∈ [4.85, 4.95]".
  public var detail: String
  /// The printed numbers entering the comparison (for the counterexample).
  public var inputs: [NamedValue]
}

/// A list of comparisons on printed numbers and the verdict they give.
public struct PrintedComparisonLog: Sendable {
  public private(set) var records: [PrintedComparisonRecord] = []

  public init() {}

  public mutating func record(
    _ cell: String, _ result: Comparison, _ detail: String, inputs: [NamedValue] = []
  ) {
    records.append(PrintedComparisonRecord(cell: cell, result: result, detail: detail, inputs: inputs))
  }

  /// The rule's verdict over every recorded comparison.
  public var verdict: Verdict { Comparison.verdict(records.map(\.result)) }

  /// Records that fail, then those undecided.
  public var notHolding: [PrintedComparisonRecord] {
    records.filter { $0.result == .fails } + records.filter { $0.result == .undecided }
  }

  /// The outcome: the summary names every cell that does not hold with its computed values;
  /// the notes list every comparison.
  public func outcome(claim: String, notes: [String] = []) -> CheckOutcome {
    let n = records.count
    let failing = records.filter { $0.result == .fails }
    let undecided = records.filter { $0.result == .undecided }
    let list: ([PrintedComparisonRecord]) -> String = { rs in
      rs.map { "\($0.cell): \($0.detail)" }.joined(separator: "; ")
    }
    let summary: String
    switch verdict {
    case .confirmed: summary = "\(claim): all \(n) comparisons hold"
    case .refuted:
      summary = "\(claim): \(failing.count) of \(n) fail — \(list(failing))"
        + (undecided.isEmpty ? "" : "; \(undecided.count) undecided — \(list(undecided))")
    default: summary = "\(claim): none of \(n) fails, \(undecided.count) undecided — \(list(undecided))"
    }
    let cx = failing.first.map { Counterexample(inputs: $0.inputs, detail: "\($0.cell): \($0.detail)") }
    return CheckOutcome(
      verdict: verdict, summary: summary,
      notes: notes + records.map { "\($0.result.rawValue) — \($0.cell): \($0.detail)" },
      counterexample: cx)
  }
}
