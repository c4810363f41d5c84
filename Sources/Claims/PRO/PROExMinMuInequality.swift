// pro.corb2-min-mu-inequality — Corollary B.2 (v2): for every partition of 𝒴_ℋ into nonempty
// 𝒴₀, 𝒴₊: µ(𝒴₊) = Σ_{𝒴₊} µ ≥ min_{𝒴₊} µ > min_{𝒴_ℋ} µ. Both links compare stored float64
// values of the same entries (tolerance 0). Each link gets its own sub-verdict; the id's verdict
// is the printed chain's. The non-strict second link is evaluated and reported as the
// corrected form.
import Numerics

extension PROExistenceClaims {
  static let corb2MinMuInequality = Claim(
    id: "pro.corb2-min-mu-inequality", paper: .pro,
    source: "Corollary B.2 (v2), the bound on µ(𝒴₊)", kind: .inequality,
    statement: "For every partition of 𝒴_ℋ into nonempty 𝒴₀, 𝒴₊: "
      + "µ(𝒴₊) = Σ_{y∈𝒴₊} µ(y) ≥ min_{y∈𝒴₊} µ(y) > min_{y∈𝒴_ℋ} µ(y).",
    provenance: .verbatim
  ) { ctx in minMuOutcome(ctx) }

  /// The check; `strict` is the second link's comparison (the printed one is `>`).
  static func minMuOutcome(
    _ ctx: CheckContext, strict: @escaping @Sendable (Double, Double) -> Bool = { $0 > $1 }
  ) -> CheckOutcome {
    let id = "pro.corb2-min-mu-inequality"
    let draws = ctx.count(full: 2000, quick: 100)
    var tally = Tally()
    var corrected = Tally()
    // The smallest counterexample per link: smallest m, then lexicographic partition (mask).
    var smallest: [String: (m: Int, mask: Int, cx: Counterexample)] = [:]
    func run(_ mu: [Double], _ label: String) {
      let m = mu.count
      let overall = mu.min() ?? 0
      for mask in 1..<((1 << m) - 1) {
        // 𝒴₊ = the set bits of mask, 𝒴₀ the rest.
        let plus = (0..<m).filter { (mask >> $0) & 1 == 1 }
        var sum = 0.0
        for y in plus { sum += mu[y] }
        let minPlus = plus.map { mu[$0] }.min() ?? 0
        let inputs =
          mu.enumerated().map { NamedValue("mu[\($0)]", $1) }
          + [NamedValue("Y+ mask", Double(mask))]
        let l1 = sum >= minPlus
        let l2 = strict(minPlus, overall)
        for (link, ok, detail) in [
          ("link 1: µ(𝒴₊) ≥ min_{𝒴₊} µ", l1, "µ(𝒴₊) = \(sum) < min_{𝒴₊} µ = \(minPlus)"),
          (
            "link 2: min_{𝒴₊} µ > min_{𝒴_ℋ} µ", l2,
            "min_{𝒴₊} µ = \(formatNumber(minPlus)) is not > min_{𝒴_ℋ} µ = \(formatNumber(overall))"
          ),
        ] {
          tally.record(
            "\(link) (\(label))", passed: ok, reason: "exact float64 comparison (tolerance 0)",
            inputs: inputs, detail: detail)
          if !ok, smallest[link].map({ (m, mask) < ($0.m, $0.mask) }) ?? true {
            smallest[link] = (m, mask, Counterexample(inputs: inputs, detail: detail))
          }
        }
        corrected.record(
          "corrected link 2: min_{𝒴₊} µ ≥ min_{𝒴_ℋ} µ", passed: minPlus >= overall,
          reason: "exact", inputs: inputs, detail: "\(minPlus) < \(overall)")
      }
    }
    for j in 0..<draws {
      var r = ctx.stream(id, index: UInt64(j))
      let m = 2 + j % 9
      run(PROExInstances.fullSupport(&r, n: m, a: PROExInstances.concentration(j)), "Dirichlet")
      if j % 10 == 0 {
        // Two equal smallest entries.
        var mu = PROExInstances.fullSupport(&r, n: max(m, 3), a: 1)
        let sorted = mu.indices.sorted { mu[$0] < mu[$1] }
        mu[sorted[1]] = mu[sorted[0]]
        let total = mu.reduce(0, +)
        run(mu.map { $0 / total }, "two equal minima")
      }
    }
    let link1 = smallest["link 1: µ(𝒴₊) ≥ min_{𝒴₊} µ"]
    let link2 = smallest["link 2: min_{𝒴₊} µ > min_{𝒴_ℋ} µ"]
    let cx = link1?.cx ?? link2?.cx
    var notes = [
      "link 1 sub-verdict: " + (link1 == nil ? "confirmed" : "refuted: \(link1!.cx.line)"),
      "link 2 sub-verdict: " + (link2 == nil ? "confirmed" : "refuted: \(link2!.cx.line)"),
      "corrected chain (≥ in the second link): "
        + (corrected.failures == 0
          ? "holds on all \(corrected.cases) partitions"
          : "fails on \(corrected.failures) partitions"),
    ]
    if link2 != nil {
      notes.append(
        "reading: the second link fails whenever 𝒴₊ contains an argmin of µ; the published "
          + "variant pro.corb2-min-mu-inequality.corrected (≥) is reported here, not registered")
    }
    return tally.outcome(
      claim: "the printed chain µ(𝒴₊) ≥ min_{𝒴₊} µ > min_{𝒴_ℋ} µ", counterexample: cx,
      notes: notes)
  }
}
