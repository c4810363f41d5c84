// The catalog's boundary rays (pro.md §2 M3): from an interior base point π̃ with integer
// rate vector c (min c = 0, c not constant), log π_ε(y) = c_y log ε + log π̃(y) − log Σ ε^{c_y'}π̃(y').
// The asymptotic slope κ = dL/d log ε is the difference quotient between log ε = −T and −2T,
// T = 800/β + 2 max_y(|log π̃(y)| + |log π_ref(y)|), split as κ = κ_O + α κ_R, with the
// rounding tolerance tol_κ = 4Nε(S(−T) + S(−2T))/T.
// Goals, in order: 1) M3 exactly; 2) everything from log-probabilities (no underflow at any
// depth); 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a loss behaves along a ray (M3 classification).
public enum PROExRayClass: String, Sendable, Codable {
  /// κ < −tol: L → +∞ as ε → 0.
  case diverging
  /// κ > +tol: L → −∞.
  case descending
  /// |κ| ≤ tol.
  case flat
}

/// The split slope of L̂_PRO along one ray, with its rounding tolerances.
public struct PROExRaySlope: Sendable {
  public var rates: [Int]
  public var base: [Double]
  /// The depth T.
  public var depth: Double
  /// κ_O, κ_R (slopes of L_O and of R per unit α).
  public var kappaO: Double
  public var kappaR: Double
  /// Term sums at −T and −2T and term counts, for tol_κ.
  var sO: Double
  var sR: Double
  var nO: Int
  var nR: Int

  /// tol_{κ_O} and tol_{κ_R} (M3 "Rounding of κ").
  public var toleranceO: Double { 4 * Double(nO) * Double.ulpOfOne * sO / depth }
  public var toleranceR: Double { 4 * Double(nR) * Double.ulpOfOne * sR / depth }

  /// κ(α) = κ_O + α κ_R.
  public func kappa(alpha: Double) -> Double { kappaO + alpha * kappaR }

  /// tol_κ(α) from the terms of L(α) = L_O + α R.
  public func tolerance(alpha: Double) -> Double {
    4 * Double(nO + nR) * Double.ulpOfOne * (sO + alpha * sR) / depth
  }

  /// The M3 classification at α.
  public func classify(alpha: Double) -> PROExRayClass {
    let k = kappa(alpha: alpha)
    let t = tolerance(alpha: alpha)
    if k < -t { return .diverging }
    if k > t { return .descending }
    return .flat
  }

  /// M5's per-ray threshold: the ray diverges exactly for α > α_c (nil: for no α; 0 with
  /// `always`: for every α > 0).
  public var threshold: (alphaC: Double?, always: Bool) {
    if kappaR < -toleranceR { return (max(0, kappaO) / -kappaR, false) }
    if abs(kappaR) <= toleranceR { return kappaO < -toleranceO ? (0, true) : (nil, false) }
    return (nil, false)
  }

  /// T-bisect for α_c: (tol_O + α_c tol_R)/|κ_R|, relative to α_c.
  public func relativeThresholdTolerance(alphaC: Double) -> Double {
    (toleranceO + alphaC * toleranceR) / abs(kappaR) / max(alphaC, .leastNormalMagnitude)
  }
}

/// Rays and slopes of M3.
public enum PROExBoundaryRays {
  /// The enumerated rate vectors for |𝒴_ℋ| = m: every 0/1 vector with a proper nonempty
  /// vanishing set, then (with `includeTwos`, the catalog's m ≤ 5) the other {0,1,2}^m
  /// vectors with min 0 and not constant.
  public static func rates(m: Int, includeTwos: Bool) -> [[Int]] {
    var out: [[Int]] = []
    for mask in 1..<((1 << m) - 1) { out.append((0..<m).map { (mask >> $0) & 1 }) }
    guard includeTwos else { return out }
    var total = 1
    for _ in 0..<m { total *= 3 }
    for code in 0..<total {
      var c = [Int](repeating: 0, count: m)
      var x = code
      for i in 0..<m {
        c[i] = x % 3
        x /= 3
      }
      if c.contains(2), c.min() == 0 { out.append(c) }
    }
    return out
  }

  /// log π_ε along the ray at log ε = t (normalised by logSumExp).
  public static func logProbs(base: [Double], rates: [Int], logEpsilon t: Double) -> [Double] {
    let a = zip(base, rates).map { $0 + Double($1) * t }
    let z = logSumExp(a)
    return a.map { $0 - z }
  }

  /// The depth T = 800/β + 2 max_y(|log π̃(y)| + |log π_ref(y)|).
  public static func depth(beta: Double, base: [Double], ref: [Double]) -> Double {
    let s = zip(base, ref).map { abs($0) + abs($1) }.max() ?? 0
    return 800 / beta + 2 * s
  }

  /// The split slope of `loss` along (base, rates).
  public static func slope(
    _ loss: PROExHyperLoss, base: [Double], rates: [Int]
  ) throws -> PROExRaySlope {
    let t = depth(beta: loss.beta, base: base, ref: loss.refLogProbs)
    let p1 = try loss.parts(logProbs(base: base, rates: rates, logEpsilon: -t))
    let p2 = try loss.parts(logProbs(base: base, rates: rates, logEpsilon: -2 * t))
    return PROExRaySlope(
      rates: rates, base: base, depth: t,
      kappaO: (p2.optimizer - p1.optimizer) / -t, kappaR: (p2.regularizer - p1.regularizer) / -t,
      sO: p1.optimizerTermSum + p2.optimizerTermSum,
      sR: p1.regularizerTermSum + p2.regularizerTermSum, nO: p1.optimizerTermCount,
      nR: p1.regularizerTermCount)
  }

  /// L(α) at the flat-ray sample depths log ε = −10^j/β (j = 0…3) and −2T, in that order.
  public static func flatSamples(
    _ loss: PROExHyperLoss, slope s: PROExRaySlope, alpha: Double
  ) throws -> [Double] {
    let depths: [Double] = [1.0, 10, 100, 1000].map { -$0 / loss.beta } + [-2 * s.depth]
    return try depths.map {
      try loss.parts(logProbs(base: s.base, rates: s.rates, logEpsilon: $0)).value(alpha: alpha)
    }
  }
}
