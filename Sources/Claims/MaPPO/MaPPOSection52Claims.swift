// mappo.sec52.improvement-pattern, mappo.sec52.size-monotonicity,
// mappo.sec52.smaller-beats-larger-base — the first paragraph of MaPPO §5.2 (paper
// 000_f3e0a040f5e536e0.txt) read against Table 2 under the printed-table rule. The
// improvement claims use the printed deltas (the differences recomputed from the printed
// values are reported beside them); "slightly" is a delta in (0, 0.3] MT-Bench points, as
// the catalog fixes it.

extension MaPPOTableChecks {
  /// The printed delta of `pair` on column `j` with the recomputed difference beside it.
  static func deltaWithRecomputed(_ pair: PrintedMethodPair, _ j: Int, cell: String) throws
    -> (delta: DecimalInterval, text: String)
  {
    let d = try Self.cell(pair.printedDelta[j], cell)
    let diff = try Self.cell(pair.withMaPPO[j], cell) - Self.cell(pair.base[j], cell)
    return (d, "printed \(pair.printedDelta[j]) ∈ \(d) (recomputed \(pair.withMaPPO[j]) − \(pair.base[j]) ∈ \(diff))")
  }

  static func block(_ t: MaPPOTable2, _ model: String) throws -> MaPPOTable2.Block {
    guard let b = t.block(model) else { throw PrintedTableError(cell: "Table 2 block", text: "\(model) missing") }
    return b
  }

  static let qwenSizes = ["Qwen2.5-1.5B-Instruct", "Qwen2.5-3B-Instruct", "Qwen2.5-7B-Instruct"]

  /// mappo.sec52.improvement-pattern: (i) 12 AlpacaEval/Arena-Hard deltas of Llama, Mistral,
  /// Qwen-7B > 0; (ii) their 4 MT-Bench deltas for Qwen-7B and Llama in (0, 0.3];
  /// (iii) min MT delta of Mistral and Qwen-1.5B > max MT delta of Qwen-7B and Llama;
  /// (iv) all 18 Qwen deltas > 0.
  public static func sec52ImprovementPattern(_ t: MaPPOTable2) throws -> CheckOutcome {
    let zero = try DecimalInterval.threshold("0")
    let slight = try DecimalInterval.threshold("0.3")
    func positive(_ log: inout PrintedComparisonLog, _ model: String, benches: [Int]) throws {
      for p in try block(t, model).settings {
        for j in benches {
          let cell = "\(model), \(p.method)+MaPPO, \(mappoAlignmentBenchmarks[j])"
          let (d, text) = try deltaWithRecomputed(p, j, cell: cell)
          log.record(cell, DecimalInterval.greater(d, zero), text + " > 0", inputs: [named("delta", p.printedDelta[j])])
        }
      }
    }
    var i = PrintedComparisonLog()
    for m in ["Llama-3-8B-Instruct", "Mistral-7B-Instruct", "Qwen2.5-7B-Instruct"] { try positive(&i, m, benches: [0, 1]) }

    var ii = PrintedComparisonLog()
    for m in ["Qwen2.5-7B-Instruct", "Llama-3-8B-Instruct"] {
      for p in try block(t, m).settings {
        let cell = "\(m), \(p.method)+MaPPO, MT-Bench"
        let (d, text) = try deltaWithRecomputed(p, 2, cell: cell)
        let c = Comparison.all([DecimalInterval.greater(d, zero), DecimalInterval.atMost(d, slight)])
        ii.record(cell, c, text + " in (0, 0.3]", inputs: [named("delta", p.printedDelta[2])])
      }
    }

    var iii = PrintedComparisonLog()
    func mtDeltas(_ models: [String]) throws -> [(String, DecimalInterval)] {
      try models.flatMap { m in
        try block(t, m).settings.map { p in
          ("\(m) \(p.method) \(p.printedDelta[2])", try cell(p.printedDelta[2], "\(m), \(p.method)+MaPPO, MT-Bench"))
        }
      }
    }
    let big = try mtDeltas(["Mistral-7B-Instruct", "Qwen2.5-1.5B-Instruct"])
    let small = try mtDeltas(["Qwen2.5-7B-Instruct", "Llama-3-8B-Instruct"])
    if let lo = DecimalInterval.minimum(big.map(\.1)), let hi = DecimalInterval.maximum(small.map(\.1)) {
      iii.record(
        "MT-Bench: min(Mistral, Qwen-1.5B) > max(Qwen-7B, Llama)", DecimalInterval.greater(lo, hi),
        "min over {\(big.map(\.0).joined(separator: ", "))} ∈ \(lo) vs max over "
          + "{\(small.map(\.0).joined(separator: ", "))} ∈ \(hi)")
    }

    var iv = PrintedComparisonLog()
    for m in qwenSizes { try positive(&iv, m, benches: [0, 1, 2]) }

    return combine([
      ("(i)", i.outcome(claim: "AlpacaEval/Arena-Hard deltas > 0")),
      ("(ii)", ii.outcome(claim: "MT-Bench deltas \"slightly\" > 0")),
      ("(iii)", iii.outcome(claim: "MT-Bench \"much more significant\"")),
      ("(iv)", iv.outcome(claim: "Qwen deltas > 0 at every size")),
    ])
  }

  /// The five method rows of a Table 2 block, named.
  static func methodRows(_ b: MaPPOTable2.Block) -> [(String, [String])] {
    [("IT", b.it), ("DPO", b.offline.base), ("DPO+MaPPO", b.offline.withMaPPO),
     ("I-DPO", b.online.base), ("I-DPO+MaPPO", b.online.withMaPPO)]
  }

  /// mappo.sec52.size-monotonicity: each of the 5 method rows × 3 benchmarks strictly
  /// increases over Qwen2.5 1.5B < 3B < 7B.
  public static func sec52SizeMonotonicity(_ t: MaPPOTable2) throws -> CheckOutcome {
    let blocks = try qwenSizes.map { try block(t, $0) }
    var log = PrintedComparisonLog()
    for (r, (method, _)) in methodRows(blocks[0]).enumerated() {
      for (j, bench) in mappoAlignmentBenchmarks.enumerated() {
        let texts = blocks.map { methodRows($0)[r].1[j] }
        let xs = try texts.map { try cell($0, "Qwen2.5 \(method), \(bench)") }
        let c = Comparison.all([DecimalInterval.less(xs[0], xs[1]), DecimalInterval.less(xs[1], xs[2])])
        log.record(
          "\(method), \(bench)", c,
          "1.5B \(texts[0]) < 3B \(texts[1]) < 7B \(texts[2]): "
            + "\(DecimalInterval.less(xs[0], xs[1]).rawValue), \(DecimalInterval.less(xs[1], xs[2]).rawValue)",
          inputs: zip(["1.5B", "3B", "7B"], texts).map { named($0, $1) })
      }
    }
    return log.outcome(claim: "15 series increasing in size")
  }

  /// mappo.sec52.smaller-beats-larger-base: for each (smaller Qwen with MaPPO, larger Qwen
  /// IT) pair, the universal reading (better on all three benchmarks) and the existential
  /// one (better on at least one). Confirmed if a pair satisfies the universal reading;
  /// conditional if only the existential one holds (condition: a single benchmark);
  /// refuted if neither holds.
  public static func sec52SmallerBeatsLargerBase(_ t: MaPPOTable2) throws -> CheckOutcome {
    let blocks = try qwenSizes.map { try block(t, $0) }
    var universal: [Comparison] = []
    var existential: [Comparison] = []
    var wins: [(pair: String, bench: String, text: String)] = []
    var losses: [(pair: String, bench: String, text: String)] = []
    var notes: [String] = []
    for s in 0..<blocks.count {
      for l in (s + 1)..<blocks.count {
        for p in blocks[s].settings {
          let pair = "\(blocks[s].model) \(p.method)+MaPPO vs \(blocks[l].model) IT"
          var cs: [Comparison] = []
          for (j, bench) in mappoAlignmentBenchmarks.enumerated() {
            let a = try cell(p.withMaPPO[j], "\(blocks[s].model), \(p.method)+MaPPO, \(bench)")
            let b = try cell(blocks[l].it[j], "\(blocks[l].model), IT, \(bench)")
            let c = DecimalInterval.greater(a, b)
            cs.append(c)
            let text = "\(p.withMaPPO[j]) > \(blocks[l].it[j]): \(c.rawValue)"
            notes.append("\(pair), \(bench): \(text)")
            if c == .holds { wins.append((pair, bench, text)) }
            if c == .fails { losses.append((pair, bench, text)) }
          }
          universal.append(Comparison.all(cs))
          existential.append(Comparison.any(cs))
          notes.append("\(pair): all three \(Comparison.all(cs).rawValue), at least one \(Comparison.any(cs).rawValue)")
        }
      }
    }
    let u = Comparison.any(universal)
    let e = Comparison.any(existential)
    let benches = mappoAlignmentBenchmarks.filter { b in wins.contains { $0.bench == b } }
    switch (u, e) {
    case (.holds, _):
      return CheckOutcome(
        verdict: .confirmed, summary: "a smaller MaPPO model beats a larger IT model on all three benchmarks",
        notes: notes)
    case (.fails, .holds):
      let hold = wins.first.map { "\($0.pair), \($0.bench): \($0.text)" } ?? ""
      let holdPair = wins.first?.pair
      let fail = (losses.first { $0.pair == holdPair } ?? losses.first)
        .map { "\($0.pair), \($0.bench): \($0.text)" } ?? ""
      let cond = "comparison restricted to a single benchmark (existential reading): "
        + benches.joined(separator: ", ")
      return CheckOutcome(
        verdict: .conditional,
        summary: "no pair wins on all three benchmarks; wins only on \(benches.joined(separator: ", ")) — "
          + wins.map { "\($0.pair): \($0.text)" }.joined(separator: "; "),
        notes: notes,
        conditions: [ConditionReport(condition: cond, casesSatisfying: wins.count, holdingCase: hold, failingCase: fail)])
    case (.fails, .fails):
      let cx = losses.first
      return CheckOutcome(
        verdict: .refuted,
        summary: "no smaller Qwen2.5 model with MaPPO beats a larger IT model on any benchmark",
        notes: notes,
        counterexample: cx.map { Counterexample(inputs: [], detail: "\($0.pair), \($0.bench): \($0.text)") })
    default:
      return CheckOutcome(
        verdict: .inconclusive,
        summary: "undecided comparisons: universal reading \(u.rawValue), existential \(e.rawValue)", notes: notes)
    }
  }
}

extension MaPPOClaims {
  static let sec52ImprovementPattern = Claim(
    id: "mappo.sec52.improvement-pattern", paper: .mappo, source: "§5.2, first paragraph",
    kind: .numericValue,
    statement: "(i) For Llama-3-8B, Mistral-7B and Qwen2.5-7B, MaPPO improves AlpacaEval and "
      + "Arena-Hard in both the offline (DPO) and online (I-DPO) settings. (ii) On MT-Bench, "
      + "results are \"slightly improved\" for Qwen2.5-7B and Llama-3-8B. (iii) The MT-Bench "
      + "improvement is \"much more significant\" for Mistral-7B and Qwen2.5-1.5B. (iv) \"With "
      + "MaPPO, the improvement is consistent in scale with different model sizes in both online "
      + "and offline settings.\""
  ) { _ in try MaPPOTableChecks.sec52ImprovementPattern(.printed) }

  static let sec52SizeMonotonicity = Claim(
    id: "mappo.sec52.size-monotonicity", paper: .mappo,
    source: "§5.2 (\"In one model series, the larger models achieve higher overall scores\")",
    kind: .numericValue,
    statement: "Within the Qwen2.5 series (1.5B < 3B < 7B), every method row scores higher for "
      + "larger models."
  ) { _ in try MaPPOTableChecks.sec52SizeMonotonicity(.printed) }

  static let sec52SmallerBeatsLargerBase = Claim(
    id: "mappo.sec52.smaller-beats-larger-base", paper: .mappo,
    source: "§5.2, last sentence (\"the alignment can make smaller models outperform larger base models\")",
    kind: .numericValue,
    statement: "Some smaller Qwen2.5 model trained with MaPPO (offline or online) outperforms a "
      + "larger Qwen2.5 IT model."
  ) { _ in try MaPPOTableChecks.sec52SmallerBeatsLargerBase(.printed) }
}
