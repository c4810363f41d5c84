// Binds a step-level objective of one answer (``StepAnswerForm``: PIPA-M/N token level,
// Step-KTO, PIPA's KTO L₁) to a dataset of ``StepItem``s — every sampled answer with its
// verifier token labels (``StepLevelData/unpaired(_:)``), or the samples of PIPA's pairs
// (``StepLevelData/unpairedFromPairs(_:)``, the paired/step setting of claims/pipa.md). The
// gradient is per token (``AlignmentGradients/tokens``) and, for PIPA, per value-head logit;
// the sequence-level gradient is 0 (the loop adds the token gradients). The batch loss is
// the mean over answers; KTO's z₀ is ``BatchReferencePoint`` of the frozen scores.
import Objectives

/// A step-level objective on a token-labelled answer dataset.
public struct StepAnswerAdapter<F: StepAnswerForm>: SemiGradientObjective {
  public let label: String
  public let form: F
  public let data: FeedbackDataset<StepItem>

  public init(label: String, form: F, data: FeedbackDataset<StepItem>) {
    self.label = label
    self.form = form
    self.data = data
  }

  public func sequences(forBatch prompts: [Int]) -> [SequenceKey] {
    data.sequenceKeys(forBatch: prompts)
  }

  /// Stopped quantities (z₀, L₁'s sg-sum) come from `frozen`; the rest from `scores`.
  public func evaluate(
    _ scores: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores
  ) throws -> AlignmentGradients {
    let items = data.items(forBatch: prompts)
    let rows = ScoreRows(scores)
    let frozenRows = ScoreRows(frozen)
    var tokens = rows.zeroTokens
    var value = form.usesValueHead ? rows.zeroValueLogits : nil
    let grad = [Double](repeating: 0, count: scores.keys.count)
    guard !items.isEmpty else {
      return AlignmentGradients(
        loss: 0, itemCount: 0, sequence: grad, tokens: tokens, valueLogits: value)
    }
    let z = form.usesReferencePoint ? BatchReferencePoint.klEstimate(frozen) : 0
    let scale = 1 / Double(items.count)
    var total = 0.0
    var clip: ClipActivity? = nil
    for item in items {
      let j = rows.row(item.promptIndex, item.response, label)
      let jf = frozenRows.row(item.promptIndex, item.response, label)
      try rows.checkTokens(j, needValueLogits: form.usesValueHead)
      try frozenRows.checkTokens(jf, needValueLogits: form.usesValueHead)
      let t = try form.term(
        rows.sequence(j), frozen: frozenRows.sequence(jf), item: item, referencePoint: z)
      total += t.loss
      clip = ClipActivity.merge(clip, form.clipActivity(rows.sequence(j), item: item))
      for (i, g) in t.tokens.enumerated() { tokens[j][i] += scale * g }
      if let v = t.valueLogits {
        for (i, g) in v.enumerated() { value?[j][i] += scale * g }
      }
    }
    return AlignmentGradients(
      loss: total * scale, itemCount: items.count, sequence: grad, tokens: tokens,
      valueLogits: value, clipActivity: clip)
  }
}
