// The checking functions of PIPA's numeric-value claims on its printed tables
// (../shared/claims/pipa.md, pipa.table1.* … pipa.tables.cross-consistency), under the
// printed-table rule (each printed number is ±½ unit of its last digit; differences are
// exact decimal intervals; a > b holds only over the whole interval). Each function takes the
// table data as a parameter, so a test can alter one cell and watch the verdict change.

/// Printed-table checks of PIPA, table data in, outcome out.
public enum PIPATableChecks {
  static func cell(_ text: String, _ name: String) throws -> DecimalInterval {
    try DecimalInterval.printedCell(text, name)
  }

  static func named(_ name: String, _ text: String) -> NamedValue {
    NamedValue(name, DecimalInterval(printed: text)?.midpoint ?? .nan)
  }

  /// pipa.table1.best-in-all-settings: per cell, max(PIPA-M, PIPA-N) > max(baselines); the
  /// per-variant counts are reported.
  public static func bestInAllSettings(_ t: PIPATable1) throws -> CheckOutcome {
    var log = PrintedComparisonLog()
    var mAlone: [Comparison] = []
    var nAlone: [Comparison] = []
    for s in t.settings {
      guard let m = s.row("PIPA-M"), let n = s.row("PIPA-N") else {
        log.record("Table 1, \(s.name)", .fails, "PIPA-M or PIPA-N row missing")
        continue
      }
      for (j, col) in PIPATable1.columns.enumerated() {
        let name = "Table 1, \(s.name), \(col)"
        let base = try s.baselines.map { try cell($0.cells[j], name) }
        guard let bestBase = DecimalInterval.maximum(base) else { continue }
        let mi = try cell(m.cells[j], name)
        let ni = try cell(n.cells[j], name)
        guard let pipa = DecimalInterval.maximum([mi, ni]) else { continue }
        let c = DecimalInterval.greater(pipa, bestBase)
        let bestName = s.baselines.max { (Double($0.cells[j]) ?? 0) < (Double($1.cells[j]) ?? 0) }?
          .algorithm ?? ""
        log.record(
          name, c,
          "max(PIPA-M \(m.cells[j]), PIPA-N \(n.cells[j])) ∈ \(pipa) vs best baseline "
            + "\(bestName) ∈ \(bestBase)",
          inputs: [named("PIPA-M", m.cells[j]), named("PIPA-N", n.cells[j])]
            + s.baselines.map { named($0.algorithm, $0.cells[j]) })
        mAlone.append(DecimalInterval.greater(mi, bestBase))
        nAlone.append(DecimalInterval.greater(ni, bestBase))
      }
    }
    return log.outcome(
      claim: "PIPA best in each of \(log.records.count) Table 1 cells",
      notes: [
        "cells where PIPA-M alone beats every baseline: \(ComparisonCount(mAlone)) of \(mAlone.count)",
        "cells where PIPA-N alone beats every baseline: \(ComparisonCount(nAlone)) of \(nAlone.count)",
      ])
  }

  /// One reading of pipa.table1.gain-range: its name and every gain's interval (as doubles,
  /// outward-rounded) with the cell it belongs to.
  struct GainReading {
    var name: String
    var gains: [(cell: String, gain: PrintedInterval)]
    /// Every gain inside [3, 10] over its whole interval (three-valued).
    var inRange: Comparison {
      Comparison.all(gains.flatMap { [Comparison.atLeast($0.gain, 3), Comparison.atMost($0.gain, 10)] })
    }
    var range: String {
      let lo = gains.map(\.gain.lower).min() ?? .nan
      let hi = gains.map(\.gain.upper).max() ?? .nan
      return "gains span [\(format3(lo)), \(format3(hi))]"
    }
  }

  /// pipa.table1.gain-range: the primary reading (absolute points vs the strongest baseline,
  /// both variants, 32 gains) and the secondary readings.
  public static func gainRange(_ t: PIPATable1) throws -> CheckOutcome {
    var primary = GainReading(name: "absolute points vs the strongest baseline", gains: [])
    var relative = GainReading(name: "relative percent vs the strongest baseline", gains: [])
    var weakest = GainReading(name: "absolute points vs the weakest baseline", gains: [])
    var each = GainReading(name: "absolute points vs each baseline", gains: [])
    var better = GainReading(name: "better variant per cell vs the strongest baseline", gains: [])
    for s in t.settings {
      for (j, col) in PIPATable1.columns.enumerated() {
        let name = "\(s.name), \(col)"
        let base = try s.baselines.map { try cell($0.cells[j], name) }
        guard let strongest = DecimalInterval.maximum(base),
          let weak = DecimalInterval.minimum(base)
        else { continue }
        var variants: [DecimalInterval] = []
        for v in ["PIPA-M", "PIPA-N"] {
          guard let row = s.row(v) else { continue }
          let x = try cell(row.cells[j], name)
          variants.append(x)
          primary.gains.append(("\(name), \(v)", (x - strongest).interval))
          relative.gains.append(
            ("\(name), \(v)", (x - strongest).interval / strongest.interval * PrintedInterval(exactly: 100)))
          weakest.gains.append(("\(name), \(v)", (x - weak).interval))
          for (b, bi) in zip(s.baselines, base) {
            each.gains.append(("\(name), \(v) vs \(b.algorithm)", (x - bi).interval))
          }
        }
        if let best = DecimalInterval.maximum(variants) {
          better.gains.append(("\(name), better variant", (best - strongest).interval))
        }
      }
    }
    let secondaries = [relative, weakest, each, better]
    var notes = ([primary] + secondaries).map { "\($0.name): \($0.range); all in [3, 10]: \($0.inRange.rawValue)" }
    let outside = primary.gains.filter {
      Comparison.all([Comparison.atLeast($0.gain, 3), Comparison.atMost($0.gain, 10)]) != .holds
    }
    notes.append(
      "primary gains not inside [3, 10]: "
        + outside.map { "\($0.cell) ∈ \($0.gain)" }.joined(separator: "; "))
    let summaryTail = "primary: \(primary.range), \(outside.count) of \(primary.gains.count) not inside [3, 10]"
    switch primary.inRange {
    case .holds:
      return CheckOutcome(verdict: .confirmed, summary: "all 32 gains in [3, 10]; " + summaryTail, notes: notes)
    default:
      if let r = secondaries.first(where: { $0.inRange == .holds }) {
        return CheckOutcome(
          verdict: .conditional, summary: "holds only under the reading \(r.name); " + summaryTail,
          notes: notes,
          conditions: [
            ConditionReport(
              condition: "reading: \(r.name)", casesSatisfying: r.gains.count,
              holdingCase: r.range, failingCase: outside.first.map { "\($0.cell) ∈ \($0.gain)" } ?? "")
          ])
      }
      let verdict: Verdict =
        primary.inRange == .undecided || secondaries.contains { $0.inRange == .undecided }
        ? .inconclusive : .refuted
      let cx = outside.first.map { Counterexample(inputs: [], detail: "\($0.cell): gain ∈ \($0.gain) not inside [3, 10]") }
      return CheckOutcome(
        verdict: verdict, summary: "no reading puts every gain in [3, 10]; " + summaryTail, notes: notes,
        counterexample: cx)
    }
  }

  /// pipa.table1.m-vs-n-by-model: (i) neither variant strictly better in all 16 cells;
  /// (ii) DS: PIPA-N > PIPA-M in more than 4 of 8; (iii) QW: PIPA-M > PIPA-N in more than 4.
  public static func mVsNByModel(_ t: PIPATable1) throws -> CheckOutcome {
    var mOverN: [Comparison] = []
    var nOverM: [Comparison] = []
    var dsN: [Comparison] = []
    var qwM: [Comparison] = []
    for s in t.settings {
      guard let m = s.row("PIPA-M"), let n = s.row("PIPA-N") else { continue }
      for (j, col) in PIPATable1.columns.enumerated() {
        let mi = try cell(m.cells[j], "\(s.name), \(col), PIPA-M")
        let ni = try cell(n.cells[j], "\(s.name), \(col), PIPA-N")
        mOverN.append(DecimalInterval.greater(mi, ni))
        nOverM.append(DecimalInterval.greater(ni, mi))
        if col.hasSuffix("DS") { dsN.append(DecimalInterval.greater(ni, mi)) }
        if col.hasSuffix("QW") { qwM.append(DecimalInterval.greater(mi, ni)) }
      }
    }
    var log = PrintedComparisonLog()
    log.record(
      "(i) neither variant better in all 16 cells",
      Comparison.all([Comparison.all(mOverN).negated, Comparison.all(nOverM).negated]),
      "PIPA-M > PIPA-N in \(ComparisonCount(mOverN)) cells, PIPA-N > PIPA-M in \(ComparisonCount(nOverM))")
    log.record(
      "(ii) DS: PIPA-N > PIPA-M in more than 4 of \(dsN.count)", ComparisonCount(dsN).moreThan(4),
      "count \(ComparisonCount(dsN))")
    log.record(
      "(iii) QW: PIPA-M > PIPA-N in more than 4 of \(qwM.count)", ComparisonCount(qwM).moreThan(4),
      "count \(ComparisonCount(qwM))")
    return log.outcome(claim: "PIPA-M vs PIPA-N by model")
  }

  /// The answer → step pairs of pipa.table1.step-vs-answer: (label, setting pair, rows).
  static let stepPairs: [(String, String, String, String, String)] = [
    ("PIPA-M paired", "Paired/Answer", "PIPA-M", "Paired/Step", "PIPA-M"),
    ("PIPA-N paired", "Paired/Answer", "PIPA-N", "Paired/Step", "PIPA-N"),
    ("PIPA-M unpaired", "Unpaired/Answer", "PIPA-M", "Unpaired/Step", "PIPA-M"),
    ("PIPA-N unpaired", "Unpaired/Answer", "PIPA-N", "Unpaired/Step", "PIPA-N"),
    ("DPO → Step-DPO paired", "Paired/Answer", "DPO", "Paired/Step", "Step-DPO"),
    ("KTO → Step-KTO paired", "Paired/Answer", "KTO", "Paired/Step", "Step-KTO"),
    ("KTO → Step-KTO unpaired", "Unpaired/Answer", "KTO", "Unpaired/Step", "Step-KTO"),
  ]

  /// pipa.table1.step-vs-answer: (i) MATH step > answer in all 14 (universal) or more than 7
  /// (majority); (ii) GSM8K step < answer somewhere; (iii) not all 28 step > answer.
  /// Candidate conditions for (i): the majority reading; PIPA rows only.
  public static func stepVsAnswer(_ t: PIPATable1) throws -> CheckOutcome {
    var math: [(label: String, pipa: Bool, c: Comparison, detail: String)] = []
    var gsmLess: [Comparison] = []
    var allGreater: [Comparison] = []
    var notes: [String] = []
    for (label, sa, ra, ss, rs) in stepPairs {
      guard let a = t.setting(sa)?.row(ra), let s = t.setting(ss)?.row(rs) else {
        throw PrintedTableError(cell: label, text: "row missing")
      }
      for (j, col) in PIPATable1.columns.enumerated() {
        let ai = try cell(a.cells[j], "\(sa), \(ra), \(col)")
        let si = try cell(s.cells[j], "\(ss), \(rs), \(col)")
        let g = DecimalInterval.greater(si, ai)
        allGreater.append(g)
        let d = "\(label), \(col): answer \(a.cells[j]) → step \(s.cells[j]), step > answer: \(g.rawValue)"
        notes.append(d)
        if col.hasPrefix("MATH") {
          math.append((label, label.hasPrefix("PIPA"), g, d))
        } else {
          gsmLess.append(DecimalInterval.less(si, ai))
        }
      }
    }
    let universal = Comparison.all(math.map(\.c))
    let majority = ComparisonCount(math.map(\.c)).moreThan(7)
    let pipaOnly = Comparison.all(math.filter(\.pipa).map(\.c))
    let ii = Comparison.any(gsmLess)
    let iii = Comparison.all(allGreater).negated
    let head =
      "(i) MATH universal: \(universal.rawValue) (count \(ComparisonCount(math.map(\.c))) of \(math.count)); "
      + "(ii) GSM8K step < answer somewhere: \(ii.rawValue) (count \(ComparisonCount(gsmLess))); "
      + "(iii) not all 28 step > answer: \(iii.rawValue)"
    let firstMathFail = math.first { $0.c != .holds }
    if universal == .holds, ii == .holds, iii == .holds {
      return CheckOutcome(verdict: .confirmed, summary: head, notes: notes)
    }
    if ii == .fails || iii == .fails || (universal == .fails && majority == .fails && pipaOnly == .fails) {
      return CheckOutcome(
        verdict: .refuted, summary: head, notes: notes,
        counterexample: Counterexample(inputs: [], detail: firstMathFail?.detail ?? head))
    }
    if ii == .holds, iii == .holds, universal != .holds {
      var conds: [ConditionReport] = []
      if majority == .holds {
        conds.append(ConditionReport(
          condition: "majority reading (more than 7 of 14)", casesSatisfying: math.count,
          holdingCase: "count \(ComparisonCount(math.map(\.c)))", failingCase: firstMathFail?.detail ?? ""))
      }
      if pipaOnly == .holds {
        conds.append(ConditionReport(
          condition: "PIPA rows only", casesSatisfying: math.filter(\.pipa).count,
          holdingCase: math.first { $0.pipa }?.detail ?? "", failingCase: firstMathFail?.detail ?? ""))
      }
      if !conds.isEmpty {
        return CheckOutcome(
          verdict: .conditional, summary: head + " — (i) holds under: "
            + conds.map(\.condition).joined(separator: "; "), notes: notes, conditions: conds)
      }
    }
    return CheckOutcome(verdict: .inconclusive, summary: head, notes: notes)
  }

  /// pipa.table2.value-model-ablation: learned g > fixed g on both benchmarks.
  public static func table2(_ t: PIPAAblationTable) throws -> CheckOutcome {
    var log = PrintedComparisonLog()
    guard t.rows.count == 2 else { throw PrintedTableError(cell: "Table 2", text: "expects 2 rows") }
    let a = t.rows[0]
    let b = t.rows[1]
    for (bench, x, y) in [("GSM8K", a.gsm8k, b.gsm8k), ("MATH", a.math, b.math)] {
      let c = DecimalInterval.greater(try cell(x, bench), try cell(y, bench))
      log.record(
        "Table 2, \(bench)", c, "learned \(x) > fixed-0.5 \(y)",
        inputs: [named("learned", x), named("fixed", y)])
    }
    return log.outcome(claim: "fixing g at 0.5 lowers both")
  }

  /// pipa.table3.prior-choice: each (T) value ≤ its base value (4 comparisons).
  public static func table3(_ t: PIPAAblationTable) throws -> CheckOutcome {
    var log = PrintedComparisonLog()
    for v in ["PIPA-M", "PIPA-N"] {
      guard let base = t.row(v), let tt = t.row(v + "(T)") else {
        throw PrintedTableError(cell: "Table 3, \(v)", text: "row missing")
      }
      for (bench, x, y) in [("GSM8K", tt.gsm8k, base.gsm8k), ("MATH", tt.math, base.math)] {
        let c = DecimalInterval.atMost(try cell(x, bench), try cell(y, bench))
        log.record(
          "Table 3, \(v), \(bench)", c, "\(v)(T) \(x) ≤ \(v) \(y)",
          inputs: [named("T-prior", x), named("base", y)])
      }
    }
    return log.outcome(claim: "the (T) priors do not improve")
  }

  /// pipa.table4.sft-loss: (i) KTO's SFT gain > PIPA-M's on both benchmarks; (ii) KTO+SFT <
  /// PIPA-M on both.
  public static func table4(_ t: PIPAAblationTable) throws -> CheckOutcome {
    guard let k = t.row("KTO"), let ks = t.row("KTO+SFT"), let p = t.row("PIPA-M"),
      let ps = t.row("PIPA-M+SFT")
    else { throw PrintedTableError(cell: "Table 4", text: "row missing") }
    var log = PrintedComparisonLog()
    for (bench, kv, ksv, pv, psv) in [
      ("GSM8K", k.gsm8k, ks.gsm8k, p.gsm8k, ps.gsm8k), ("MATH", k.math, ks.math, p.math, ps.math),
    ] {
      let dk = try cell(ksv, bench) - cell(kv, bench)
      let dp = try cell(psv, bench) - cell(pv, bench)
      log.record(
        "(i) \(bench)", DecimalInterval.greater(dk, dp),
        "KTO+SFT − KTO = \(dk.midpointText) ∈ \(dk) > PIPA-M+SFT − PIPA-M = \(dp.midpointText) ∈ \(dp)",
        inputs: [named("KTO", kv), named("KTO+SFT", ksv), named("PIPA-M", pv), named("PIPA-M+SFT", psv)])
      log.record(
        "(ii) \(bench)", DecimalInterval.less(try cell(ksv, bench), try cell(pv, bench)),
        "KTO+SFT \(ksv) < PIPA-M \(pv)", inputs: [named("KTO+SFT", ksv), named("PIPA-M", pv)])
    }
    return log.outcome(claim: "SFT helps KTO more, KTO+SFT still trails PIPA-M")
  }

  /// Table 1 (setting, algorithm, model) triples whose (GSM8K, MATH) cells equal the given
  /// pair digit for digit.
  static func matchingCells(_ t: PIPATable1, gsm8k: String, math: String) -> [String] {
    var out: [String] = []
    for s in t.settings {
      for r in s.rows {
        for (model, gj, mj) in [("DS", 0, 2), ("QW", 1, 3)]
        where DecimalInterval.sameDigits(r.cells[gj], gsm8k) && DecimalInterval.sameDigits(r.cells[mj], math) {
          out.append("\(s.name) \(r.algorithm) \(model)")
        }
      }
    }
    return out
  }

  /// pipa.tables.cross-consistency: Table 4's KTO and PIPA-M rows equal Table 1's
  /// (Unpaired, Answer-wise) KTO and PIPA-M cells for one model, digit for digit; Tables 2–3
  /// base rows' matches are reported.
  public static func crossConsistency(
    _ t: PIPATable1, table2: PIPAAblationTable, table3: PIPAAblationTable, table4: PIPAAblationTable
  ) throws -> CheckOutcome {
    guard let s = t.setting("Unpaired/Answer"), let k1 = s.row("KTO"), let p1 = s.row("PIPA-M"),
      let k4 = table4.row("KTO"), let p4 = table4.row("PIPA-M")
    else { throw PrintedTableError(cell: "Table 4 / Table 1 Unpaired/Answer", text: "row missing") }
    var perModel: [String] = []
    var anyModel = false
    var firstMismatch: String?
    for (model, gj, mj) in [("DS", 0, 2), ("QW", 1, 3)] {
      let checks = [
        ("KTO GSM8K", k4.gsm8k, k1.cells[gj]), ("KTO MATH", k4.math, k1.cells[mj]),
        ("PIPA-M GSM8K", p4.gsm8k, p1.cells[gj]), ("PIPA-M MATH", p4.math, p1.cells[mj]),
      ]
      let bad = checks.filter { !DecimalInterval.sameDigits($0.1, $0.2) }
      if bad.isEmpty { anyModel = true }
      perModel.append(
        "\(model): " + (bad.isEmpty ? "all 4 cells equal"
          : bad.map { "\($0.0) Table 4 \($0.1) ≠ Table 1 \($0.2)" }.joined(separator: ", ")))
      if model == "DS", let b = bad.first { firstMismatch = "\(model) \(b.0): Table 4 \(b.1) vs Table 1 \(b.2)" }
    }
    var notes = perModel
    for (name, table) in [("Table 2", table2), ("Table 3", table3), ("Table 4", table4)] {
      for r in table.rows {
        let m = matchingCells(t, gsm8k: r.gsm8k, math: r.math)
        notes.append("\(name) row \(r.name) (\(r.gsm8k), \(r.math)) matches Table 1: "
          + (m.isEmpty ? "none" : m.joined(separator: "; ")))
      }
    }
    if anyModel {
      return CheckOutcome(verdict: .confirmed, summary: "Table 4 base rows = Table 1 Unpaired/Answer; " + perModel.joined(separator: "; "), notes: notes)
    }
    let pm = matchingCells(t, gsm8k: p4.gsm8k, math: p4.math)
    return CheckOutcome(
      verdict: .refuted,
      summary: "no model has both Table 4 base rows equal to Table 1 Unpaired/Answer: "
        + perModel.joined(separator: "; ") + "; Table 4 PIPA-M (\(p4.gsm8k), \(p4.math)) matches Table 1 "
        + (pm.isEmpty ? "nowhere" : pm.joined(separator: "; ")),
      notes: notes,
      counterexample: Counterexample(inputs: [], detail: firstMismatch ?? perModel.joined(separator: "; ")))
  }
}
