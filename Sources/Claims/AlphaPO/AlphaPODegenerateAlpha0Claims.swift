// alphapo.alpha0-degenerate-cases (003_5c1a521bcc07b90e.txt Corollary 3.3 / eq. 10 domain;
// §3.3 remark on ⟨∇π_w, ∇π_l⟩ ≤ 0; eq. 25 at m = 0), on the abstract draws of
// claims/alphapo.md §2.7.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  static let alpha0DegenerateCases = Claim(
    id: "alphapo.alpha0-degenerate-cases", paper: .alphapo,
    source: "Corollary 3.3 / eq. (10); §3.3 remark; eq. (25)", kind: .threshold,
    statement: "(10) needs ⟨∇π_w, ∇π_l⟩ > 0 and m ≠ 0; at m = 0 the ratio (25) does not depend on "
      + "α, so no α changes the sign of dπ_w/dt."
  ) { ctx in
    var r = ctx.stream("abstract")
    /// g_w, g_l ∈ ℝᵏ, k ~ U{2..50}, N(0, 1); `disjoint` puts them on disjoint coordinates.
    func vectors(_ wantSign: Int?, disjoint: Bool) -> ([Double], [Double]) {
      while true {
        let k = Strata.integer(&r, 2...50)
        var gw = (0..<k).map { _ in r.gaussian() }
        var gl = (0..<k).map { _ in r.gaussian() }
        if disjoint {
          for i in 0..<k { if i < k / 2 { gl[i] = 0 } else { gw[i] = 0 } }
          return (gw, gl)
        }
        let ip = zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 }
        if let s = wantSign, !((s > 0 && ip > 0) || (s < 0 && ip < 0)) { continue }
        gw = gw.map { $0 }
        return (gw, gl)
      }
    }
    func example(_ d: AlphaPODraw, _ gw: [Double], _ gl: [Double]) -> AlphaPOGradientExample {
      AlphaPOGradientExample(
        logPiW: d.logPiW, lenW: d.lenW, logPiL: d.logPiL, lenL: d.lenL,
        normSqW: gw.reduce(0) { $0 + $1 * $1 }, inner: zip(gw, gl).reduce(0) { $0 + $1.0 * $1.1 })
    }
    func ieee(_ x: Double) -> String { x.isNaN ? "NaN" : (x.isInfinite ? (x > 0 ? "+∞" : "−∞") : "finite") }
    var classes = [String: [String: Int]]()
    func count(_ part: String, _ x: Double) { classes[part, default: [:]][ieee(x), default: 0] += 1 }
    // (a) inner product < 0.
    for _ in 0..<ctx.count(full: 2_000, quick: 200) {
      let d = AlphaPODraw.draw(&r)
      let (gw, gl) = vectors(-1, disjoint: false)
      count("(a) ⟨∇π_w, ∇π_l⟩ < 0", AlphaPOCorollary33.alpha0Eq10(example(d, gw, gl)))
    }
    // (b) inner product exactly 0.
    for _ in 0..<ctx.count(full: 500, quick: 50) {
      let d = AlphaPODraw.draw(&r)
      let (gw, gl) = vectors(nil, disjoint: true)
      count("(b) ⟨∇π_w, ∇π_l⟩ = 0", AlphaPOCorollary33.alpha0Eq10(example(d, gw, gl)))
    }
    // (c) m = 0: the sign of dπ_w/dt is α-independent and equals the sign predicted by (25).
    var tally = Tally()
    let alphas = [0.0] + (-4...10).flatMap { [pow(2, Double($0)), -pow(2, Double($0))] }
    let nc = ctx.count(full: 2_000, quick: 200)
    var made = 0
    while made < nc {
      var d = AlphaPODraw.draw(&r)
      let c = -d.logPiW / Double(d.lenW)
      let lpl = -c * Double(d.lenL)
      if lpl < -50 || lpl > -1e-3 { continue }
      d.logPiL = lpl
      let third = made % 3
      let (gw, gl) = third == 2 ? vectors(nil, disjoint: true) : vectors(third == 0 ? 1 : -1, disjoint: false)
      made += 1
      let x = example(d, gw, gl)
      count("(c) m = 0", AlphaPOCorollary33.alpha0Eq10(x))
      // Predicted: sign of K‖∇π_w‖² − ⟨∇π_w, ∇π_l⟩, K = π_l|y_l|/(π_w|y_w|), ∇π = π g.
      let piW = exp(d.logPiW)
      let piL = exp(d.logPiL)
      let kk = piL * Double(d.lenL) / (piW * Double(d.lenW))
      let a1 = kk * piW * piW * x.normSqW
      let a2 = piW * piL * x.inner
      let predictedTied = abs(a1 - a2) <= 1e-10 * (abs(a1) + abs(a2))
      let predicted = a1 > a2 ? 1 : -1
      var signs = Set<Int>()
      for a in alphas {
        let s = AlphaPOCorollary33.bracketSign(x, alpha: a, tie: 1e-10)
        if s != 0 { signs.insert(s) }
      }
      let ok = signs.count <= 1 && (predictedTied || signs.isEmpty || signs.first == predicted)
      tally.record(
        ["(c) inner > 0", "(c) inner < 0", "(c) inner = 0"][third], passed: ok,
        inputs: d.inputs + [NamedValue("‖g_w‖²", x.normSqW), NamedValue("⟨g_w, g_l⟩", x.inner)],
        detail: "signs of dπ_w/dt over α: \(signs.sorted()), predicted \(predicted)")
    }
    // (d) information: positive inner product and m ≠ 0 (abstract draws), split by whether the
    // log argument of (10) is < 0 (argument < 1) or ≥ 0; the sign of α₀ and the
    // alphapo.alpha0-threshold test on each part.
    var partD = [String: (draws: Int, a0Pos: Int, a0Neg: Int, a0Other: Int, fail: Int, other: Int)]()
    let dLabels = ["(d) argument of (10) < 1", "(d) argument of (10) ≥ 1"]
    for (x, _) in corollaryDraws(&r, m1: 0, abstract: ctx.count(full: 2_000, quick: 200)) {
      let a0 = AlphaPOCorollary33.alpha0Eq10(x)
      let key = dLabels[AlphaPOCorollary33.logArgumentEq10(x) < 0 ? 0 : 1]
      var p = partD[key] ?? (0, 0, 0, 0, 0, 0)
      p.draws += 1
      if a0 > 0 { p.a0Pos += 1 } else if a0 < 0 { p.a0Neg += 1 } else { p.a0Other += 1 }
      let t = alpha0ThresholdTest(x, alpha0: a0)
      if !t.ok { p.fail += 1 }
      p.other += t.otherSideNegative
      partD[key] = p
    }
    let notes = classes.keys.sorted().map { k in
      "\(k): IEEE class of (10) " + classes[k]!.keys.sorted().map { "\($0) \(classes[k]![$0]!)" }.joined(separator: ", ")
        + " (information; follows from IEEE 754)"
    } + dLabels.map { k in
      let p = partD[k] ?? (0, 0, 0, 0, 0, 0)
      return "\(k) (information, ⟨∇π_w,∇π_l⟩ > 0, m ≠ 0): \(p.draws) draws; α₀ > 0 in \(p.a0Pos), "
        + "α₀ < 0 in \(p.a0Neg), other \(p.a0Other); alphapo.alpha0-threshold test fails on the "
        + "claimed side in \(p.fail), negative dπ_w/dt on the other side at \(p.other) points"
    }
    return tally.outcome(claim: "m = 0: sign of dπ_w/dt α-independent and as (25) predicts", notes: notes)
  }
}
