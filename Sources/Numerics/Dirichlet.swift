// Dirichlet variates: normalised independent gamma variates (Devroye 1986, §XI.4), computed
// in log space (log Gᵢ by ``RandomStream/logGamma(shape:)``, then normalised by the
// largest) so that small concentrations (αᵢ ≪ 1, where every Gᵢ may underflow) still give
// a point of the simplex.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension RandomStream {
  /// A Dirichlet(α) variate: a probability vector of `alpha.count` components (each ≥ 0,
  /// summing to 1 up to rounding), with E[Xᵢ] = αᵢ/α₀ and
  /// Var[Xᵢ] = αᵢ(α₀ − αᵢ)/(α₀²(α₀ + 1)), α₀ = Σαᵢ.
  public mutating func dirichlet(_ alpha: [Double]) -> [Double] {
    precondition(!alpha.isEmpty, "alpha must not be empty")
    for a in alpha {
      precondition(a > 0 && a.isFinite, "every alpha must be a positive finite number, got \(a)")
    }
    let logs = alpha.map { logGamma(shape: $0) }
    // Normalise by the largest: wᵢ = exp(log Gᵢ − max) ∈ (0, 1], then divide by Σw (≥ 1), so
    // the result sums to 1 within k ulps even when the log Gᵢ are ~ −10³ (a softmax through
    // logSumExp would round the large shift and leave the sum off by ~ε·|log G|).
    let top = logs.max() ?? 0
    let weights = logs.map { exp($0 - top) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }
}
