// pro.thm41-labeled-optimum and pro.thm41-hyper-mass — PRO (002_74b446355a07bf4a.txt) §4.1
// Theorem 4.1, Eqs. (7)–(8) (proof App. B.3): if optima π* of L̂_eDPO and π*_ℋ of L̂_PRO exist,
// π*_ℋ(y) = π*(y) off ℋ, and π*_ℋ(ℋ) = C π_ref(ℋ) = Σ_{y∈ℋ} π*(y) with C = e^{t₀/β} of
// Corollary 3.3 (claims/pro.md). Optima from PRODecThm41Optima (M2–M5).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let thm41LabeledProvenance = ClaimProvenance.reconstructed(
    "L̂_PRO and L̂_eDPO, PRO-formulas.md §3–4; Eq. (7) itself is verbatim (S2)")

  static let thm41LabeledOptimum = Claim(
    id: "pro.thm41-labeled-optimum", paper: .pro, source: "§4.1 Theorem 4.1, Eq. (7); proof App. B.3",
    kind: .equivalence,
    statement: "For ℋ ⊆ 𝒴 \\ supp(µ̂) and µ(y) > 0 for all y, if optima π* of L̂_eDPO and π*_ℋ of "
      + "L̂_PRO exist, then π*_ℋ(y) = π*(y) for all y ∈ 𝒴 \\ ℋ.",
    provenance: thm41LabeledProvenance
  ) { ctx in
    let cases = (0..<ctx.count(full: 100, quick: 10)).map { PRODecThm41Optima.solve(ctx, $0) }
    return PRODecTol.stamp(thm41LabeledSweep(cases, shift: 0), thm41LabeledProvenance)
  }

  static func exclusionNote(_ cases: [PRODecThm41Case]) -> (count: Int, note: String) {
    var ex: [String: Int] = [:]
    for c in cases { if let e = c.exclusion { ex[e, default: 0] += 1 } }
    let n = ex.values.reduce(0, +)
    return (n, "\(cases.count) instances, \(n) excluded: "
      + ex.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", "))
  }

  static func applyExclusion(_ o: CheckOutcome, _ cases: [PRODecThm41Case]) -> CheckOutcome {
    var out = o
    let ex = exclusionNote(cases)
    out.notes.insert(ex.note, at: 0)
    if ex.count * 5 > cases.count && out.verdict != .refuted {
      out.verdict = .inconclusive
      out.summary = "more than 20% of instances excluded — " + out.summary
    }
    return out
  }

  /// log π*_ℋ(y) against log π*(y) off ℋ (`shift` added to the PRO side for the mutation test).
  static func thm41LabeledSweep(_ cases: [PRODecThm41Case], shift: Double) -> CheckOutcome {
    var tally = Tally()
    for c in cases where c.exclusion == nil {
      guard let oE = c.edpo.optimum, let oP = c.proOptimum else { continue }
      let uE = logSoftmax(oE.z)
      let uP = logSoftmax(oP.z)
      for (k, e) in c.space.elements.enumerated() where e.count == 1 {
        let y = e[0]
        let tol = PRODecThm41Optima.toptLogProb(oE, y) + PRODecThm41Optima.toptLogProb(oP, k)
        tally.record("log π*_ℋ(y) = log π*(y), y ∉ ℋ", residual: abs(uP[k] + shift - uE[y]),
                     tolerance: Tolerance(absolute: tol, relative: 0, reason: "sum of the two T-opt bounds"),
                     inputs: c.inputs + [NamedValue("y", Double(y))],
                     detail: "log π*_ℋ(y) = \(uP[k] + shift), log π*(y) = \(uE[y])")
      }
    }
    return applyExclusion(tally.outcome(claim: "Eq. (7): the optima agree off ℋ"), cases)
  }

  static let thm41HyperMassProvenance = ClaimProvenance.reconstructed(
    "Eq. (8), from the B.3 reparametrisation π(ℋ) = Cπ_ref(ℋ); PRO-formulas.md §4")

  static let thm41HyperMass = Claim(
    id: "pro.thm41-hyper-mass", paper: .pro, source: "§4.1 Theorem 4.1, Eq. (8), and the prose after it",
    kind: .equivalence,
    statement: "π*_ℋ(ℋ) = C π_ref(ℋ) = Σ_{y∈ℋ} π*(y), with C the constant of Corollary 3.3 for π*.",
    provenance: thm41HyperMassProvenance
  ) { ctx in
    let cases = (0..<ctx.count(full: 100, quick: 10)).map { PRODecThm41Optima.solve(ctx, $0) }
    return PRODecTol.stamp(try thm41HyperMassSweep(cases, logCShift: 0), thm41HyperMassProvenance)
  }

  /// The three log-masses pairwise (`logCShift` added to log C for the mutation test).
  static func thm41HyperMassSweep(_ cases: [PRODecThm41Case], logCShift: Double) throws -> CheckOutcome {
    var tally = Tally()
    for c in cases where c.exclusion == nil {
      guard let oE = c.edpo.optimum, let oP = c.proOptimum else { continue }
      let uE = logSoftmax(oE.z)
      let uP = logSoftmax(oP.z)
      let m = uP.count
      let massPRO = uP[m - 1]
      let tolPRO = PRODecThm41Optima.toptLogProb(oP, m - 1)
      let r = (0..<c.edpo.n).map { c.edpo.beta * (uE[$0] - c.edpo.ref[$0]) }
      let t0 = try PRODecCorollary33Constant.t0(rewards: r, mu: c.edpo.mu)
      let logRefH = logSumExp(c.hyper.map { c.edpo.ref[$0] })
      let massC = t0.value / c.edpo.beta + logCShift + logRefH
      let qErr = (0..<c.edpo.n).map { PRODecThm41Optima.toptLogProb(oE, $0) }.max() ?? 0
      let tolC = t0.error / c.edpo.beta + qErr
      let massE = logSumExp(c.hyper.map { uE[$0] })
      // ∇_z of logSumExp_ℋ log π: π_y/π(ℋ) on ℋ minus π.
      let piE = uE.map { exp($0) }
      let g = (1..<c.edpo.n).map { k in (c.hyper.contains(k) ? exp(uE[k] - massE) : 0) - piE[k] }
      let tolE = 2 * norm(g) * oE.ez + PRODecTol.round(
        terms: c.hyper.count + 1, termSum: abs(massE), conditioning: abs(logSumExp(oE.z)) + (oE.z.map { abs($0) }.max() ?? 0)).absolute
      let inputs = c.inputs
      let pairs: [(String, Double, Double, Double)] = [
        ("π*_ℋ(ℋ) = Cπ_ref(ℋ)", massPRO, massC, tolPRO + tolC),
        ("π*_ℋ(ℋ) = Σ_ℋ π*", massPRO, massE, tolPRO + tolE),
        ("Cπ_ref(ℋ) = Σ_ℋ π*", massC, massE, tolC + tolE),
      ]
      for (name, a, b, tol) in pairs {
        tally.record(name, residual: abs(a - b),
                     tolerance: Tolerance(absolute: tol, relative: 0, reason: "T-opt of each side + error of t₀"),
                     inputs: inputs, detail: "\(name): log masses \(a) vs \(b)")
      }
    }
    return applyExclusion(tally.outcome(claim: "Eq. (8): the ℋ-mass"), cases)
  }
}
