// KTO in the form PIPA prints it (PIPA, 004_fe2e5eb1635a4348.txt, App. A.2, eq. (10)):
//   max_θ E[ c·σ(h_θ − z) + (1 − c)·σ(−h_θ + z) ],
// h_θ = log p^θ(y|x, c=1)/p^prior(y|x), z = KL(p^θ(y|x, c=1) ‖ p^prior(y|x)).
// The loss is the negative of the integrand, as Algorithm 2, line 5 prints it:
//   ℓ = −c·σ(h − z) − (1 − c)·σ(−h + z).
// (10) has no temperature; §3.1 trains KTO with β = 0.1, entered as σ(±β(h − z)); β = 1 is
// the printed form. (PRO's KTO form is a separate objective.)
// Theorem A.2: σ(h − z) = p^θ(c=1|x, y) when p^θ(y|x, c=0) = p^prior and
// log[p^θ(c=0|x)/p^θ(c=1|x)] = z, i.e. PIPA-N's posterior with logit g = −z.
//
// Implementation goals, in order: 1) eq. (10) / Algorithm 2 exactly; 2) finite value and
// gradient for every valid input; 3) simplicity.
import StableMath

/// KTO as printed in PIPA App. A.2, eq. (10) (loss = −integrand, Algorithm 2).
///
/// The gradient is taken with respect to (logF, logPrior, z) of ``KTOPIPAInput``; z enters as
/// a number (its dependence on θ is the caller's, and KTO stops it).
public struct KTOPIPAForm: Objective {
  /// β > 0; β = 1 is the printed eq. (10).
  public var beta: Double

  public init(beta: Double = 1) { self.beta = beta }

  public var name: String { "KTO (PIPA eq. 10)" }

  /// v = β(h − z).
  public func argument(_ x: KTOPIPAInput) -> Double {
    beta * PIPASum.sum([x.logF, -x.logPrior, -x.z])
  }

  public func loss(_ x: KTOPIPAInput) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    let v = argument(x)
    return x.label == 1 ? -sigmoid(v) : -sigmoid(-v)
  }

  /// With d = dℓ/dv = −σ'(v) (c = 1) or +σ'(v) (c = 0), σ' = σ(v)σ(−v):
  /// ∂ℓ/∂(logF, logPrior, z) = βd·(1, −1, −1).
  public func gradient(_ x: KTOPIPAInput) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let v = argument(x)
    let sp = sigmoid(v) * sigmoid(-v)
    let d = beta * (x.label == 1 ? -sp : sp)
    return [d, -d, -d]
  }
}
