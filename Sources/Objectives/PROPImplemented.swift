// PRO-P as implemented, PRO (002_74b446355a07bf4a.txt) Appendix D, pairwise feedback
// (restored in PRO-formulas.md §8), per pair (x, y_w, y_l):
//   ℓ = −[ log σ(r_w − r_l) + ½log σ(r_w − r_ℋ) + ½log σ(r_ℋ − r_w)
//                           + ½log σ(r_l − r_ℋ) + ½log σ(r_ℋ − r_l) ],
//   r_ℋ = β log (1 − π_θ(y_w) − π_θ(y_l)) / (1 − π_ref(y_w) − π_ref(y_l))   (exact-H),
//   r_ℋ = 0                                                                  (zero-H).
// Implementation goals: 1) the display exactly, term by term; 2) finite value and gradient
// for all finite valid log-probabilities (log σ via logSigmoid, log(1 − e^s) via log1mExp);
// 3) simplicity.
import StableMath

/// PRO-P, App. D implemented form, on a ``PreferencePair`` (PRO-formulas.md §8).
///
/// Provenance: [reconstructed; the shape is supported by S4] (PRO-formulas.md §8); the
/// setting µ̂ = ½ on y_w, y_l, ℋ = 𝒴 \ {y_w, y_l}, η = 2/3 is [verbatim S2]. The Theorem 4.3
/// form with η = 2/3 equals ¼ of this up to constants. The gradient is taken with respect to
/// the four log-probabilities of ``PreferencePair`` (lengths are unused).
public struct PROPImplemented: Objective {
  /// β > 0, the DPO temperature.
  public var beta: Double
  /// Exact r_θ(x, ℋ) from Eq. (6), or r_θ(x, ℋ) = 0 as in the paper's experiments.
  public var hyperReward: HyperRewardMode

  public init(beta: Double, hyperReward: HyperRewardMode = .exact) {
    self.beta = beta
    self.hyperReward = hyperReward
  }

  public var name: String { "PRO-P (App. D, \(hyperReward.rawValue)-H)" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §8.
  public static let provenance: Provenance = .reconstructed("the shape is supported by S4")

  /// (r_w, r_l, r_ℋ) and the partials of r_ℋ with respect to the four log-probabilities.
  public func rewards(_ x: PreferencePair) throws -> (
    chosen: Double, rejected: Double, hyper: Double, hyperPartials: [Double]
  ) {
    try Validate.positive(beta, "beta")
    try x.validate()
    let rw = beta * x.logRatioChosen
    let rl = beta * x.logRatioRejected
    switch hyperReward {
    case .zero:
      return (rw, rl, 0, [0, 0, 0, 0])
    case .exact:
      let h = try HyperReward.exact(
        beta: beta, logProbs: [x.logProbChosen, x.logProbRejected],
        refLogProbs: [x.refLogProbChosen, x.refLogProbRejected],
        policyField: "logProbChosen, logProbRejected",
        refField: "refLogProbChosen, refLogProbRejected")
      return (rw, rl, h.value, h.dPolicy + h.dRef)
    }
  }

  public func loss(_ x: PreferencePair) throws -> Double {
    let r = try rewards(x)
    let (rw, rl, rh) = (r.chosen, r.rejected, r.hyper)
    return
      -(logSigmoid(rw - rl) + 0.5 * logSigmoid(rw - rh) + 0.5 * logSigmoid(rh - rw)
      + 0.5 * logSigmoid(rl - rh) + 0.5 * logSigmoid(rh - rl))
  }

  /// ∂ℓ/∂(log π_θ(y_w), log π_θ(y_l), log π_ref(y_w), log π_ref(y_l)), from
  /// ∂ℓ/∂r_w = −σ(r_l − r_w) + K′(r_w − r_ℋ), ∂ℓ/∂r_l = σ(r_l − r_w) + K′(r_l − r_ℋ),
  /// ∂ℓ/∂r_ℋ = −K′(r_w − r_ℋ) − K′(r_l − r_ℋ), K′(δ) = σ(δ) − ½.
  public func gradient(_ x: PreferencePair) throws -> [Double] {
    let r = try rewards(x)
    let (rw, rl, rh) = (r.chosen, r.rejected, r.hyper)
    let s = sigmoid(rl - rw)
    let kw = BernoulliHalfKL.derivative(rw - rh)
    let kl = BernoulliHalfKL.derivative(rl - rh)
    let gw = -s + kw
    let gl = s + kl
    let gh = -kw - kl
    let d = r.hyperPartials
    return [
      beta * gw + gh * d[0], beta * gl + gh * d[1], -beta * gw + gh * d[2],
      -beta * gl + gh * d[3],
    ]
  }
}
