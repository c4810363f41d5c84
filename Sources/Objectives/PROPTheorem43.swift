// PRO-P in the form of PRO (002_74b446355a07bf4a.txt) Theorem 4.3 (restored in
// PRO-formulas.md §5): with µ = µ̄ of Eq. (9) and α = 1/η², L̂_PRO has the gradient of
//   L̂_PRO-P = −(1/η²) E_{y₁,y₂ ∼̇ µ̄}[ p̄(y₁≻y₂) log σ(r_θ(y₁) − r_θ(y₂)) ],
//   µ̄(y) = η µ̂(y) on supp(µ̂), (1 − η) ρ(y) elsewhere on 𝒴_ℋ;
//   p̄ = p̂ on supp(µ̂)², ½ otherwise (the "augmented empirical preference").
// Implementation goals: 1) the display exactly, double sum over 𝒴_ℋ × 𝒴_ℋ (diagonal
// included); 2) finite value and gradient for all finite logits; 3) simplicity.
import StableMath

/// PRO-P, Theorem 4.3 form, over a finite response set (PRO-formulas.md §5).
///
/// Provenance: [reconstructed: derived, and numerically confirmed to 2e-8 for random η, ρ,
/// p̂] (PRO-formulas.md §5); uncertain whether the printed form keeps 1/η². The condition
/// α = 1/η² is [verbatim S2]. The gradient is taken with respect to `logits` and `refLogits`.
public struct PROPTheorem43: Objective {
  /// β > 0, the DPO temperature.
  public var beta: Double
  /// η ∈ (0, 1), the mixing weight of Eq. (9).
  public var eta: Double

  public init(beta: Double, eta: Double) {
    self.beta = beta
    self.eta = eta
  }

  public var name: String { "PRO-P (Theorem 4.3)" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §5.
  public static let provenance: Provenance = .reconstructed(
    "derived, and numerically confirmed to 2e-8 for random η, ρ, p̂")

  /// µ̄ of Eq. (9) on 𝒴 (before the Eq. (6) aggregation over ℋ): η µ̂(y) + (1 − η) ρ(y)
  /// (the supports are disjoint).
  public static func mubar(eta: Double, muHat: [Double], rho: [Double]) -> [Double] {
    zip(muHat, rho).map { eta * $0 + (1 - eta) * $1 }
  }

  public func loss(_ x: PROPInput) throws -> Double { try evaluate(x).value }

  /// ∂L/∂(θ, θ_ref): for w_ef = µ̄_e µ̄_f p̄(e≻f)/η² and δ_ef = r_e − r_f on 𝒴_ℋ,
  /// ∂L/∂r_e −= w_ef σ(−δ_ef), ∂L/∂r_f += w_ef σ(−δ_ef); pulled back through Eq. (6) and
  /// u = logSoftmax(θ).
  public func gradient(_ x: PROPInput) throws -> [Double] { try evaluate(x).gradient }

  private func evaluate(_ x: PROPInput) throws -> (value: Double, gradient: [Double]) {
    try Validate.positive(beta, "beta")
    try Validate.inOpenInterval(eta, 0, 1, "eta")
    try x.validate()
    let space = x.space
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    let ua = space.aggregateLog(u)
    let va = space.aggregateLog(v)
    let mb = space.aggregate(Self.mubar(eta: eta, muHat: x.muHat, rho: x.rho))
    let m = ua.count
    // The labeled response behind each element of 𝒴_ℋ, if any (ℋ itself is unlabeled).
    let label: [Int?] = space.elements.map { e in
      e.count == 1 && x.muHat[e[0]] > 0 ? e[0] : nil
    }
    let r = (0..<m).map { beta * (ua[$0] - va[$0]) }
    let c = 1 / (eta * eta)
    var value = 0.0
    var gr = [Double](repeating: 0, count: m)
    for a in 0..<m where mb[a] > 0 {
      for b in 0..<m where mb[b] > 0 {
        let pbar: Double
        if let i = label[a], let j = label[b] { pbar = x.preference[i][j] } else { pbar = 0.5 }
        let w = c * mb[a] * mb[b] * pbar
        if w == 0 { continue }
        let d = r[a] - r[b]
        value -= w * logSigmoid(d)
        let s = w * sigmoid(-d)
        gr[a] -= s
        gr[b] += s
      }
    }
    let gU = space.pullBack(gr.map { beta * $0 }, logValues: u, aggregated: ua)
    let gV = space.pullBack(gr.map { -beta * $0 }, logValues: v, aggregated: va)
    let g =
      FiniteResponseMath.logitGradient(gU, logProbs: u)
      + FiniteResponseMath.logitGradient(gV, logProbs: v)
    return (value, g)
  }
}
