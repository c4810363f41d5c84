// pro.alpha-convention-consistency — the α/2 convention (PRO-formulas.md §0): one scaling k of
// the regularizer, k·α·E[K(·)], under which Theorem 4.3 (α = 1/η²), the binary coefficient
// αη(1−η), the scalar strength α/(N+1)², and footnote 1 (sample eDPO with µ̂, p̂ at α = 1 is DPO)
// all hold. Every loss is L_O + k·R₁ (R₁ = 2·R_{½}, R_{½} the library's regularizer), so each
// statement is linear in k (and in the footnote's ratio c); each is stacked over 20 points × 20
// instances and solved by least squares. Reading: the normal equations (1 or 2 unknowns) are
// solved directly instead of gsl_multifit_linear.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  static let alphaConventionConsistency = Claim(
    id: "pro.alpha-convention-consistency", paper: .pro,
    source: "Theorem 4.3; App. D binary and scalar; footnote 1", kind: .equivalence,
    statement: "One scaling k of the regularizer k·α·E[K(·)] makes Theorem 4.3, the binary "
      + "coefficient αη(1−η), the scalar strength α/(N+1)² and footnote 1 hold at once "
      + "(the reconstruction uses k = ½).",
    provenance: .reconstructed("the convention itself is inferred, PRO-formulas.md §0")
  ) { ctx in try alphaConventionOutcome(ctx) }

  /// Least squares for y ≈ A·x with 1 or 2 columns; returns x and the residual norm.
  static func leastSquares(_ cols: [[Double]], _ y: [Double]) -> (x: [Double], residual: Double) {
    if cols.count == 1 {
      let a = cols[0]
      let k = zip(a, y).reduce(0) { $0 + $1.0 * $1.1 } / a.reduce(0) { $0 + $1 * $1 }
      return ([k], norm(zip(a, y).map { $1 - k * $0 }))
    }
    let (a, b) = (cols[0], cols[1])
    let aa = a.reduce(0) { $0 + $1 * $1 }
    let bb = b.reduce(0) { $0 + $1 * $1 }
    let ab = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    let ay = zip(a, y).reduce(0) { $0 + $1.0 * $1.1 }
    let by = zip(b, y).reduce(0) { $0 + $1.0 * $1.1 }
    let det = aa * bb - ab * ab
    let x0 = (ay * bb - by * ab) / det
    let x1 = (aa * by - ab * ay) / det
    return ([x0, x1], norm((0..<y.count).map { y[$0] - x0 * a[$0] - x1 * b[$0] }))
  }

  /// The check; `binaryCoefficient(α, η)` is the printed binary coefficient (injectable).
  static func alphaConventionOutcome(
    _ ctx: CheckContext,
    binaryCoefficient: @escaping @Sendable (Double, Double) -> Double = { a, e in a * e * (1 - e) }
  ) throws -> CheckOutcome {
    let id = "pro.alpha-convention-consistency"
    let instances = ctx.count(full: 20, quick: 3)
    let points = ctx.count(full: 20, quick: 5)
    var notes: [String] = []
    var fitted: [(String, Double, Double, Double)] = []  // name, k, residual, tolerance
    var systems: [(cols: [[Double]], rhs: [Double])] = []  // the stacked equations, per statement
    // Theorem 4.3: ∇L_O + 2k∇R_{½} = ∇L_PROP at α = 1/η².
    do {
      var col: [Double] = []
      var rhs: [Double] = []
      var scale = 0.0
      for j in 0..<instances {
        var r = ctx.stream(id + ".thm43", index: UInt64(j))
        let x = PROExPairwiseInstances.draw(&r, case: j, n: 3 + j % 6)
        let pro = PRO(beta: x.beta, alpha: 1 / (x.eta * x.eta))
        let prop = PROPTheorem43(beta: x.beta, eta: x.eta)
        for _ in 0..<points {
          let z = (0..<x.n).map { _ in r.gaussian() * 3 }
          let gO = Array(try pro.optimizerGradient(x.proInput(logits: z)).prefix(x.n))
          let gR = Array(try pro.regularizerGradient(x.proInput(logits: z)).prefix(x.n))
          let gP = Array(try prop.gradient(x.propInput(logits: z)).prefix(x.n))
          col += gR.map { 2 * $0 }
          rhs += zip(gP, gO).map { $0 - $1 }
          scale += x.beta * (2 + 2 / (x.eta * x.eta))
        }
      }
      let f = leastSquares([col], rhs)
      systems.append(([col], rhs))
      fitted.append(("Theorem 4.3", f.x[0], f.residual, PROExTolerance.round(terms: 64 * rhs.count, sum: scale).absolute))
    }
    // Binary: 2k·(coefficient of K in R_{½}) = αη(1−η).
    do {
      var col: [Double] = []
      var rhs: [Double] = []
      for j in 0..<(instances * points) {
        var r = ctx.stream(id + ".binary", index: UInt64(j))
        let n = 2 + j % 9
        let eta = Strata.uniform(&r, 0.02, 0.98)
        let alpha = exp(Strata.uniform(&r, log(0.1), log(100)))
        let beta = PROExInstances.beta(&r, case: j)
        let z = (0..<n).map { _ in r.gaussian() }
        let ref = PROExInstances.fullSupport(&r, n: n, a: 1).map { log($0) }
        var mu = [Double](repeating: 0, count: n)
        var muHat = [Double](repeating: 0, count: n)
        mu[0] = eta
        mu[1] = 1 - eta
        muHat[0] = 1
        let x = PROInput(
          logits: z, refLogits: ref, mu: mu, muHat: muHat,
          scores: [Double](repeating: 0, count: n), hyperResponse: Array(1..<n))
        let reg = try PRO(beta: beta, alpha: alpha).regularizerTerm(x)
        let space = x.space
        let u = space.aggregateLog(logSoftmax(z))
        let v = space.aggregateLog(logSoftmax(ref))
        let kv = BernoulliHalfKL.value(beta * (u[0] - v[0]) - beta * (u[1] - v[1]))
        guard kv > 1e-6 else { continue }
        col.append(2 * reg / kv)
        rhs.append(binaryCoefficient(alpha, eta))
      }
      let f = leastSquares([col], rhs)
      systems.append(([col], rhs))
      fitted.append(("binary αη(1−η)", f.x[0], f.residual, PROExTolerance.round(terms: 8 * rhs.count, sum: rhs.reduce(0, +)).absolute))
    }
    // Scalar: 2k·(pair coefficient of R_{½}) = α/(N+1)².
    do {
      var col: [Double] = []
      var rhs: [Double] = []
      for j in 0..<(instances * points) {
        var r = ctx.stream(id + ".scalar", index: UInt64(j))
        let bigN = 1 + j % 16
        let n = bigN + 1 + j % 3
        let alpha = exp(Strata.uniform(&r, log(0.1), log(100)))
        let beta = PROExInstances.beta(&r, case: j)
        let z = (0..<n).map { _ in r.gaussian() }
        let ref = PROExInstances.fullSupport(&r, n: n, a: 1).map { log($0) }
        let eta = Double(bigN) / Double(bigN + 1)
        var mu = [Double](repeating: 0, count: n)
        var muHat = [Double](repeating: 0, count: n)
        for y in 0..<bigN {
          mu[y] = eta / Double(bigN)
          muHat[y] = 1 / Double(bigN)
        }
        mu[bigN] = 1 - eta
        let x = PROInput(
          logits: z, refLogits: ref, mu: mu, muHat: muHat,
          scores: [Double](repeating: 0, count: n), hyperResponse: Array(bigN..<n))
        let reg = try PRO(beta: beta, alpha: alpha).regularizerTerm(x)
        let space = x.space
        let u = space.aggregateLog(logSoftmax(z))
        let v = space.aggregateLog(logSoftmax(ref))
        var sumK = 0.0
        for a in 0..<u.count {
          for b in (a + 1)..<max(u.count, a + 1) {
            sumK += BernoulliHalfKL.value(beta * (u[a] - v[a]) - beta * (u[b] - v[b]))
          }
        }
        guard sumK > 1e-6 else { continue }
        col.append(2 * reg / sumK)
        rhs.append(alpha / Double((bigN + 1) * (bigN + 1)))
      }
      let f = leastSquares([col], rhs)
      systems.append(([col], rhs))
      fitted.append(("scalar α/(N+1)²", f.x[0], f.residual, PROExTolerance.round(terms: 300 * rhs.count, sum: rhs.reduce(0, +)).absolute))
    }
    // Footnote: ∇L_O + 2k∇R_{½} = c∇L_DPO (sample eDPO, µ = µ̂ = ½ on y_w, y_l, α = 1).
    do {
      var colK: [Double] = []
      var colC: [Double] = []
      var rhs: [Double] = []
      var scale = 0.0
      for j in 0..<(instances * points) {
        var r = ctx.stream(id + ".footnote", index: UInt64(j))
        let n = 2 + j % 9
        let beta = PROExInstances.beta(&r, case: j)
        let z = (0..<n).map { _ in r.gaussian() * 2 }
        let ref = PROExInstances.fullSupport(&r, n: n, a: 1).map { log($0) }
        var mu = [Double](repeating: 0, count: n)
        mu[0] = 0.5
        mu[1] = 0.5
        var s = [Double](repeating: 0, count: n)
        s[0] = 0.25
        s[1] = -0.25
        let x = SampleEDPOInput(logits: z, refLogits: ref, mu: mu, muHat: mu, scores: s)
        let e = SampleEDPO(beta: beta, alpha: 1)
        let gO = Array(try e.optimizerGradient(x).prefix(n))
        let gR = Array(try e.regularizerGradient(x).prefix(n))
        let u = logSoftmax(z)
        let v = logSoftmax(ref)
        let g = try DPO(beta: beta).gradient(
          PreferencePair(logProbChosen: u[0], logProbRejected: u[1], refLogProbChosen: v[0], refLogProbRejected: v[1]))
        let gD = (0..<n).map { k in g[0] * ((k == 0 ? 1 : 0) - exp(u[k])) + g[1] * ((k == 1 ? 1 : 0) - exp(u[k])) }
        colK += gR.map { 2 * $0 }
        colC += gD.map { -$0 }
        rhs += gO.map { -$0 }
        scale += 4 * beta
      }
      let f = leastSquares([colK, colC], rhs)
      systems.append(([colK, colC], rhs))
      fitted.append(("footnote 1 (c = \(format3(f.x[1])))", f.x[0], f.residual, PROExTolerance.round(terms: 64 * rhs.count, sum: scale).absolute))
    }
    var tally = Tally()
    let k0 = fitted[0].1
    for (name, k, res, tol) in fitted {
      notes.append("\(name): k = \(k), residual \(format3(res)) (T-round \(format3(tol)))")
      tally.record(
        "\(name) satisfiable", residual: res,
        tolerance: Tolerance(absolute: tol, relative: 0, reason: "T-round of the stacked equations"),
        inputs: [NamedValue("k", k)], detail: "least-squares residual \(res)")
      tally.record(
        "\(name): k agrees with Theorem 4.3's", residual: abs(k - k0),
        tolerance: PROExTolerance.round(terms: 64, sum: 1), inputs: [NamedValue("k", k), NamedValue("k0", k0)],
        detail: "k = \(k) vs \(k0)")
    }
    // Both fixed scalings evaluated: k = ½ and k = 1, each statement's residual at that k (the
    // footnote's free ratio c refitted at the fixed k).
    for k in [0.5, 1.0] {
      var parts: [String] = []
      for (i, sys) in systems.enumerated() {
        let shifted = zip(sys.rhs, sys.cols[0]).map { $0 - k * $1 }
        let res = sys.cols.count > 1 ? leastSquares([sys.cols[1]], shifted).residual : norm(shifted)
        let tol = fitted[i].3
        parts.append(
          "\(fitted[i].0) \(res <= tol ? "holds" : "fails") (residual \(format3(res)), "
            + "T-round \(format3(tol)))")
      }
      notes.append("at k = \(k == 0.5 ? "½" : "1"): " + parts.joined(separator: "; "))
    }
    notes.append(
      "circularity: the catalog's k = ½ convention was itself inferred from these printed "
        + "statements (PRO-formulas.md §0), so agreement at k = ½ confirms their mutual "
        + "consistency, not an independent reading of the lost coefficient")
    return tally.outcome(
      claim: "one regularizer scaling k for the four printed statements (k = \(format3(k0)))",
      notes: notes)
  }
}
