// KTO as PRO (002_74b446355a07bf4a.txt) restates it in App. E (v1) / §5.1 (v2), restored in
// PRO-formulas.md §9 from the KTO paper (S5):
//   L_KTO = E_{(x,y)∼D}[λ_y − v(x, y)],
//   v(x, y) = λ_D σ(r_θ(x,y) − z₀) (y desired),  λ_U σ(z₀ − r_θ(x,y)) (y undesired),
//   r_θ(x, y) = β log π_θ(y|x)/π_ref(y|x)  (β inside r_θ; its placement is uncertain).
// Implementation goals: 1) the display exactly; 2) full relative accuracy when v ≈ λ_y:
// λ_D − λ_D σ(t) is evaluated as λ_D σ(−t) (the identity 1 − σ(t) = σ(−t)), which avoids the
// cancellation of the literal difference; 3) simplicity.
import StableMath

/// KTO in the form PRO prints it (PRO-formulas.md §9); PIPA's form is ``KTOPIPAForm``.
///
/// Provenance: [reconstructed from S5/KTO. S2 gives only the symbols] (PRO-formulas.md §9);
/// β sits inside r_θ. The gradient is taken with respect to `logProb` and `refLogProb`.
public struct KTOPROForm: Objective {
  /// β > 0, inside r_θ.
  public var beta: Double
  /// λ_D > 0, the weight of desired responses.
  public var lambdaD: Double
  /// λ_U > 0, the weight of undesired responses.
  public var lambdaU: Double
  /// z₀ ≥ 0, the reference point.
  public var z0: Double

  public init(beta: Double, lambdaD: Double = 1, lambdaU: Double = 1, z0: Double = 0) {
    self.beta = beta
    self.lambdaD = lambdaD
    self.lambdaU = lambdaU
    self.z0 = z0
  }

  public var name: String { "KTO (PRO form)" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §9.
  public static let provenance: Provenance = .reconstructed(
    "reconstructed from S5/KTO; S2 gives only the symbols λ_D, λ_U, z₀; β placement uncertain")

  /// t = r_θ(x, y) − z₀.
  public func shiftedReward(_ x: KTOPROInput) throws -> Double {
    try check(x)
    return beta * (x.logProb - x.refLogProb) - z0
  }

  /// v(x, y): λ_D σ(t) if desired, λ_U σ(−t) if undesired.
  public func value(_ x: KTOPROInput) throws -> Double {
    let t = try shiftedReward(x)
    return x.desired ? lambdaD * sigmoid(t) : lambdaU * sigmoid(-t)
  }

  /// λ_y − v(x, y) = λ_D σ(−t) (desired) or λ_U σ(t) (undesired).
  public func loss(_ x: KTOPROInput) throws -> Double {
    let t = try shiftedReward(x)
    return x.desired ? lambdaD * sigmoid(-t) : lambdaU * sigmoid(t)
  }

  /// ∂ℓ/∂(logProb, refLogProb) = (β, −β)·∂ℓ/∂r with ∂ℓ/∂r = −λ_D σ(t)σ(−t) (desired) or
  /// +λ_U σ(t)σ(−t) (undesired).
  public func gradient(_ x: KTOPROInput) throws -> [Double] {
    let t = try shiftedReward(x)
    let s = sigmoid(t) * sigmoid(-t)
    let gr = x.desired ? -lambdaD * s : lambdaU * s
    return [beta * gr, -beta * gr]
  }

  private func check(_ x: KTOPROInput) throws {
    try Validate.positive(beta, "beta")
    try Validate.positive(lambdaD, "lambdaD")
    try Validate.positive(lambdaU, "lambdaU")
    try Validate.nonNegative(z0, "z0")
    try x.validate()
  }
}
