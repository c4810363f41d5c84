// pro.alpha-beta-equivalent-pairs — App. E (v2), PRO-formulas.md §11: the triples (2.5, 3e-3),
// (7.5, 1e-3), (22.5, 3e-4) and (17.5, 3e-3), (52.5, 1e-3), (157.5, 3e-4) are presented as
// equivalent. Stand-ins for the win rates: (i) the products αβ, αβ²; (ii) the relative gap of
// the curves ∇f_{α,β} on [−D, D]; (iii) the optimal log-ratio of the one-sample PRO-B loss
// (exact-H), "none" where M4 says ABSENT. The verdict is carried by PRO-B/print.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  static let alphaBetaTriples: [[(alpha: Double, beta: Double)]] = [
    [(2.5, 3e-3), (7.5, 1e-3), (22.5, 3e-4)],
    [(17.5, 3e-3), (52.5, 1e-3), (157.5, 3e-4)],
  ]

  static let alphaBetaEquivalentPairs = Claim(
    id: "pro.alpha-beta-equivalent-pairs", paper: .pro, source: "App. E (v2); PRO-formulas.md §11",
    kind: .numericValue,
    statement: "Within each triple (2.5, 3e-3), (7.5, 1e-3), (22.5, 3e-4) and (17.5, 3e-3), "
      + "(52.5, 1e-3), (157.5, 3e-4) the settings give nearly the same PRO-B behaviour.",
    provenance: .reconstructed(
      "f_{α,β} and PRO-B/βopt are reconstructed (PRO-formulas.md §10, §8); the pairs and "
        + "PRO-B/print are verbatim S2")
  ) { ctx in alphaBetaOutcome(ctx, triples: alphaBetaTriples) }

  static func alphaBetaOutcome(
    _ ctx: CheckContext, triples: [[(alpha: Double, beta: Double)]]
  ) -> CheckOutcome {
    var notes: [String] = []
    var disagreement: Counterexample?
    var allTight = true
    for (ti, triple) in triples.enumerated() {
      let ab = triple.map { $0.alpha * $0.beta }
      let ab2 = triple.map { $0.alpha * $0.beta * $0.beta }
      notes.append(
        "triple \(ti + 1): αβ = \(ab.map(format3)) (spread \(format3(ab.max()! / ab.min()! - 1))), "
          + "αβ² = \(ab2.map(format3)) (spread \(format3(ab2.max()! / ab2.min()! - 1)))")
      // (ii) curve gaps.
      var gapLine: [String] = []
      for d in [1.0, 10, 100, 1000] {
        var maxGap = 0.0
        var maxAbs = 0.0
        var tol = 0.0
        for k in 0...10_000 {
          let delta = -d + 2 * d * Double(k) / 10_000
          let g = triple.map { PROExRegularizerProfile(alpha: $0.alpha, beta: $0.beta).gradient(delta) }
          for i in 0..<3 {
            maxAbs = max(maxAbs, abs(g[i]))
            for j in (i + 1)..<3 { maxGap = max(maxGap, abs(g[i] - g[j])) }
          }
          tol = max(tol, PROExTolerance.round(terms: 2, sum: g.map(abs).reduce(0, +)).absolute)
        }
        if maxGap > tol { allTight = false }
        gapLine.append("D = \(formatNumber(d)): \(format3(maxGap / maxAbs))")
      }
      notes.append("triple \(ti + 1) relative curve gap: " + gapLine.joined(separator: ", "))
      // (iii) optimal log-ratios, both variants and labels.
      for printed in [true, false] {
        for s in [0.5, -0.5] {
          for lref in [log(1e-10), log(1e-100)] {
            var decisions: [String] = []
            var ratios: [Double] = []
            var errs: [Double] = []
            for (a, b) in triple {
              let line = PROExProBLine(beta: b, alphaB: a, label: s, refLogProb: lref, printed: printed)
              let d = line.decide()
              decisions.append(d.decision.rawValue)
              if d.decision == .exists, let w = d.argmin {
                ratios.append(line.optimalLogRatio(w))
                // T-opt stand-in: Brent's bracket 1e-7 relative on w, through d log σ(w)/dw ≤ 1.
                errs.append(1e-7 * max(1, abs(w)))
              }
            }
            let label =
              "\(printed ? "print" : "βopt") s = \(s > 0 ? "+" : "−")½ π_ref = \(lref < -100 ? "1e-100" : "1e-10")"
            if Set(decisions).count > 1 {
              if printed, disagreement == nil {
                disagreement = Counterexample(
                  inputs: triple.flatMap { [NamedValue("alpha", $0.alpha), NamedValue("beta", $0.beta)] }
                    + [NamedValue("s", s), NamedValue("logPiRef", lref)],
                  detail: "M4 decisions differ within the triple: \(decisions)")
              }
              notes.append("triple \(ti + 1) \(label): decisions \(decisions)")
              continue
            }
            if ratios.count == 3 {
              let spread = (ratios.max()! - ratios.min()!) / (ratios.map(abs).max() ?? 1)
              if printed, ratios.max()! - ratios.min()! > 2 * (errs.max() ?? 0) { allTight = false }
              notes.append(
                "triple \(ti + 1) \(label): log(π*/π_ref) = \(ratios.map(format3)), spread \(format3(spread))")
            } else {
              notes.append("triple \(ti + 1) \(label): none (\(decisions.first ?? ""))")
            }
          }
        }
      }
    }
    if let cx = disagreement {
      return CheckOutcome(
        verdict: .refuted,
        summary: "PRO-B/print: settings of one triple disagree on whether a minimiser exists; "
          + cx.line, notes: notes, counterexample: cx)
    }
    return CheckOutcome(
      verdict: allTight ? .confirmed : .approximate,
      summary: "the triples agree on existence under PRO-B/print; curves and optima "
        + (allTight ? "agree within tolerance" : "differ beyond rounding (spreads in notes)")
        + " (f_{α,β}, PRO-B/βopt reconstructed; pairs and PRO-B/print verbatim)",
      notes: notes)
  }
}
