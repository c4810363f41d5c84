// The checking functions of MaPPO's numeric-value claims on its printed tables
// (../shared/claims/mappo.md, mappo.table1.* … mappo.sec54.*). Each takes the table data as
// a parameter, so that a test can feed it a table with one cell altered and see the verdict
// change; the registered claims call them with the tables as printed (MaPPOPrintedTables.swift).

/// Printed-table checks of MaPPO, table data in, outcome out.
public enum MaPPOTableChecks {
  /// The printed interval of a cell, or an error naming it.
  static func cell(_ text: String, _ name: String) throws -> DecimalInterval {
    try DecimalInterval.printedCell(text, name)
  }

  /// A printed number as a named input of a counterexample (the value as printed).
  static func named(_ name: String, _ text: String) -> NamedValue {
    NamedValue(name, DecimalInterval(printed: text)?.midpoint ?? .nan)
  }

  /// The catalogs' multi-part rule (worst part), with a summary that names every part that
  /// does not hold and its cells (combineParts names only the worst one).
  static func combine(_ parts: [(name: String, outcome: CheckOutcome)], notes: [String] = []) -> CheckOutcome {
    var out = combineParts(parts, notes: notes)
    let head = parts.map { "\($0.name): \($0.outcome.verdict.rawValue)" }.joined(separator: "; ")
    let bad = parts.filter { $0.outcome.verdict != .confirmed }
      .sorted { $0.outcome.verdict < $1.outcome.verdict }
    out.summary = bad.isEmpty ? head : head + " — " + bad.map { "\($0.name) \($0.outcome.summary)" }
      .joined(separator: " | ")
    return out
  }
}
