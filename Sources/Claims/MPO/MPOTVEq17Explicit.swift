// mpo.thm3.eq17-explicit (001_0ef3930bdbd6a134.txt App. E.3 Theorem 3, eq. (17)): with
// probability ≥ 1 − δ, TV ≤ (√L0·C1·R/m0)·√((k + log(1/δ))/n), evaluated with R = max‖φ‖,
// m0 = λ_min ∇²A(θ⋆), L0 = R², C1 = 4 (MPOTVTheorem3Bound). On TV-SIM, per cell
// (k, family, n, δ ∈ {0.1, 0.01}) the violation frequency with its Clopper–Pearson interval at
// level 1 − 0.05/J; confirmed if every upper end ≤ δ, refuted if a lower end > δ.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One TV-SIM cell for eq. (17): the family constants and the TV samples.
struct MPOTVEq17Cell: Sendable {
  var k: Int
  var family: Int
  var n: Int
  var r: Double
  var m0: Double
  var tv: [Double]
}

extension MPOConvergenceClaims {
  static let thm3Eq17Explicit = Claim(
    id: "mpo.thm3.eq17-explicit", paper: .mpo, source: "App. E.3 Theorem 3, eq. (17)", kind: .bound,
    statement: "With probability ≥ 1 − δ, TV(p_learn, p_true) ≤ (√L0·C1·R/m0)·√((k + log(1/δ))/n)."
  ) { ctx in
    let sim = MPOTVSim.shared(ctx)
    var cells: [MPOTVEq17Cell] = []
    var segLines: [String] = []
    var r = ctx.stream("mpo.thm3.eq17-explicit/segment-sample")
    for k in sim.ks {
      for (f, fam) in (sim.families[k] ?? []).enumerated() {
        let m0 = try fam.hessianEigenvalues(fam.thetaStar)[0]
        let rad = fam.radius
        for cell in sim.cells(k: k, family: f) {
          let used = cell.used
          cells.append(MPOTVEq17Cell(k: k, family: f, n: cell.n, r: rad, m0: m0, tv: used.map(\.tv)))
          // Information: implied C1 with L0 = sup over the segment of λ_max, 5 sampled reps.
          var worst = 0.0
          for _ in 0..<min(5, used.count) {
            let rep = used[Int(r.uniformInt(below: UInt64(used.count)))]
            let l0 = try segmentExtremeEigenvalue(fam, from: fam.thetaStar, to: rep.thetaHat,
              points: 65, largest: true)
            worst = max(worst, MPOTVTheorem3Bound.impliedC1(tv: rep.tv, l0: l0, r: rad, m0: m0, k: k,
              n: cell.n, delta: 0.1))
          }
          segLines.append("k=\(k) f\(f) n=\(cell.n): \(format3(worst))")
        }
      }
    }
    var out = try eq17Outcome(cells)
    out.notes.append("implied C1 (δ = 0.1) with L0 = sup_segment λ_max on 5 sampled repetitions "
      + "per cell, max over the sample: " + segLines.joined(separator: "; "))
    return out
  }

  /// The rule of mpo.thm3.eq17-explicit (injectable C1 for mutation tests).
  static func eq17Outcome(_ cells: [MPOTVEq17Cell], c1: Double = MPOTVTheorem3Bound.mcDiarmidC1) throws -> CheckOutcome {
    let deltas = [0.1, 0.01]
    let j = cells.count * deltas.count
    let level = 1 - 0.05 / Double(j)
    var confirmed = true
    var refutedBy: (MPOTVEq17Cell, Double, BinomialInterval, Double)?
    var undecided: [String] = []
    var implied: [String] = []
    var maxF = (0.0, "")
    for c in cells {
      for d in deltas {
        let l0 = c.r * c.r
        let rhs = MPOTVTheorem3Bound.rhs(l0: l0, c1: c1, r: c.r, m0: c.m0, k: c.k, n: c.n, delta: d)
        let v = c.tv.filter { $0 > rhs }.count
        let cp = try BinomialInterval.clopperPearson(successes: v, trials: c.tv.count, level: level)
        let f = Double(v) / Double(c.tv.count)
        if f > maxF.0 || maxF.1.isEmpty { maxF = (f, "k=\(c.k) f\(c.family) n=\(c.n) δ=\(d)") }
        if cp.lower.value > d, refutedBy == nil { refutedBy = (c, d, cp, rhs) }
        if !(cp.upper.value <= d) {
          confirmed = false
          undecided.append("k=\(c.k) f\(c.family) n=\(c.n) δ=\(d): f = \(format3(f)), CP upper \(format3(cp.upper.value))")
        }
        let q = upperQuantile(c.tv, delta: d)
        implied.append("k=\(c.k) f\(c.family) n=\(c.n) δ=\(d): \(format3(MPOTVTheorem3Bound.impliedC1(tv: q, l0: l0, r: c.r, m0: c.m0, k: c.k, n: c.n, delta: d)))")
      }
    }
    var notes = ["implied C1 per cell (L0 = R²): " + implied.joined(separator: "; ")]
    let head = "\(j) cells (k, family, n, δ) at level \(format3(level)), C1 = \(formatNumber(c1)), "
      + "L0 = R²: largest violation frequency \(format3(maxF.0)) (\(maxF.1))"
    if let (c, d, cp, rhs) = refutedBy {
      let cx = Counterexample(
        inputs: [NamedValue("k", Double(c.k)), NamedValue("family", Double(c.family)),
                 NamedValue("n", Double(c.n)), NamedValue("δ", d)],
        detail: "m0 = \(format3(c.m0)), R = \(format3(c.r)), RHS = \(format3(rhs)); violation frequency "
          + "\(cp.successes)/\(cp.trials), Clopper–Pearson lower end \(format3(cp.lower.value)) > δ")
      return CheckOutcome(verdict: .refuted, summary: "refuted: " + head + "; " + cx.line, notes: notes,
        counterexample: cx)
    }
    if !confirmed { notes.append("undecided cells: " + undecided.prefix(20).joined(separator: "; ")) }
    return CheckOutcome(verdict: confirmed ? .confirmed : .inconclusive,
      summary: head + (confirmed ? "; every upper end ≤ δ" : "; \(undecided.count) cells undecided"),
      notes: notes)
  }
}
