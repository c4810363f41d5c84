// pipa.pipam.clip-eps (§2.6: "we apply a clipping function to constrain the term f g/p^prior
// within [0, 1 − ε], where ε = 10⁻¹⁰") — the clipped negative-token term
// −log(1 − clip(F, 0, 1 − ε)) is finite, at most B = −log1p(−fl(1 − ε)), and equals
// −log1p(−F) below the clip (paper 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// The check with the term as a parameter (a test feeds the unclipped −log1p(−F)).
  public static func clipEps(_ ctx: CheckContext, term: @escaping (Double) -> Double) throws -> CheckOutcome {
    let eps = 1e-10
    let top = 1 - eps
    let bound = PIPAM.clippedValue(epsilon: eps)
    var tally = Tally()
    var r = ctx.stream("pipam.clip-eps")
    let n = ctx.count(full: 100_000, quick: 10_000)
    let points = [0, top, 1, 1e6]
    for i in 0..<n {
      let u = Double(i % 10)
      let f: Double
      if u < 3 { f = r.uniform() } else if u < 6 { f = Strata.uniform(&r, 1 - 1e-8, 1 + 1e-8) } else if u < 9 {
        f = Strata.logUniform(&r, 1, 1e6)
      } else { f = points[i / 10 % 4] }
      let v = term(f)
      let inputs = [NamedValue("F", f)]
      tally.record("(a) finite", passed: v.isFinite, inputs: inputs, detail: "term = \(v)")
      let tol = CatalogTolerance.identity(termSum: abs(bound))
      tally.record(
        "(b) ≤ B + T_id", passed: v <= bound + tol.absolute, residual: max(0, v - bound),
        allowed: tol.absolute, reason: tol.reason, inputs: inputs, detail: "term = \(v) > B = \(bound)")
      if f <= top {
        let ref = -log1p(-f)
        tally.record(
          "(c) = −log1p(−F) where F ≤ fl(1 − ε)", residual: abs(v - ref),
          identityTermSum: (abs(ref)), inputs: inputs,
          detail: "term = \(v), −log1p(−F) = \(ref)")
      }
    }
    // Reported: B against −log ε and the slope in F by the FD rule's derivative.
    var notes = [
      "B = −log1p(−fl(1 − 1e-10)) = \(bound); −log(1e-10) = \(-log(eps)); "
        + "B − (−log ε) = \(bound + log(eps)) (fl(1 − ε) ≠ 1 − ε exactly)"
    ]
    for f in [0.5, 0.9, 1 - 1e-6, 1.5] {
      let d = try Derivative.derivative(of: term, at: f, method: .central, step: min(1e-4 * max(1, f), (top - f) / 2 > 0 ? (top - f) / 2 : 1e-4))
      let expect = f < top ? 1 / (1 - f) : 0
      notes.append("d term/dF at F = \(f): FD \(d.value) ± \(d.error), expected \(expect)")
    }
    return tally.outcome(claim: "clipped negative term finite, ≤ B, exact below the clip", notes: notes)
  }

  static let pipamClipEps = Claim(
    id: "pipa.pipam.clip-eps", paper: .pipa, source: "§2.6", kind: .bound,
    statement: "After clipping, −log(1 − clip(F, 0, 1 − ε)) is finite and at most its value at "
      + "F = 1 − ε; where F ≤ 1 − ε it equals the unclipped −log(1 − F)."
  ) { ctx in try clipEps(ctx) { PIPAM.clippedNegativeTerm(ratio: $0, epsilon: 1e-10) } }
}
