// The optima of L̂_eDPO that pro.edpo-optimality-condition, pro.cor33-ratio-ordering and
// pro.edpo-unique-optimum share (claims/pro.md): M1 instances with n ∈ 2…8 (even cases
// n ∈ 3…8 and k ∈ 2…n−1, odd cases k ∈ 2…n; every fifth case one labeled response tied with
// all others, ŝ = 0), full-support µ, pairwise centred ŝ, α = κ·α_T (κ log-uniform on
// [1.5, 20], α_T the M5 P_ray threshold; log-uniform on [0.1, 10] when α_T = 0), M2 on
// Objectives' SampleEDPO, the M2 independence test at π*, and M4's decision.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// One decided (or excluded) instance.
struct PRODecEDPOCase {
  var j: Int
  var n: Int
  var beta: Double
  var alpha: Double
  var mu: [Double]
  var muHat: [Double]
  var scores: [Double]
  var ref: [Double]
  var evaluation: [Double]
  var runs: [PRODecMinimum]
  var optimum: PRODecMinimum?
  var decision: PRODecRays.Existence
  /// Why the instance is excluded (nil when EXISTS with a certified optimum passing M2's
  /// independence test).
  var exclusion: String?

  var inputs: [NamedValue] {
    [NamedValue("case", Double(j)), NamedValue("n", Double(n)), NamedValue("β", beta), NamedValue("α", alpha)]
  }

  func input(_ z: [Double]) -> SampleEDPOInput {
    SampleEDPOInput(logits: z, refLogits: ref, mu: mu, muHat: muHat, scores: scores)
  }
  func loss(_ z: [Double]) -> Double { (try? SampleEDPO(beta: beta, alpha: alpha).loss(input(z))) ?? .nan }
  func gradient(_ z: [Double]) -> [Double] {
    (try? SampleEDPO(beta: beta, alpha: alpha).gradient(input(z)).prefix(n)).map(Array.init)
      ?? [Double](repeating: .nan, count: n)
  }
}

enum PRODecEDPOOptima {
  static let id = "pro.edpo-optimality-condition"

  /// Case j's data (before α and the optimisation).
  static func draw(_ ctx: CheckContext, _ j: Int) -> (n: Int, beta: Double, mu: [Double], muHat: [Double], s: [Double], ref: [Double], r: RandomStream) {
    var r = PRODecM1.stream(ctx, id, j)
    let n = j % 2 == 0 ? PRODecM1.size(j / 2, 3...8) : PRODecM1.size(j / 2, 2...8)
    let k = j % 2 == 0 ? Strata.integer(&r, 2...(n - 1)) : Strata.integer(&r, 2...n)
    let a = PRODecM1.concentrations[j % 3]
    let beta = PRODecM1.beta(j, &r)
    let mu = PRODecM1.distribution(n, concentration: a, &r)
    let ref = PRODecM1.logs(PRODecM1.distribution(n, concentration: a, &r))
    let L = PRODecM1.subset(n, k, &r)
    let w = r.dirichlet([Double](repeating: 1, count: k))
    var muHat = [Double](repeating: 0, count: n)
    for (i, y) in L.enumerated() { muHat[y] = w[i] }
    var p = PRODecM1.preference(n, .mixed, &r)
    if j % 5 == 0 {
      for y in 0..<n where y != L[0] {
        p[L[0]][y] = 0.5
        p[y][L[0]] = 0.5
      }
    }
    let s = PRODecScore.score(mu: muHat, preference: p).s
    return (n, beta, mu, muHat, s, ref, r)
  }

  /// Case j with `starts` random starts beside log π_ref (4 for M2, 7 for the uniqueness check).
  static func solve(_ ctx: CheckContext, _ j: Int, randomStarts: Int = 4) -> PRODecEDPOCase {
    var d = draw(ctx, j)
    let split = PRODecSplitLoss(
      w: (0..<d.n).map { d.muHat[$0] * d.s[$0] }, mu: d.mu, ref: d.ref, beta: d.beta,
      weightRounding: d.muHat.map { 4 * Double(d.n) * Double.ulpOfOne * $0 })
    let rayBases = [d.ref] + (0..<2).map { _ in logSoftmax(PRODecM1.logits(d.n, tau: 1, &d.r)) }
    let evaluation = PRODecM1.logits(d.n, tau: PRODecM1.taus[j % 4], &d.r)
    var c = PRODecEDPOCase(
      j: j, n: d.n, beta: d.beta, alpha: .nan, mu: d.mu, muHat: d.muHat, scores: d.s, ref: d.ref,
      evaluation: evaluation, runs: [], optimum: nil, decision: .undecided, exclusion: nil)
    guard let alphaT = PRODecRays.rayThreshold(split, bases: rayBases) else {
      c.exclusion = "no P_ray threshold"
      return c
    }
    c.alpha = alphaT > 0 ? Strata.logUniform(&d.r, 1.5, 20) * alphaT : Strata.logUniform(&d.r, 0.1, 10)
    var starts = [d.ref.map { $0 - d.ref[0] }]
    for s in 0..<randomStarts { starts.append(PRODecM1.logits(d.n, tau: s % 2 == 0 ? 1 : 5, &d.r)) }
    let cc = c
    c.runs = PRODecM2.run(
      f: { cc.loss($0) }, gradient: { cc.gradient($0) }, starts: starts,
      gradientTolerance: 1e-10 * d.beta * (1 + c.alpha))
    c.optimum = PRODecM2.optimum(c.runs)
    let bases = [d.ref] + (c.optimum.map { [logSoftmax($0.z)] } ?? [])
      + (0..<2).map { _ in logSoftmax(PRODecM1.logits(d.n, tau: 1, &d.r)) }
    c.decision = PRODecRays.decide(split, alpha: c.alpha, runs: c.runs, bases: bases)
    guard c.decision == .exists else {
      c.exclusion = "M4: \(c.decision.rawValue)"
      return c
    }
    guard let opt = c.optimum else {
      c.exclusion = "no certified minimiser"
      return c
    }
    // M2 independence: the Objectives gradient against central differences of the value.
    let g = cc.gradient(opt.z)
    for k in 1..<d.n {
      guard let e = try? PRODecTol.centralPartial({ cc.loss($0) }, at: opt.z, k) else {
        c.exclusion = "central difference failed"
        return c
      }
      let tol = 2 * e.error + 4 * Double(d.n * d.n + d.n) * Double.ulpOfOne * (abs(g[k]) + d.beta * (1 + c.alpha))
      if abs(g[k] - e.value) > tol {
        c.exclusion = "implementation defect: Objectives gradient disagrees with FD at π*"
        return c
      }
    }
    return c
  }
}
