// AlphaPO's Theorem 3.2 condition and Corollary 3.3 (003_5c1a521bcc07b90e.txt eqs. 9, 10,
// 20–21, 25–31), written with log π and the score vectors g = ∇log π (∇π = π g), as the
// catalog prescribes for M1 and abstract draws (claims/alphapo.md §2.7).
//
// Implementation goals, in order: 1) each printed step as printed (the ratio (25) and α₀ of
// (10)/(31) are never derived from the condition they are compared with); 2) log space for
// quantities with e^{αc}; 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One example with gradients: log π, |y| and score inner products.
public struct AlphaPOGradientExample: Sendable, Hashable {
  public var logPiW: Double
  public var lenW: Int
  public var logPiL: Double
  public var lenL: Int
  /// ‖∇log π_w‖².
  public var normSqW: Double
  /// ⟨∇log π_w, ∇log π_l⟩.
  public var inner: Double

  public init(logPiW: Double, lenW: Int, logPiL: Double, lenL: Int, normSqW: Double, inner: Double) {
    self.logPiW = logPiW
    self.lenW = lenW
    self.logPiL = logPiL
    self.lenL = lenL
    self.normSqW = normSqW
    self.inner = inner
  }

  public var cw: Double { -logPiW / Double(lenW) }
  public var cl: Double { -logPiL / Double(lenL) }
  /// m = log π_w/|y_w| − log π_l/|y_l|.
  public var margin: Double { logPiW / Double(lenW) - logPiL / Double(lenL) }
  /// log of ‖∇π_w‖²/⟨∇π_w, ∇π_l⟩ = (π_w/π_l)‖g_w‖²/⟨g_w, g_l⟩ (inner > 0 only).
  public var logNormOverInner: Double { logPiW - logPiL + log(normSqW) - log(inner) }
}

/// Eqs. (9), (10), (20), (21), (25)–(31).
public enum AlphaPOCorollary33 {
  /// log of eq. (25): log(π_l|y_l|/(π_w|y_w|)) − α(log π_w/|y_w| − log π_l/|y_l|).
  public static func logRatioEq25(_ x: AlphaPOGradientExample, alpha: Double) -> Double {
    let nw = Double(x.lenW)
    let nl = Double(x.lenL)
    return x.logPiL + log(nl) - x.logPiW - log(nw) - alpha * (x.logPiW / nw - x.logPiL / nl)
  }

  /// log r′(π_w) − log r′(π_l) from two evaluations of eq. (5).
  public static func logRatioFromEq5(_ x: AlphaPOGradientExample, alpha: Double) -> Double {
    AlphaPORewardShape.logDerivativeEq5(logProb: x.logPiW, length: x.lenW, alpha: alpha, beta: 1)
      - AlphaPORewardShape.logDerivativeEq5(logProb: x.logPiL, length: x.lenL, alpha: alpha, beta: 1)
  }

  /// The logarithm of the right side of (9), ⟨∇π_w, ∇π_l⟩/‖∇π_w‖² (inner > 0 only).
  public static func logRightSideEq9(_ x: AlphaPOGradientExample) -> Double { -x.logNormOverInner }

  /// The log argument of (10)/(28): log(‖∇π_w‖²/⟨∇π_w,∇π_l⟩ · π_w|y_w|/(π_l|y_l|)), formed in
  /// log space (NaN when the inner product is ≤ 0, as the printed log of a negative number).
  public static func logArgumentEq10(_ x: AlphaPOGradientExample) -> Double {
    if x.inner < 0 { return .nan }
    if x.inner == 0 { return .infinity }
    return x.logNormOverInner + x.logPiW + log(Double(x.lenW)) - x.logPiL - log(Double(x.lenL))
  }

  /// Eq. (10): α₀ = −log(…)/((1/|y_w|) log π_w − (1/|y_l|) log π_l).
  public static func alpha0Eq10(_ x: AlphaPOGradientExample) -> Double {
    -logArgumentEq10(x) / ((1 / Double(x.lenW)) * x.logPiW - (1 / Double(x.lenL)) * x.logPiL)
  }

  /// Eq. (31): the same with the denominator log π_w/|y_w| − log π_l/|y_l|.
  public static func alpha0Eq31(_ x: AlphaPOGradientExample) -> Double {
    -logArgumentEq10(x) / (x.logPiW / Double(x.lenW) - x.logPiL / Double(x.lenL))
  }

  /// The bracket of (20) divided by π_w π_l-free positive factors: the sign of dπ_w/dt is
  /// that of B = e^{αc_w}‖g_w‖²/|y_w| − e^{αc_l}⟨g_w, g_l⟩/|y_l| (claims/alphapo.md,
  /// `alphapo.thm32-preferred-increases` (a)), returned in log space as the two terms
  /// (log of the positive first term; sign and log|·| of the second).
  public static func bracketTerms(_ x: AlphaPOGradientExample, alpha: Double)
    -> (logFirst: Double, signSecond: Double, logSecond: Double)
  {
    let first = alpha * x.cw + log(x.normSqW) - log(Double(x.lenW))
    let s: Double = x.inner > 0 ? 1 : (x.inner < 0 ? -1 : 0)
    let second = x.inner == 0 ? -Double.infinity : alpha * x.cl + log(abs(x.inner)) - log(Double(x.lenL))
    return (first, s, second)
  }

  /// The sign of dπ_w/dt from the bracket terms: +1, −1, or 0 when tied (the two terms agree
  /// to relative `tie`).
  public static func bracketSign(_ x: AlphaPOGradientExample, alpha: Double, tie: Double) -> Int {
    let t = bracketTerms(x, alpha: alpha)
    if t.signSecond <= 0 { return 1 }
    let diff = t.logFirst - t.logSecond
    if abs(diff) <= tie { return 0 }
    return diff > 0 ? 1 : -1
  }
}
