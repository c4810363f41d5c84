// mappo.policy-substitution — §4.1 eqs. (6)→(7)→(8): substituting r = β log π/π_ref + β log Z
// into the third line of (6) is claimed to give exactly the per-example loss (8), which has
// no partition-function term. Algebra: β log π/π_ref = r − β log Z, so
// ℓ₈ = softplus(Δr·r_l − r_w + (1 − Δr)·β log Z): equal to ℓ₆ only when Δr = 1 or log Z = 0.
// The check does not assume this: it builds π from r by (7) and compares the two losses.
import Numerics
import Objectives

extension MaPPOClaims {
  static let policySubstitution = Claim(
    id: "mappo.policy-substitution", paper: .mappo, source: "§4.1, eqs. (6)→(7)→(8)", kind: .identity,
    statement: "Substituting r(y, x) = β log π(y|x)/π_ref(y|x) + β log Z(x) into the third line of (6) gives "
      + "exactly the per-example loss (8), which contains no partition-function term."
  ) { ctx in
    var judge = ConditionalJudge(conditions: ["Δr = 1", "|β·log Z(x)| ≤ T_id"])
    var r = ctx.stream("mappo.policy-substitution")
    var worst: [(residual: Double, logZ: Double, deltaR: Double, line: String)] = []
    var shiftChanges = 0
    var cases = 0
    var firstFailure: Counterexample?
    // Cheap (≈0.3 s): quick mode runs the full count so both candidate conditions reach the
    // rule's 100-case minimum.
    for i in 0..<ctx.count(full: 10_000, quick: 10_000) {
      let k = Strata.integer(&r, 2...32)
      let s = Strata.uniform(&r, 0.5, 3)
      let lref = Strata.logDistribution(&r, k: k, s: s)
      let beta = Strata.beta(&r)
      let kind = r.uniform()
      var rewards: [Double]
      var w = Strata.integer(&r, 0...(k - 1))
      var l = Strata.integer(&r, 0...(k - 2))
      if l >= w { l += 1 }
      var deltaR: Double
      if kind < 0.10 {
        // Normalised sub-stratum: r = β(log π̃ − log π_ref), so log Z = 0 up to rounding.
        let tilde = Strata.logDistribution(&r, k: k, s: s)
        rewards = zip(tilde, lref).map { beta * ($0 - $1) }
        deltaR = Strata.deltaR(&r)
      } else if kind < 0.30 {
        // Δr = r_w − r_l from the same rewards in [0, 1], ordered so that r_w ≥ r_l.
        rewards = (0..<k).map { _ in r.uniform() }
        if rewards[w] < rewards[l] { swap(&w, &l) }
        deltaR = rewards[w] - rewards[l]
      } else {
        rewards = r.uniform() < 0.5 ? (0..<k).map { _ in r.uniform() } : (0..<k).map { _ in Strata.uniform(&r, -20, 20) }
        deltaR = Strata.deltaR(&r)
      }
      let logits = zip(lref, rewards).map { $0 + $1 / beta }
      let logZ = logSumExp(logits)
      let lp = logits.map { $0 - logZ }
      let l6 = softplus(deltaR * rewards[l] - rewards[w])
      let pair = RewardedPreferencePair(
        logProbChosen: min(lp[w], 0), logProbRejected: min(lp[l], 0), refLogProbChosen: lref[w],
        refLogProbRejected: lref[l], rewardChosen: deltaR, rewardRejected: 0)
      guard let l8 = try? MaPPO(beta: beta).loss(pair) else { continue }
      cases += 1
      let sTerm = rewards.reduce(0) { $0 + abs($1) } + beta * (abs(lp[w]) + abs(lref[w]) + abs(lp[l]) + abs(lref[l])) + l6 + l8
      let tol = CatalogTolerance.identityAbsolute(termSum: sTerm)
      let residual = abs(l6 - l8)
      let holds = residual <= tol
      let line = "K = \(k), β = \(formatNumber(beta)), Δr = \(formatNumber(deltaR)), r_w = \(formatNumber(rewards[w])), "
        + "r_l = \(formatNumber(rewards[l])), log Z = \(logZ): ℓ₆ = \(l6), ℓ₈ = \(l8)"
      judge.record(holds: holds, satisfies: [deltaR == 1, abs(beta * logZ) <= tol], describe: line)
      if !holds && firstFailure == nil {
        firstFailure = Counterexample(
          inputs: [NamedValue("instance", Double(i)), NamedValue("β", beta), NamedValue("Δr", deltaR), NamedValue("log Z", logZ)],
          detail: "ℓ₆ − ℓ₈ = \(l6 - l8); " + line, residual: residual, tolerance: tol)
      }
      worst.append((residual, logZ, deltaR, line))
      if worst.count > 20 { worst.sort { $0.residual > $1.residual }; worst.removeLast(worst.count - 10) }
      // Shift test: r + c leaves π unchanged under (7); does ℓ₆ change?
      let c = Strata.uniform(&r, -10, 10)
      let l6s = softplus(deltaR * (rewards[l] + c) - (rewards[w] + c))
      if abs(l6s - l6) > CatalogTolerance.identityAbsolute(termSum: sTerm + 2 * abs(c)) { shiftChanges += 1 }
    }
    worst.sort { $0.residual > $1.residual }
    let (verdict, reports) = judge.verdict()
    var notes = ["shift test: a common shift r + c (which leaves π unchanged under (7)) changed ℓ₆ beyond T_id in \(shiftChanges) of \(cases) instances"]
    notes += worst.prefix(10).map { "residual ℓ₆ − ℓ₈ = \($0.residual) with log Z = \($0.logZ), Δr = \($0.deltaR)" }
    let summary: String
    switch verdict {
    case .confirmed: summary = "ℓ₆ = ℓ₈ on all \(cases) instances"
    case .conditional: summary = "ℓ₆ ≠ ℓ₈ on \(judge.failures) of \(cases) instances; holds under: " + reports.map(\.condition).joined(separator: "; ")
    default: summary = "ℓ₆ ≠ ℓ₈ on \(judge.failures) of \(cases) instances; no listed condition separates them"
    }
    return CheckOutcome(verdict: verdict, summary: summary, notes: notes, counterexample: firstFailure, conditions: reports)
  }
}
