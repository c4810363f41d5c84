// mappo.stationary.fosp-exists — App. A.1, eqs. (21)–(23): the analysis presumes a FOSP θ* of
// (20) with ∇L_MaP(θ*) = 0. Searched by MaPPOFOSPSearch (BFGS on L and on ‖∇L‖², R ∈ {10,
// 100, 1000}, δ test against plateaus) on T1 and T2 datasets of pairs on one prompt.
import Numerics

extension MaPPOClaims {
  static let stationaryFOSPExists = Claim(
    id: "mappo.stationary.fosp-exists", paper: .mappo,
    source: "App. A.1, eqs. (21)–(23) (\"At the first-order stationary point… Let the optimal policy be π_*\")",
    kind: .existence,
    statement: "The stationarity analysis presumes a first-order stationary point θ* of (20) with ∇L_MaP(θ*) = 0, and identifies π_* with it."
  ) { ctx in
    fospExistsOutcome(MaPPOFOSPSearch.results(ctx, loss: .mappo), minimumSatisfying: ctx.count(full: 100, quick: 10), what: "MaPPO FOSP")
  }

  /// The existence verdict over search results: holds on a dataset when a FOSP was found;
  /// conditional rule over (model T2, d < K, Δr > 0); refuted when none is found anywhere.
  static func fospExistsOutcome(_ rs: [StationarySearchResult], minimumSatisfying: Int, what: String) -> CheckOutcome {
    var judge = ConditionalJudge(conditions: ["model T2", "d < K", "Δr > 0"])
    for res in rs {
      let d = res.dataset
      judge.record(
        holds: res.fosp != nil,
        satisfies: [d.modelName == "T2", d.modelName == "T2" && d.d < d.k, d.minDeltaR > 0],
        describe: d.label + (res.fosp.map { " — FOSP at ‖θ̂‖ = \(format3(norm($0.point))), δ = \(format3($0.delta))" }
          ?? " — no FOSP; inf ‖∇L‖ per R = \(res.infGradient.map(format3).joined(separator: ", "))"))
    }
    let found = rs.filter { $0.fosp != nil }.count
    let table = MaPPOFOSPSearch.existenceTable(rs)
    let notes = table + [
      "reading: 200 datasets per model in full mode (20 in quick mode, where the conditional rule's 100-case minimum is scaled to 10).",
      "T1 has no FOSP for a dataset whose pairs follow one reward order: the lowest-reward response m only ever loses, so ∂L/∂θ_m = mean_i β(1 − σ(u_i))[(1 − Δr_i)π_m + Δr_i·1{l_i = m}] > 0 at every θ; L decreases toward an infimum at infinity.",
    ]
    var (verdict, conds) = judge.verdict(minimumSatisfying: minimumSatisfying)
    if found == 0 { verdict = .refuted; conds = [] }
    let noFOSP = rs.first { $0.fosp == nil }
    let cx = noFOSP.map {
      Counterexample(
        inputs: [NamedValue("K", Double($0.dataset.k)), NamedValue("d", Double($0.dataset.d)), NamedValue("N", Double($0.dataset.n)), NamedValue("β", $0.dataset.beta)],
        detail: "\($0.dataset.label): no θ̂ with ‖∇L‖ ≤ 1e-10, ‖θ̂‖ < 0.9R and δ ≤ 1e-3; inf ‖∇L‖ for R = 10, 100, 1000: "
          + $0.infGradient.map(format3).joined(separator: ", "))
    }
    let summary = "\(what) found in \(found) of \(rs.count) datasets"
      + (verdict == .conditional ? "; holds under \(conds.map(\.condition).joined(separator: " / "))" : "")
      + (cx.map { "; e.g. none for \($0.detail)" } ?? "")
    return CheckOutcome(
      verdict: verdict, summary: summary, notes: notes, counterexample: verdict == .confirmed ? nil : cx, conditions: conds)
  }
}
