// MaPPO's gradient and Lipschitz closed forms (000_f3e0a040f5e536e0.txt §4.2 eq. 13,
// App. A.1 eqs. 20–24, App. A.2 eqs. 25–30).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Closed forms of MaPPO's gradient analysis.
public enum MaPPOGradientAnalysis {
  /// The margin u = β(ρ_w − Δr·ρ_l) of eq. (13), ρ = log π_θ − log π_ref.
  public static func margin(beta: Double, logRatioChosen rw: Double, logRatioRejected rl: Double, deltaR: Double) -> Double {
    beta * (rw - deltaR * rl)
  }

  /// The weight 1 − σ(u) of eq. (13), computed as σ(−u) (no cancellation when σ(u) ≈ 1).
  public static func weight(margin u: Double) -> Double { sigmoid(-u) }

  /// The per-example gradient of eq. (13)/(27): −β(1 − σ(u))(s_w − Δr·s_l), given the score
  /// vectors s_w = ∇log π_θ(y_w), s_l = ∇log π_θ(y_l).
  public static func perExampleGradient(
    beta: Double, margin u: Double, deltaR: Double, scoreChosen sw: [Double], scoreRejected sl: [Double]
  ) -> [Double] {
    precondition(sw.count == sl.count, "score vectors must have equal length")
    let w = beta * sigmoid(-u)
    return zip(sw, sl).map { -w * ($0 - deltaR * $1) }
  }

  /// L_MaP = β(1 − σ(u))(1 + Δr)M_g of eq. (26)/(29).
  public static func lipschitzMaPPO(beta: Double, margin u: Double, deltaR: Double, mg: Double) -> Double {
    beta * sigmoid(-u) * (1 + deltaR) * mg
  }

  /// The uniform bound β(1 + Δr)M_g of eq. (26).
  public static func lipschitzMaPPOUniform(beta: Double, deltaR: Double, mg: Double) -> Double {
    beta * (1 + deltaR) * mg
  }

  /// L_DPO = 2β(1 − σ(u))M_g of eq. (30).
  public static func lipschitzDPO(beta: Double, margin u: Double, mg: Double) -> Double {
    2 * beta * sigmoid(-u) * mg
  }

  /// The global Hessian-norm bound of a per-pair MaPPO loss on a linear-softmax model used
  /// by mappo.stationary.bounded-ratio: L̂ = β²(1 + Δr)²D²/4 + β(1 − Δr)D²/4, D the feature
  /// diameter (‖∇log π‖ ≤ D, ‖Cov(φ)‖ ≤ D²/4, σ′ ≤ 1/4).
  public static func hessianBound(beta: Double, deltaR: Double, featureDiameter d: Double) -> Double {
    beta * beta * (1 + deltaR) * (1 + deltaR) * d * d / 4 + beta * (1 - deltaR) * d * d / 4
  }
}
