// The container every dataset builder returns (shared/design/TRAINING.md pipeline step 4):
// the items of one feedback type grouped by training prompt, and the prompts that gave no
// item with the reason, so the report can state how many were skipped and why
// (claims/mpo.md EP-3: "the report gives the fraction of such prompts").

/// One item of a dataset: it belongs to a training prompt.
public protocol FeedbackItem: Hashable, Sendable, Codable {
  /// The prompt's index in the training split.
  var promptIndex: Int { get }
}

/// Why a prompt contributed no item to a dataset.
public enum SkipReason: String, Hashable, Sendable, Codable, CaseIterable {
  /// All n scores are equal: no preference among the responses.
  case allScoresEqual
  /// Fewer responses than the builder needs (2 for comparisons).
  case tooFewResponses
  /// The threshold partition put no response strictly above the threshold.
  case emptyPositiveSet
  /// No correct response, or no incorrect one, to pair (PIPA's paired data).
  case noCorrectIncorrectPair
}

/// A prompt that contributed no item, and why.
public struct SkippedPrompt: Hashable, Sendable, Codable {
  public let promptIndex: Int
  public let reason: SkipReason
}

/// The items of one feedback type for a set of training prompts.
public struct FeedbackDataset<Item: FeedbackItem>: Hashable, Sendable, Codable {
  /// What the dataset is, e.g. "best-vs-worst pairs" (printed in reports).
  public let kind: String
  /// The items, grouped by prompt in the order of the source prompts.
  public let items: [Item]
  /// The prompts that gave no item.
  public let skipped: [SkippedPrompt]
  /// How many prompts were considered.
  public let promptCount: Int
  /// promptIndex → the range of its items in ``items``.
  let ranges: [Int: Range<Int>]

  /// Runs `build` on every prompt of `source`, in order.
  init(
    kind: String, source: ScoredSampleSet,
    build: (ScoredPrompt) -> Result<[Item], SkipError>
  ) {
    var items: [Item] = []
    var skipped: [SkippedPrompt] = []
    var ranges: [Int: Range<Int>] = [:]
    for p in source.prompts {
      switch build(p) {
      case .success(let made):
        let start = items.count
        items += made
        ranges[p.promptIndex] = start..<items.count
      case .failure(let skip):
        skipped.append(SkippedPrompt(promptIndex: p.promptIndex, reason: skip.reason))
      }
    }
    self.kind = kind
    self.items = items
    self.skipped = skipped
    self.promptCount = source.prompts.count
    self.ranges = ranges
  }

  /// The items of one prompt (empty when it was skipped or is unknown).
  public func items(forPrompt promptIndex: Int) -> ArraySlice<Item> {
    guard let r = ranges[promptIndex] else { return [] }
    return items[r]
  }

  /// The items of a batch of prompts (``BatchOrder``), in batch order. Skipped prompts add
  /// nothing, so every objective sees the same prompts at the same step.
  public func items(forBatch promptIndices: [Int]) -> [Item] {
    promptIndices.flatMap { items(forPrompt: $0) }
  }

  /// How many prompts were skipped for `reason`.
  public func skippedCount(_ reason: SkipReason) -> Int {
    skipped.filter { $0.reason == reason }.count
  }

  /// The fraction of prompts skipped (0 when there were none).
  public var skippedFraction: Double {
    promptCount == 0 ? 0 : Double(skipped.count) / Double(promptCount)
  }

  /// One line for the report: kind, items, prompts used, skipped by reason.
  public var summary: String {
    let reasons = SkipReason.allCases.compactMap { r -> String? in
      let c = skippedCount(r)
      return c == 0 ? nil : "\(r.rawValue) \(c)"
    }
    let skipText = reasons.isEmpty ? "none skipped" : "skipped: " + reasons.joined(separator: ", ")
    return "\(kind): \(items.count) items from \(promptCount - skipped.count)/\(promptCount) "
      + "prompts (\(skipText))"
  }
}

/// A builder's decision to skip a prompt (the failure side of its per-prompt result).
struct SkipError: Error, Hashable {
  let reason: SkipReason
  init(_ reason: SkipReason) { self.reason = reason }
}
