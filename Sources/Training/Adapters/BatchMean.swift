// The batch loss of the sequence-level adapters (shared/design/TRAINING.md step 5): the mean
// of the items' losses, and the gradient with respect to each sequence's log π_θ, each
// item's partial weighted 1/N. Summation order is the items' order, as before this type.

/// The running mean loss and sequence gradient of one batch evaluation.
struct BatchMean {
  private let itemCount: Int
  private let scale: Double
  private var total = 0.0
  private var sequence: [Double]

  /// An empty accumulator for `itemCount` items over `sequenceCount` sequences.
  init(itemCount: Int, sequenceCount: Int) {
    self.itemCount = itemCount
    scale = itemCount == 0 ? 0 : 1 / Double(itemCount)
    sequence = [Double](repeating: 0, count: sequenceCount)
  }

  /// Adds one item's loss.
  mutating func addLoss(_ loss: Double) { total += loss }

  /// Adds one item's ∂ℓ/∂log π_θ of the sequence at row `j`, weighted 1/N.
  mutating func addPartial(_ g: Double, row j: Int) { sequence[j] += scale * g }

  /// Loss = the mean (0 for no item), with the accumulated sequence gradient.
  var gradients: AlignmentGradients {
    guard itemCount > 0 else { return AlignmentGradients(loss: 0, itemCount: 0, sequence: sequence) }
    return AlignmentGradients(loss: total * scale, itemCount: itemCount, sequence: sequence)
  }
}
