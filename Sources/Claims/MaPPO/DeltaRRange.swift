// mappo.delta-r-range — with rewards in [0, 1], Δr = r_w − r_l lies in [0, 1]; Figure 2's
// example has Δr = 0.95 − 0.91 = 0.04. Checked under three regimes of how y_w and y_l are
// chosen (the §5.1 best/worst protocol; Algorithm 1 as printed; labels from another source).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MaPPOClaims {
  static let deltaRRange = Claim(
    id: "mappo.delta-r-range", paper: .mappo,
    source: "§4.1 after eq. (8); §4.2; Figure 2; Algorithm 1 lines 3–5; §5.1", kind: .inequality,
    statement: "With rewards in [0, 1], Δr = r_w − r_l ∈ [0, 1]; Figure 2 has Δr = 0.04."
  ) { ctx in
    // Reward laws: U[0,1]; Beta(½,½), drawn exactly as sin²(πU/2) (the arcsine law);
    // the two-point law on {0, 1}.
    let laws: [(String, (inout RandomStream) -> Double)] = [
      ("U[0,1]", { r in r.uniform() }),
      ("Beta(0.5,0.5)", { r in let s = sin(Double.pi * r.uniform() / 2); return s * s }),
      ("two-point {0,1}", { r in r.uniform() < 0.5 ? 0 : 1 }),
    ]
    var judge = ConditionalJudge(conditions: ["r_w ≥ r_l"])
    var notes: [String] = []
    let n = ctx.count(full: 100_000, quick: 10_000)
    var outside = 0
    for regime in ["(a) best/worst of 8", "(b) Algorithm 1 sampling order", "(c) labels agree w.p. a ~ U[0.5,1]"] {
      for (lawName, law) in laws {
        var r = ctx.stream("mappo.delta-r-range/\(regime)/\(lawName)")
        var lo = Double.infinity
        var hi = -Double.infinity
        var out = 0
        for _ in 0..<n {
          var rw: Double
          var rl: Double
          if regime.hasPrefix("(a)") {
            let rs = (0..<8).map { _ in law(&r) }
            rw = rs.max()!
            rl = rs.min()!
          } else {
            rw = law(&r)
            rl = law(&r)
            if regime.hasPrefix("(c)") {
              let agree = r.uniform() < 0.05 ? 1.0 : 0.5 + 0.5 * r.uniform()
              let ordered = (max(rw, rl), min(rw, rl))
              (rw, rl) = r.uniform() < agree ? ordered : (ordered.1, ordered.0)
            }
          }
          let d = rw - rl
          lo = min(lo, d)
          hi = max(hi, d)
          // Outside [0, 1] beyond T_id (S = r_w + r_l).
          let t = CatalogTolerance.identityAbsolute(termSum: abs(rw) + abs(rl))
          let inside = d >= -t && d <= 1 + t
          if !inside { out += 1 }
          judge.record(
            holds: inside, satisfies: [rw >= rl],
            describe: "\(regime), \(lawName): r_w = \(formatNumber(rw)), r_l = \(formatNumber(rl)), Δr = \(formatNumber(d))")
        }
        outside += out
        notes.append("\(regime), \(lawName): min Δr = \(lo), max Δr = \(hi), fraction outside [0,1] = \(Double(out) / Double(n))")
      }
    }
    // Figure 2: 0.95 − 0.91 in float64 against 0.04 under T_id.
    let fig = 0.95 - 0.91
    let figTol = CatalogTolerance.identity(termSum: 0.95 + 0.91 + 0.04)
    let figOK = figTol.accepts(fig, 0.04)
    notes.append("Figure 2: 0.95 − 0.91 = \(fig) vs 0.04: \(figOK ? "agrees" : "differs") under T_id (\(figTol.absolute))")
    var (verdict, reports) = judge.verdict()
    if !figOK { verdict = .refuted }
    let summary = verdict == .confirmed
      ? "Δr ∈ [0, 1] in every regime and law; Figure 2's Δr = 0.04"
      : "Δr leaves [0, 1] in \(outside) cases (regimes (b)/(c) label a lower-reward response as y_w); "
        + (reports.isEmpty ? "no listed condition separates them" : "holds under: " + reports.map(\.condition).joined(separator: "; "))
    return CheckOutcome(verdict: verdict, summary: summary, notes: notes, conditions: reports)
  }
}
