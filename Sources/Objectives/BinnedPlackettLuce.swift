// Plackett–Luce over ordered bins (the "b-bin sequential set choice"): the intermediate bins
// of 001_0ef3930bdbd6a134.txt §7 / Figure 7. The paper prints no formula for them; it
// describes PL as "sequentially selecting items for n ordered bins" (§3.2) and MPO as the
// 2-bin case. This is the claim catalog's construction (shared/claims/mpo.md §0.12):
//   ℓ_b = −Σ_{ℓ=1}^{b−1} log( Σ_{y∈B_ℓ} u(y) / Σ_{ℓ'≥ℓ} Σ_{y∈B_ℓ'} u(y) ),  u = exp(β r_θ),
// so b = K singleton bins is Plackett–Luce and b = 2 is MPO. With A_ℓ = logSumExp over B_ℓ
// and T_ℓ = logSumExp(A_ℓ, T_{ℓ+1}) (T_{b+1} = −∞), each term is softplus(T_{ℓ+1} − A_ℓ).
// Implementation goals: 1) that construction exactly; 2) finite value and gradient for all
// finite inputs (∂ℓ/∂a_j = −q_j σ(T_{m+1} − A_m) + Σ_{ℓ<m} e^{a_j − T_ℓ} for y_j ∈ B_m,
// q_j = e^{a_j − A_m}); 3) simplicity. Written independently of ``PlackettLuce`` and
// ``MPO`` so the reductions compare separate code.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sequential choice of ordered bins with utilities u = exp(β r_θ).
///
/// The gradient is taken with respect to every bin's `logProbs` and `refLogProbs`.
public struct BinnedPlackettLuce: Objective {
  /// β > 0, the inverse temperature of the utilities.
  public var beta: Double

  public init(beta: Double) { self.beta = beta }

  public var name: String { "Plackett-Luce over bins" }

  /// Logits per bin, the bin log-masses A_ℓ and the suffix log-masses T_ℓ (T_{b+1} = −∞).
  private func masses(_ x: BinPartition) -> (a: [[Double]], bin: [Double], suffix: [Double]) {
    let a = x.bins.map { $0.logRatios.map { beta * $0 } }
    let bin = a.map { logSumExp($0) }
    var t = Array(repeating: -Double.infinity, count: a.count + 1)
    for l in stride(from: a.count - 1, through: 0, by: -1) {
      t[l] = l == a.count - 1 ? bin[l] : logSumExp(bin[l], t[l + 1])
    }
    return (a, bin, t)
  }

  /// −log of each bin's choice probability, ℓ = 1…b (the last is 0).
  public func binLosses(_ x: BinPartition) throws -> [Double] {
    try validate(x)
    let (_, bin, t) = masses(x)
    return bin.indices.map { l in l == bin.count - 1 ? 0 : softplus(t[l + 1] - bin[l]) }
  }

  public func loss(_ x: BinPartition) throws -> Double { try binLosses(x).reduce(0, +) }

  /// Bin by bin: ∂ℓ/∂log π_θ(y_j) = β g_j, ∂ℓ/∂log π_ref(y_j) = −β g_j.
  public func gradient(_ x: BinPartition) throws -> [Double] {
    try validate(x)
    let (a, bin, t) = masses(x)
    var out: [Double] = []
    for m in a.indices {
      let chosen = sigmoid(t[m + 1] - bin[m])
      let g = a[m].map { aj -> Double in
        var s = -exp(aj - bin[m]) * chosen
        for l in 0..<m { s += exp(aj - t[l]) }
        return beta * s
      }
      out += g + g.map { -$0 }
    }
    return out
  }

  private func validate(_ x: BinPartition) throws {
    try Validate.positive(beta, "beta")
    try x.validate()
  }
}
