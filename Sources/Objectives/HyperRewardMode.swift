// The two versions of every PRO Appendix D loss (002_74b446355a07bf4a.txt App. D;
// PRO-formulas.md §8, "Common simplification"): the hyper-response reward r_θ(x, ℋ) computed
// from Eq. (6), or set to 0 as "in all the reported experiments" [verbatim S2].
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How an App. D loss obtains r_θ(x, ℋ).
public enum HyperRewardMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// r_θ(x, ℋ) = β log (1 − Σ π_θ(y_labeled)) / (1 − Σ π_ref(y_labeled)) (exact-H).
  case exact
  /// r_θ(x, ℋ) := 0 (zero-H), the paper's experimental setting.
  case zero
}

enum HyperReward {
  /// r_ℋ = β(log(1 − Σe^{a_i}) − log(1 − Σe^{c_i})) with its partials ∂r_ℋ/∂a_i and
  /// ∂r_ℋ/∂c_i, for policy log-probabilities a and reference log-probabilities c of the
  /// labeled responses. log(1 − Σe^{a_i}) = log1mExp(logSumExp(a)); ∂/∂a_i =
  /// −e^{a_i}/(1 − Σe^{a}) = −exp(a_i − log1mExp(logSumExp(a))). Throws unless both
  /// labeled masses are < 1 (fields named by `policyField`, `refField`).
  static func exact(
    beta: Double, logProbs a: [Double], refLogProbs c: [Double], policyField: String,
    refField: String
  ) throws -> (value: Double, dPolicy: [Double], dRef: [Double]) {
    let sa = logSumExp(a)
    let sc = logSumExp(c)
    if !(sa < 0) {
      throw ObjectiveError(
        field: policyField, value: "labeled policy mass e^\(sa)",
        rule: "must sum to < 1 for the exact hyper-response reward (π_θ(ℋ) > 0)")
    }
    if !(sc < 0) {
      throw ObjectiveError(
        field: refField, value: "labeled reference mass e^\(sc)",
        rule: "must sum to < 1 for the exact hyper-response reward (π_ref(ℋ) > 0)")
    }
    let la = log1mExp(sa)
    let lc = log1mExp(sc)
    let dPolicy = a.map { -beta * exp($0 - la) }
    let dRef = c.map { beta * exp($0 - lc) }
    // ∂r_ℋ/∂a_i ≈ −β/(1 − Σe^{a}) exceeds the float64 range once the hyper mass is below
    // ~β/1.8e308 (e.g. log π_θ(y) = −5e-324): the value is finite but its gradient is not
    // representable, so the input is rejected rather than returning ±inf or NaN.
    if !dPolicy.allSatisfy({ $0.isFinite }) {
      throw ObjectiveError(
        field: policyField, value: "1 − labeled policy mass = e^\(la)",
        rule: "must leave π_θ(ℋ) large enough for a representable gradient of r_θ(ℋ)")
    }
    if !dRef.allSatisfy({ $0.isFinite }) {
      throw ObjectiveError(
        field: refField, value: "1 − labeled reference mass = e^\(lc)",
        rule: "must leave π_ref(ℋ) large enough for a representable gradient of r_θ(ℋ)")
    }
    return (beta * (la - lc), dPolicy, dRef)
  }
}
