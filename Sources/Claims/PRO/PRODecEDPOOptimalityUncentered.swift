// pro.edpo-optimality-uncentered — the scope of PRO (002_74b446355a07bf4a.txt) §3.2 Theorem 3.2,
// Eq. (2), when E_µ̂[ŝ] ≠ 0 (uncentred scores, as App. D's per-sample binary labels); not
// printed (claims/pro.md; PRO-formulas.md §3 "Implicit requirement", §8). Two candidate
// conditions at a minimiser:
//   (P) α(E_{y'∼µ}[σ(r*(y) − r*(y'))] − ½) = µ̂(y)ŝ(y)/µ(y)   (Eq. (2) as checked by
//       pro.edpo-optimality-condition);
//   (G) αµ(y)(E_{y'∼µ}[σ(r*(y) − r*(y'))] − ½) = µ̂(y)ŝ(y) − π*(y)E_µ̂[ŝ]   (derived),
// on 150 M1 instances of L̂_eDPO with uncentred pointwise scores (M2/M4, α = κα_T as in
// pro.edpo-optimality-condition) and 100 one-sample PRO-B/βopt instances (exact-H; one free
// variable w = logit π(y), Brent after bracket expansion with M3/M4 semantics for w → ±∞,
// Analytic PROExProBLine), where (P) reads α_B(σ(δ*) − ½) = s and (G) α_B(σ(δ*) − ½) = s(1 − π*(y)).
// The centred side is the decided optima of pro.edpo-optimality-condition.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// One decided optimum of this entry with its residuals.
struct PRODecUncenteredOptimum {
  var label: String
  var meanScore: Double
  var pRatio: Double
  var gRatio: Double
  var line: String
}

extension PRODecompositionClaims {
  static let edpoUncenteredProvenance = ClaimProvenance.reconstructed(
    "general condition derived; PRO-formulas.md §3, §8")

  static let edpoOptimalityUncentered = Claim(
    id: "pro.edpo-optimality-uncentered", paper: .pro,
    source: "not printed; scope of §3.2 Theorem 3.2 with App. D's uncentred labels "
      + "(PRO-formulas.md §3 \"Implicit requirement\", Checkable claims 6 and 13)",
    kind: .stationarity,
    statement: "At a minimiser with uncentred scores (E_µ̂[ŝ] ≠ 0): (P) Eq. (2) as printed, or (G) "
      + "αµ(y)(E_µ[σ(r*(y) − r*(·))] − ½) = µ̂(y)ŝ(y) − π*(y)E_µ̂[ŝ].",
    provenance: edpoUncenteredProvenance
  ) { ctx in
    let id = "pro.edpo-optimality-uncentered"
    // Quick mode: 8 + 10 instances and the first 10 centred optima (2 s in debug, M7).
    let cases = (0..<ctx.count(full: 150, quick: 8)).map { uncenteredCase(ctx, id, $0) }
    let prob = (0..<ctx.count(full: 100, quick: 10)).map { probCase(ctx, id, $0) }
    let centred = (0..<ctx.count(full: 200, quick: 10)).map { PRODecEDPOOptima.solve(ctx, $0) }
    return PRODecTol.stamp(
      try uncenteredSweep(cases, prob: prob, centred: centred, pForm: { c, z, y in eq2Residual(c, z, y, alphaFactor: 1) }),
      edpoUncenteredProvenance)
  }

  /// Case j of the eDPO part: M1 with n ∈ 2…8, k ∈ 1…n, µ̂ ∼ Dirichlet(1_k) on L, and uncentred
  /// pointwise scores (the mean of 1–5 labels in {±½} per labeled response).
  static func uncenteredCase(_ ctx: CheckContext, _ id: String, _ j: Int) -> PRODecEDPOCase {
    var r = PRODecM1.stream(ctx, id, j)
    let n = PRODecM1.size(j, 2...8)
    let k = Strata.integer(&r, 1...n)
    let a = PRODecM1.concentrations[j % 3]
    let beta = PRODecM1.beta(j, &r)
    let mu = PRODecM1.distribution(n, concentration: a, &r)
    let ref = PRODecM1.logs(PRODecM1.distribution(n, concentration: a, &r))
    let labeled = PRODecM1.subset(n, k, &r)
    let w = k == 1 ? [1.0] : r.dirichlet([Double](repeating: 1, count: k))
    var muHat = [Double](repeating: 0, count: n)
    var s = [Double](repeating: 0, count: n)
    for (i, y) in labeled.enumerated() {
      muHat[y] = w[i]
      let m = Strata.integer(&r, 1...5)
      var sum = 0.0
      for _ in 0..<m { sum += Strata.integer(&r, 0...1) == 0 ? 0.5 : -0.5 }
      s[y] = sum / Double(m)
    }
    return PRODecEDPOOptima.solve(
      j: j, n: n, beta: beta, mu: mu, muHat: muHat, scores: s, ref: ref, stream: r, randomStarts: 4)
  }

  /// ρ_G,y = αµ(y)(Σ_{y'}µ(y')σ(r(y) − r(y')) − ½) − µ̂(y)ŝ(y) + π(y)E_µ̂[ŝ] at logits z, from
  /// log π and log π_ref (not the Objectives gradient), with its T-round.
  static func generalResidual(_ c: PRODecEDPOCase, _ z: [Double], _ y: Int) -> (rho: Double, round: Double) {
    let u = logSoftmax(z)
    let r = (0..<c.n).map { c.beta * (u[$0] - c.ref[$0]) }
    var e = 0.0
    var cond = 0.0
    for y2 in 0..<c.n {
      let d = r[y] - r[y2]
      e += c.mu[y2] * sigmoid(d)
      cond += c.mu[y2] * sigmoid(d) * sigmoid(-d) * c.beta * (abs(u[y]) + abs(c.ref[y]) + abs(u[y2]) + abs(c.ref[y2]))
    }
    var mean = 0.0
    var meanAbs = 0.0
    for y2 in 0..<c.n {
      mean += c.muHat[y2] * c.scores[y2]
      meanAbs += c.muHat[y2] * abs(c.scores[y2])
    }
    let p = exp(u[y])
    let rho = c.alpha * c.mu[y] * (e - 0.5) - c.muHat[y] * c.scores[y] + p * mean
    let tol = PRODecTol.round(
      terms: 2 * c.n + 3,
      termSum: c.alpha * c.mu[y] * (abs(e) + 0.5) + c.muHat[y] * abs(c.scores[y]) + p * meanAbs,
      conditioning: c.alpha * c.mu[y] * cond + p * abs(mean) * (abs(z[y]) + abs(logSumExp(z)))
    ).absolute
    return (rho, tol)
  }

  /// One PRO-B/βopt instance, decided and (when EXISTS) polished, with its residuals.
  struct PROBCase {
    var j: Int
    var line: PROExProBLine
    var decision: PROExProBLine.Decision
    /// w* after Newton polish and its distance bound e_w (nil when not certified).
    var w: Double?
    var ew: Double
  }

  /// Case j of the PRO-B part: s alternating +½, −½; α_B log-uniform on [1.5, 20]; β from M1;
  /// π_ref(y) cycling over {½, 10⁻², 10⁻¹⁰} and the first coordinate of an M1 Dirichlet draw.
  static func probCase(_ ctx: CheckContext, _ id: String, _ j: Int) -> PROBCase {
    var r = ctx.stream(id + ".prob", index: UInt64(j))
    let s = j % 2 == 0 ? 0.5 : -0.5
    let alphaB = Strata.logUniform(&r, 1.5, 20)
    let beta = PRODecM1.beta(j, &r)
    let lref: Double
    switch j % 4 {
    case 0: lref = log(0.5)
    case 1: lref = log(1e-2)
    case 2: lref = log(1e-10)
    default:
      lref = log(PRODecM1.distribution(2 + j % 9, concentration: PRODecM1.concentrations[j % 3], &r)[0])
    }
    let line = PROExProBLine(beta: beta, alphaB: alphaB, label: s, refLogProb: lref, printed: false)
    let d = line.decide()
    var out = PROBCase(j: j, line: line, decision: d.decision, w: nil, ew: .infinity)
    guard d.decision == .exists, let w0 = d.argmin else { return out }
    if let p = probPolish(line, w0) {
      out.w = p.w
      out.ew = p.ew
    }
    return out
  }

  /// L′(w) = −βsσ(−w) + α_Bβ(σ(δ) − ½), L″(w) = βsσ(w)σ(−w) + α_Bβ²σ(δ)σ(−δ), δ = β(w − w_ref)
  /// (log σ(w) − log σ(−w) = w), and the rounding bound of L′ (three summands, 4·3ε·S, and
  /// σ(δ)'s conditioning σ′(δ)·4εβ(|w| + |log π_ref(y)| + |log π_ref(ℋ)|)).
  static func probDerivatives(_ l: PROExProBLine, _ w: Double) -> (d1: Double, d2: Double, round: Double) {
    let b = l.beta
    let delta = b * (w - l.referenceLogit)
    let d1 = -b * l.label * sigmoid(-w) + l.alphaB * b * (sigmoid(delta) - 0.5)
    let d2 = b * l.label * sigmoid(w) * sigmoid(-w) + l.alphaB * b * b * sigmoid(delta) * sigmoid(-delta)
    let eps = Double.ulpOfOne
    let s = b * abs(l.label) * sigmoid(-w) + l.alphaB * b * (sigmoid(delta) + 0.5)
    let cond = l.alphaB * b * sigmoid(delta) * sigmoid(-delta) * b * (abs(w) + abs(l.refLogProb) + abs(l.refLogHyper))
    return (d1, d2, 12 * eps * s + 4 * eps * cond)
  }

  /// Newton polish of Brent's w* (at most 20 steps, each kept only while |L′| drops) and the
  /// certified distance e_w = (|L′| + rounding of L′)/L″ (M2's e_z in one dimension), with
  /// L″ ≥ L″(w*)/2 at w* ± e_w (M2's ball test). nil when L″ ≤ 0 or the ball test fails.
  static func probPolish(_ l: PROExProBLine, _ w0: Double) -> (w: Double, ew: Double)? {
    var w = w0
    var d = probDerivatives(l, w)
    for _ in 0..<20 where d.d2 > 0 {
      let wn = w - d.d1 / d.d2
      let dn = probDerivatives(l, wn)
      guard wn.isFinite, abs(dn.d1) < abs(d.d1) else { break }
      w = wn
      d = dn
    }
    guard d.d2 > 0 else { return nil }
    let ew = (abs(d.d1) + d.round) / d.d2
    for t in [w - ew, w + ew] where !(probDerivatives(l, t).d2 >= d.d2 / 2) { return nil }
    return (w, ew)
  }

  /// The PRO-B residuals at w, each from its own formula: δ* from log π*(y), log π*(ℋ) and the
  /// reference; (P) α_B(σ(δ*) − ½) − s, (G) α_B(σ(δ*) − ½) − s(1 − π*(y)); with T-round.
  static func probResiduals(_ l: PROExProBLine, _ w: Double) -> (p: Double, g: Double, round: Double) {
    let lp = logSigmoid(w)
    let lh = logSigmoid(-w)
    let delta = l.beta * (lp - l.refLogProb) - l.beta * (lh - l.refLogHyper)
    let k = l.alphaB * (sigmoid(delta) - 0.5)
    let piY = exp(lp)
    let eps = Double.ulpOfOne
    let cond = l.alphaB * sigmoid(delta) * sigmoid(-delta) * l.beta
      * (abs(lp) + abs(lh) + abs(l.refLogProb) + abs(l.refLogHyper) + abs(w))
    let round = 4 * 3 * eps * (l.alphaB * (sigmoid(delta) + 0.5) + abs(l.label)) + 4 * eps * cond
    return (k - l.label, k - l.label * (1 - piY), round)
  }

  /// The verdict of the entry from its decided optima, the PRO-B optima and the centred optima
  /// of pro.edpo-optimality-condition. `pForm` is (P)'s residual (a wrong one in the mutation
  /// test); (G) is `generalResidual`.
  static func uncenteredSweep(
    _ cases: [PRODecEDPOCase], prob: [PROBCase], centred: [PRODecEDPOCase],
    pForm: (PRODecEDPOCase, [Double], Int) -> (rho: Double, round: Double),
    probP: (PROExProBLine, Double) -> Double = { l, w in probResiduals(l, w).p }
  ) throws -> CheckOutcome {
    var optima: [PRODecUncenteredOptimum] = []
    var excluded: [String: Int] = [:]
    var tally = Tally()
    // T-opt of a residual q at an M2 optimum: 2‖∇_z q‖e_z + T-round, ∇ by central differences.
    func topt(_ c: PRODecEDPOCase, _ opt: PRODecMinimum, _ q: ([Double]) -> (rho: Double, round: Double)) throws -> (rho: Double, tol: Double) {
      let v = q(opt.z)
      var grad: [Double] = []
      for k in 1..<c.n { grad.append(try PRODecTol.centralPartial({ q($0).rho }, at: opt.z, k).value) }
      return (v.rho, 2 * norm(grad) * opt.ez + v.round)
    }
    for c in cases {
      guard c.exclusion == nil, let opt = c.optimum else {
        excluded[c.exclusion ?? "excluded", default: 0] += 1
        continue
      }
      let mean = (0..<c.n).reduce(0.0) { $0 + c.muHat[$1] * c.scores[$1] }
      var pWorst = 0.0
      var gWorst = 0.0
      var worstLine = ""
      for y in 0..<c.n {
        let p = try topt(c, opt) { pForm(c, $0, y) }
        let g = try topt(c, opt) { generalResidual(c, $0, y) }
        tally.record("(G) at uncentred eDPO optima", residual: abs(g.rho),
                     tolerance: Tolerance(absolute: g.tol, relative: 0, reason: "T-opt = 2‖∇ρ‖e_z + T-round"),
                     inputs: c.inputs + [NamedValue("y", Double(y)), NamedValue("E_µ̂[ŝ]", mean)],
                     detail: "ρ_G = \(g.rho)")
        if worstLine.isEmpty || abs(p.rho) / p.tol > pWorst {
          pWorst = max(pWorst, abs(p.rho) / p.tol)
          worstLine = "case \(c.j), n = \(c.n), β = \(formatNumber(c.beta)), α = \(formatNumber(c.alpha)), "
            + "E_µ̂[ŝ] = \(formatNumber(mean)), y = \(y): ρ_P = \(formatNumber(p.rho)) (T-opt \(format3(p.tol))), "
            + "ρ_G = \(formatNumber(g.rho)) (T-opt \(format3(g.tol)))"
        }
        gWorst = max(gWorst, abs(g.rho) / g.tol)
      }
      optima.append(PRODecUncenteredOptimum(
        label: "eDPO", meanScore: mean, pRatio: pWorst, gRatio: gWorst, line: worstLine))
    }
    for b in prob {
      guard b.decision == .exists, let w = b.w else {
        excluded[b.decision == .exists ? "PRO-B: not certified" : "PRO-B: M4 \(b.decision.rawValue)", default: 0] += 1
        continue
      }
      let l = b.line
      let res = probResiduals(l, w)
      let pv = probP(l, w)
      let dp = try PRODecTol.centralPartial({ probP(l, $0[0]) }, at: [w], 0).value
      let dg = try PRODecTol.centralPartial({ probResiduals(l, $0[0]).g }, at: [w], 0).value
      let tp = 2 * abs(dp) * b.ew + res.round
      let tg = 2 * abs(dg) * b.ew + res.round
      let inputs = [NamedValue("case", Double(b.j)), NamedValue("β", l.beta), NamedValue("α_B", l.alphaB),
                    NamedValue("s", l.label), NamedValue("log π_ref(y)", l.refLogProb)]
      tally.record("(G) at PRO-B optima", residual: abs(res.g),
                   tolerance: Tolerance(absolute: tg, relative: 0, reason: "T-opt = 2|ρ′|e_w + T-round"),
                   inputs: inputs, detail: "ρ_G = \(res.g), w* = \(w)")
      optima.append(PRODecUncenteredOptimum(
        label: "PRO-B", meanScore: l.label, pRatio: abs(pv) / tp, gRatio: abs(res.g) / tg,
        line: "PRO-B case \(b.j): β = \(formatNumber(l.beta)), α_B = \(formatNumber(l.alphaB)), s = \(l.label), "
          + "π_ref(y) = \(formatNumber(exp(l.refLogProb))), π*(y) = \(formatNumber(sigmoid(w))): "
          + "ρ_P = \(formatNumber(pv)) (T-opt \(format3(tp))), ρ_G = \(formatNumber(res.g)) (T-opt \(format3(tg)))"))
    }
    // The centred side: (P) at the decided optima of pro.edpo-optimality-condition.
    var centredFail: String?
    var centredCount = 0
    for c in centred {
      guard c.exclusion == nil, let opt = c.optimum else { continue }
      centredCount += 1
      for y in 0..<c.n {
        let p = try topt(c, opt) { pForm(c, $0, y) }
        tally.record("(P) at centred optima (pro.edpo-optimality-condition)", residual: abs(p.rho),
                     tolerance: Tolerance(absolute: p.tol, relative: 0, reason: "T-opt"),
                     inputs: c.inputs + [NamedValue("y", Double(y))], detail: "ρ_P = \(p.rho)")
        if abs(p.rho) > p.tol && centredFail == nil {
          centredFail = "centred case \(c.j), y = \(y): ρ_P = \(formatNumber(p.rho)) (T-opt \(format3(p.tol)))"
        }
      }
    }
    let total = cases.count + prob.count
    let nEx = excluded.values.reduce(0, +)
    let pFail = optima.filter { $0.pRatio > 1 }
    let gFail = optima.filter { $0.gRatio > 1 }
    let pHold = optima.filter { $0.pRatio <= 1 }
    var notes = [
      "decided optima: \(optima.count) (eDPO \(optima.filter { $0.label == "eDPO" }.count), PRO-B "
        + "\(optima.filter { $0.label == "PRO-B" }.count)); excluded \(nEx) of \(total): "
        + excluded.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", "),
      "(P) fails at \(pFail.count) optima (all with E_µ̂[ŝ] ≠ 0: \(pFail.allSatisfy { $0.meanScore != 0 })), "
        + "holds at \(pHold.count); (G) fails at \(gFail.count); worst (G) residual/T-opt "
        + format3(optima.map(\.gRatio).max() ?? 0),
      "centred side: (P) at \(centredCount) decided optima of pro.edpo-optimality-condition"
        + (centredFail.map { "; fails: \($0)" } ?? ", all within T-opt"),
      "reading: E_µ̂[ŝ] is reported per optimum (mean of ŝ under µ̂; for PRO-B, s); M2 and the "
        + "PRO-B Brent minimum are polished by Newton steps and e_z, e_w include the rounding bound "
        + "of the computed gradient (PRODecEDPOOptima.rigorousDistance)",
    ]
    notes += optima.prefix(3).map { "e.g. \($0.line)" }
    let classes = tally.outcome(claim: "").classes
    var out: CheckOutcome
    if pFail.isEmpty {
      out = CheckOutcome(
        verdict: .confirmed,
        summary: "(P) holds at every decided optimum (\(optima.count)), uncentred scores included",
        classes: classes, notes: notes)
    } else if gFail.isEmpty, centredFail == nil, pFail.allSatisfy({ $0.meanScore != 0 }),
      let hold = pHold.first ?? centred.first.map({ _ in
        PRODecUncenteredOptimum(label: "centred", meanScore: 0, pRatio: 0, gRatio: 0,
                                line: "the \(centredCount) centred optima of pro.edpo-optimality-condition (E_µ̂[ŝ] = 0)")
      })
    {
      let worst = pFail.max { $0.pRatio < $1.pRatio } ?? pFail[0]
      out = CheckOutcome(
        verdict: .conditional,
        summary: "(P) fails at \(pFail.count) of \(optima.count) uncentred optima (worst \(format3(worst.pRatio))× T-opt) "
          + "and holds at every centred one; (G) holds at all \(optima.count): Eq. (2) needs E_µ̂[ŝ] = 0",
        classes: classes, notes: notes,
        conditions: [ConditionReport(
          condition: "E_µ̂[ŝ] = 0 (centred scores)", casesSatisfying: centredCount + pHold.count,
          holdingCase: hold.line, failingCase: worst.line)])
    } else if !gFail.isEmpty {
      let g = gFail[0]
      out = CheckOutcome(
        verdict: .refuted,
        summary: "(P) fails and (G) also fails at \(gFail.count) decided optima: \(g.line)",
        classes: classes, notes: notes,
        counterexample: Counterexample(inputs: [], detail: g.line))
    } else {
      out = CheckOutcome(
        verdict: .inconclusive,
        summary: "(P) fails at \(pFail.count) optima but the failure is not explained by the centring "
          + "alone (centred side: \(centredFail ?? "holds"))",
        classes: classes, notes: notes)
    }
    if nEx * 5 > total {
      out.verdict = .inconclusive
      out.summary = "\(nEx) of \(total) instances excluded (> 20%) — " + out.summary
    }
    return out
  }
}
