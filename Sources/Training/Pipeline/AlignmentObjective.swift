// The one interface between the alignment loop (shared/design/TRAINING.md step 5) and the
// losses of Sources/Objectives: an objective bound to its dataset and hyperparameters says
// which sequences a batch of prompts needs and, given their scores, returns the batch loss
// and its gradient. Every objective of the default grid conforms (see
// ``AlignmentObjectives/make(_:data:)``), so the loop never names a loss.

/// An objective of Sources/Objectives bound to one dataset and its hyperparameters.
public protocol AlignmentObjective: Sendable {
  /// The label runs and reports use, unique within a grid, e.g. `DPO`, `AlphaPO[alpha=0.25]`.
  var label: String { get }
  /// The sequences the items of `prompts` need, without duplicates, in a fixed order
  /// (empty when the batch's prompts gave no item).
  func sequences(forBatch prompts: [Int]) -> [SequenceKey]
  /// The mean loss over the batch's items and its gradient. `scores.keys` equals
  /// `sequences(forBatch: prompts)`.
  /// - Throws: ``ObjectiveError`` (from Objectives) for scores outside the loss's domain.
  func evaluate(_ scores: SequenceScores, prompts: [Int]) throws -> AlignmentGradients
}
