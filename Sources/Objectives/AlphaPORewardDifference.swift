// The AlphaPO reward difference and its derivatives, evaluated without overflow
// (AlphaPO, 003_5c1a521bcc07b90e.txt, eqs. 3–5 and §3.3; recipe of claims/alphapo.md §2.3).
//
// Implementation goals, in order of priority:
//   1) the paper's definition exactly: r_α(x) = β(1 − e^{−αx})/α at x = log π/|y| (eq. 3;
//      x = log(π/π_ref)/|y| for the reference variant of A.4), with the α = 0 limit βx;
//   2) a finite result wherever the true value is representable, for |α| up to 1e3 and
//      |x| up to 1e5: δr = r_α(x_w) − r_α(x_l) is never formed as a difference of two
//      overflowed rewards (which gives ∞ − ∞ = NaN, or ±∞ where the true value is finite);
//   3) accuracy: no cancellation in e^{t_l} − e^{t_w} (expm1 of the directly formed α·m).
//
// With t = −αx, m = x_w − x_l, y = |α m| and M = max(t_w, t_l):
//   δr = (β/α)(e^{t_l} − e^{t_w}) = sign(m) · β |m| f(y) e^{M},  f(y) = (1 − e^{−y})/y,
// since e^{t_l} − e^{t_w} = sign(αm) e^{M}(1 − e^{−|αm|}). f(0) = 1 gives the α = 0 limit
// βm without a division by α. When e^{M} would overflow or underflow, the product is formed
// as exp of the sum of the logarithms, which overflows only when |δr| itself does.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The AlphaPO reward difference δr = r_α(x_w) − r_α(x_l) and its partial derivatives.
public enum AlphaPORewardDifference {
  /// f(y) = (1 − e^{−y})/y for y ≥ 0, f(0) = 1 (|f(y) − 1| ≤ y/2, so f = 1 below 1e-300).
  @inlinable
  static func f(_ y: Double) -> Double {
    y < 1e-300 ? 1 : -expm1(-y) / y
  }

  /// δr = r_α(x_w) − r_α(x_l) with r_α(x) = β(1 − e^{−αx})/α (βx at α = 0), for any real
  /// x_w, x_l (length-normalised log-probabilities or log-ratios), finite α and β > 0.
  /// Returns ±∞ only when |δr| exceeds the double range; 0 exactly when x_w = x_l.
  public static func value(alpha: Double, beta: Double, chosen xw: Double, rejected xl: Double)
    -> Double
  {
    let m = xw - xl
    if m == 0 { return 0 }
    if alpha == 0 { return beta * m }
    let y = abs(alpha * m)
    let big = max(-alpha * xw, -alpha * xl)
    let s: Double = m > 0 ? 1 : -1
    if big <= 700 && big >= -700 {
      return s * (beta * abs(m) * f(y) * exp(big))
    }
    // log|δr| = log β + log|m| + log f(y) + M, with log f(y) = log(1 − e^{−y}) − log y.
    let logF = y < 1e-300 ? 0 : log(-expm1(-y)) - log(y)
    return s * exp(log(beta) + log(abs(m)) + logF + big)
  }

  /// ∂δr/∂x scaled by σ(−z) — the magnitude σ(−z)·β·e^{−αx} of one partial derivative of
  /// the loss −log σ(z) with respect to x, formed without 0·∞: directly when every factor
  /// is a normal double, else as exp(log σ(−z) + log β − αx).
  public static func weightedRewardSlope(alpha: Double, beta: Double, x: Double, z: Double)
    -> Double
  {
    let t = -alpha * x
    let s = sigmoid(-z)
    if t <= 700 && t >= -700 && s >= 1e-300 {
      return s * beta * exp(t)
    }
    return exp(logSigmoid(-z) + log(beta) + t)
  }
}
