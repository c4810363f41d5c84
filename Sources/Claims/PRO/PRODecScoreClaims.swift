// pro.score-zero-mean and pro.score-bounded — PRO (002_74b446355a07bf4a.txt) Theorem 3.1,
// §3.2, App. B.1 and App. C (claims/pro.md): the score s(y) = E_{y'∼µ}[p(y≻y')] − ½ has
// µ-mean 0 and lies in [−½, ½]; likewise the pairwise empirical score ŝ under µ̂. Scores from
// the Analytic closed form (PRODecScore), µ and p from M1.
import Analytic
import Numerics
import Objectives

extension PRODecompositionClaims {
  static let scoreZeroMeanProvenance = ClaimProvenance.reconstructed(
    "E_µ[s] = 0 is verbatim (S2); the definitions of s and of pairwise ŝ are reconstructed "
      + "(S3; PRO-formulas.md §2–3)")

  static let scoreZeroMean = Claim(
    id: "pro.score-zero-mean", paper: .pro,
    source: "Theorem 3.1; §3.2; App. B.1, last step; App. C", kind: .identity,
    statement: "E_{y∼µ}[s(y)] = 0 for s(y) = E_{y'∼µ}[p(y≻y')] − ½; likewise E_{y∼µ̂}[ŝ(y)] = 0 "
      + "for the pairwise empirical score.",
    provenance: scoreZeroMeanProvenance
  ) { ctx in
    let main = scoreMeanSweep(ctx, diagonal: 0.5)
    let control = scoreMeanSweep(ctx, diagonal: 0.6)
    let out = PRODecTol.applyControl(
      main, controlFailed: control.verdict == .refuted, control: "diagonal p(y≻y) = 0.6")
    return PRODecTol.stamp(out, scoreZeroMeanProvenance)
  }

  /// A score instance: µ (full or partial), p (mixed, with ties), labeled set L with µ̂ and
  /// p̂ = p on L² (ties p̂ = ½ included through the mixed kind's U(0, 1) and by forcing one).
  static func scoreInstance(_ ctx: CheckContext, _ id: String, _ j: Int)
    -> (mu: [Double], p: [[Double]], muHat: [Double], n: Int)
  {
    var r = PRODecM1.stream(ctx, id, j)
    let n = PRODecM1.size(j, 2...10)
    let a = PRODecM1.concentrations[j % 3]
    var mu = PRODecM1.distribution(n, concentration: a, &r)
    if j % 2 == 1 { mu = PRODecM1.partial(mu, &r) }
    var p = PRODecM1.preference(n, .mixed, &r)
    if j % 5 == 0 && n >= 2 {
      p[0][1] = 0.5
      p[1][0] = 0.5
    }
    let k = Strata.integer(&r, 1...n)
    let labeled = PRODecM1.subset(n, k, &r)
    let w = r.dirichlet([Double](repeating: 1, count: k))
    var muHat = [Double](repeating: 0, count: n)
    for (i, y) in labeled.enumerated() { muHat[y] = w[i] }
    return (mu, p, muHat, n)
  }

  /// |E_µ[s]| and |E_µ̂[ŝ]| against T-round (N = n²), with the diagonal p(y≻y) = `diagonal`.
  static func scoreMeanSweep(_ ctx: CheckContext, diagonal: Double) -> CheckOutcome {
    var tally = Tally()
    for j in 0..<ctx.count(full: 2000, quick: 200) {
      var inst = scoreInstance(ctx, "pro.score-zero-mean", j)
      for y in 0..<inst.n { inst.p[y][y] = diagonal }
      let inputs = [NamedValue("case", Double(j)), NamedValue("n", Double(inst.n))]
      for (name, w) in [("E_µ[s]", inst.mu), ("E_µ̂[ŝ]", inst.muHat)] {
        let sc = PRODecScore.score(mu: w, preference: inst.p)
        let m = PRODecScore.mean(sc.s, weights: w)
        var sum = m.termSum
        for y in 0..<inst.n { sum += w[y] * sc.termSum[y] }
        tally.record(
          name, residual: abs(m.value), tolerance: PRODecTol.round(terms: inst.n * inst.n, termSum: sum),
          inputs: inputs, detail: "\(name) = \(m.value)")
      }
    }
    return tally.outcome(claim: "mean of the score")
  }

  static let scoreBoundedProvenance = ClaimProvenance.reconstructed(
    "−½ ≤ s(y) ≤ ½ is verbatim (S2); s itself is reconstructed (S3; PRO-formulas.md §2)")

  static let scoreBounded = Claim(
    id: "pro.score-bounded", paper: .pro, source: "§3.1; App. C", kind: .inequality,
    statement: "−½ ≤ s(y) ≤ ½ for every y, so s(y) + ½ ∈ [0, 1] is a valid Bernoulli mean; the "
      + "same bounds hold for pairwise ŝ.",
    provenance: scoreBoundedProvenance
  ) { ctx in
    PRODecTol.stamp(scoreBoundSweep(ctx, score: { PRODecScore.score(mu: $0, preference: $1) }), scoreBoundedProvenance)
  }

  /// Both bounds against T-round on M1 instances plus the adversarial ones of the entry;
  /// `score` is injectable for the mutation test.
  static func scoreBoundSweep(
    _ ctx: CheckContext, score: ([Double], [[Double]]) -> (s: [Double], termSum: [Double])
  ) -> CheckOutcome {
    var tally = Tally()
    var lo = (value: Double.infinity, at: "")
    var hi = (value: -Double.infinity, at: "")
    func check(_ mu: [Double], _ p: [[Double]], _ cls: String, _ inputs: [NamedValue]) {
      let sc = score(mu, p)
      for y in mu.indices {
        let tol = PRODecTol.round(terms: mu.count, termSum: sc.termSum[y])
        let excess = max(sc.s[y] - 0.5, -0.5 - sc.s[y], 0)
        tally.record(
          cls, passed: excess <= tol.absolute, residual: excess, allowed: tol.absolute,
          reason: tol.reason, inputs: inputs + [NamedValue("y", Double(y))],
          detail: "s(y) = \(sc.s[y]) outside [−½, ½]")
        if sc.s[y] < lo.value { lo = (sc.s[y], "\(cls), y = \(y)") }
        if sc.s[y] > hi.value { hi = (sc.s[y], "\(cls), y = \(y)") }
      }
    }
    for j in 0..<ctx.count(full: 2000, quick: 200) {
      let inst = scoreInstance(ctx, "pro.score-bounded", j)
      let inputs = [NamedValue("case", Double(j)), NamedValue("n", Double(inst.n))]
      check(inst.mu, inst.p, "M1 s", inputs)
      check(inst.muHat, inst.p, "M1 pairwise ŝ", inputs)
    }
    // Adversarial: y = 0 beats (or loses to) everything, µ(0) ∈ {1e-6, 1e-3, 0.5, 1 − 1e-6}.
    var r = PRODecM1.stream(ctx, "pro.score-bounded/adversarial", 0)
    for n in 2...10 {
      for m0 in [1e-6, 1e-3, 0.5, 1 - 1e-6] {
        for win in [1.0, 0.0] {
          var p = PRODecM1.preference(n, .mixed, &r)
          for y in 1..<n {
            p[0][y] = win
            p[y][0] = 1 - win
          }
          let rest = r.dirichlet([Double](repeating: 1, count: n - 1)).map { $0 * (1 - m0) }
          check([m0] + rest, p, "adversarial: one response dominates or is dominated",
                [NamedValue("n", Double(n)), NamedValue("µ(y)", m0), NamedValue("p(y≻·)", win)])
        }
      }
      for _ in 0..<ctx.count(full: 20, quick: 4) {
        let mu = r.dirichlet([Double](repeating: 0.05, count: n))
        check(mu, PRODecM1.preference(n, .mixed, &r), "adversarial: µ ∼ Dirichlet(0.05·1)",
              [NamedValue("n", Double(n))])
      }
    }
    return tally.outcome(
      claim: "−½ ≤ s ≤ ½",
      notes: ["extremes reached: min s = \(lo.value) (\(lo.at)), max s = \(hi.value) (\(hi.at))"])
  }
}
