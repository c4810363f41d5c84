// MaPPO's printed-table claims (../shared/claims/mappo.md, mappo.table1.* … mappo.sec54.*):
// every check runs in quick mode and gives the verdict recomputed by hand from the paper
// (000_f3e0a040f5e536e0.txt, Tables 1–5); each checking function, fed a table with a cell
// altered, changes its verdict (proof the check can fail); and the printed-number helpers
// (DecimalInterval, ComparisonLogic, PrintedRatio, PrintedComparisonLog) are unit-tested.
import Claims
import Testing

@Suite struct MaPPOPrintedTableClaimTests {
  // Hand-verified verdicts (the arithmetic is on printed numbers, redone by hand):
  // table1.arithmetic: −14.3 + 43.4 = 29.1, −121.5 + 443.2 = 321.7, −10.4 + 321.1 = 310.7;
  //   the text's six numbers are the table's.                                → confirmed
  // table1.direction: Δ_DPO = −107.2, −399.8 (< 0); Δ_MaPPO(y_w) = +3.9 > −107.2, so MaPPO
  //   does not lower both.                                                  → confirmed
  // table2.delta-arithmetic: 35.1 − 29.2 = 5.9 ≠ +4.9 (Qwen-3B DPO Arena-Hard) and
  //   33.28 − 17.11 = 16.17 ≠ +16.14 (Mistral I-DPO AlpacaEval); the other 28 agree. → refuted
  // table3.delta-arithmetic: e.g. 32.75 − 25.15 = 7.60, 64.4 − 53.0 = 11.4, 8.68 − 8.62 =
  //   0.06; DPO/I-DPO rows equal Table 2's Qwen2.5-7B rows.                  → confirmed
  // intro.mistral-gains: vs DPO the gains are 12.32 and 4.2, not 94.3 and 37.1; those are
  //   relative gains vs I-DPO: 16.14/17.11 = 94.33 %, 5.3/14.3 = 37.06 %.     → refuted
  // intro.variant-gain-max: Arena-Hard deltas 14.7, 5.3, 11.4, 6.5 > 0; the max relative gain
  //   is I-DPO's 14.7/46.9 = 31.34 %.                                        → confirmed
  // sec52.improvement-pattern: (ii) Qwen-7B I-DPO MT-Bench −0.01 ≤ 0; (iv) Qwen-3B I-DPO
  //   −0.8 and −0.09, Qwen-7B I-DPO −0.01; (iii) 0.24 vs 0.23 is undecided.  → refuted
  // sec52.size-monotonicity: all 15 Qwen series increase (e.g. 7.63 < 8.01 < 8.54). → confirmed
  // sec52.smaller-beats-larger-base: only 1.5B+MaPPO (19.35, 19.84) > 3B IT 18.91 on
  //   AlpacaEval; no pair wins all three.                                    → conditional
  // sec53.variant-consistency: 10 deltas > 0, MT-Bench −0.01, −0.08 ≥ −0.1.  → confirmed
  // sec54.academic-benchmarks: nothing fails; 72.0 vs 71.9 and 62.1 vs 62.0 (Qwen DPO) are
  //   undecided, Llama GPQA 28.8 − 29.8 = −1.0 sits on the "maintains" threshold, and the
  //   Qwen online-vs-offline win counts are [3, 4] for "more than 3".        → inconclusive
  static let expected: [(String, Verdict)] = [
    ("mappo.table1.arithmetic", .confirmed),
    ("mappo.table1.direction", .confirmed),
    ("mappo.table2.delta-arithmetic", .refuted),
    ("mappo.table3.delta-arithmetic", .confirmed),
    ("mappo.intro.mistral-gains", .refuted),
    ("mappo.intro.variant-gain-max", .confirmed),
    ("mappo.sec52.improvement-pattern", .refuted),
    ("mappo.sec52.size-monotonicity", .confirmed),
    ("mappo.sec52.smaller-beats-larger-base", .conditional),
    ("mappo.sec53.variant-consistency", .confirmed),
    ("mappo.sec54.academic-benchmarks", .inconclusive),
  ]

  @Test(arguments: expected)
  func verdictAsRecomputedByHand(id: String, verdict: Verdict) throws {
    let claim = try #require(ClaimRegistry.claim(id: id))
    #expect(claim.kind == .numericValue)
    let quick = try claim.check(CheckContext(seed: 1, mode: .quick))
    let full = try claim.check(CheckContext(seed: 2, mode: .full))
    #expect(quick.verdict == verdict, "\(id): \(quick.summary)")
    #expect(full.verdict == quick.verdict)
    #expect(full.summary == quick.summary)
    if verdict == .refuted { #expect(quick.counterexample != nil) }
    if verdict == .conditional { #expect(!quick.conditions.isEmpty) }
  }

  @Test func registeredInCatalogOrder() {
    let ids = MaPPOClaims.all.map(\.id).filter { id in Self.expected.contains { $0.0 == id } }
    #expect(ids == Self.expected.map(\.0))
  }

  // MARK: Evidence content

  @Test func table2NamesBothMismatchingCellsWithComputedValues() throws {
    let o = try MaPPOTableChecks.table2DeltaArithmetic(.printed)
    #expect(o.summary.contains("2 of 30 fail"))
    #expect(o.summary.contains("Qwen2.5-3B-Instruct, DPO+MaPPO, Arena-Hard: 35.1 − 29.2 = 5.9 ∈ [5.8, 6.0]"))
    #expect(o.summary.contains("Mistral-7B-Instruct, I-DPO+MaPPO, AlpacaEval 2.0: 33.28 − 17.11 = 16.17"))
  }

  @Test func mistralGainsReportTheMatchingReadings() throws {
    let o = try MaPPOTableChecks.introMistralGains(.printed)
    #expect(o.notes.contains("AlpacaEval 2.0 94.3 is matched by: relative percent vs I-DPO, from the printed delta"))
    #expect(o.notes.contains(
      "Arena-Hard 37.1 is matched by: relative percent vs I-DPO, from the printed values; "
        + "relative percent vs I-DPO, from the printed delta"))
  }

  @Test func variantGainMaxNamesReadingAndRow() throws {
    let o = try MaPPOTableChecks.introVariantGainMax(.printed)
    #expect(o.notes.contains { $0.contains("matched by relative percent, from the printed values, row I-DPO") })
  }

  // MARK: Mutation tests: one altered cell changes the verdict.

  @Test func table1ArithmeticCatchesAWrongDifference() throws {
    var t = MaPPOTable1.printed
    t.rows[2].difference = "+310.9"
    #expect(try MaPPOTableChecks.table1Arithmetic(t).verdict == .refuted)
    var q = MaPPOTable1.printed
    q.textQuotes[5].quoted = "312.7"
    #expect(try MaPPOTableChecks.table1Arithmetic(q).verdict == .refuted)
  }

  @Test func table1DirectionCatchesAFalsePremiseAndNoMitigation() throws {
    var t = MaPPOTable1.printed
    t.rows[1].logpW = "-10.0"  // DPO raises logp(y_w): premise (i) fails
    #expect(try MaPPOTableChecks.table1Direction(t).verdict == .refuted)
    var m = MaPPOTable1.printed
    m.rows[2].logpW = "-20.0"  // MaPPO lowers both: (ii) fails
    #expect(try MaPPOTableChecks.table1Direction(m).verdict == .refuted)
  }

  @Test func table2ConfirmsOnceBothMisprintsAreCorrected() throws {
    var t = MaPPOTable2.printed
    t.blocks[1].offline.printedDelta[1] = "+5.9"
    t.blocks[3].online.printedDelta[0] = "+16.17"
    #expect(try MaPPOTableChecks.table2DeltaArithmetic(t).verdict == .confirmed)
    t.blocks[0].offline.printedDelta[2] = "+0.26"
    #expect(try MaPPOTableChecks.table2DeltaArithmetic(t).verdict == .refuted)
  }

  @Test func table3CatchesAWrongDeltaAndACrossReferenceMismatch() throws {
    var t3 = MaPPOTable3.printed
    t3.rows[2].printedDelta[0] = "+7.50"
    #expect(try MaPPOTableChecks.table3DeltaArithmetic(t3, table2: .printed).verdict == .refuted)
    var t2 = MaPPOTable2.printed
    t2.blocks[2].online.base[0] = "33.08"
    #expect(try MaPPOTableChecks.table3DeltaArithmetic(.printed, table2: t2).verdict == .refuted)
  }

  @Test func mistralGainsConfirmWhenAbsoluteGainsVsDPOAreTheQuotedOnes() throws {
    var t = MaPPOTable2.printed
    // 18.24 + 94.3 = 112.54; 14.2 + 37.1 = 51.3.
    t.blocks[3].offline.withMaPPO[0] = "112.54"
    t.blocks[3].offline.printedDelta[0] = "+94.30"
    t.blocks[3].offline.withMaPPO[1] = "51.3"
    t.blocks[3].offline.printedDelta[1] = "+37.1"
    #expect(try MaPPOTableChecks.introMistralGains(t).verdict == .confirmed)
  }

  @Test func variantGainMaxCatchesANegativeDeltaAndAMovedMaximum() throws {
    var t = MaPPOTable3.printed
    t.rows[2].printedDelta[1] = "-5.3"
    #expect(try MaPPOTableChecks.introVariantGainMax(t).verdict == .refuted)
    var m = MaPPOTable3.printed
    m.rows[1].withMaPPO[1] = "63.0"  // I-DPO gain 16.1 = 34.3 %: no reading is 31.3
    m.rows[1].printedDelta[1] = "+16.1"
    #expect(try MaPPOTableChecks.introVariantGainMax(m).verdict == .refuted)
  }

  @Test func improvementPatternConfirmsOnAnIdealizedTable() throws {
    var t = MaPPOTable2.printed
    t.blocks[1].online.withMaPPO[1] = "37.4"  // Qwen-3B I-DPO Arena-Hard +0.8
    t.blocks[1].online.printedDelta[1] = "+0.8"
    t.blocks[1].online.withMaPPO[2] = "8.19"  // Qwen-3B I-DPO MT-Bench +0.09
    t.blocks[1].online.printedDelta[2] = "+0.09"
    t.blocks[2].online.withMaPPO[2] = "8.56"  // Qwen-7B I-DPO MT-Bench +0.01
    t.blocks[2].online.printedDelta[2] = "+0.01"
    t.blocks[2].offline.withMaPPO[2] = "8.76"  // Qwen-7B DPO MT-Bench +0.20 < 0.24
    t.blocks[2].offline.printedDelta[2] = "+0.20"
    #expect(try MaPPOTableChecks.sec52ImprovementPattern(t).verdict == .confirmed)
    t.blocks[4].offline.printedDelta[1] = "-7.1"  // (i) fails
    #expect(try MaPPOTableChecks.sec52ImprovementPattern(t).verdict == .refuted)
  }

  @Test func sizeMonotonicityCatchesANonIncreasingSeries() throws {
    var t = MaPPOTable2.printed
    t.blocks[1].it[0] = "30.00"
    #expect(try MaPPOTableChecks.sec52SizeMonotonicity(t).verdict == .refuted)
    t.blocks[1].it[0] = "27.03"  // equal to 7B's value: undecided
    #expect(try MaPPOTableChecks.sec52SizeMonotonicity(t).verdict == .inconclusive)
  }

  @Test func smallerBeatsLargerBaseConfirmsAndRefutes() throws {
    var t = MaPPOTable2.printed
    t.blocks[0].online.withMaPPO = ["19.84", "24.5", "7.95"]  // beats 3B IT 18.91/24.0/7.92
    #expect(try MaPPOTableChecks.sec52SmallerBeatsLargerBase(t).verdict == .confirmed)
    var r = MaPPOTable2.printed
    r.blocks[0].offline.withMaPPO[0] = "18.50"
    r.blocks[0].online.withMaPPO[0] = "18.50"
    #expect(try MaPPOTableChecks.sec52SmallerBeatsLargerBase(r).verdict == .refuted)
  }

  @Test func variantConsistencyCatchesALargerDrop() throws {
    var t = MaPPOTable3.printed
    t.rows[2].printedDelta[2] = "-0.20"
    #expect(try MaPPOTableChecks.sec53VariantConsistency(t).verdict == .refuted)
    var e = MaPPOTable3.printed
    e.rows[2].printedDelta[2] = "-0.1"  // on the threshold: undecided
    #expect(try MaPPOTableChecks.sec53VariantConsistency(e).verdict == .inconclusive)
  }

  @Test func academicBenchmarksRefutesAndConfirmsOnAlteredTables() throws {
    var bad = MaPPOAcademicTable.printed
    bad[0].dpoMaPPO[0] = "70.0"  // Llama DPO+MaPPO IFEval below DPO's 77.0
    #expect(try MaPPOTableChecks.sec54AcademicBenchmarks(bad).verdict == .refuted)
    var good = MaPPOAcademicTable.printed
    good[0].idpoMaPPO[1] = "29.0"  // Llama GPQA −0.8: maintained
    good[1].dpoMaPPO[2] = "72.2"  // Qwen MMLU 72.2 > 71.9
    good[1].dpoMaPPO[3] = "62.3"  // Qwen HellaSwag 62.3 > 62.0
    good[1].idpo[2] = "72.1"  // Qwen I-DPO MMLU 72.1 > DPO 71.9
    good[1].idpoMaPPO[3] = "62.5"  // Qwen I-DPO+MaPPO HellaSwag > 62.2 and > 62.3
    #expect(try MaPPOTableChecks.sec54AcademicBenchmarks(good).verdict == .confirmed)
  }

  @Test func malformedCellThrowsNamingTheCell() {
    var t = MaPPOTable2.printed
    t.blocks[0].it[0] = "11,10"
    #expect(throws: PrintedTableError.self) { try MaPPOTableChecks.sec52SizeMonotonicity(t) }
  }

  // MARK: Printed-number helpers

  @Test func parsesPrintedDecimalsToHalfUnitIntervals() throws {
    let a = try #require(DecimalInterval(printed: "−0.8"))
    #expect(a.description == "[−0.85, −0.75]")
    #expect(try #require(DecimalInterval(printed: "+0.64")).description == "[0.635, 0.645]")
    #expect(try #require(DecimalInterval(printed: "-14.3")).description == "[−14.35, −14.25]")
    #expect(try #require(DecimalInterval(printed: "62")).description == "[61.5, 62.5]")
    #expect(try #require(DecimalInterval(printed: "94.3%")).description == "[94.25, 94.35]")
    for bad in ["", "+", "1.2.3", "1.", ".5", "1e3", "12a", "--1"] {
      #expect(DecimalInterval(printed: bad) == nil, "\(bad)")
    }
    #expect(DecimalInterval.sameDigits("+29.1", "29.1"))
    #expect(!DecimalInterval.sameDigits("29.10", "29.1"))
    #expect(!DecimalInterval.sameDigits("-0.8", "0.8"))
  }

  @Test func differencesAreExact() throws {
    let d = try #require(DecimalInterval(printed: "35.1")) - #require(DecimalInterval(printed: "29.2"))
    #expect(d.description == "[5.8, 6.0]")
    #expect(d.midpointText == "5.9")
    // Mixed precision: 8.54 − 8.5 = 0.04 ∈ [8.535 − 8.55, 8.545 − 8.45] = [−0.015, 0.095].
    let m = try #require(DecimalInterval(printed: "8.54")) - #require(DecimalInterval(printed: "8.5"))
    #expect(m.description == "[−0.015, 0.095]")
    #expect(m.midpointText == "0.04")
    let p49 = try #require(DecimalInterval(printed: "+4.9"))
    let six = try #require(DecimalInterval(exactly: "6.0"))
    let p605 = try #require(DecimalInterval(printed: "6.05"))
    #expect(!d.matches(p49))
    #expect(d.matches(six))  // touches [5.8, 6.0] at its end: an intersection
    #expect(!d.matches(p605))  // [6.045, 6.055] lies above 6.0
  }

  // Touching intervals are undecided; in binary doubles 62.1 − 0.05 > 62.0 + 0.05.
  @Test(arguments: [("62.1", "62.0"), ("72.0", "71.9"), ("0.24", "0.23"), ("62.2", "62.2")])
  func adjacentPrintedValuesAreUndecided(a: String, b: String) throws {
    let x = try #require(DecimalInterval(printed: a))
    let y = try #require(DecimalInterval(printed: b))
    #expect(DecimalInterval.greater(x, y) == .undecided)
  }

  @Test func inequalitiesFollowTheRule() throws {
    let p = { (s: String) in DecimalInterval(printed: s)! }
    let t = { (s: String) in DecimalInterval(exactly: s)! }
    #expect(DecimalInterval.greater(p("62.3"), p("62.1")) == .holds)
    #expect(DecimalInterval.greater(p("62.1"), p("62.3")) == .fails)
    #expect(DecimalInterval.less(p("7.63"), p("8.01")) == .holds)
    #expect(DecimalInterval.greater(p("+0.03"), t("0")) == .holds)
    #expect(DecimalInterval.greater(p("-0.01"), t("0")) == .fails)
    #expect(DecimalInterval.atLeast(p("-0.08"), t("-0.1")) == .holds)
    #expect(DecimalInterval.atLeast(p("-0.1"), t("-0.1")) == .undecided)
    #expect(DecimalInterval.atLeast(p("-0.2"), t("-0.1")) == .fails)
    #expect(DecimalInterval.atMost(p("0.23"), t("0.3")) == .holds)
    #expect(DecimalInterval.atMost(p("0.3"), t("0.3")) == .undecided)
    #expect(DecimalInterval.atMost(p("0.35"), t("0.3")) == .fails)
    let mx = try #require(DecimalInterval.maximum([p("0.23"), p("-0.01"), p("0.11")]))
    #expect(mx.description == "[0.225, 0.235]")
    let mn = try #require(DecimalInterval.minimum([p("0.65"), p("0.24")]))
    #expect(mn.description == "[0.235, 0.245]")
  }

  @Test func threeValuedLogicAndCounts() {
    #expect(Comparison.all([.holds, .holds]) == .holds)
    #expect(Comparison.all([.holds, .undecided]) == .undecided)
    #expect(Comparison.all([.undecided, .fails]) == .fails)
    #expect(Comparison.any([.fails, .holds]) == .holds)
    #expect(Comparison.any([.fails, .undecided]) == .undecided)
    #expect(Comparison.any([.fails, .fails]) == .fails)
    #expect(Comparison.undecided.negated == .undecided)
    #expect(Comparison.holds.negated == .fails)
    let c = ComparisonCount([.holds, .holds, .holds, .undecided, .fails, .fails])
    #expect(c.description == "[3, 4]")
    #expect(c.moreThan(3) == .undecided)
    #expect(c.moreThan(2) == .holds)
    #expect(c.moreThan(4) == .fails)
  }

  @Test func relativePercentEnclosesTheExactRange() throws {
    let d = try #require(DecimalInterval(printed: "+16.14"))
    let b = try #require(DecimalInterval(printed: "17.11"))
    let r = PrintedInterval.percent(of: d, base: b)
    let quoted = try #require(DecimalInterval(printed: "94.3"))
    // Exact ends, from mpmath (mp.dps = 50):
    //   100*mpf('16.135')/mpf('17.115') = 94.274028629856850716
    //   100*mpf('16.145')/mpf('17.105') = 94.387605963168664133
    // The enclosure must contain them and be tight to a few ulps (outward rounding only).
    #expect(r.lower <= 94.274028629856850716 && r.lower > 94.27402862985)
    #expect(r.upper >= 94.387605963168664133 && r.upper < 94.38760596317)
    #expect(r.enclosure() == "[94.27, 94.39]")
    #expect(r.matches(quoted))
    let m = try #require(DecimalInterval(printed: "33.28"))
    let v = PrintedInterval.relativePercent(new: m, base: b)
    // 100*(mpf('33.275')/mpf('17.115') - 1) = 94.420099328074788197 > 94.35: no match.
    #expect(v.lower > 94.42 && !v.matches(quoted))
  }

  @Test func comparisonLogVerdictAndSummary() {
    var log = PrintedComparisonLog()
    log.record("a", .holds, "ok")
    #expect(log.outcome(claim: "x").verdict == .confirmed)
    log.record("b", .undecided, "touching")
    #expect(log.outcome(claim: "x").verdict == .inconclusive)
    log.record("c", .fails, "5.9 vs 4.9", inputs: [NamedValue("printed", 4.9)])
    let o = log.outcome(claim: "x")
    #expect(o.verdict == .refuted)
    #expect(o.summary == "x: 1 of 3 fail — c: 5.9 vs 4.9; 1 undecided — b: touching")
    #expect(o.counterexample?.detail == "c: 5.9 vs 4.9")
  }
}
