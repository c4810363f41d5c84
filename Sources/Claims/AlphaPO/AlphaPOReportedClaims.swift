// alphapo.reported-relative-improvements, reported-table-consistency, reported-comparisons
// (003_5c1a521bcc07b90e.txt Abstract, §1, §4.2, Tables 1–3, Table 5, Figure 8 caption).
#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let reportedRelativeImprovements = Claim(
    id: "alphapo.reported-relative-improvements", paper: .alphapo,
    source: "Abstract; §1; §4.2; Table 1", kind: .numericValue,
    statement: "AE2 LC, PairRM: AlphaPO improves relatively 7 % to 10 % over SimPO (Llama-3, "
      + "Mistral), 15 % over DPO for Llama-3 and 50 % for Mistral (abstract: 15 % to 50 %)."
  ) { _ in relativeImprovementsCheck(.printed) }

  static func relativeImprovementsCheck(_ t: AlphaPOReportedData) -> CheckOutcome {
    func rel(_ a: Double, _ b: Double) -> Double { 100 * (a - b) / b }
    var lines: [String] = []
    var vs: [Verdict] = []
    var failing: [String] = []
    func add(_ what: String, _ x: Double, _ v: Verdict, _ printed: String) {
      vs.append(v)
      let l = "\(what) = \(format3(x)) % vs \(printed): \(v.rawValue)"
      lines.append(l)
      if v != .confirmed { failing.append(l) }
    }
    for (j, name) in [(0, "Llama-3"), (1, "Mistral")] {
      let s = rel(t.t1LC[2][j], t.t1LC[1][j])
      add("\(name) vs SimPO", s, AlphaPOPrinted.compare(s, range: 7, 10, unit: 1), "[7, 10]")
      let d = rel(t.t1LC[2][j], t.t1LC[0][j])
      let p = j == 0 ? 15.0 : 50.0
      add("\(name) vs DPO", d, AlphaPOPrinted.compare(d, printed: p, unit: 1), formatNumber(p))
      add("\(name) vs DPO (range)", d, AlphaPOPrinted.compare(d, range: 15, 50, unit: 1), "[15, 50]")
    }
    for j in 2...3 {
      lines.append("\(AlphaPOReportedData.settings[j]) (information): vs SimPO "
        + "\(format3(rel(t.t1LC[2][j], t.t1LC[1][j]))) %, vs DPO \(format3(rel(t.t1LC[2][j], t.t1LC[0][j]))) %")
    }
    let v = Verdict.worst(vs)
    return CheckOutcome(
      verdict: v,
      summary: failing.isEmpty ? "all relative improvements within the printed numbers"
        : failing.joined(separator: "; "),
      notes: lines,
      counterexample: v == .refuted ? Counterexample(inputs: [], detail: failing.joined(separator: "; ")) : nil)
  }

  static let reportedTableConsistency = Claim(
    id: "alphapo.reported-table-consistency", paper: .alphapo, source: "Table 1; A.7, Table 5",
    kind: .numericValue,
    statement: "Table 5 reports the same runs as Table 1, with Arena-Hard win rates and their 95 % CIs."
  ) { _ in tableConsistencyCheck(.printed) }

  static func tableConsistencyCheck(_ t: AlphaPOReportedData) -> CheckOutcome {
    var failing: [String] = []
    var count = 0
    for j in 0..<4 {
      for i in 0..<3 {
        let row = t.t5[j][i]
        let where_ = "\(AlphaPOReportedData.settings[j]) \(AlphaPOReportedData.methods[i])"
        for (name, a, b) in [("LC", t.t1LC[i][j], row.lc), ("AE2 WR", t.t1WR[i][j], row.wr),
                             ("AH WR", t.t1AH[i][j], row.ah)] {
          count += 1
          if a != b { failing.append("\(where_) \(name): Table 1 \(formatNumber(a)) ≠ Table 5 \(formatNumber(b))") }
        }
        count += 2
        if !(row.ciLow < row.ciHigh) { failing.append("\(where_): CI low \(row.ciLow) ≥ CI high \(row.ciHigh)") }
        if !(row.ciLow <= row.ah && row.ah <= row.ciHigh) {
          failing.append("\(where_): AH WR \(formatNumber(row.ah)) outside its CI [\(formatNumber(row.ciLow)), \(formatNumber(row.ciHigh))]")
        }
      }
    }
    if failing.isEmpty {
      return CheckOutcome(verdict: .confirmed,
        summary: "36 Table 1 cells equal Table 5; 12 CIs ordered and contain their AH WR", notes: [])
    }
    return CheckOutcome(
      verdict: .refuted, summary: "\(failing.count) of \(count) comparisons fail: " + failing.joined(separator: "; "),
      notes: failing, counterexample: Counterexample(inputs: [], detail: failing.joined(separator: "; ")))
  }

  static let reportedComparisons = Claim(
    id: "alphapo.reported-comparisons", paper: .alphapo,
    source: "Abstract; §1; §4.2; Tables 1–3; Figure 8 caption; A.7", kind: .numericValue,
    statement: "The ordinal statements (i)–(viii) about the printed results."
  ) { _ in comparisonsCheck(.printed) }

  static func comparisonsCheck(_ t: AlphaPOReportedData) -> CheckOutcome {
    var lines: [String] = []
    var failing: [String] = []
    func sub(_ name: String, _ ok: Bool, _ detail: String) {
      let l = "\(name): \(ok ? "holds" : "FAILS") — \(detail)"
      lines.append(l)
      if !ok { failing.append(l) }
    }
    let metrics: [(String, [[Double]])] = [("LC", t.t1LC), ("AE2 WR", t.t1WR), ("AH WR", t.t1AH)]
    func beats(_ j: Int) -> (Bool, String) {
      var ok = true
      var parts: [String] = []
      for (n, m) in metrics {
        let o = m[2][j] > m[1][j] && m[2][j] > m[0][j]
        ok = ok && o
        parts.append("\(n) \(formatNumber(m[2][j])) vs \(formatNumber(m[1][j])), \(formatNumber(m[0][j]))")
      }
      return (ok, parts.joined(separator: "; "))
    }
    let b0 = beats(0)
    let b1 = beats(1)
    sub("(i) PairRM: AlphaPO > SimPO, DPO (Llama-3, Mistral)", b0.0 && b1.0, b0.1 + " | " + b1.1)
    let b2 = beats(2)
    sub("(ii) ArmoRM Llama-3: AlphaPO > DPO, SimPO", b2.0, b2.1)
    // (iii) Gemma-2.
    let g = t.t5[3]
    let lcOK = t.t1LC[2][3] > t.t1LC[1][3] && t.t1LC[2][3] > t.t1LC[0][3]
    var wrOK = true
    var wrParts: [String] = []
    for i in 0...1 {
      let diff = abs(t.t1WR[2][3] - t.t1WR[i][3])
      let lim = 1.96 * (g[2].std * g[2].std + g[i].std * g[i].std).squareRoot()
      wrOK = wrOK && diff <= lim
      wrParts.append("|WR diff| vs \(AlphaPOReportedData.methods[i]) \(format3(diff)) ≤ \(format3(lim))")
    }
    var ahOK = true
    var ahParts: [String] = []
    for i in 0...1 {
      let higher = t.t1AH[i][3] > t.t1AH[2][3]
      let overlap = g[i].ciLow <= g[2].ciHigh && g[2].ciLow <= g[i].ciHigh
      ahOK = ahOK && higher && overlap
      ahParts.append("\(AlphaPOReportedData.methods[i]) AH \(formatNumber(t.t1AH[i][3])) > \(formatNumber(t.t1AH[2][3])): \(higher), CIs overlap: \(overlap)")
    }
    sub("(iii) Gemma-2", lcOK && wrOK && ahOK,
      "LC higher: \(lcOK); " + wrParts.joined(separator: ", ") + "; " + ahParts.joined(separator: ", "))
    // (iv) best in more than half of 12 columns.
    var best = 0
    for j in 0..<4 {
      for (_, m) in metrics where m[2][j] > m[0][j] && m[2][j] > m[1][j] { best += 1 }
    }
    sub("(iv) AlphaPO best in > 6 of 12 columns", best > 6, "best in \(best) of 12")
    // (v) Table 2.
    let t2: [(Double, Double)] = [(0.7694, 0.7576), (0.8638, 0.8610), (0.6142, 0.6078), (0.7127, 0.7061)]
    sub("(v) Table 2: AlphaPO > SimPO in four cells", t2.allSatisfy { $0.0 > $0.1 },
      t2.map { "\($0.0) vs \($0.1)" }.joined(separator: ", "))
    // (vi) SPPO.
    let sppoOK = t.t1LC[1][0] == 42.05 && t.t1LC[2][0] == 45.37 && 47.42 == 47.42 && 47.42 > 45.06
    sub("(vi) SPPO starting values and 47.42", sppoOK,
      "Table 1 Llama-3 PairRM LC SimPO \(formatNumber(t.t1LC[1][0])), AlphaPO \(formatNumber(t.t1LC[2][0])); §1 47.42 = §4.2 47.42 > 45.06")
    // (vii) Table 3 α vs Figure 8 caption.
    let t3: [Double] = [0.25, 0.25, 0.25, 0.1]
    let fig8: [Double] = [0.25, 0.25, 0.25, 0.1]
    sub("(vii) Table 3 α = Figure 8 best α, all positive", t3 == fig8 && t3.allSatisfy { $0 > 0 },
      "Table 3 \(t3), Figure 8 \(fig8)")
    // (viii) lengths at most 1.10 × each baseline's.
    var lenOK = true
    var lenParts: [String] = []
    for j in 0..<4 {
      for i in 0...1 {
        let r1 = t.t5[j][2].length / t.t5[j][i].length
        let r2 = t.t5[j][2].ahLength / t.t5[j][i].ahLength
        lenOK = lenOK && r1 <= 1.10 && r2 <= 1.10
        lenParts.append("\(AlphaPOReportedData.settings[j]) vs \(AlphaPOReportedData.methods[i]): \(format3(r1)), \(format3(r2))")
      }
    }
    sub("(viii) lengths ≤ 1.10 × baselines", lenOK, lenParts.joined(separator: "; "))
    if failing.isEmpty {
      return CheckOutcome(verdict: .confirmed, summary: "all eight ordinal statements hold on the printed numbers",
        notes: lines)
    }
    return CheckOutcome(verdict: .refuted, summary: failing.joined(separator: " | "), notes: lines,
      counterexample: Counterexample(inputs: [], detail: failing.joined(separator: " | ")))
  }
}
