// Binds Step-DPO L₀ and L₁ (004_*.txt App. B; input ``StepPairInput``) to PIPA's
// step-labelled correct-vs-incorrect pairs (``StepLevelData/paired(_:)``). Each pair becomes
// one StepPairInput from the two answers' per-token scores and c⁻; the per-token policy
// partials of y⁺ and y⁻ reach the model (per-token gradients), the prior partials are
// dropped (frozen). L₁ holds sg(Σ_{t:c⁻_t=1} r_t(y⁻)) at θ̄: its value is
// ``StepDPOL1/loss(_:stoppedAt:)`` with the frozen pair, its gradient the Objective's
// semi-gradient (0 on the stopped tokens). Batch loss: the mean over pairs.
import Objectives

/// A step-level pairwise objective as a function of one pair (θ) and the same pair at θ̄.
public protocol StepPairForm: Sendable {
  /// L(θ; θ̄) and the (semi-)gradient at θ̄ = θ, in ``StepPairInput``'s layout.
  func term(_ x: StepPairInput, frozen: StepPairInput) throws -> (loss: Double, gradient: [Double])
}

extension StepDPOL0: StepPairForm {
  /// Nothing is stopped.
  public func term(_ x: StepPairInput, frozen: StepPairInput) throws
    -> (loss: Double, gradient: [Double])
  {
    (try loss(x), try gradient(x))
  }
}

extension StepDPOL1: StepPairForm {
  public func term(_ x: StepPairInput, frozen: StepPairInput) throws
    -> (loss: Double, gradient: [Double])
  {
    (try loss(x, stoppedAt: frozen), try gradient(x))
  }
}

/// A step-level pairwise objective on step-labelled pairs.
public struct StepPairAdapter<F: StepPairForm>: SemiGradientObjective {
  public let label: String
  public let form: F
  public let data: FeedbackDataset<StepPairItem>

  public init(label: String, form: F, data: FeedbackDataset<StepPairItem>) {
    self.label = label
    self.form = form
    self.data = data
  }

  public func sequences(forBatch prompts: [Int]) -> [SequenceKey] {
    data.sequenceKeys(forBatch: prompts)
  }

  static func input(_ s: SequenceScores, _ w: Int, _ l: Int, _ item: StepPairItem)
    -> StepPairInput
  {
    StepPairInput(
      logProbsChosen: s.policyTokens[w], logProbsRejected: s.policyTokens[l],
      refLogProbsChosen: s.referenceTokens[w], refLogProbsRejected: s.referenceTokens[l],
      labelsRejected: item.rejectedLabels)
  }

  /// L₁'s stopped sum comes from `frozen`; the rest from `scores`.
  public func evaluate(
    _ scores: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores
  ) throws -> AlignmentGradients {
    let items = data.items(forBatch: prompts)
    let rows = ScoreRows(scores)
    let frozenRows = ScoreRows(frozen)
    var tokens = rows.zeroTokens
    let grad = [Double](repeating: 0, count: scores.keys.count)
    guard !items.isEmpty else {
      return AlignmentGradients(loss: 0, itemCount: 0, sequence: grad, tokens: tokens)
    }
    let scale = 1 / Double(items.count)
    var total = 0.0
    for item in items {
      let w = rows.row(item.promptIndex, item.chosen, label)
      let l = rows.row(item.promptIndex, item.rejected, label)
      for j in [w, l] { try rows.checkTokens(j, needValueLogits: false) }
      let wf = frozenRows.row(item.promptIndex, item.chosen, label)
      let lf = frozenRows.row(item.promptIndex, item.rejected, label)
      for j in [wf, lf] { try frozenRows.checkTokens(j, needValueLogits: false) }
      let t = try form.term(
        Self.input(scores, w, l, item), frozen: Self.input(frozen, wf, lf, item))
      total += t.loss
      // Layout: logProbsChosen (a), logProbsRejected (b), then the two reference arrays.
      let a = scores.policyTokens[w].count
      let b = scores.policyTokens[l].count
      for i in 0..<a { tokens[w][i] += scale * t.gradient[i] }
      for i in 0..<b { tokens[l][i] += scale * t.gradient[a + i] }
    }
    return AlignmentGradients(
      loss: total * scale, itemCount: items.count, sequence: grad, tokens: tokens)
  }
}
