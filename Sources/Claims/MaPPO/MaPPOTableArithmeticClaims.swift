// mappo.table1.arithmetic, mappo.table1.direction, mappo.table2.delta-arithmetic,
// mappo.table3.delta-arithmetic — the arithmetic of MaPPO's Tables 1–3 (paper
// 000_f3e0a040f5e536e0.txt: Table 1 and the paragraph after Figure 2; Tables 2–3, §5.2–5.3)
// under the printed-table rule: a printed difference matches when its interval intersects
// the interval of (first − second) over the printed inputs.

extension MaPPOTableChecks {
  /// Records whether printed `delta` matches `minuend − subtrahend` (all printed strings).
  static func recordDifference(
    _ log: inout PrintedComparisonLog, cell: String, minuend: String, subtrahend: String,
    printed delta: String
  ) throws {
    let a = try Self.cell(minuend, cell)
    let b = try Self.cell(subtrahend, cell)
    let d = try Self.cell(delta, cell)
    let diff = a - b
    let ok = diff.matches(d)
    log.record(
      cell, ok ? .holds : .fails,
      "\(minuend) − \(parenthesized(subtrahend)) = \(diff.midpointText) ∈ \(diff) vs printed \(delta) ∈ \(d)"
        + (ok ? "" : " (no overlap)"),
      inputs: [named("first", minuend), named("second", subtrahend), named("printed", delta)])
  }

  /// A printed number as an operand after a minus sign: negatives in parentheses.
  static func parenthesized(_ s: String) -> String {
    s.hasPrefix("-") || s.hasPrefix("−") ? "(\(s))" : s
  }

  /// mappo.table1.arithmetic: each row's third column against (first − second), and the
  /// text's quotations against the table, digit for digit.
  public static func table1Arithmetic(_ t: MaPPOTable1) throws -> CheckOutcome {
    var rows = PrintedComparisonLog()
    for r in t.rows {
      try recordDifference(
        &rows, cell: "Table 1, \(r.model), difference", minuend: r.logpW, subtrahend: r.logpL,
        printed: r.difference)
    }
    var quotes = PrintedComparisonLog()
    for q in t.textQuotes {
      let cell = "Table 1, \(q.model), \(q.column.rawValue)"
      guard let printed = t.row(q.model)?[q.column] else {
        quotes.record(cell, .fails, "no such cell in the table")
        continue
      }
      let same = DecimalInterval.sameDigits(q.quoted, printed)
      quotes.record(
        cell, same ? .holds : .fails,
        "text quotes \(q.quoted), table prints \(printed)",
        inputs: [named("quoted", q.quoted), named("table", printed)])
    }
    return combine([
      ("rows: third column = first − second", rows.outcome(claim: "\(rows.records.count) rows")),
      ("text quotes = table", quotes.outcome(claim: "\(quotes.records.count) quoted numbers")),
    ])
  }

  /// mappo.table1.direction: (i) DPO lowers both log-probabilities relative to IT;
  /// (ii) MaPPO's Δ(y_w) exceeds DPO's and MaPPO does not lower both.
  public static func table1Direction(_ t: MaPPOTable1) throws -> CheckOutcome {
    guard let it = t.row("IT"), let dpo = t.row("DPO"), let mappo = t.row("MaPPO") else {
      throw PrintedTableError(cell: "Table 1 rows", text: t.rows.map(\.model).joined(separator: ", "))
    }
    let zero = try DecimalInterval.threshold("0")
    func delta(_ r: MaPPOTable1.Row, _ c: MaPPOTable1.Column) throws -> DecimalInterval {
      try cell(r[c], "Table 1, \(r.model), \(c.rawValue)") - cell(it[c], "Table 1, IT, \(c.rawValue)")
    }
    func show(_ r: MaPPOTable1.Row, _ c: MaPPOTable1.Column, _ d: DecimalInterval) -> String {
      "Δ_\(r.model)(\(c == .logpW ? "y_w" : "y_l")) = \(r[c]) − (\(it[c])) = \(d.midpointText) ∈ \(d)"
    }
    var premise = PrintedComparisonLog()
    for c in [MaPPOTable1.Column.logpW, .logpL] {
      let d = try delta(dpo, c)
      premise.record(
        "Δ_DPO(\(c == .logpW ? "y_w" : "y_l")) < 0", DecimalInterval.less(d, zero), show(dpo, c, d),
        inputs: [named("IT", it[c]), named("DPO", dpo[c])])
    }
    var mitigation = PrintedComparisonLog()
    // Δ_MaPPO(y_w) − Δ_DPO(y_w) = logp_MaPPO(y_w) − logp_DPO(y_w): IT enters both Δ's and
    // cancels, so the derived quantity's interval over the printed inputs is this one.
    let gain = try cell(mappo.logpW, "Table 1, MaPPO, logp(y_w)") - cell(dpo.logpW, "Table 1, DPO, logp(y_w)")
    mitigation.record(
      "Δ_MaPPO(y_w) > Δ_DPO(y_w)", DecimalInterval.greater(gain, zero),
      "Δ_MaPPO(y_w) − Δ_DPO(y_w) = \(mappo.logpW) − (\(dpo.logpW)) = \(gain.midpointText) ∈ \(gain) (IT cancels)",
      inputs: [named("MaPPO logp(y_w)", mappo.logpW), named("DPO logp(y_w)", dpo.logpW)])
    let mw = try delta(mappo, .logpW)
    let ml = try delta(mappo, .logpL)
    let bothDown = Comparison.all([DecimalInterval.less(mw, zero), DecimalInterval.less(ml, zero)])
    mitigation.record(
      "not both Δ_MaPPO(y_w) < 0 and Δ_MaPPO(y_l) < 0", bothDown.negated,
      "\(show(mappo, .logpW, mw)); \(show(mappo, .logpL, ml)); both < 0: \(bothDown.rawValue)",
      inputs: [named("IT logp(y_w)", it.logpW), named("MaPPO logp(y_w)", mappo.logpW),
               named("IT logp(y_l)", it.logpL), named("MaPPO logp(y_l)", mappo.logpL)])
    return combine([
      ("(i) DPO lowers both", premise.outcome(claim: "premise")),
      ("(ii) MaPPO mitigates", mitigation.outcome(claim: "mitigation")),
    ])
  }

  /// mappo.table2.delta-arithmetic: all 30 printed deltas against (+MaPPO − method row).
  public static func table2DeltaArithmetic(_ t: MaPPOTable2) throws -> CheckOutcome {
    var log = PrintedComparisonLog()
    for b in t.blocks {
      for p in b.settings {
        for (j, bench) in mappoAlignmentBenchmarks.enumerated() {
          try recordDifference(
            &log, cell: "Table 2, \(b.model), \(p.method)+MaPPO, \(bench)", minuend: p.withMaPPO[j],
            subtrahend: p.base[j], printed: p.printedDelta[j])
        }
      }
    }
    return log.outcome(claim: "\(log.records.count) deltas")
  }

  /// mappo.table3.delta-arithmetic: the 15 deltas of Table 3, and its DPO / I-DPO rows (base,
  /// +MaPPO and deltas) against Table 2's Qwen2.5-7B-Instruct rows, digit for digit.
  public static func table3DeltaArithmetic(_ t3: MaPPOTable3, table2 t2: MaPPOTable2) throws -> CheckOutcome {
    var deltas = PrintedComparisonLog()
    for p in t3.rows {
      for (j, bench) in mappoAlignmentBenchmarks.enumerated() {
        try recordDifference(
          &deltas, cell: "Table 3, \(p.method)+MaPPO, \(bench)", minuend: p.withMaPPO[j],
          subtrahend: p.base[j], printed: p.printedDelta[j])
      }
    }
    var cross = PrintedComparisonLog()
    let qwen7 = t2.block("Qwen2.5-7B-Instruct")
    for method in ["DPO", "I-DPO"] {
      let row3 = t3.row(method)
      let row2 = qwen7?.settings.first { $0.method == method }
      for (what, path) in [("", \PrintedMethodPair.base), ("+MaPPO", \.withMaPPO), ("+MaPPO delta", \.printedDelta)] {
        for (j, bench) in mappoAlignmentBenchmarks.enumerated() {
          let a = row3?[keyPath: path][j] ?? "(missing)"
          let b = row2?[keyPath: path][j] ?? "(missing)"
          cross.record(
            "\(method)\(what), \(bench)", DecimalInterval.sameDigits(a, b) ? .holds : .fails,
            "Table 3 prints \(a), Table 2 (Qwen2.5-7B-Instruct) prints \(b)",
            inputs: [named("Table 3", a), named("Table 2", b)])
        }
      }
    }
    return combine([
      ("deltas", deltas.outcome(claim: "\(deltas.records.count) deltas")),
      ("rows = Table 2 Qwen2.5-7B", cross.outcome(claim: "\(cross.records.count) cells")),
    ])
  }
}

extension MaPPOClaims {
  static let table1Arithmetic = Claim(
    id: "mappo.table1.arithmetic", paper: .mappo,
    source: "Table 1 and the paragraph after Figure 2", kind: .numericValue,
    statement: "Printed values (logp(y_w), logp(y_l), difference): IT (−14.3, −43.4, +29.1); DPO "
      + "(−121.5, −443.2, +321.7); MaPPO (−10.4, −321.1, +310.7). The text repeats the IT→DPO "
      + "changes (−14.3→−121.5, −43.4→−443.2, gap 29.1→321.7)."
  ) { _ in try MaPPOTableChecks.table1Arithmetic(.printed) }

  static let table1Direction = Claim(
    id: "mappo.table1.direction", paper: .mappo,
    source: "Table 1; §3.3; Figure 1 caption", kind: .numericValue,
    statement: "In the printed example, DPO lowers both log-probabilities relative to IT, and "
      + "MaPPO mitigates this."
  ) { _ in try MaPPOTableChecks.table1Direction(.printed) }

  static let table2DeltaArithmetic = Claim(
    id: "mappo.table2.delta-arithmetic", paper: .mappo, source: "Table 2", kind: .numericValue,
    statement: "Each \"+MaPPO\" row prints a delta equal to (MaPPO value − the method row above "
      + "it), on AlpacaEval, Arena-Hard and MT-Bench for the five models of Table 2."
  ) { _ in try MaPPOTableChecks.table2DeltaArithmetic(.printed) }

  static let table3DeltaArithmetic = Claim(
    id: "mappo.table3.delta-arithmetic", paper: .mappo,
    source: "Table 3; cross-reference to Table 2", kind: .numericValue,
    statement: "Table 3 deltas equal the row differences, and its DPO and I-DPO rows are the "
      + "Qwen2.5-7B rows of Table 2."
  ) { _ in try MaPPOTableChecks.table3DeltaArithmetic(.printed, table2: .printed) }
}
