// The sequences a batch needs (shared/design/TRAINING.md step 5): every adapter asks the
// loop to score the responses its items name, in first-use order, without duplicates. Each
// item type says which responses it names; ``FeedbackDataset/sequenceKeys(forBatch:)``
// collects them once for all adapters.

/// An item whose responses an objective reads, in the order the adapter first uses them.
protocol NamesResponses: FeedbackItem {
  /// The responses of ``FeedbackItem/promptIndex`` this item reads.
  var namedResponses: [Int] { get }
}

extension FeedbackDataset where Item: NamesResponses {
  /// The batch's sequences, in first-use order, without duplicates.
  func sequenceKeys(forBatch prompts: [Int]) -> [SequenceKey] {
    var list = SequenceKeyList()
    for item in items(forBatch: prompts) {
      for r in item.namedResponses { list.add(item.promptIndex, r) }
    }
    return list.keys
  }
}

extension PairItem: NamesResponses {
  /// y_w, then y_l.
  var namedResponses: [Int] { [chosen, rejected] }
}

extension StepPairItem: NamesResponses {
  /// y⁺, then y⁻.
  var namedResponses: [Int] { [chosen, rejected] }
}

extension SetPartitionItem: NamesResponses {
  /// 𝒴⁺, then 𝒴⁻.
  var namedResponses: [Int] { positive + negative }
}

extension RankingItem: NamesResponses {
  /// The bins in order, best first.
  var namedResponses: [Int] { bins.flatMap { $0 } }
}

extension ScalarItem: NamesResponses {
  var namedResponses: [Int] { responses }
}

extension StepItem: NamesResponses {
  var namedResponses: [Int] { [response] }
}

extension BinaryItem: NamesResponses {
  var namedResponses: [Int] { [response] }
}
