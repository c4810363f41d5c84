// The gradient-identity step shared by mappo.gradient-formula (eq. 13) and
// mappo.reduces-to-sft.gradient-identity (eq. 11): a claimed θ-gradient of a pairwise loss on a
// model is compared with the FD rule applied to the loss L(θ) itself, and every compared
// component or direction is recorded in a Tally.
import Numerics

extension MaPPOClaims {
  /// Compares `claimed` (the claimed ∇L at θ) with central differences of L(θ) built from
  /// `loss` on `data`, under the FD rule and its budget.
  ///
  /// Reading of the FD rule: the loss receives sequence log-probabilities of size up to ~10³
  /// (A1, 512 tokens), each rounded to ε·|log π|; that moves L by up to
  /// Σ_i |∂ℓ_i/∂log π|·ε·|log π| / N, which GSL's abserr (estimated from |f|) does not see.
  /// `inputRounding(pair, log π_θ(y_w), log π_θ(y_l))` gives that bound for one pair; the mean
  /// over the pairs is passed to the FD rule as its inputRounding.
  static func recordFDComparison<M: PolicyModel>(
    _ tally: inout Tally, _ cls: String, instance: Int, beta: Double, data: PairDataset<M>,
    theta: [Double], loss: @escaping PairLossFunction<M.Response>, claimed: [Double], what: String,
    inputRounding: (ModelPair<M.Response>, Double, Double) -> Double,
    random r: inout RandomStream
  ) throws {
    // L(θ) with the model's reuse between evaluations (A1: one row's normaliser per FD step).
    let lossAt = data.lossFunction(loss)
    let f: ([Double]) -> Double = { t in (try? lossAt(t)) ?? .nan }
    var rounding = 0.0
    for p in data.pairs {
      rounding += inputRounding(
        p, data.model.logProbability(theta, p.chosen), data.model.logProbability(theta, p.rejected))
        / Double(data.pairs.count)
    }
    for c in try FDRule.compare(f: f, gradient: claimed, at: theta, random: &r, inputRounding: rounding) {
      tally.record(
        cls, residual: abs(c.analytic - c.numeric.value), tolerance: c.tolerance,
        inputs: [NamedValue("instance", Double(instance)), NamedValue("β", beta)],
        detail: "\(c.label): \(what) gives \(c.analytic), finite differences \(c.numeric)")
    }
  }
}
