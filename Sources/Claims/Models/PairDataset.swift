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
    let lp = model.logProbabilities(theta, of: pairs.flatMap { [$0.chosen, $0.rejected] })
    var total = 0.0
    for (i, p) in pairs.enumerated() {
      total += try f(lp[2 * i], lp[2 * i + 1], p).value
    }
    return total / Double(pairs.count)
  }

  /// ∇L(θ) by the chain rule through the model's scores.
  public func gradient(_ theta: [Double], _ f: PairLossFunction<Model.Response>) throws -> [Double] {
    var g = [Double](repeating: 0, count: model.parameterCount)
    let n = Double(pairs.count)
    let ys = pairs.flatMap { [$0.chosen, $0.rejected] }
    let lp = model.logProbabilities(theta, of: ys)
    let s = model.scores(theta, of: ys)
    for (i, p) in pairs.enumerated() {
      let r = try f(lp[2 * i], lp[2 * i + 1], p)
      let sw = s[2 * i]
      let sl = s[2 * i + 1]
      for j in g.indices { g[j] += (r.dChosen * sw[j] + r.dRejected * sl[j]) / n }
    }
    return g
  }
}
