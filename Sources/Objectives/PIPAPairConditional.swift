import StableMath

// The prior-informed pair likelihood of PIPA Theorem A.1 (PIPA, 004_fe2e5eb1635a4348.txt,
// App. A.1, eqs. (7)–(9)): with p^θ(y|x, c=0) = p^prior(y|x) and p^θ(c=1|x) = p^θ(c=0|x) = ½,
// Bayes' rule (8) gives for the pair (y⁺, y⁻)
//   p^θ(c|x, (y^c, y^{−c})) = f(y⁺)p^prior(y⁻) / ( f(y⁺)p^prior(y⁻) + p^prior(y⁺)f(y⁻) )   (9)
// and the loss is its negative logarithm. Theorem A.1 says this equals DPO (6), −log σ(r^θ),
// r^θ = log[f(y⁺)p^prior(y⁻)/(f(y⁻)p^prior(y⁺))] — which is DPO with β = 1.
// The prior here is on the NEGATIVE conditional (as PIPA-N), not on the marginal (PIPA-M).
//
// Implementation goals, in order: 1) eq. (8) as printed, normalised over c in log space:
// a = log[½·f(y⁺)p^prior(y⁻)], b = log[½·p^prior(y⁺)f(y⁻)], ℓ = logSumExp(a, b) − a
// evaluated as softplus(b − a); 2) finite for every valid input; 3) simplicity. The literal
// quotient (9) is exposed as `literalPosterior` for checks.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// −log p^θ(c|x, (y^c, y^{−c})) of PIPA Theorem A.1 (eqs. 7–9), on a ``PreferencePair`` read
/// as f = π_θ (logProbChosen = log f(y⁺), …) and p^prior = π_ref.
///
/// The gradient is taken with respect to the four log-probabilities of ``PreferencePair``.
public struct PIPAPairConditional: Objective {
  public init() {}

  public var name: String { "PIPA pair conditional (Thm A.1)" }

  /// (a, b): the two Bayes numerators of (8) in log space, h^θ(c)·p^θ(c|x) for the observed
  /// c and for 1 − c.
  public static func logNumerators(_ x: PreferencePair) -> (observed: Double, swapped: Double) {
    let half = -ln2
    return (
      x.logProbChosen + x.refLogProbRejected + half, x.refLogProbChosen + x.logProbRejected + half
    )
  }

  /// b − a = log p^prior(y⁺) + log f(y⁻) − log f(y⁺) − log p^prior(y⁻) (the ½'s cancel),
  /// summed with compensation.
  public static func logOddsAgainst(_ x: PreferencePair) -> Double {
    PIPASum.sum([x.refLogProbChosen, x.logProbRejected, -x.logProbChosen, -x.refLogProbRejected])
  }

  /// The third line of (9) evaluated literally as a quotient of probabilities (underflows
  /// for very negative log-probabilities; for checks only).
  public static func literalPosterior(_ x: PreferencePair) -> Double {
    let num = exp(x.logProbChosen) * exp(x.refLogProbRejected)
    return num / (num + exp(x.refLogProbChosen) * exp(x.logProbRejected))
  }

  public func loss(_ x: PreferencePair) throws -> Double {
    try x.validate()
    return softplus(Self.logOddsAgainst(x))
  }

  /// With s = σ(b − a): ∂ℓ/∂(logProbChosen, logProbRejected, refLogProbChosen,
  /// refLogProbRejected) = (−s, s, s, −s).
  public func gradient(_ x: PreferencePair) throws -> [Double] {
    try x.validate()
    let s = sigmoid(Self.logOddsAgainst(x))
    return [-s, s, s, -s]
  }
}
