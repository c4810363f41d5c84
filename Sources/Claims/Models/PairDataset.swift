// A dataset of preference pairs on one policy model, with a pairwise loss lifted to the
// model's parameters: L(θ) = (1/N) Σ_i ℓ_i(log π_θ(y_w,i), log π_θ(y_l,i)) and, by the chain
// rule, ∇L(θ) = (1/N) Σ_i (∂ℓ_i/∂log π(y_w,i)·∇log π(y_w,i) + ∂ℓ_i/∂log π(y_l,i)·∇log π(y_l,i)).
// π_ref enters only through the fixed reference log-probabilities.

/// One pair of a dataset: responses, reference log-probabilities, prior gap Δr.
public struct ModelPair<Response: Sendable & Hashable>: Sendable {
  public var chosen: Response
  public var rejected: Response
  public var refLogProbChosen: Double
  public var refLogProbRejected: Double
  public var deltaR: Double

  public init(chosen: Response, rejected: Response, refLogProbChosen: Double, refLogProbRejected: Double, deltaR: Double) {
    self.chosen = chosen
    self.rejected = rejected
    self.refLogProbChosen = refLogProbChosen
    self.refLogProbRejected = refLogProbRejected
    self.deltaR = deltaR
  }
}

/// A per-pair loss in terms of the policy log-probabilities: value and the two partials
/// (∂ℓ/∂log π(y_w), ∂ℓ/∂log π(y_l)).
public typealias PairLossFunction<R: Sendable & Hashable> =
  @Sendable (_ logProbChosen: Double, _ logProbRejected: Double, _ pair: ModelPair<R>) throws
  -> (value: Double, dChosen: Double, dRejected: Double)

/// A pairwise loss on a model's parameters.
public struct PairDataset<Model: PolicyModel>: Sendable {
  public var model: Model
  public var pairs: [ModelPair<Model.Response>]

  public init(model: Model, pairs: [ModelPair<Model.Response>]) {
    precondition(!pairs.isEmpty, "a dataset needs at least one pair")
    self.model = model
    self.pairs = pairs
  }

  /// L(θ).
  public func loss(_ theta: [Double], _ f: PairLossFunction<Model.Response>) throws -> Double {
    try withoutActuallyEscaping(f) { try lossFunction($0)(theta) }
  }

  /// θ ↦ L(θ) for repeated evaluation (finite differences): the values of ``loss(_:_:)``,
  /// with the model's log-probabilities through its `logProbabilityFunction` (which may reuse
  /// work between calls). Not thread-safe.
  public func lossFunction(_ f: @escaping PairLossFunction<Model.Response>) -> ([Double]) throws -> Double {
    let logProbabilities = model.logProbabilityFunction(of: pairs.flatMap { [$0.chosen, $0.rejected] })
    let pairs = self.pairs
    return { theta in
      let lp = logProbabilities(theta)
      var total = 0.0
      for (i, p) in pairs.enumerated() {
        total += try f(lp[2 * i], lp[2 * i + 1], p).value
      }
      return total / Double(pairs.count)
    }
  }

  /// ∇L(θ) by the chain rule through the model's scores.
  public func gradient(_ theta: [Double], _ f: PairLossFunction<Model.Response>) throws -> [Double] {
    try sumOfPairTerms(theta, f) { $0 + $1 }
  }

  /// A bound on the rounding error of each component of ``gradient(_:_:)``: the components
  /// are sums of N per-pair terms t_ij = (∂ℓ_i/∂log π(y_w)·s_w,j + ∂ℓ_i/∂log π(y_l)·s_l,j)/N,
  /// and recursive summation of N terms, each itself carrying a few roundings (the score
  /// s = φ − E_π φ, the product, the division), errs by at most (N + 16)·ε·Σ_i |t_ij|
  /// (Higham, Accuracy and Stability, §4.2: γ_{N−1} plus 16 roundings per term, rounded up).
  /// When the terms cancel this is far larger than ε·|g_j|, the only rounding a finite
  /// difference of g_j sees through GSL's abserr; pass it as the FD rule's `inputRounding`.
  public func gradientRoundingBound(_ theta: [Double], _ f: PairLossFunction<Model.Response>) throws
    -> [Double]
  {
    let factor = (Double(pairs.count) + 16) * Double.ulpOfOne
    return try sumOfPairTerms(theta, f) { abs($0) + abs($1) }.map { factor * $0 }
  }

  /// Σ_i combine(∂ℓ_i/∂log π(y_w)·s_w,j, ∂ℓ_i/∂log π(y_l)·s_l,j) / N for every component j:
  /// the gradient with `+`, its rounding scale with `|·| + |·|`.
  private func sumOfPairTerms(
    _ theta: [Double], _ f: PairLossFunction<Model.Response>,
    combine: (_ chosenTerm: Double, _ rejectedTerm: Double) -> Double
  ) throws -> [Double] {
    var g = [Double](repeating: 0, count: model.parameterCount)
    let n = Double(pairs.count)
    let ys = pairs.flatMap { [$0.chosen, $0.rejected] }
    let lp = model.logProbabilities(theta, of: ys)
    let s = model.scores(theta, of: ys)
    for (i, p) in pairs.enumerated() {
      let r = try f(lp[2 * i], lp[2 * i + 1], p)
      let sw = s[2 * i]
      let sl = s[2 * i + 1]
      for j in g.indices { g[j] += combine(r.dChosen * sw[j], r.dRejected * sl[j]) / n }
    }
    return g
  }
}
