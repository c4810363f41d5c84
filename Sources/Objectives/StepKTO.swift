// Step-KTO as printed in PIPA Appendix B (PIPA, 004_fe2e5eb1635a4348.txt, "Step-KTO"):
//   L_Step-KTO = −Σ_{k=1}^{K} [ c_{s_k}·σ(Σ_{s_k≤t<s_{k+1}} r_t − z₀)
//                               + (1 − c_{s_k})·σ(−Σ_{s_k≤t<s_{k+1}} r_t + z₀) ],
// r_t = log p^θ(y_t|x, y<t, c_t=1) − log p^prior(y_t|x, y<t); labels are constant within a
// step (validated). As printed there is no temperature (β = 1); §3.1 trains Step-KTO with
// KTO's β = 0.1, entered here as σ(±β(Σ r_t − z₀)).
//
// Implementation goals, in order: 1) the printed loss; 2) finite value and gradient for every
// valid input (σ and σ' = σ(v)σ(−v) never overflow); 3) simplicity.
import StableMath

/// Step-KTO (PIPA App. B): one KTO term per step.
///
/// The gradient is taken with respect to logProbs, refLogProbs and z0 of ``StepKTOInput``.
public struct StepKTO: Objective {
  /// β > 0; β = 1 is the printed loss.
  public var beta: Double

  public init(beta: Double = 1) { self.beta = beta }

  public var name: String { "Step-KTO" }

  private func check(_ x: StepKTOInput) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
    for k in x.stepStarts.indices {
      let r = x.stepRange(k)
      let first = r.lowerBound
      for t in r where x.labels[t] != x.labels[first] {
        throw ObjectiveError(
          field: "labels[\(t)]", value: "\(x.labels[t])",
          rule: "must equal the label \(x.labels[first]) of its step's first token \(first)")
      }
    }
  }

  /// v_k = β(Σ_{t∈step k} r_t − z₀).
  public func stepArguments(_ x: StepKTOInput) -> [Double] {
    x.stepStarts.indices.map { beta * PIPASum.sum(x.rewardTerms(x.stepRange($0)) + [-x.z0]) }
  }

  public func loss(_ x: StepKTOInput) throws -> Double {
    try check(x)
    var l = 0.0
    for (k, v) in stepArguments(x).enumerated() {
      l -= x.labels[x.stepStarts[k]] == 1 ? sigmoid(v) : sigmoid(-v)
    }
    return l
  }

  /// With d_k = dL/dv_k = −σ'(v_k) (c_{s_k} = 1) or +σ'(v_k) (c_{s_k} = 0), σ' = σ(v)σ(−v):
  /// ∂/∂logProbs[t] = βd_k and ∂/∂refLogProbs[t] = −βd_k for t in step k; ∂/∂z0 = −βΣ_k d_k.
  public func gradient(_ x: StepKTOInput) throws -> [Double] {
    try check(x)
    let n = x.logProbs.count
    var g = [Double](repeating: 0, count: 2 * n + 1)
    for (k, v) in stepArguments(x).enumerated() {
      let sp = sigmoid(v) * sigmoid(-v)
      let d = x.labels[x.stepStarts[k]] == 1 ? -sp : sp
      for t in x.stepRange(k) {
        g[t] = beta * d
        g[n + t] = -beta * d
      }
      g[2 * n] -= beta * d
    }
    return g
  }
}
