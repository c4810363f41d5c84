// An objective with PIPA's additional SFT loss (claims/pipa.md pipa.empirical.sft-loss:
// "The SFT term is the mean token negative log-likelihood of the correct samples in the
// batch, added with coefficient 1.0"; 004_*.txt §3.3.1, Table 4): L = L_base + c · NLL,
// NLL = −Σ_y log π_θ(y|x) / Σ_y |y| over the distinct correct answers of the batch's items
// (the mean over their tokens). ∂L/∂log π_θ(y|x) gains −c / Σ|y| for each of them; the
// base objective's loss, gradients and stopped quantities are untouched. A batch without a
// correct answer adds nothing.

/// `base` plus c times the mean token NLL of the batch's correct answers.
public struct SFTTermAdapter<Base: SemiGradientObjective>: SemiGradientObjective {
  public let base: Base
  /// c ≥ 0.
  public let coefficient: Double
  /// The answers and labels (the base's own binary dataset).
  public let data: FeedbackDataset<BinaryItem>

  /// - Throws: ``AdapterError`` unless c is finite and ≥ 0.
  public init(_ base: Base, coefficient: Double, data: FeedbackDataset<BinaryItem>) throws {
    guard coefficient.isFinite, coefficient >= 0 else {
      throw AdapterError(
        field: "\(base.label).sftCoefficient", value: "\(coefficient)", rule: "be finite and ≥ 0")
    }
    self.base = base
    self.coefficient = coefficient
    self.data = data
  }

  public var label: String { base.label }

  public func sequences(forBatch prompts: [Int]) -> [SequenceKey] {
    base.sequences(forBatch: prompts)
  }

  public func evaluate(
    _ scores: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores
  ) throws -> AlignmentGradients {
    var g = try base.evaluate(scores, prompts: prompts, stoppedAt: frozen)
    let rows = ScoreRows(scores)
    var seen = Set<Int>()
    var correct: [Int] = []
    for item in data.items(forBatch: prompts) where item.desirable {
      let j = rows.row(item.promptIndex, item.response, label)
      if seen.insert(j).inserted { correct.append(j) }
    }
    let tokens = correct.reduce(0) { $0 + scores.responseLengths[$1] }
    guard tokens > 0 else { return g }
    var logLikelihood = 0.0
    for j in correct { logLikelihood += scores.policy[j] }
    let scale = coefficient / Double(tokens)
    g.loss += -logLikelihood * scale
    for j in correct { g.sequence[j] -= scale }
    return g
  }
}
