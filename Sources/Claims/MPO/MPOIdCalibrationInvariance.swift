// mpo.partition.calibration-invariance — §1 ("It does not need well-calibrated reward models
// or full ranking … can work with relative comparisons (ordinal preferences) … partitioned …
// based on a query-specific model mean"); §4.4 eq. (12)–(13) (001_0ef3930bdbd6a134.txt).
// Recalibrating the scores by a strictly increasing g: (A) positive affine maps in exact
// arithmetic (expansions), (B) s³, eˢ, log(1 + eˢ) and random monotone piecewise-linear maps
// in float64 with a rounding-tie rule. The base case is class A.
import Numerics
import Objectives
import StableMath

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let calibrationInvariance = Claim(
    id: "mpo.partition.calibration-invariance", paper: .mpo, source: "§1; §4.4, eq. (12)–(13)",
    kind: .equivalence,
    statement:
      "A strictly increasing recalibration g of the scores leaves (𝒴⁺, 𝒴⁻), and so L_MPO, "
        + "unchanged."
  ) { ctx in try calibrationCheck(ctx, affineSides: exactAffineSides) }

  /// The exact sides of the mean of g(S) = a·S + b (a > 0): sign(N·g(S_i) − Σ_j g(S_j)), with
  /// every g(S_i) an exact expansion a⊗S_i + b.
  static func exactAffineSides(_ s: [Double], a: Double, b: Double) -> [Int] {
    let n = Double(s.count)
    var total = MPOIdExpansion()
    for x in s {
      total.addProduct(a, x)
      total.add(b)
    }
    return s.map { x in
      var e = MPOIdExpansion()
      // N·(a S_i + b): a·S_i = p + q exactly; N·p, N·q, N·b each by TwoProduct.
      let p = a * x
      let q = fma(a, x, -p)
      e.addProduct(n, p)
      e.addProduct(n, q)
      e.addProduct(n, b)
      for c in total.components { e.add(-c) }
      return e.sign
    }
  }

  /// A random strictly increasing piecewise-linear map with 5 knots over [lo, hi], linear
  /// beyond the end knots with the end slopes.
  static func randomMonotonePL(_ r: inout RandomStream, lo: Double, hi: Double) -> (Double) ->
    Double
  {
    let xs = (0..<5).map { _ in lo + (hi - lo) * r.uniform() }.sorted()
    var ys: [Double] = [r.gaussian()]
    for _ in 1..<5 { ys.append(ys[ys.count - 1] + 0.05 - log(1 - r.uniform())) }
    return { t in
      var k = 0
      while k < 3 && t > xs[k + 1] { k += 1 }
      let dx = xs[k + 1] - xs[k]
      let slope = dx > 0 ? (ys[k + 1] - ys[k]) / dx : 1
      return ys[k] + slope * (t - xs[k])
    }
  }

  /// The check with the exact affine partition injectable (mutation tests).
  static func calibrationCheck(
    _ ctx: CheckContext, affineSides: ([Double], Double, Double) -> [Int]
  ) throws -> CheckOutcome {
    var r = ctx.stream("mpo.partition.calibration-invariance")
    let kinds = ["N(0,1)", "Exp(1)", "Likert {1..10}"]
    let mapNames = ["s³", "eˢ", "log(1 + eˢ)", "random monotone PL, 5 knots"]
    var ta = Tally()
    var changesB = [Int](repeating: 0, count: mapNames.count)
    var tiesB = [Int](repeating: 0, count: mapNames.count)
    var casesB = 0
    var aHolding: String?
    var aFailing: Counterexample?
    var bChanged: String?
    var bChangedCx: Counterexample?
    for i in 0..<ctx.count(full: 100_000, quick: 3_000) {
      let n = r.uniformInt(in: 3...16)
      let ki = i % 3
      let s: [Double] = (0..<n).map { _ in
        switch ki {
        case 0: return r.gaussian()
        case 1: return -log(1 - r.uniform())
        default: return Double(r.uniformInt(in: 1...10))
        }
      }
      let exactSides = MPOIdExact.sidesOfMean(s)
      let exactPos = exactSides.map { $0 > 0 }
      // (A) positive affine, exact.
      let a = 0.1 + 9.9 * r.uniform()
      let b = -5 + 10 * r.uniform()
      let mapped = affineSides(s, a, b).map { $0 > 0 }
      let same = mapped == exactPos
      let desc = { "\(kinds[ki]), N = \(n), S = \(s), g(s) = \(a)·s + \(b)" }
      ta.record(
        "(A) positive affine, exact: \(kinds[ki])", passed: same,
        inputs: [NamedValue("N", Double(n)), NamedValue("a", a), NamedValue("b", b)]
          + s.enumerated().map { NamedValue("S[\($0)]", $1) },
        detail: "𝒴⁺ changes from \(exactPos) to \(mapped)")
      if same, aHolding == nil { aHolding = desc() + ": partition unchanged" }
      if !same, aFailing == nil {
        aFailing = Counterexample(
          inputs: [NamedValue("N", Double(n)), NamedValue("a", a), NamedValue("b", b)]
            + s.enumerated().map { NamedValue("S[\($0)]", $1) },
          detail: "class A: 𝒴⁺ changes from \(exactPos) to \(mapped)")
      }
      // (B) float64 maps.
      let p0 = MeanPartition(scores: s)
      let range0 = (s.max() ?? 0) - (s.min() ?? 0)
      let pl = randomMonotonePL(&r, lo: (s.min() ?? 0) - 1, hi: (s.max() ?? 0) + 1)
      let maps: [(Double) -> Double] = [{ $0 * $0 * $0 }, { exp($0) }, { softplus($0) }, pl]
      casesB += 1
      for (mi, g) in maps.enumerated() {
        let gs = s.map(g)
        let p1 = MeanPartition(scores: gs)
        if p1.positive == p0.positive { continue }
        let range1 = (gs.max() ?? 0) - (gs.min() ?? 0)
        let changed = s.indices.filter { p0.positive[$0] != p1.positive[$0] }
        let clear = changed.allSatisfy {
          abs(s[$0] - p0.mean) > 1e-9 * range0 && abs(gs[$0] - p1.mean) > 1e-9 * range1
        }
        if clear {
          changesB[mi] += 1
          if bChanged == nil {
            bChanged =
              "\(kinds[ki]), N = \(n), S = \(s), g = \(mapNames[mi]): 𝒴⁺ = \(p0.positive) "
                + "becomes \(p1.positive) "
              + "(S_mean = \(p0.mean), mean of g(S) = \(p1.mean))"
            bChangedCx = Counterexample(
              inputs: [NamedValue("N", Double(n))]
                + s.enumerated().map { NamedValue("S[\($0)]", $1) },
              detail: "g = \(mapNames[mi]): 𝒴⁺ = \(p0.positive) becomes \(p1.positive)")
          }
        } else {
          tiesB[mi] += 1
        }
      }
    }
    let notes = [
      "(B) partition changes per map over \(casesB) vectors: "
        + zip(mapNames, changesB).map { "\($0): \($1)" }.joined(separator: ", "),
      "(B) rounding ties (changed responses within 1e-9·range of a mean), not counted: "
        + zip(mapNames, tiesB).map { "\($0): \($1)" }.joined(separator: ", "),
    ]
    if ta.failures > 0 {
      return CheckOutcome(
        verdict: .refuted,
        summary: "a positive affine map changes the partition: \(aFailing?.line ?? "")",
        classes: ta.classes, notes: notes, counterexample: aFailing)
    }
    let totalB = changesB.reduce(0, +)
    if totalB == 0 {
      return CheckOutcome(
        verdict: .confirmed,
        summary: "no map changes the partition (\(ta.cases) affine exact, \(casesB)×4 float64)",
        classes: ta.classes, notes: notes)
    }
    let cond = ConditionReport(
      condition: "g is a positive affine map (class A)", casesSatisfying: ta.cases,
      holdingCase: aHolding ?? "",
      failingCase: bChanged ?? "")
    return CheckOutcome(
      verdict: .conditional,
      summary:
        "class A (positive affine): never changes in \(ta.cases) vectors; class B changes the "
          + "partition in "
        + "\(totalB) (vector, map) cases; e.g. \(bChanged ?? "")",
      classes: ta.classes, notes: notes, counterexample: bChangedCx, conditions: [cond])
  }
}
