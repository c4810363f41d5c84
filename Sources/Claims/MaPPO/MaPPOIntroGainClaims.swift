// mappo.intro.mistral-gains, mappo.intro.variant-gain-max — the gains quoted in §1 of MaPPO
// (paper 000_f3e0a040f5e536e0.txt): "absolute win-rate gains of 94.3% on AlpacaEval and
// 37.1% on Arena-Hard" on Mistral-7B-Instruct (Table 2), and "consistent gains up to 31.3%
// on Arena-Hard" for Iterative-DPO, SimPO, IPO and CPO (Table 3). Every candidate reading
// is computed as an interval over the printed inputs and matched against the quoted number
// (±½ unit of its last digit, i.e. ±0.05).
import Foundation

/// One way of reading a quoted gain.
struct GainReading {
  var name: String
  var value: PrintedInterval
  var text: String
}

extension MaPPOTableChecks {
  /// The candidate readings of a gain of `pair` on benchmark column `j`: absolute points or
  /// relative percent, from the printed values or from the printed delta.
  static func gainReadings(_ pair: PrintedMethodPair, _ j: Int, cell: String) throws -> [GainReading] {
    let m = try Self.cell(pair.withMaPPO[j], cell)
    let b = try Self.cell(pair.base[j], cell)
    let d = try Self.cell(pair.printedDelta[j], cell)
    let diff = m - b
    let relValues = PrintedInterval.relativePercent(new: m, base: b)
    let relDelta = PrintedInterval.percent(of: d, base: b)
    return [
      GainReading(
        name: "absolute points vs \(pair.method), from the printed values", value: diff.interval,
        text: "\(pair.withMaPPO[j]) − \(pair.base[j]) ∈ \(diff)"),
      GainReading(
        name: "absolute points vs \(pair.method), from the printed delta", value: d.interval,
        text: "printed delta \(pair.printedDelta[j]) ∈ \(d)"),
      GainReading(
        name: "relative percent vs \(pair.method), from the printed values", value: relValues,
        text: "100·(\(pair.withMaPPO[j])/\(pair.base[j]) − 1) ∈ \(relValues.enclosure())"),
      GainReading(
        name: "relative percent vs \(pair.method), from the printed delta", value: relDelta,
        text: "100·\(pair.printedDelta[j].replacingOccurrences(of: "+", with: ""))/\(pair.base[j]) ∈ \(relDelta.enclosure())"),
    ]
  }

  /// mappo.intro.mistral-gains: the printed reading (absolute points vs DPO) must match both
  /// 94.3 (AlpacaEval) and 37.1 (Arena-Hard); every candidate reading is reported.
  public static func introMistralGains(
    _ t: MaPPOTable2, quotedAlpaca: String = "94.3", quotedArena: String = "37.1"
  ) throws -> CheckOutcome {
    guard let block = t.block("Mistral-7B-Instruct") else {
      throw PrintedTableError(cell: "Table 2 block", text: "Mistral-7B-Instruct missing")
    }
    var log = PrintedComparisonLog()
    var notes: [String] = []
    for (j, quoted) in [(0, quotedAlpaca), (1, quotedArena)] {
      let bench = mappoAlignmentBenchmarks[j]
      let target = try cell(quoted, "§1 quoted gain on \(bench)")
      var readings: [GainReading] = []
      for p in block.settings { readings += try gainReadings(p, j, cell: "Table 2, Mistral-7B-Instruct, \(bench)") }
      let matching = readings.filter { $0.value.matches(target) }
      for r in readings {
        notes.append("\(bench) \(quoted): \(r.name): \(r.text) — \(r.value.matches(target) ? "matches" : "no match")")
      }
      notes.append("\(bench) \(quoted) is matched by: "
        + (matching.isEmpty ? "no candidate reading" : matching.map(\.name).joined(separator: "; ")))
      // The printed reading: absolute points vs DPO (either source of the difference).
      let printed = readings.filter { $0.name.hasPrefix("absolute points vs DPO") }
      let hit = printed.first { $0.value.matches(target) }
      log.record(
        "\(bench): absolute gain vs DPO = \(quoted)", hit == nil ? .fails : .holds,
        printed.map(\.text).joined(separator: ", ") + " vs quoted \(quoted) ∈ \(target)"
          + (matching.isEmpty ? "" : "; matched instead by " + matching.map(\.name).joined(separator: "; ")),
        inputs: [named("DPO", block.offline.base[j]), named("DPO+MaPPO", block.offline.withMaPPO[j]),
                 named("quoted", quoted)])
    }
    return log.outcome(claim: "printed reading (absolute points vs DPO)", notes: notes)
  }

  /// mappo.intro.variant-gain-max: (a) the Arena-Hard deltas of I-DPO, SimPO, IPO and CPO are
  /// > 0; (b) some reading of their maximum gain matches 31.3. The five-row set (with DPO) is
  /// reported as the secondary set.
  public static func introVariantGainMax(_ t: MaPPOTable3, quoted: String = "31.3") throws -> CheckOutcome {
    let listed = ["I-DPO", "SimPO", "IPO", "CPO"]
    let j = 1
    let zero = try DecimalInterval.threshold("0")
    var positive = PrintedComparisonLog()
    for method in listed {
      guard let p = t.row(method) else { throw PrintedTableError(cell: "Table 3 row", text: "\(method) missing") }
      let d = try cell(p.printedDelta[j], "Table 3, \(method)+MaPPO, Arena-Hard delta")
      positive.record(
        "Table 3, \(method)+MaPPO, Arena-Hard delta", DecimalInterval.greater(d, zero),
        "printed \(p.printedDelta[j]) ∈ \(d) > 0", inputs: [named("delta", p.printedDelta[j])])
    }
    let target = try cell(quoted, "§1 quoted maximum gain")
    var notes: [String] = []
    var maxLog = PrintedComparisonLog()
    var matchedListed: [String] = []
    for (setName, methods) in [("four listed variants", listed), ("all five rows (secondary)", ["DPO"] + listed)] {
      var perReading: [String: [(String, GainReading)]] = [:]
      var order: [String] = []
      for method in methods {
        guard let p = t.row(method) else { throw PrintedTableError(cell: "Table 3 row", text: "\(method) missing") }
        for r in try gainReadings(p, j, cell: "Table 3, \(method), Arena-Hard") {
          let key = r.name.replacingOccurrences(of: " vs \(method)", with: "")
          if perReading[key] == nil { order.append(key) }
          perReading[key, default: []].append((method, r))
        }
      }
      for key in order {
        let rs = perReading[key] ?? []
        guard let mx = PrintedInterval.maximum(rs.map(\.1.value)) else { continue }
        // Rows that can attain the maximum: those whose upper bound reaches the max's lower.
        let argmax = rs.filter { $0.1.value.upper >= mx.lower }.map(\.0)
        let ok = mx.matches(target)
        notes.append(
          "\(setName), \(key): max ∈ \(mx.enclosure()) attained by \(argmax.joined(separator: "/"))"
            + " (\(rs.map { "\($0.0) \($0.1.value.enclosure())" }.joined(separator: ", ")))"
            + (ok ? " — matches \(quoted)" : ""))
        if ok && methods == listed { matchedListed.append("\(key), row \(argmax.joined(separator: "/"))") }
      }
    }
    maxLog.record(
      "maximum Arena-Hard gain over \(listed.joined(separator: ", ")) = \(quoted)",
      matchedListed.isEmpty ? .fails : .holds,
      matchedListed.isEmpty ? "no reading matches \(quoted) ∈ \(target)"
        : "matched by " + matchedListed.joined(separator: "; "))
    return combine([
      ("(a) Arena-Hard deltas > 0", positive.outcome(claim: "4 deltas")),
      ("(b) maximum = \(quoted)", maxLog.outcome(claim: "readings of the maximum")),
    ], notes: notes)
  }
}

extension MaPPOClaims {
  static let introMistralGains = Claim(
    id: "mappo.intro.mistral-gains", paper: .mappo,
    source: "§1 (\"absolute win-rate gains of 94.3% on AlpacaEval and 37.1% on Arena-Hard\")",
    kind: .numericValue,
    statement: "From Table 2's Mistral-7B rows, the absolute gain of MaPPO over DPO is 94.3 on "
      + "AlpacaEval and 37.1 on Arena-Hard."
  ) { _ in try MaPPOTableChecks.introMistralGains(.printed) }

  static let introVariantGainMax = Claim(
    id: "mappo.intro.variant-gain-max", paper: .mappo,
    source: "§1 (\"consistent gains up to 31.3% on Arena-Hard\")", kind: .numericValue,
    statement: "For the listed variants, the Arena-Hard gains from MaPPO are all positive, and "
      + "their maximum is 31.3."
  ) { _ in try MaPPOTableChecks.introVariantGainMax(.printed) }
}
