// The per-example gradient magnitude of AlphaPO and its factorisation (003_5c1a521bcc07b90e.txt
// §3.3, eqs. 6–8), in linear space as printed. Inputs: c = −log π/|y| and
// A = (∂π/∂v)/(π|y|) (claims/alphapo.md §1.1), so r′·∂π/∂v = β e^{αc} A.
//
// Implementation goals, in order: 1) each equation exactly as printed (eq. 6 from ℓ′ and r′,
// eq. 7 and eq. 8 separately, never one from the other); 2) the α = 0 limit where 1/α
// appears (δr = β(c_l − c_w)); 3) simplicity. Large |α| belongs to AlphaPOGradientLogSpace.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One example's inputs to eqs. (6)–(8).
public struct AlphaPOExample: Sendable, Hashable {
  public var cw: Double
  public var cl: Double
  public var aw: Double
  public var al: Double
  public var beta: Double
  public var gamma: Double

  public init(cw: Double, cl: Double, aw: Double, al: Double, beta: Double, gamma: Double) {
    self.cw = cw
    self.cl = cl
    self.aw = aw
    self.al = al
    self.beta = beta
    self.gamma = gamma
  }

  /// From the printed quantities: log π, |y|, and g = ∂log π/∂v (so A = g/|y|).
  public init(
    logPiW: Double, lenW: Int, gW: Double, logPiL: Double, lenL: Int, gL: Double,
    beta: Double, gamma: Double
  ) {
    self.init(
      cw: -logPiW / Double(lenW), cl: -logPiL / Double(lenL), aw: gW / Double(lenW),
      al: gL / Double(lenL), beta: beta, gamma: gamma)
  }

  /// The length-normalised margin m = c_l − c_w.
  public var margin: Double { cl - cw }
  /// Δ = A_w − A_l (Theorem 3.1).
  public var delta: Double { aw - al }
}

/// Eqs. (6)–(8) in linear space.
public enum AlphaPOGradientFactors {
  /// δr = (β/α)[e^{αc_l} − e^{αc_w}] (after eq. 6); β(c_l − c_w) at α = 0.
  public static func deltaR(_ e: AlphaPOExample, alpha: Double) -> Double {
    if alpha == 0 { return e.beta * (e.cl - e.cw) }
    return e.beta / alpha * (exp(alpha * e.cl) - exp(alpha * e.cw))
  }

  /// δr in the algebraically identical form (β/α)e^{αc_w}·expm1(α(c_l − c_w)), free of the
  /// cancellation of the printed difference when |α(c_l − c_w)| ≪ 1 (error ~ε/|αd| there).
  public static func deltaRStable(_ e: AlphaPOExample, alpha: Double) -> Double {
    if alpha == 0 { return e.beta * (e.cl - e.cw) }
    return e.beta / alpha * exp(alpha * e.cw) * expm1(alpha * (e.cl - e.cw))
  }

  /// ℓ′(z) = −1/(1 + e^{z}) for ℓ(z) = −log σ(z) (claims/alphapo.md §1.1).
  public static func lossDerivative(_ z: Double) -> Double { -1 / (1 + exp(z)) }

  /// Eq. (7): T₁ = β/(1 + exp((β/α)[e^{αc_l} − e^{αc_w}] − γ)), the bracket by
  /// ``deltaRStable(_:alpha:)``.
  public static func t1(_ e: AlphaPOExample, alpha: Double) -> Double {
    e.beta / (1 + exp(deltaRStable(e, alpha: alpha) - e.gamma))
  }

  /// Eq. (8): T₂ = |e^{αc_w}A_w − e^{αc_l}A_l|.
  public static func t2(_ e: AlphaPOExample, alpha: Double) -> Double {
    abs(exp(alpha * e.cw) * e.aw - exp(alpha * e.cl) * e.al)
  }

  /// Eq. (6): |ℓ′(δr − γ)|·|r′_w ∂π_w/∂v − r′_l ∂π_l/∂v|, with r′∂π/∂v = βe^{αc}A.
  public static func gradientMagnitudeEq6(_ e: AlphaPOExample, alpha: Double) -> Double {
    abs(signedGradientEq6(e, alpha: alpha))
  }

  /// The signed value ℓ′(δr − γ)(r′_w ∂π_w/∂v − r′_l ∂π_l/∂v) = ∂ℓ/∂v.
  public static func signedGradientEq6(_ e: AlphaPOExample, alpha: Double) -> Double {
    let lp = lossDerivative(deltaRStable(e, alpha: alpha) - e.gamma)
    return lp * (e.beta * exp(alpha * e.cw) * e.aw - e.beta * exp(alpha * e.cl) * e.al)
  }
}
