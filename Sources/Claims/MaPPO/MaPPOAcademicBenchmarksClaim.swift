// mappo.sec54.academic-benchmarks — MaPPO §5.4 (paper 000_f3e0a040f5e536e0.txt), the
// paragraph before Tables 4–5, read against the two tables under the printed-table rule.
// "Most" is more than 3 of the 6 benchmarks and "maintains" is within ±1.0 point, as the
// catalog fixes them; counts of wins are ranges [hold, hold or undecided].

extension MaPPOTableChecks {
  /// mappo.sec54.academic-benchmarks: (i) DPO+MaPPO > DPO on all 12 cells; (ii) per model,
  /// I-DPO+MaPPO beats I-DPO on more than 3 of 6 and IFEval, GPQA differences ≥ −1.0;
  /// (iii) per model, online beats offline on more than 3 of 6 (with and without MaPPO);
  /// (iv) all 24 MaPPO-vs-base differences ≥ −1.0.
  public static func sec54AcademicBenchmarks(_ tables: [MaPPOAcademicTable]) throws -> CheckOutcome {
    let bench = MaPPOAcademicTable.benchmarks
    let maintain = try DecimalInterval.threshold("-1.0")
    func values(_ t: MaPPOAcademicTable, _ row: String, _ xs: [String]) throws -> [DecimalInterval] {
      guard xs.count == bench.count else {
        throw PrintedTableError(cell: "\(t.table) \(row)", text: xs.joined(separator: " "))
      }
      return try zip(xs, bench).map { try cell($0, "\(t.table), \(row), \($1)") }
    }
    func wins(_ t: MaPPOAcademicTable, _ aName: String, _ a: [String], _ bName: String, _ b: [String])
      throws -> [(String, Comparison, String)]
    {
      let x = try values(t, aName, a)
      let y = try values(t, bName, b)
      return bench.indices.map { j in
        let c = DecimalInterval.greater(x[j], y[j])
        return (bench[j], c, "\(aName) \(a[j]) > \(bName) \(b[j])")
      }
    }
    var i = PrintedComparisonLog()
    var ii = PrintedComparisonLog()
    var iii = PrintedComparisonLog()
    var iv = PrintedComparisonLog()
    for t in tables {
      for (bn, c, text) in try wins(t, "DPO+MaPPO", t.dpoMaPPO, "DPO", t.dpo) {
        i.record("\(t.table) \(t.model), \(bn)", c, text)
      }
      let online = try wins(t, "I-DPO+MaPPO", t.idpoMaPPO, "I-DPO", t.idpo)
      let n = ComparisonCount(online.map(\.1))
      ii.record(
        "\(t.table) \(t.model), wins of I-DPO+MaPPO over I-DPO", n.moreThan(3),
        "count ∈ \(n) vs more than 3 of 6 (" + online.map { "\($0.0) \($0.1.rawValue)" }.joined(separator: ", ") + ")")
      let x = try values(t, "I-DPO+MaPPO", t.idpoMaPPO)
      let y = try values(t, "I-DPO", t.idpo)
      for j in [0, 1] {
        let d = x[j] - y[j]
        ii.record(
          "\(t.table) \(t.model), \(bench[j]) maintained", DecimalInterval.atLeast(d, maintain),
          "\(t.idpoMaPPO[j]) − \(t.idpo[j]) = \(d.midpointText) ∈ \(d) ≥ −1.0",
          inputs: [named("I-DPO+MaPPO", t.idpoMaPPO[j]), named("I-DPO", t.idpo[j])])
      }
      for (aName, a, bName, b) in [("I-DPO", t.idpo, "DPO", t.dpo), ("I-DPO+MaPPO", t.idpoMaPPO, "DPO+MaPPO", t.dpoMaPPO)] {
        let w = try wins(t, aName, a, bName, b)
        let n = ComparisonCount(w.map(\.1))
        iii.record(
          "\(t.table) \(t.model), \(aName) vs \(bName)", n.moreThan(3),
          "online wins ∈ \(n) vs more than 3 of 6 (" + w.map { "\($0.0) \($0.1.rawValue)" }.joined(separator: ", ") + ")")
      }
      for (mName, m, bName, b) in [("DPO+MaPPO", t.dpoMaPPO, "DPO", t.dpo), ("I-DPO+MaPPO", t.idpoMaPPO, "I-DPO", t.idpo)] {
        let x = try values(t, mName, m)
        let y = try values(t, bName, b)
        for j in bench.indices {
          let d = x[j] - y[j]
          iv.record(
            "\(t.table) \(t.model), \(mName) − \(bName), \(bench[j])", DecimalInterval.atLeast(d, maintain),
            "\(m[j]) − \(b[j]) = \(d.midpointText) ∈ \(d) ≥ −1.0",
            inputs: [named(mName, m[j]), named(bName, b[j])])
        }
      }
    }
    return combine([
      ("(i)", i.outcome(claim: "DPO+MaPPO beats DPO everywhere")),
      ("(ii)", ii.outcome(claim: "I-DPO+MaPPO beats I-DPO on most, maintains IFEval/GPQA")),
      ("(iii)", iii.outcome(claim: "online beats offline")),
      ("(iv)", iv.outcome(claim: "MaPPO improves or maintains")),
    ])
  }
}

extension MaPPOClaims {
  static let sec54AcademicBenchmarks = Claim(
    id: "mappo.sec54.academic-benchmarks", paper: .mappo,
    source: "§5.4, Tables 4–5 and the paragraph before them", kind: .numericValue,
    statement: "(i) Offline DPO+MaPPO beats DPO on all benchmarks for both models. (ii) I-DPO+MaPPO "
      + "beats I-DPO on most benchmarks, and \"maintains\" IFEval and GPQA. (iii) Online methods "
      + "are better than offline methods overall. (iv) MaPPO \"generally improves or maintains\" "
      + "performance in both settings."
  ) { _ in try MaPPOTableChecks.sec54AcademicBenchmarks(MaPPOAcademicTable.printed) }
}
