// Binds a scalar-feedback objective — W-MPO (001_*.txt §4.4 eq. (8), App. D.2 eq. (16),
// App. G.1; input ``ScoredResponseSet``), InfoNCA (eq. (3)) and NCA (input
// ``RewardedResponseSet``), PRO-S (002_*.txt App. D; input ``PROScalarSample``) — to a
// dataset of ``ScalarItem``s: one input per prompt from its responses' scores and
// log-probabilities. The scores are data: W-MPO's S(y), InfoNCA/NCA's r(x, y_i) are the raw
// S̃; PRO-S's ŝ are S̃ centred within the prompt (claims/pro.md §1.10). Every one of these
// inputs lists logProbs first, so the Objective's first n partials flow to the n responses;
// the reference and score partials are dropped (π_ref is frozen, the scores are data).
// Batch loss: the mean over prompts.
import Objectives

/// An objective input built from one prompt's responses and their scalar scores.
public protocol ScalarSetInput: ObjectiveInput {
  /// The input for n responses; the gradient's first n entries are ∂ℓ/∂logProbs.
  static func make(logProbs: [Double], refLogProbs: [Double], scores: [Double]) -> Self
}

extension ScoredResponseSet: ScalarSetInput {
  public static func make(logProbs: [Double], refLogProbs: [Double], scores: [Double]) -> Self {
    ScoredResponseSet(logProbs: logProbs, refLogProbs: refLogProbs, scores: scores)
  }
}

extension RewardedResponseSet: ScalarSetInput {
  public static func make(logProbs: [Double], refLogProbs: [Double], scores: [Double]) -> Self {
    RewardedResponseSet(logProbs: logProbs, refLogProbs: refLogProbs, rewards: scores)
  }
}

extension PROScalarSample: ScalarSetInput {
  public static func make(logProbs: [Double], refLogProbs: [Double], scores: [Double]) -> Self {
    PROScalarSample(logProbs: logProbs, refLogProbs: refLogProbs, scores: scores)
  }
}

/// Which scores of a ``ScalarItem`` an objective reads.
public enum ScalarScores: String, Sendable, Hashable, Codable {
  /// S̃ as is (W-MPO's S(y), InfoNCA/NCA's rewards).
  case raw
  /// S̃ minus the prompt's mean (PRO-S's ŝ, claims/pro.md §1.10).
  case centred
}

/// A scalar-feedback objective on a scalar dataset.
public struct ScalarSetAdapter<O: Objective>: SemiGradientObjective
where O.Input: ScalarSetInput {
  public let label: String
  public let objective: O
  public let data: FeedbackDataset<ScalarItem>
  public let scores: ScalarScores

  public init(
    label: String, objective: O, data: FeedbackDataset<ScalarItem>, scores: ScalarScores
  ) {
    self.label = label
    self.objective = objective
    self.data = data
    self.scores = scores
  }

  public func sequences(forBatch prompts: [Int]) -> [SequenceKey] {
    data.sequenceKeys(forBatch: prompts)
  }

  /// The objective's input for `item`, whose responses sit at `rows` of `s`.
  public func input(_ item: ScalarItem, _ s: SequenceScores, rows: [Int]) -> O.Input {
    O.Input.make(
      logProbs: rows.map { s.policy[$0] }, refLogProbs: rows.map { s.reference[$0] },
      scores: scores == .raw ? item.scores : item.centredScores)
  }

  /// Nothing is stopped: `frozen` is ignored.
  public func evaluate(
    _ s: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores
  ) throws -> AlignmentGradients {
    let items = data.items(forBatch: prompts)
    var mean = BatchMean(itemCount: items.count, sequenceCount: s.keys.count)
    let rows = ScoreRows(s)
    for item in items {
      let js = item.responses.map { rows.row(item.promptIndex, $0, label) }
      let x = input(item, s, rows: js)
      mean.addLoss(try objective.loss(x))
      let g = try objective.gradient(x)
      for (i, j) in js.enumerated() { mean.addPartial(g[i], row: j) }
    }
    return mean.gradients
  }
}
