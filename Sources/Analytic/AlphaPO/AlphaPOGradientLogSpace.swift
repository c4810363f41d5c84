// The log-space evaluation of δr, T₁, T₂ and λ = log|∂ℓ/∂v| for |α| up to 10³ and beyond
// (003_5c1a521bcc07b90e.txt eqs. 6–8; recipe of claims/alphapo.md §2.3, steps 1–5, and its
// tail grid).
//
// Implementation goals, in order: 1) the recipe exactly (αd and b_w − b_l formed directly,
// never as a difference of large products); 2) every quantity inside the double range on the
// catalog's grids, carrying log T₁ as μ₁ = log softplus(z) when it leaves the range;
// 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// The result of the recipe at one α.
public struct AlphaPOLogGradient: Sendable, Hashable {
  /// sign(δr) and log|δr| (−∞ when δr = 0).
  public var signDeltaR: Double
  public var logAbsDeltaR: Double
  /// log T₁, or nil when carried in μ₁ form (then log T₁ = log β − e^{μ₁}).
  public var logT1: Double?
  public var mu1: Double?
  /// log T₂ (−∞ when T₂ = 0).
  public var logT2: Double
  /// λ = log T₁ + log T₂ (−∞ when T₂ = 0 or when log T₁ is in μ₁ form).
  public var lambda: Double
  /// log D with D = −λ; nil when D ≤ 0 or undefined.
  public var logDecay: Double?
}

/// The §2.3 recipe.
public enum AlphaPOGradientLogSpace {
  /// Steps 1–5 at α for example e.
  public static func evaluate(_ e: AlphaPOExample, alpha: Double) -> AlphaPOLogGradient {
    let d = e.cl - e.cw
    let logBeta = log(e.beta)
    // Steps 1–2: δr.
    var sgn = 0.0
    var logDR = -Double.infinity
    if d != 0 {
      sgn = d > 0 ? 1 : -1
      if alpha == 0 {
        logDR = logBeta + log(abs(d))
      } else {
        let ad = alpha * d
        let logE = max(alpha * e.cl, alpha * e.cw) + log(-expm1(-abs(ad)))
        logDR = logBeta - log(abs(alpha)) + logE
      }
    }
    // Step 3: T₁.
    var logT1: Double? = nil
    var mu1: Double? = nil
    if logDR > 700 {
      if sgn < 0 {
        logT1 = logBeta
      } else {
        mu1 = logDR + log1p(-e.gamma * exp(-logDR))
      }
    } else {
      let z = sgn * exp(logDR) - e.gamma
      let sp = max(z, 0) + log1p(exp(-abs(z)))
      logT1 = logBeta - sp
    }
    // Step 4: T₂.
    let bw = e.aw == 0 ? -Double.infinity : alpha * e.cw + log(abs(e.aw))
    let bl = e.al == 0 ? -Double.infinity : alpha * e.cl + log(abs(e.al))
    var logT2: Double
    if e.aw == 0 && e.al == 0 {
      logT2 = -.infinity
    } else if e.aw == 0 || e.al == 0 || (e.aw > 0) != (e.al > 0) {
      logT2 = logSumExp(bw, bl)
    } else {
      let diff = -alpha * d + log(abs(e.aw)) - log(abs(e.al))
      logT2 = diff == 0 ? -.infinity : max(bw, bl) + log(-expm1(-abs(diff)))
    }
    // Step 5: λ and log D.
    var lambda = -Double.infinity
    var logD: Double? = nil
    if let lt1 = logT1 {
      lambda = lt1 + logT2
      if lambda.isFinite && lambda < 0 { logD = log(-lambda) }
    } else if let m = mu1, logT2.isFinite {
      let inner = -(logBeta + logT2) * exp(-m)
      logD = inner > -1 ? m + log1p(inner) : nil
    }
    return AlphaPOLogGradient(
      signDeltaR: sgn, logAbsDeltaR: logDR, logT1: logT1, mu1: mu1, logT2: logT2, lambda: lambda,
      logDecay: logD)
  }

  /// The zero α_z of T₂ when one exists (A_wA_l > 0, d ≠ 0): e^{α c_w}A_w = e^{α c_l}A_l
  /// ⇔ α = log(A_w/A_l)/d.
  public static func t2Zero(_ e: AlphaPOExample) -> Double? {
    let d = e.cl - e.cw
    guard e.aw * e.al > 0, d != 0 else { return nil }
    return (log(abs(e.aw)) - log(abs(e.al))) / d
  }

  /// The tail grid exponent K of §2.3: 2^K = α_max = max(2¹⁰, 2^⌈log₂(1000/κ)⌉,
  /// 2^⌈log₂(16|α_z|)⌉), κ = min{c_w, c_l, |d| (if d ≠ 0)}.
  public static func tailExponent(_ e: AlphaPOExample) -> Int {
    let d = e.cl - e.cw
    var kappa = min(e.cw, e.cl)
    if d != 0 { kappa = min(kappa, abs(d)) }
    var k = 10
    if kappa > 0 { k = max(k, Int(ceil(log2(1000 / kappa)))) }
    if let z = t2Zero(e), z != 0 { k = max(k, Int(ceil(log2(16 * abs(z))))) }
    return k
  }

  /// The tail grid α_k = sign·2^k, k = 0…K, in order of increasing |α|.
  public static func tailGrid(_ e: AlphaPOExample, sign: Double) -> [Double] {
    (0...tailExponent(e)).map { sign * pow(2, Double($0)) }
  }
}
