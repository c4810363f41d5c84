// The prior term of MaPPO (000_f3e0a040f5e536e0.txt), eqs. (5)–(6):
//   p(r_φ) = (e^{r_φ(y_w)} + e^{Δ_r r_φ(y_l)}) / (e^{r_φ(y_w)} + e^{r_φ(y_l)}),
//   L_p(r_φ) = −log p(r_φ) = logSumExp(a, b) − logSumExp(a, Δ_r b),
// with a = r_φ(y_w), b = r_φ(y_l), here r_φ(y) = β log π_θ(y)/π_ref(y) (eq. 7).
// Implementation goals: 1) eqs. (5)–(6) as printed; 2) no overflow for any finite a, b
// (log-sum-exp, never the ratio of exponentials); 3) p − 1 to full relative accuracy near
// p = 1 through an exact rewriting (``MaPPOPrior/priorMinusOne(rPhiChosen:rPhiRejected:deltaR:)``).
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// L_p = −log p(r_φ), the prior loss of MaPPO eqs. (5)–(6), with r_φ(y) = β log π/π_ref.
///
/// The gradient is taken with respect to the six variables of ``RewardedPreferencePair``.
/// With a = βρ_w, b = βρ_l, Δ = Δ_r:
/// ∂L_p/∂a = σ(a − b) − σ(a − Δb), ∂L_p/∂b = σ(b − a) − Δσ(Δb − a), ∂L_p/∂Δ = −bσ(Δb − a)
/// (differences of sigmoids formed without cancellation);
/// then ∂a/∂log π_θ(y_w) = β = −∂a/∂log π_ref(y_w) (likewise for b) and ∂Δ/∂r_w = 1 = −∂Δ/∂r_l.
public struct MaPPOPrior: Objective {
  /// β > 0, the KL weight in r_φ = β log π/π_ref.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "MaPPO L_p (eq. 5-6)" }

  /// (a, b) = (r_φ(y_w), r_φ(y_l)) = (βρ_w, βρ_l).
  public func rewards(_ x: RewardedPreferencePair) -> (chosen: Double, rejected: Double) {
    (beta * x.logRatioChosen, beta * x.logRatioRejected)
  }

  /// log p(r_φ) of eq. (5) for this pair.
  public func logPrior(_ x: RewardedPreferencePair) -> Double {
    let (a, b) = rewards(x)
    return Self.logPrior(rPhiChosen: a, rPhiRejected: b, deltaR: x.deltaR)
  }

  public func loss(_ x: RewardedPreferencePair) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    let (a, b) = rewards(x)
    return Self.loss(a, b, x.deltaR, Self.oneMinusDeltaR(x))
  }

  /// 1 − Δ_r formed as (1 − r_w) + r_l: exact when r_w ∈ [0.5, 2] (Sterbenz) and never
  /// worse than 1 − (r_w − r_l), whose rounding of Δ_r to ε/2 becomes a large relative
  /// error of 1 − Δ_r when Δ_r is near 1 (L_p depends on the inputs through (1 − Δ_r)b).
  static func oneMinusDeltaR(_ x: RewardedPreferencePair) -> Double {
    (1 - x.rewardChosen) + x.rewardRejected
  }

  public func gradient(_ x: RewardedPreferencePair) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let (a, b) = rewards(x)
    let d = x.deltaR
    let c = Self.oneMinusDeltaR(x)
    let sShift = sigmoid(d * b - a)  // softmax weight of Δb in logSumExp(a, Δb)
    // σ(x) − σ(y) = −σ(x)σ(−y)·expm1(y − x) exactly; used where expm1 is small (|·| ≤ 1),
    // where the plain difference of two nearly equal sigmoids would cancel.
    let e1 = expm1(c * b)
    let ga = abs(e1) <= 1 ? -sigmoid(a - b) * sShift * e1 : sigmoid(a - b) - sigmoid(a - d * b)
    let e2 = expm1(-c * b)
    let gb =
      abs(e2) <= 1
      ? -sigmoid(b - a) * sigmoid(a - d * b) * e2 + c * sShift
      : sigmoid(b - a) - d * sShift
    let gd = -b * sShift
    return [beta * ga, beta * gb, -beta * ga, -beta * gb, gd, -gd]
  }

  /// log p = logSumExp(a, Δ_r b) − logSumExp(a, b), eq. (5) in log space, for any real a, b.
  public static func logPrior(rPhiChosen a: Double, rPhiRejected b: Double, deltaR: Double)
    -> Double
  {
    logSumExp(a, deltaR * b) - logSumExp(a, b)
  }

  /// L_p = −log p(r_φ) (eq. 6, second line, prior part) for rewards a, b.
  ///
  /// Near p = 1 the difference of two log-sum-exps cancels (each carries ε·max(a, b)
  /// absolute error); there −log1p(q) with the exact q = p − 1 keeps full relative accuracy.
  public static func rewardLevelLoss(
    rPhiChosen a: Double, rPhiRejected b: Double, deltaR: Double
  ) -> Double {
    loss(a, b, deltaR, 1 - deltaR)
  }

  /// L_p from a, b, Δ_r and 1 − Δ_r (passed separately so callers can form it exactly).
  static func loss(_ a: Double, _ b: Double, _ d: Double, _ c: Double) -> Double {
    let q = minusOne(a, b, d, c)
    if abs(q) <= 0.5 { return -log1p(q) }
    return logSumExp(a, b) - logSumExp(a, d * b)
  }

  /// q = p − 1 = (e^{Δ_r b} − e^{b})/(e^{a} + e^{b}) = −σ(b − a)·(−expm1(−(1 − Δ_r) b)), exact
  /// rewriting of eq. (5) with full relative accuracy when p is near 1 (the difference of
  /// two log-sum-exps loses it there). The sign of q is exact.
  public static func priorMinusOne(rPhiChosen a: Double, rPhiRejected b: Double, deltaR: Double)
    -> Double
  {
    minusOne(a, b, deltaR, 1 - deltaR)
  }

  /// q from a, b, Δ_r and c = 1 − Δ_r.
  static func minusOne(_ a: Double, _ b: Double, _ d: Double, _ c: Double) -> Double {
    // e^{Δb} − e^{b} = e^{b}(e^{−(1−Δ)b} − 1) = e^{b}·expm1(−(1−Δ)b); divide by e^a + e^b.
    let t = expm1(-c * b)
    if t > 1 {
      // p > 2: e^{−(1−Δ)b} may overflow, and σ(b − a) may underflow while the product is
      // finite. Use q = e^{Δb}/(e^a + e^b) − σ(b − a) = exp(Δb − logSumExp(a, b)) − σ(b − a);
      // the first term is > 2× the second, so the subtraction loses at most one bit.
      return exp(d * b - logSumExp(a, b)) - sigmoid(b - a)
    }
    return sigmoid(b - a) * t
  }
}
