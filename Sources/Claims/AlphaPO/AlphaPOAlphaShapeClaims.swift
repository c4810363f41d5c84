// alphapo.decay-rate-by-alpha-sign and alphapo.gradient-nonmonotonic-in-alpha
// (003_5c1a521bcc07b90e.txt §3.3 after Theorem 3.1; A.10, Figure 6), on the §2.3 log-space
// recipe and tail grids.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let decayRateByAlphaSign = Claim(
    id: "alphapo.decay-rate-by-alpha-sign", paper: .alphapo, source: "§3.3 after Theorem 3.1",
    kind: .rate,
    statement: "For positive-margin examples |∂ℓ/∂v| decays super-exponentially as α → +∞ and "
      + "exponentially as α → −∞."
  ) { ctx in
    var r = ctx.stream("classes")
    let p = AlphaPOMarginClasses.signed(&r, sign: 1, count: ctx.count(full: 5_000, quick: 500))
    let n = AlphaPOMarginClasses.signed(&r, sign: -1, count: ctx.count(full: 5_000, quick: 500))
    enum Kind: String { case exponential, superExponential = "super-exponential", unclassified }
    func classify(_ e: AlphaPOExample, sign: Double) -> (Kind, [Double]) {
      let grid = AlphaPOGradientLogSpace.tailGrid(e, sign: sign).suffix(3)
      let logD = grid.map { AlphaPOGradientLogSpace.evaluate(e, alpha: $0).logDecay ?? .nan }
      let s = [(logD[1] - logD[0]) / log(2), (logD[2] - logD[1]) / log(2)]
      if s.allSatisfy({ $0 >= 0.8 && $0 <= 1.25 }) { return (.exponential, s) }
      if s.allSatisfy({ $0 > 5 }) { return (.superExponential, s) }
      return (.unclassified, s)
    }
    var tally = Tally()
    var judge = ConditionalJudge(conditions: alphaPOConditionNames)
    var excluded = 0
    var unclassified = 0
    var wrong = 0
    var ratioNotes: [Double] = []
    for c in p {
      if c.example.aw == 0 && c.example.al == 0 {
        excluded += 1
        continue
      }
      let (kp, sp) = classify(c.example, sign: 1)
      let (kn, sn) = classify(c.example, sign: -1)
      let ok = kp == .superExponential && kn == .exponential
      let isWrong = kp == .exponential || kn == .superExponential
      if !ok { if isWrong { wrong += 1 } else { unclassified += 1 } }
      if kn == .exponential {
        let k = AlphaPOGradientLogSpace.tailExponent(c.example)
        let dK = exp(AlphaPOGradientLogSpace.evaluate(c.example, alpha: -pow(2, Double(k))).logDecay ?? .nan)
        ratioNotes.append(dK / pow(2, Double(k)) / min(c.example.cw, c.example.cl))
      }
      let detail = "+∞: \(kp.rawValue) (slopes \(sp.map { format3($0) })), −∞: \(kn.rawValue) "
        + "(slopes \(sn.map { format3($0) }))"
      tally.record("class P", passed: ok, inputs: c.inputs, detail: detail)
      judge.record(holds: ok, satisfies: c.conditions, describe: c.describe + "; " + detail)
    }
    var nExp = 0
    for c in n where classify(c.example, sign: -1).0 == .exponential { nExp += 1 }
    let sorted = ratioNotes.sorted()
    let notes = [
      "class P: \(excluded) draws with T₂ ≡ 0 excluded; \(wrong) in a contradicting class, "
        + "\(unclassified) unclassified",
      "class N (information): \(nExp) of \(n.count) exponential at −∞",
      "D(α_K)/|α_K| ÷ min(c_w, c_l) over exponential P draws: median "
        + (sorted.isEmpty ? "–" : format3(sorted[sorted.count / 2])),
    ]
    if tally.failures == 0 { return tally.outcome(claim: "P: super-exponential at +∞, exponential at −∞", notes: notes) }
    if wrong == 0 {
      var o = tally.outcome(claim: "P: super-exponential at +∞, exponential at −∞", notes: notes)
      o.verdict = .inconclusive
      return o
    }
    return judgedOutcome(
      tally: tally, judge: judge, counterexample: nil,
      claim: "P: super-exponential at +∞, exponential at −∞", notes: notes)
  }

  static let gradientNonmonotonicInAlpha = Claim(
    id: "alphapo.gradient-nonmonotonic-in-alpha", paper: .alphapo, source: "§3.3; A.10, Figure 6",
    kind: .existence,
    statement: "For a fixed example |∂ℓ/∂v| is a non-monotone function of α (A.10: β = 5, γ = 0, "
      + "|y_w| = |y_l|, ∂π/∂v = 1, log π_w = −5, log π_l = −10)."
  ) { ctx in
    // (a) A.10 for every |y| (quick mode: every 16th |y| and coarser grids).
    var aFails: [Int] = []
    let lens = ctx.mode == .full ? Array(1...512) : Array(stride(from: 1, through: 512, by: 16))
    let ns = ctx.mode == .full ? 4_000 : 400
    let nl = ctx.mode == .full ? 2_000 : 200
    for len in lens {
      let ny = Double(len)
      let e = AlphaPOExample(cw: 5 / ny, cl: 10 / ny, aw: exp(5) / ny, al: exp(10) / ny, beta: 5, gamma: 0)
      var grid = (0...ns).map { ny * (-20 + 40 * Double($0) / Double(ns)) }
      grid += (0...nl).map { -10 + 20 * Double($0) / Double(nl) }
      grid += AlphaPOGradientLogSpace.tailGrid(e, sign: 1) + AlphaPOGradientLogSpace.tailGrid(e, sign: -1)
      grid.sort()
      let lam = grid.map { AlphaPOGradientLogSpace.evaluate(e, alpha: $0).lambda }
      if !AlphaPOMonotonicity.isNonMonotone(lam) { aFails.append(len) }
    }
    // (b) random classes.
    var r = ctx.stream("classes")
    let draws = AlphaPOMarginClasses.signed(&r, sign: 1, count: ctx.count(full: 3_000, quick: 300))
      + AlphaPOMarginClasses.signed(&r, sign: -1, count: ctx.count(full: 3_000, quick: 300))
      + AlphaPOMarginClasses.zero(&r, count: 2 * ctx.count(full: 1_000, quick: 100)).filter { $0.cls == "Z (Δ ≠ 0)" }
    var tally = Tally()
    var judge = ConditionalJudge(conditions: ["(D1) m > 0", "(D2) A_wA_l > 0", "(D3) m ≥ 0"])
    var excluded = 0
    var bySign = [String: (Int, Int)]()
    let base = (0...1_000).map { -10 + 20 * Double($0) / 1_000 }
    for c in draws {
      let e = c.example
      if e.aw == 0 && e.al == 0 {
        excluded += 1
        continue
      }
      var grid = base + AlphaPOGradientLogSpace.tailGrid(e, sign: 1) + AlphaPOGradientLogSpace.tailGrid(e, sign: -1)
      if let z = AlphaPOGradientLogSpace.t2Zero(e) {
        let cmax = max(e.cw, e.cl)
        for j in 1...8 {
          let off: Double = Double(j) / (4 * cmax)
          grid.append(z + off)
          grid.append(z - off)
        }
      }
      grid.sort()
      let nm = AlphaPOMonotonicity.isNonMonotone(grid.map { AlphaPOGradientLogSpace.evaluate(e, alpha: $0).lambda })
      let key = "\(c.cls.prefix(1)), sign(A_wA_l) = \(e.aw * e.al > 0 ? "+" : (e.aw * e.al < 0 ? "−" : "0"))"
      let cur = bySign[key] ?? (0, 0)
      bySign[key] = (cur.0 + (nm ? 1 : 0), cur.1 + 1)
      tally.record("class \(c.cls.prefix(1))", passed: nm, inputs: c.inputs, detail: "λ(α) monotone on the grid")
      judge.record(
        holds: nm, satisfies: [e.margin > 0, e.aw * e.al > 0, e.margin >= 0], describe: c.describe)
    }
    var notes = ["(a) A.10: \(lens.count - aFails.count) of \(lens.count) lengths non-monotone"
      + (aFails.isEmpty ? "" : "; monotone at |y| = \(aFails.prefix(10))")]
    notes.append("(b) \(excluded) draws with both derivatives zero excluded (T₂ ≡ 0)")
    notes += bySign.keys.sorted().map { "(b) \($0): \(bySign[$0]!.0) of \(bySign[$0]!.1) non-monotone" }
    if !aFails.isEmpty {
      return CheckOutcome(
        verdict: .refuted, summary: "A.10 example monotone at |y| = \(aFails.prefix(5))", classes: tally.classes,
        notes: notes, counterexample: Counterexample(inputs: [NamedValue("|y|", Double(aFails[0]))],
          detail: "λ(α) monotone on the A.10 grid"))
    }
    if tally.failures == 0 {
      return CheckOutcome(verdict: .confirmed, summary: "A.10 non-monotone for every |y|; every random draw non-monotone",
        classes: tally.classes, notes: notes)
    }
    return judgedOutcome(tally: tally, judge: judge, counterexample: tally.firstFailure,
      claim: "A.10 non-monotone for every |y|; random draws", notes: notes)
  }
}
