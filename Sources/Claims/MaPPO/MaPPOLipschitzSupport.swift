// Shared by the MaPPO gradient-norm and Lipschitz entries (000_f3e0a040f5e536e0.txt §4.2 after
// eq. 13; App. A.2 eqs. 25–30): a T2 dataset with its point pair (θ, θ′) that can be flattened
// to a vector of reals (so the catalogs' shrinker can simplify a counterexample) and printed
// in full; points in a ball; near/far point pairs; the MaPPO gradient operator τ_θ.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// A T2 dataset (features, reference parameter, β, pairs with their Δr) and points θ, θ′.
/// The integer structure (K, d, N, y_w, y_l) is fixed; every real is in `flat`.
struct T2PairCase: Sendable {
  var k: Int
  var d: Int
  var chosen: [Int]
  var rejected: [Int]
  /// features (K·d) | θ_ref (d) | β | Δr (N) | θ (d) | θ′ (d).
  var flat: [Double]

  var n: Int { chosen.count }
  var features: [[Double]] { (0..<k).map { Array(flat[($0 * d)..<(($0 + 1) * d)]) } }
  var thetaRef: [Double] { Array(flat[(k * d)..<(k * d + d)]) }
  var beta: Double { flat[k * d + d] }
  var deltaR: [Double] { Array(flat[(k * d + d + 1)..<(k * d + d + 1 + n)]) }
  var theta: [Double] { Array(flat[(k * d + d + 1 + n)..<(k * d + 2 * d + 1 + n)]) }
  var thetaPrime: [Double] { Array(flat[(k * d + 2 * d + 1 + n)...]) }
  var model: LinearSoftmax { LinearSoftmax(features: features) }

  /// The dataset (π_ref from θ_ref); Δr overridden by `deltaROverride` when given.
  func dataset(deltaROverride: Double? = nil) -> PairDataset<LinearSoftmax> {
    let m = model
    let ref = m.logProbabilities(thetaRef)
    let dr = deltaR
    return PairDataset(
      model: m,
      pairs: (0..<n).map { i in
        ModelPair(
          chosen: chosen[i], rejected: rejected[i], refLogProbChosen: ref[chosen[i]],
          refLogProbRejected: ref[rejected[i]], deltaR: deltaROverride ?? dr[i])
      })
  }

  /// The same case with other reals.
  func with(flat f: [Double]) -> T2PairCase {
    var c = self
    c.flat = f
    return c
  }

  /// Shrinker targets: 0 for features, θ_ref, θ, θ′; β's endpoints; Δr's endpoints.
  var shrinkTargets: [[Double]] {
    Array(repeating: [], count: k * d + d) + [[0.01, 10]] + Array(repeating: [0, 1], count: n)
      + Array(repeating: [], count: 2 * d)
  }

  /// Every input, for a counterexample a reader can recompute.
  var namedInputs: [NamedValue] {
    var out: [NamedValue] = [NamedValue("K", Double(k)), NamedValue("d", Double(d))]
    for (y, f) in features.enumerated() { for (j, x) in f.enumerated() { out.append(NamedValue("φ(\(y))[\(j)]", x)) } }
    for (j, x) in thetaRef.enumerated() { out.append(NamedValue("θ_ref[\(j)]", x)) }
    out.append(NamedValue("β", beta))
    for i in 0..<n {
      out.append(NamedValue("y_w[\(i)]", Double(chosen[i])))
      out.append(NamedValue("y_l[\(i)]", Double(rejected[i])))
      out.append(NamedValue("Δr[\(i)]", deltaR[i]))
    }
    for (j, x) in theta.enumerated() { out.append(NamedValue("θ[\(j)]", x)) }
    for (j, x) in thetaPrime.enumerated() { out.append(NamedValue("θ′[\(j)]", x)) }
    return out
  }

  /// Draws features φ ~ N(0, I_d), θ_ref ~ N(0, I_d), β from its stratum, distinct y_w ≠ y_l per
  /// pair, Δr from `deltaR`, and a near or far point pair in the ball of radius `radius`.
  static func draw(
    _ r: inout RandomStream, k: Int, d: Int, pairs n: Int, radius: Double, near: Bool,
    deltaR: (inout RandomStream) -> Double
  ) -> T2PairCase {
    var flat = (0..<(k * d + d)).map { _ in r.gaussian() }
    flat.append(Strata.beta(&r))
    var chosen: [Int] = []
    var rejected: [Int] = []
    for _ in 0..<n {
      let w = Strata.integer(&r, 0...(k - 1))
      var l = Strata.integer(&r, 0...(k - 2))
      if l >= w { l += 1 }
      chosen.append(w)
      rejected.append(l)
    }
    for _ in 0..<n { flat.append(deltaR(&r)) }
    let (a, b) = LipschitzPoints.pair(&r, d: d, radius: radius, near: near)
    return T2PairCase(k: k, d: d, chosen: chosen, rejected: rejected, flat: flat + a + b)
  }
}

/// Points and point pairs in a ball.
enum LipschitzPoints {
  /// Uniform in the ball of radius R in ℝ^d.
  static func inBall(_ r: inout RandomStream, d: Int, radius: Double) -> [Double] {
    let g = (0..<d).map { _ in r.gaussian() }
    let s = norm(g)
    let rho = radius * pow(r.uniform(), 1 / Double(d))
    return g.map { $0 / s * rho }
  }

  /// x scaled back to the ball of radius R when outside it.
  static func clamp(_ x: [Double], radius: Double) -> [Double] {
    let s = norm(x)
    return s > radius ? x.map { $0 * radius / s } : x
  }

  /// A near pair (‖θ − θ′‖ log-uniform on [1e-4, 1e-1], both in the ball) or two independent
  /// points of the ball.
  static func pair(_ r: inout RandomStream, d: Int, radius: Double, near: Bool) -> ([Double], [Double]) {
    let a = inBall(&r, d: d, radius: radius)
    guard near else { return (a, inBall(&r, d: d, radius: radius)) }
    let dist = Strata.logUniform(&r, 1e-4, 1e-1)
    for _ in 0..<32 {
      let u = (0..<d).map { _ in r.gaussian() }
      let s = norm(u)
      for sign in [1.0, -1.0] {
        let b = zip(a, u).map { $0 + sign * dist * $1 / s }
        if norm(b) <= radius { return (a, b) }
      }
    }
    // Both ends outside (a at the sphere): move a inside to radius R − dist first.
    let a2 = clamp(a, radius: radius - dist)
    let u = (0..<d).map { _ in r.gaussian() }
    let s = norm(u)
    return (a2, zip(a2, u).map { $0 + dist * $1 / s })
  }
}

extension MaPPOClaims {
  /// The gradient operator τ_θ = ∇L_MaP(θ) of eq. (25)/(27) on a dataset: the MaPPO objective's
  /// analytic gradient lifted to the model (mean over the pairs).
  static func tau(_ data: PairDataset<LinearSoftmax>, _ theta: [Double], beta: Double) throws -> [Double] {
    try data.gradient(theta, mappoPairLoss(beta: beta))
  }

  /// The per-pair weight σ(−u) = 1 − σ(u) at θ, u from the MaPPO objective's margin.
  static func mappoWeights(_ data: PairDataset<LinearSoftmax>, _ theta: [Double], beta: Double) -> [Double] {
    let lp = data.model.logProbabilities(theta)
    return data.pairs.map { p in
      let x = RewardedPreferencePair(
        logProbChosen: lp[p.chosen], logProbRejected: lp[p.rejected], refLogProbChosen: p.refLogProbChosen,
        refLogProbRejected: p.refLogProbRejected, rewardChosen: p.deltaR, rewardRejected: 0)
      return sigmoid(-MaPPO(beta: beta).margin(x))
    }
  }
}

/// ‖a − b‖.
func distance(_ a: [Double], _ b: [Double]) -> Double { norm(zip(a, b).map { $0 - $1 }) }

extension MaPPOClaims {
  /// MaPPO eq. (8) as a pair loss on T1/T2 (the objective's own gradient); public so that the
  /// mutation tests can build wrong variants of it.
  public static func pairLossMaPPO(beta: Double) -> PairLossFunction<Int> { mappoPairLoss(beta: beta) }
  /// DPO eq. (3) as a pair loss on T1/T2.
  public static func pairLossDPO(beta: Double) -> PairLossFunction<Int> { dpoPairLoss(beta: beta) }
}
