// Population DPO on a finite response set, PRO (002_74b446355a07bf4a.txt) §3.1, the display
// before Theorem 3.1 (restored in PRO-formulas.md §2):
//   L_DPO(π_θ; π_ref) = −E_{y₁,y₂∼µ}[ p(y₁≻y₂) · log σ(r_θ(y₁) − r_θ(y₂)) ],
//   r_θ(y) = β log π_θ(y)/π_ref(y),  π_θ = softmax(θ), π_ref = softmax(θ_ref).
// Implementation goals: 1) the display exactly (the double sum over 𝒴 × 𝒴, diagonal
// included); 2) finite value and gradient for all finite logits (log σ via logSigmoid,
// log-probabilities via logSoftmax); 3) simplicity.
import StableMath

/// Population DPO over a finite response set, PRO §3.1 (PRO-formulas.md §2).
///
/// Provenance: [reconstructed: S3 LaTeX; re-derived] (PRO-formulas.md §2).
/// The gradient is taken with respect to `logits` and `refLogits`.
public struct PopulationDPO: Objective {
  /// β > 0, the DPO temperature.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "PopulationDPO" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §2.
  public static let provenance: Provenance = .reconstructed("S3 LaTeX; re-derived")

  /// r_θ(y) = β(log π_θ(y) − log π_ref(y)) for every y ∈ 𝒴.
  public func rewards(_ x: PopulationPreferenceInput) throws -> [Double] {
    try check(x)
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    return zip(u, v).map { beta * ($0 - $1) }
  }

  public func loss(_ x: PopulationPreferenceInput) throws -> Double {
    try evaluate(x).value
  }

  /// ∂L/∂(θ, θ_ref): with w_ab = µ_a µ_b p(a≻b) and δ_ab = r_a − r_b, ∂L/∂r_a =
  /// −Σ_b w_ab σ(−δ_ab) + Σ_b w_ba σ(−δ_ba); then r = β(u − u_ref) and u = logSoftmax(θ).
  public func gradient(_ x: PopulationPreferenceInput) throws -> [Double] {
    try evaluate(x).gradient
  }

  private func check(_ x: PopulationPreferenceInput) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
  }

  private func evaluate(_ x: PopulationPreferenceInput) throws -> (
    value: Double, gradient: [Double]
  ) {
    try check(x)
    let n = x.logits.count
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    let r = zip(u, v).map { beta * ($0 - $1) }
    var value = 0.0
    var gr = [Double](repeating: 0, count: n)
    for a in 0..<n where x.mu[a] > 0 {
      for b in 0..<n where x.mu[b] > 0 {
        let w = x.mu[a] * x.mu[b] * x.preference[a][b]
        if w == 0 { continue }
        let d = r[a] - r[b]
        value -= w * logSigmoid(d)
        let s = w * sigmoid(-d)
        gr[a] -= s
        gr[b] += s
      }
    }
    let gu = gr.map { beta * $0 }
    let gv = gr.map { -beta * $0 }
    let g =
      FiniteResponseMath.logitGradient(gu, logProbs: u)
      + FiniteResponseMath.logitGradient(gv, logProbs: v)
    return (value, g)
  }
}
