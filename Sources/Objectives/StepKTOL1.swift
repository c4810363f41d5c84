// PIPA's KTO L₁ (PIPA, 004_fe2e5eb1635a4348.txt, Appendix B, last formula; the "Step-KTO (L₁
// variant)" of the experiments): "we adopt the original KTO for positive answers while
// applying a different approach for negative answers by masking the gradient of positive
// steps":
//   positive answer (every c_t = 1):  L = −σ(Σ_t r_t − z₀)            (Algorithm 2, c = 1),
//   negative answer (some c_t = 0):   L₁ = −σ(−Σ_{t:c_t=0} r_t − sg(Σ_{t:c_t=1} r_t) + z₀).
// β multiplies the argument of σ (β = 1 is the printed loss). Which answers count as
// positive is not printed beyond "positive answers"; here an answer is positive iff all its
// token labels are 1 (the paper's step labels make every step of a correct answer correct).
//
// Stop-gradient semantics (claim catalog pipa.md): L₁(θ; θ̄) with the stopped sum
// S = Σ_{t:c_t=1} r_t evaluated at θ̄. For a negative answer the stopped coordinates are
// logProbs[t] and refLogProbs[t] for every t with c_t = 1; z0 is not stopped. For a positive
// answer nothing is stopped.
// - `loss` is the value L₁(θ; θ) = −σ(−Σ_t r_t + z₀) (un-stopped expression);
// - `gradient` is the semi-gradient (0 on the stopped coordinates);
// - `fullGradient` is the gradient of the un-stopped expression;
// - `loss(_:stoppedAt:)` evaluates L₁(θ; θ̄).
//
// Implementation goals, in order: 1) the printed L₁ and its stop-gradient; 2) finite value
// and gradient for every valid input; 3) simplicity.
import StableMath

/// PIPA App. B's KTO L₁: KTO on positive answers, positive steps of negative answers under a
/// stop-gradient.
///
/// `gradient` is the stop-gradient (semi-)gradient with respect to logProbs, refLogProbs and
/// z0 of ``StepKTOInput``; `fullGradient` is the gradient of the value. Step starts are
/// ignored (the token labels decide).
public struct StepKTOL1: Objective {
  /// β > 0; β = 1 is the printed loss.
  public var beta: Double

  public init(beta: Double = 1) { self.beta = beta }

  public var name: String { "Step-KTO L1 (PIPA)" }

  /// Whether the answer is positive (every c_t = 1).
  public static func isPositive(_ x: StepKTOInput) -> Bool { x.labels.allSatisfy { $0 == 1 } }

  private func check(_ x: StepKTOInput) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
  }

  /// The argument of σ at θ̄ = θ: β(Σ_t r_t − z₀) for a positive answer,
  /// β(−Σ_{c_t=0} r_t − Σ_{c_t=1} r_t + z₀) for a negative one.
  public func argument(_ x: StepKTOInput) -> Double {
    let all = x.rewardTerms(0..<x.logProbs.count)
    if Self.isPositive(x) { return beta * PIPASum.sum(all + [-x.z0]) }
    return beta * PIPASum.sum(all.map { -$0 } + [x.z0])
  }

  public func loss(_ x: StepKTOInput) throws -> Double {
    try check(x)
    return -sigmoid(argument(x))
  }

  /// L₁(θ; θ̄): for a negative answer the stopped sum Σ_{t:c_t=1} r_t is taken from `frozen`
  /// (θ̄), the rest from `x`; for a positive answer this is the loss of `x`. `frozen` must
  /// have the labels of `x`.
  public func loss(_ x: StepKTOInput, stoppedAt frozen: StepKTOInput) throws -> Double {
    try check(x)
    try frozen.validate()
    if frozen.labels != x.labels {
      throw ObjectiveError(
        field: "frozen", value: "labels \(frozen.labels)", rule: "must equal the input's labels")
    }
    if Self.isPositive(x) { return -sigmoid(argument(x)) }
    let terms = x.rewardTerms(label: 0).map { -$0 } + frozen.rewardTerms(label: 1).map { -$0 }
    return -sigmoid(beta * PIPASum.sum(terms + [x.z0]))
  }

  private func layout(_ x: StepKTOInput, mask: (Int) -> Bool) -> [Double] {
    let v = argument(x)
    let sp = sigmoid(v) * sigmoid(-v)
    let n = x.logProbs.count
    var g = [Double](repeating: 0, count: 2 * n + 1)
    // dL/dv = −σ'(v); dv/d r_t = +β (positive answer) or −β (negative answer);
    // dv/dz0 = −β (positive) or +β (negative).
    let sign: Double = Self.isPositive(x) ? 1 : -1
    for t in 0..<n where mask(t) {
      g[t] = -sp * sign * beta
      g[n + t] = sp * sign * beta
    }
    g[2 * n] = sp * sign * beta
    return g
  }

  /// Semi-gradient: for a negative answer, with σ' = σ(v)σ(−v), ∂/∂logProbs[t] = βσ'(v) and
  /// ∂/∂refLogProbs[t] = −βσ'(v) for c_t = 0, 0 for c_t = 1, ∂/∂z0 = −βσ'(v); for a positive
  /// answer −βσ'(v), +βσ'(v) on every token and ∂/∂z0 = βσ'(v).
  public func gradient(_ x: StepKTOInput) throws -> [Double] {
    try check(x)
    if Self.isPositive(x) { return layout(x) { _ in true } }
    return layout(x) { x.labels[$0] == 0 }
  }

  /// Gradient of the un-stopped expression: every token weighted as the c_t = 0 ones.
  public func fullGradient(_ x: StepKTOInput) throws -> [Double] {
    try check(x)
    return layout(x) { _ in true }
  }
}
