// AlphaPO's reward shape and its derivative in π (003_5c1a521bcc07b90e.txt §3.2 eq. 3, §3.3
// eq. 5, A.5.1 eqs. 32–33), each in the printed forms the catalog's checks compare
// (claims/alphapo.md §1.2). The loss itself lives in Objectives (AlphaPO, SimPO); this file
// holds the closed forms used as the *other side* of the checks.
//
// Implementation goals, in order: 1) each printed form exactly as printed (no form is derived
// from another, so a comparison can fail); 2) log-space variants where the value leaves the
// double range; 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// The AlphaPO reward r_α and its π-derivative r′_α, in the paper's printed forms.
public enum AlphaPORewardShape {
  /// Eq. (3) as printed, r_α = β(1 − π^{−α/|y|})/α with π^{−α/|y|} = exp(−α log π/|y|)
  /// (the literal form; cancels for small |α|). α = 0 gives the limit β log π/|y|.
  public static func rewardLiteral(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let l = logProb / Double(length)
    if alpha == 0 { return beta * l }
    return beta * (1 - exp(-alpha * l)) / alpha
  }

  /// Eq. (3) with the power evaluated by `pow(π, −α/|y|)` (the literal form of the text,
  /// reported beside the verdict of `alphapo.reward-alpha-to-zero`).
  public static func rewardPow(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let pi = exp(logProb)
    return beta * (1 - pow(pi, -alpha / Double(length))) / alpha
  }

  /// Eq. (3) in the algebraically identical form −β·expm1(−αL)/α, L = log π/|y|.
  public static func rewardExpm1(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let l = logProb / Double(length)
    if alpha == 0 { return beta * l }
    return -beta * expm1(-alpha * l) / alpha
  }

  /// The printed special case α = 1 (§3.2): r_inv-lin = β(−1/π̄ + 1), π̄ = exp(log π/|y|).
  public static func rewardInverseLinear(logProb: Double, length: Int, beta: Double) -> Double {
    let bar = exp(logProb / Double(length))
    return beta * (-1 / bar + 1)
  }

  /// The printed special case α = −1 (§3.2): r_lin = β(π̄ − 1).
  public static func rewardLinear(logProb: Double, length: Int, beta: Double) -> Double {
    let bar = exp(logProb / Double(length))
    return beta * (bar - 1)
  }

  /// log of eq. (5), exponential form: log β − α log π/|y| − log π − log |y|.
  public static func logDerivativeEq5(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let n = Double(length)
    return log(beta) - alpha * logProb / n - logProb - log(n)
  }

  /// Eq. (5) in linear space as printed: β exp(−α log π/|y|)/(π|y|).
  public static func derivativeEq5(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let n = Double(length)
    return beta * exp(-alpha * logProb / n) / (exp(logProb) * n)
  }

  /// The power form β π^{−α/|y|}/(π|y|) (§3.3 text), with `pow`.
  public static func derivativePowerForm(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let n = Double(length)
    let pi = exp(logProb)
    return beta * pow(pi, -alpha / n) / (pi * n)
  }

  /// The c-form after (6): r′ = β e^{αc}/(π|y|), c = −log π/|y|.
  public static func derivativeCForm(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let n = Double(length)
    let c = -logProb / n
    return beta * exp(alpha * c) / (exp(logProb) * n)
  }

  /// log of eq. (32): log β − log |y| − (α/|y| + 1) log π.
  public static func logDerivativeEq32(logProb: Double, length: Int, alpha: Double, beta: Double)
    -> Double
  {
    let n = Double(length)
    return log(beta) - log(n) - (alpha / n + 1) * logProb
  }

  /// Eq. (32) in linear space: (β/|y|) π^{−(α/|y| + 1)}, π given directly.
  public static func derivativeEq32(pi: Double, length: Int, alpha: Double, beta: Double) -> Double {
    let n = Double(length)
    return beta / n * pow(pi, -(alpha / n + 1))
  }

  /// Eq. (33): dr′/dπ = −(β/|y|)(α/|y| + 1) π^{−(α/|y| + 2)}.
  public static func derivativeEq33(pi: Double, length: Int, alpha: Double, beta: Double) -> Double {
    let n = Double(length)
    return -beta / n * (alpha / n + 1) * pow(pi, -(alpha / n + 2))
  }

  /// The imported α-divergence generator f_α(u) = (u^{1−α} − (1−α)u − α)/(α(α−1)) (f-DPO),
  /// near-0 form [u·expm1(−α log u)/α + (u − 1)]/(α − 1) (claims/alphapo.md,
  /// `alphapo.alpha-divergence-kl-limits`).
  public static func alphaDivergenceNearZero(_ u: Double, alpha: Double) -> Double {
    (u * expm1(-alpha * log(u)) / alpha + (u - 1)) / (alpha - 1)
  }

  /// f_α near α = 1, b = 1 − α: [expm1(b log u) − b(u − 1)]/(−b(1 − b)).
  public static func alphaDivergenceNearOne(_ u: Double, alpha: Double) -> Double {
    let b = 1 - alpha
    return (expm1(b * log(u)) - b * (u - 1)) / (-b * (1 - b))
  }

  /// f_α by the form the catalog prescribes for α: near-0 form for α < ½, near-1 otherwise.
  public static func alphaDivergence(_ u: Double, alpha: Double) -> Double {
    alpha < 0.5 ? alphaDivergenceNearZero(u, alpha: alpha) : alphaDivergenceNearOne(u, alpha: alpha)
  }
}
