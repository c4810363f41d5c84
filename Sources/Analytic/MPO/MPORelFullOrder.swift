// The exact probability that k noisy scores keep their full true order (Plackett–Luce
// correctness, 001_0ef3930bdbd6a134.txt App. F.3) under tᵢ = i + τZᵢ, by the grid recursion of
// claims/mpo.md §0.11: F₀ ≡ 1, Fᵢ(t) = ∫_{−∞}^t τ⁻¹φ((u − i)/τ)F_{i−1}(u)du, Pr = F_k(+∞).
//
// Implementation goals, in order: 1) the catalog's construction: step h = 1/⌈40/τ⌉ (so 1/h is
// an integer and successive windows share grid points), window [i − 12τ, i + 12τ] rounded
// outwards with 0 below and the last value above, the four-point cubic cumulative rule with
// end values repeated, renormalisation after every step with log Fᵢ(+∞) accumulated, and the
// step-halving error estimate err_h = |log P_h − log P_{h/2}|; 2) k = 2 by the closed form
// Φ(1/(√2τ)); 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// log Pr(full order) with its step-halving error estimate.
public struct MPORelFullOrderValue: Sendable, Hashable {
  /// log Pr(PL_corr) on the grid h.
  public var logP: Double
  /// err_h = |log P_h − log P_{h/2}| (0 for the closed form at k = 2).
  public var errH: Double
  /// The tolerance every comparison with this value uses: max(10·err_h, 10⁻⁹) (§0.11).
  public var tolerance: Double { max(10 * errH, 1e-9) }
}

extension MPOReliability {
  /// log Pr(PL_corr) on the grid with 1/h = `stepsPerUnit` (no error estimate).
  public static func logFullOrderOnGrid(k: Int, tau: Double, stepsPerUnit: Int) -> Double {
    let N = Double(stepsPerUnit)
    let h = 1 / N
    let oLo = Int((-12 * tau * N).rounded(.down))
    let oHi = Int((12 * tau * N).rounded(.up))
    let w = oHi - oLo + 1
    let shift = stepsPerUnit  // offset of window i − 1 relative to window i
    let invSqrt2Pi = 0.398_942_280_401_432_677_939_946_059_934
    var kernel = [Double](repeating: 0, count: w)
    for o in 0..<w {
      let z = Double(o + oLo) * h / tau
      kernel[o] = invSqrt2Pi * exp(-0.5 * z * z) / tau
    }
    var previous = [Double](repeating: 1, count: w)  // F₀ ≡ 1
    var current = [Double](repeating: 0, count: w)
    var f = [Double](repeating: 0, count: w)
    var logP = 0.0
    let c = h / 24
    for i in 1...k {
      for o in 0..<w {
        let q = o + shift  // index into the previous window
        let fPrev: Double = i == 1 ? 1 : (q < w ? previous[q] : previous[w - 1])
        f[o] = kernel[o] * fPrev
      }
      current[0] = 0
      for j in 0..<(w - 1) {
        let fm = j > 0 ? f[j - 1] : f[0]
        let fp = j + 2 < w ? f[j + 2] : f[w - 1]
        current[j + 1] = current[j] + c * (-fm + 13 * f[j] + 13 * f[j + 1] - fp)
      }
      let total = current[w - 1]
      logP += log(total)
      let inv = 1 / total
      for o in 0..<w { current[o] *= inv }
      swap(&previous, &current)
    }
    return logP
  }

  /// log Pr(PL_corr) for k ordered scores with scaled noise τ, with err_h; the closed form at
  /// k = 2. Cached per (k, τ).
  /// - Throws: `invalidArgument` unless k ≥ 2 and τ > 0.
  public static func logFullOrder(k: Int, tau: Double) throws -> MPORelFullOrderValue {
    guard k >= 2, tau > 0, tau.isFinite else { throw GSLError.invalidArgument }
    if k == 2 {
      return MPORelFullOrderValue(
        logP: try StandardNormal.logCDF(invSqrt2 / tau).value, errH: 0)
    }
    let key = MPORelCacheKey(k: k, tauBits: tau.bitPattern, tag: 2)
    if let v = MPORelCache.shared.get(key) {
      return MPORelFullOrderValue(logP: v.value, errH: v.error)
    }
    let steps = Int((40 / tau).rounded(.up))
    let coarse = logFullOrderOnGrid(k: k, tau: tau, stepsPerUnit: steps)
    let fine = logFullOrderOnGrid(k: k, tau: tau, stepsPerUnit: 2 * steps)
    let v = MPORelFullOrderValue(logP: coarse, errH: abs(coarse - fine))
    MPORelCache.shared.set(key, Estimate(value: v.logP, error: v.errH))
    return v
  }
}
