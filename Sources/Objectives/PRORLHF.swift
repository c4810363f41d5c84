// The RLHF objective PRO (002_74b446355a07bf4a.txt) compares against in App. C (restored in
// PRO-formulas.md §7; claims/pro.md §1.12), over a finite response set with π_θ = softmax(θ):
//   L_RLHF = −E_{y∼π_θ}[r_φ(y)] + β D_KL(π_θ ‖ π_ref)
//          = Σ_y π_θ(y) (−r_φ(y) + β (log π_θ(y) − log π_ref(y))),
// and its stop-gradient surrogate, Eq. (27):
//   −E_{y∼sg(π_θ)}[r_φ(y) log π_θ(y)] + β E_{y∼sg(π_θ)}[sg(log π_θ(y)/π_ref(y)) log π_θ(y)].
// Implementation goals: 1) the displays exactly; 2) finite value and gradient for all finite
// logits (log-probabilities by logSoftmax; π log π is 0·finite, never 0·(−∞)); 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The RLHF objective of PRO App. C on a finite 𝒴 (PRO-formulas.md §7).
///
/// Provenance: [reconstructed; the form of (27) is uncertain] (PRO-formulas.md §7; the RLHF
/// objective itself is the standard one). The gradient is taken with respect to `logits`,
/// `refLogits` and `rewards`.
public struct PRORLHF: Objective {
  /// One prompt: logits θ, θ_ref over 𝒴 and the reward model's values r_φ(y).
  public struct Input: ObjectiveInput, Hashable, Codable {
    /// θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2.
    public var logits: [Double]
    /// θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref).
    public var refLogits: [Double]
    /// r_φ(y), any finite reals.
    public var rewards: [Double]

    public init(logits: [Double], refLogits: [Double], rewards: [Double]) {
      self.logits = logits
      self.refLogits = refLogits
      self.rewards = rewards
    }

    public var variables: [Double] { logits + refLogits + rewards }
    public var variableNames: [String] {
      logits.indices.map { "logits[\($0)]" } + refLogits.indices.map { "refLogits[\($0)]" }
        + rewards.indices.map { "rewards[\($0)]" }
    }
    public func replacing(variables v: [Double]) -> Input {
      let n = logits.count
      precondition(v.count == 3 * n, "PRORLHF.Input has 3|𝒴| variables")
      return Input(
        logits: Array(v[0..<n]), refLogits: Array(v[n..<(2 * n)]), rewards: Array(v[(2 * n)...]))
    }

    /// Checks the domain: ≥ 2 finite logits, companions of equal length and finite.
    public func validate() throws {
      try FiniteResponseMath.validateLogits(logits, "logits")
      try FiniteResponseMath.validateCompanion(refLogits, "refLogits", count: logits.count)
      try FiniteResponseMath.validateCompanion(rewards, "rewards", count: logits.count)
    }
  }

  /// β > 0, the KL weight.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "RLHF (PRO App. C)" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §7.
  public static let provenance: Provenance = .reconstructed(
    "PRO-formulas.md §7: the form of (27) is uncertain")

  /// β D_KL(π_θ ‖ π_ref) = β Σ_y π_θ(y)(log π_θ(y) − log π_ref(y)).
  public func klTerm(_ x: Input) throws -> Double {
    try Validate.positive(beta, "beta")
    try x.validate()
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    var s = 0.0
    for y in u.indices { s += exp(u[y]) * (u[y] - v[y]) }
    return beta * s
  }

  public func loss(_ x: Input) throws -> Double {
    let kl = try klTerm(x)
    let u = logSoftmax(x.logits)
    var reward = 0.0
    for y in u.indices { reward += exp(u[y]) * x.rewards[y] }
    return -reward + kl
  }

  /// ∂L/∂(θ, θ_ref, r_φ): in free log-probabilities ∂L/∂u_y = π_y(−r_y + β(u_y − v_y) + β),
  /// ∂L/∂v_y = −βπ_y, pulled back through u = logSoftmax(θ), v = logSoftmax(θ_ref);
  /// ∂L/∂r_y = −π_y.
  public func gradient(_ x: Input) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    let p = u.map { exp($0) }
    let gu = u.indices.map { y in p[y] * (-x.rewards[y] + beta * (u[y] - v[y]) + beta) }
    let gv = p.map { -beta * $0 }
    return FiniteResponseMath.logitGradient(gu, logProbs: u)
      + FiniteResponseMath.logitGradient(gv, logProbs: v) + p.map { -$0 }
  }

  /// The gradient in θ of Eq. (27) with sg(π_θ) and sg(log π_θ/π_ref) frozen at θ:
  /// ∂/∂u_y = π_y(−r_y + β(u_y − v_y)), pulled back through u = logSoftmax(θ).
  public func surrogateGradient(_ x: Input) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    let gu = u.indices.map { y in exp(u[y]) * (-x.rewards[y] + beta * (u[y] - v[y])) }
    return FiniteResponseMath.logitGradient(gu, logProbs: u)
  }

  /// Eq. (29): β E_{π_θ}[log(π_θ/π_ref) ∇_θ log π_θ], the θ-gradient of β D_KL.
  public func klGradientEq29(_ x: Input) throws -> [Double] {
    try Validate.positive(beta, "beta")
    try x.validate()
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    let gu = u.indices.map { y in beta * exp(u[y]) * (u[y] - v[y]) }
    return FiniteResponseMath.logitGradient(gu, logProbs: u)
  }
}
