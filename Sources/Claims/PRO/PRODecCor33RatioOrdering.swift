// pro.cor33-ratio-ordering — PRO (002_74b446355a07bf4a.txt) §3.2 Corollary 3.3, Eqs. (3)–(5)
// (proof App. B.2, Eqs. (20)–(22)): at the optimum, π*(y)/π_ref(y) = C where µ̂(y)ŝ(y) = 0,
// > C where ŝ > 0, < C where ŝ < 0, with C = e^{t₀/β} and t₀ the root of
// E_{y'∼µ}[σ(t − r*(y'))] = ½ (claims/pro.md). The optima are those of
// pro.edpo-optimality-condition; t₀ by Brent (Analytic PRODecCorollary33Constant).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let cor33Provenance = ClaimProvenance.reconstructed(
    "forms of (3)–(5), and C = e^{t₀/β} from the proof; PRO-formulas.md §3")

  static let cor33RatioOrdering = Claim(
    id: "pro.cor33-ratio-ordering", paper: .pro,
    source: "§3.2 Corollary 3.3, Eqs. (3)–(5); proof App. B.2, Eqs. (20)–(22)", kind: .inequality,
    statement: "Under Theorem 3.2's premises there is C > 0 with π*(y)/π_ref(y) = C if µ̂(y) = 0 or "
      + "ŝ(y) = 0, > C if ŝ(y) > 0, < C if ŝ(y) < 0; C = e^{t₀/β}, E_{y'∼µ}[σ(t₀ − r*(y'))] = ½.",
    provenance: cor33Provenance
  ) { ctx in
    let cases = (0..<ctx.count(full: 200, quick: 20)).map { PRODecEDPOOptima.solve(ctx, $0) }
    return PRODecTol.stamp(try cor33Sweep(cases, logCShift: 0), cor33Provenance)
  }

  /// (3)–(5) at the decided optima; `logCShift` is added to log C (0 for the claim; a wrong
  /// constant for the mutation test).
  static func cor33Sweep(_ cases: [PRODecEDPOCase], logCShift: Double) throws -> CheckOutcome {
    var tally = Tally()
    var excluded = 0
    var undecided = 0
    var judged = 0
    var undecidedLines: [String] = []
    for c in cases {
      guard c.exclusion == nil, let opt = c.optimum else {
        excluded += 1
        continue
      }
      let u = logSoftmax(opt.z)
      let pi = u.map { exp($0) }
      let q = (0..<c.n).map { u[$0] - c.ref[$0] }
      let r = q.map { c.beta * $0 }
      let t0 = try PRODecCorollary33Constant.t0(rewards: r, mu: c.mu)
      let logC = t0.value / c.beta + logCShift
      // T-opt of each q_y (∇_z q_y = e_y − π on the free logits) and the propagated error of
      // t₀/β: Brent's bracket plus the largest q error (t₀ moves by at most max |Δr|).
      let topt = (0..<c.n).map { y -> Double in
        let g = (1..<c.n).map { (y == $0 ? 1.0 : 0.0) - pi[$0] }
        // C: log π*(y) is formed as z_y − logSumExp(z), a difference of stored values.
        return 2 * norm(g) * opt.ez + PRODecTol.round(
          terms: 2, termSum: abs(u[y]) + abs(c.ref[y]), conditioning: abs(opt.z[y]) + abs(logSumExp(opt.z))).absolute
      }
      let t0Err = t0.error / c.beta + (topt.max() ?? 0)
      for y in 0..<c.n {
        let tol = topt[y] + t0Err
        let d = q[y] - logC
        let ws = c.muHat[y] * c.scores[y]
        // µ̂ŝ is zero within T-round (ŝ is Σµ̂p̂ − ½, formed against ½).
        let zero = abs(ws) <= 4 * Double(c.n) * Double.ulpOfOne * c.muHat[y]
        let inputs = c.inputs + [NamedValue("y", Double(y)), NamedValue("µ̂ŝ", ws)]
        let detail = "log(π*/π_ref) − log C = \(d), tol = \(tol)"
        if zero {
          // The optimum responds to the rounding of µ̂ŝ itself (|Δ(µ̂ŝ)| ≤ 4nε·µ̂, ŝ formed against
          // ½): by (2), Δq_y ≤ |Δ(µ̂ŝ)|/µ(y) / (αβ Σ_{y'} µ(y')σ′(r_y − r_y')).
          var slope = 0.0
          for y2 in 0..<c.n { slope += c.mu[y2] * sigmoid(r[y] - r[y2]) * sigmoid(r[y2] - r[y]) }
          let prop = 4 * Double(c.n) * Double.ulpOfOne * c.muHat[y] / c.mu[y] / (c.alpha * c.beta * slope)
          let tol = tol + prop
          judged += 1
          tally.record("(3) ratio = C where µ̂ŝ = 0", passed: abs(d) <= tol, residual: abs(d), allowed: tol,
                       reason: "T-opt + error of t₀", inputs: inputs, detail: detail)
        } else if abs(d) <= tol {
          undecided += 1
          if undecidedLines.count < 3 {
            undecidedLines.append("case \(c.j) y = \(y): µ̂ŝ = \(ws), log(π*/π_ref) − log C = \(d), tol = \(tol)")
          }
        } else if ws > 0 {
          judged += 1
          tally.record("(4) ratio > C where ŝ > 0", passed: d > tol, inputs: inputs, detail: detail)
        } else {
          judged += 1
          tally.record("(5) ratio < C where ŝ < 0", passed: d < -tol, inputs: inputs, detail: detail)
        }
      }
    }
    let total = judged + undecided
    var out = tally.outcome(
      claim: "ordering of π*/π_ref around C = e^{t₀/β}",
      notes: ["\(excluded) instances excluded (as in pro.edpo-optimality-condition); "
        + "\(undecided) of \(total) responses undecided (strictness not resolved)"
        + (undecidedLines.isEmpty ? "" : "; e.g. " + undecidedLines.joined(separator: "; "))])
    if out.verdict == .confirmed && undecided * 20 > total {
      out.verdict = .inconclusive
      out.summary = "more than 5% undecided — " + out.summary
    }
    if excluded * 5 > cases.count && out.verdict != .refuted {
      out.verdict = .inconclusive
      out.summary = "more than 20% of instances excluded — " + out.summary
    }
    return out
  }
}
