// mpo.lemma9.linear-approx — 001_0ef3930bdbd6a134.txt App. H.2 Lemma 9, eqs. (82) and (87)
// ("up to a linear approximation"): s_i^{(t)} = tη w_i⁺ B₀/(A₀Z₀) from all-zero scores.
// Confirmed if e(t) ≤ 8tε(1 + |formula|) for all t ≤ T; approximate if the relative error tends
// to 0 as ηt → 0 (fitted law e ≈ C(ηt)^p); refuted otherwise.
// Reading: the verdict is taken on FS, the model of the derivation (scores as the variables,
// §0.12); TAB is run and classified by the same rule in the notes. In TAB a θ-step moves the
// scores through the softmax normaliser too, so TAB's first step already differs from (86) at
// first order in η, and its relative error does not vanish as ηt → 0.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let lemma9LinearApprox = Claim(
    id: "mpo.lemma9.linear-approx", paper: .mpo, source: "App. H.2 Lemma 9, eq. (82) and (87)",
    kind: .identity,
    statement: "s_i^{(t)} = tη w_i⁺ B₀/(A₀Z₀), with every score starting at 0 (up to a linear approximation)."
  ) { ctx in
    let runs = MPOGradLemma9Trajectories.all(
      ctx, instances: ctx.count(full: 200, quick: 2), steps: ctx.count(full: 10_000, quick: 1_000))
    return lemma9LinearVerdict(fs: runs.fs, tab: runs.tab)
  }

  /// Classification of one model's runs: (verdict, fitted p, C, notes).
  static func lemma9Classify(_ runs: [[MPOGradLemma9Run]], label: String) -> (Verdict, [String]) {
    guard let first = runs.first else { return (.inconclusive, ["\(label): no runs"]) }
    let exact = runs.allSatisfy { $0.allSatisfy(\.exact) }
    var cells: [MPOGradTrajectory.Cell] = []
    for (ei, eta) in first.map(\.eta).enumerated() {
      for (ti, t) in first[ei].times.enumerated() {
        let e = runs.map { $0[ei].error[ti] }.reduce(0, +) / Double(runs.count)
        let r = runs.map { $0[ei].relative[ti] }.reduce(0, +) / Double(runs.count)
        cells.append(.init(eta: eta, t: t, meanError: e, meanRelative: r))
      }
    }
    var notes = MPOGradTrajectory.report(cells, label: label)
    if exact { return (.confirmed, notes) }
    // Relative error as ηt → 0: OLS of log rel on log(ηt) over the cells with ηt ≤ 1.
    // t = 1 is exact up to rounding (one step of eq. 86) and is left out of the law.
    let small = cells.filter { $0.eta * Double($0.t) <= 1 && $0.meanRelative > 0 && $0.t >= 10 }
    guard let f = MPOGradTrajectory.ols(small.map { log($0.eta * Double($0.t)) }, small.map { log($0.meanRelative) })
    else { return (.inconclusive, notes + ["\(label): too few cells with ηt ≤ 1 to fit"]) }
    let smallest = small.min { $0.eta * Double($0.t) < $1.eta * Double($1.t) }
    notes.append("\(label) relative error for ηt ≤ 1: rel ≈ \(format3(exp(f.intercept)))·(ηt)^\(format3(f.slope)); "
      + "at the smallest ηt = \(formatNumber((smallest?.eta ?? 0) * Double(smallest?.t ?? 0))): rel = \(format3(smallest?.meanRelative ?? .nan))")
    return (f.slope > 0 ? .approximate : .refuted, notes)
  }

  static func lemma9LinearVerdict(fs: [[MPOGradLemma9Run]], tab: [[MPOGradLemma9Run]]) -> CheckOutcome {
    let (v, notesFS) = lemma9Classify(fs, label: "FS")
    let (vt, notesTAB) = lemma9Classify(tab, label: "TAB (β = 1, M = K)")
    let notes = notesFS + notesTAB + [
      "TAB classified by the same rule: \(vt.rawValue) (reported; reading: the verdict is on FS, the model of the derivation)"]
    let summary: String
    switch v {
    case .confirmed: summary = "Lemma 9 (87): every FS step within 8tε(1 + |formula|)"
    case .approximate: summary = "Lemma 9 (87) is a first-order approximation in FS: relative error → 0 as ηt → 0 (law in notes)"
    default: summary = "Lemma 9 (87): FS relative error does not vanish as ηt → 0"
    }
    return CheckOutcome(verdict: v, summary: summary, notes: notes,
      counterexample: v == .refuted ? Counterexample(inputs: [], detail: notesFS.last ?? "") : nil)
  }
}
