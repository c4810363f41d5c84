// Binds an unpaired binary objective (``UnpairedBinaryForm``: KTO in PRO's and PIPA's forms,
// PRO-B printed and β-on-optimizer, PIPA-M/N at answer level) to a dataset of
// ``BinaryItem``s — every sampled answer with its verifier label (``UnpairedBinary``), or the
// samples of PIPA's pairs used unpaired (004_*.txt §3.1). Each item contributes its weight
// (1, or PRO App. G's class ratio) times its term; the batch loss is the mean over items.
// The policy partial flows to the sequence; PIPA's ∂ℓ/∂logitG flows to the value-head logit
// at the first response position. KTO's reference point is ``BatchReferencePoint`` of the
// frozen scores: a constant, so only the semi-gradient is returned.
import Objectives

/// An unpaired binary objective on a binary dataset.
public struct UnpairedBinaryAdapter<F: UnpairedBinaryForm>: SemiGradientObjective {
  public let label: String
  public let form: F
  public let data: FeedbackDataset<BinaryItem>

  public init(label: String, form: F, data: FeedbackDataset<BinaryItem>) {
    self.label = label
    self.form = form
    self.data = data
  }

  public func sequences(forBatch prompts: [Int]) -> [SequenceKey] {
    data.sequenceKeys(forBatch: prompts)
  }

  /// The reference point the forms read: the batch KL estimate of `frozen` (0 when unused).
  public func referencePoint(_ frozen: SequenceScores) -> Double {
    form.usesReferencePoint ? BatchReferencePoint.klEstimate(frozen) : 0
  }

  /// z₀ (KTO) comes from `frozen`; everything else from `scores`.
  public func evaluate(
    _ scores: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores
  ) throws -> AlignmentGradients {
    let items = data.items(forBatch: prompts)
    var grad = [Double](repeating: 0, count: scores.keys.count)
    guard !items.isEmpty else {
      return AlignmentGradients(
        loss: 0, itemCount: 0, sequence: grad,
        valueLogits: form.usesValueHead ? ScoreRows(scores).zeroValueLogits : nil)
    }
    let rows = ScoreRows(scores)
    var value = form.usesValueHead ? rows.zeroValueLogits : nil
    let z = referencePoint(frozen)
    let scale = 1 / Double(items.count)
    var total = 0.0
    var clip: ClipActivity? = nil
    for item in items {
      let j = rows.row(item.promptIndex, item.response, label)
      if form.usesValueHead && scores.valueLogits[j].isEmpty {
        throw AdapterError(
          field: "scores[prompt \(item.promptIndex), response \(item.response)].valueLogits",
          value: "[]", rule: "hold the value-head logit of the first response position")
      }
      let t = try form.term(rows.sequence(j), desirable: item.desirable, referencePoint: z)
      total += item.weight * t.loss
      clip = ClipActivity.merge(clip, form.clipActivity(rows.sequence(j), desirable: item.desirable))
      grad[j] += scale * item.weight * t.policy
      if form.usesValueHead { value?[j][0] += scale * item.weight * t.valueLogit }
    }
    return AlignmentGradients(
      loss: total * scale, itemCount: items.count, sequence: grad, valueLogits: value,
      clipActivity: clip)
  }
}
