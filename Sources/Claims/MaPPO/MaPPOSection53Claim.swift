// mappo.sec53.variant-consistency — MaPPO §5.3 (paper 000_f3e0a040f5e536e0.txt): "MaPPO
// consistently improves all DPO variants … Although it drops a little on MT-Bench in some
// methods", read against Table 3's printed deltas; "a little" is |Δ| ≤ 0.1 MT-Bench point,
// as the catalog fixes it.

extension MaPPOTableChecks {
  /// mappo.sec53.variant-consistency: the 10 AlpacaEval and Arena-Hard deltas are > 0 and the
  /// 5 MT-Bench deltas are ≥ −0.1 (printed deltas; recomputed differences beside them).
  public static func sec53VariantConsistency(_ t: MaPPOTable3) throws -> CheckOutcome {
    let zero = try DecimalInterval.threshold("0")
    let little = try DecimalInterval.threshold("-0.1")
    var improves = PrintedComparisonLog()
    var mt = PrintedComparisonLog()
    for p in t.rows {
      for j in 0..<2 {
        let cell = "Table 3, \(p.method)+MaPPO, \(mappoAlignmentBenchmarks[j])"
        let (d, text) = try deltaWithRecomputed(p, j, cell: cell)
        improves.record(cell, DecimalInterval.greater(d, zero), text + " > 0", inputs: [named("delta", p.printedDelta[j])])
      }
      let cell = "Table 3, \(p.method)+MaPPO, MT-Bench"
      let (d, text) = try deltaWithRecomputed(p, 2, cell: cell)
      mt.record(cell, DecimalInterval.atLeast(d, little), text + " ≥ −0.1", inputs: [named("delta", p.printedDelta[2])])
    }
    return combine([
      ("AlpacaEval/Arena-Hard improve", improves.outcome(claim: "\(improves.records.count) deltas > 0")),
      ("MT-Bench drops a little", mt.outcome(claim: "\(mt.records.count) deltas ≥ −0.1")),
    ])
  }
}

extension MaPPOClaims {
  static let sec53VariantConsistency = Claim(
    id: "mappo.sec53.variant-consistency", paper: .mappo,
    source: "§5.3 (\"MaPPO consistently improves all DPO variants … it drops a little on MT-Bench\")",
    kind: .numericValue,
    statement: "In Table 3, every variant improves on AlpacaEval and Arena-Hard, and any "
      + "MT-Bench drop is small."
  ) { _ in try MaPPOTableChecks.sec53VariantConsistency(.printed) }
}
