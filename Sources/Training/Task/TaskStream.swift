// The stream indices the task and data code draws from, all on one master seed
// (Numerics' RandomStream(seed:stream:)). One index per purpose, fixed here, so that adding a
// draw for one purpose never shifts another's numbers; per-prompt purposes get one stream
// per training prompt, so a prompt's noise, tie-break and pairing do not depend on which
// other prompts a dataset holds (nested subsets keep their draws). All indices carry the
// tag "TASK" in their high 32 bits, apart from whatever streams the model and sampler use.

/// Stream indices for ``Numerics/RandomStream`` used by Sources/Training/Task and Data.
public enum TaskStream {
  static let tag: UInt64 = 0x5441_534B << 32  // "TASK"

  /// The distinct problems of the prompt splits (``PromptSplits``).
  public static let splitProblems: UInt64 = tag | 1
  /// The assignment of those problems to train / validation / held-out / test.
  public static let splitAssignment: UInt64 = tag | 2
  /// The SFT corpus problems (``SFTCorpus``).
  public static let sftCorpus: UInt64 = tag | 3
  /// The batch order over training prompts (``BatchOrder``).
  public static let batchOrder: UInt64 = tag | 4

  /// Per-prompt purposes (the stream is `tag | purpose << 24 | promptIndex`).
  public enum PerPrompt: UInt64, Sendable, CaseIterable {
    /// The standard normal draws z of the injected reward noise σz.
    case rewardNoise = 0x10
    /// The keys that order responses with equal scores.
    case tieBreak = 0x11
    /// The random partner of best-vs-random pairs.
    case randomPartner = 0x12
    /// The matching of correct with incorrect samples (PIPA's paired data).
    case correctIncorrectPairing = 0x13
    /// Subsampling of unpaired binary data (PRO's imbalanced-data experiment).
    case subsample = 0x14
  }

  /// The largest prompt index a per-prompt stream can take (2²⁴ − 1).
  public static let maxPromptIndex = (1 << 24) - 1

  /// The stream of `purpose` for training prompt `promptIndex` (0 ≤ index ≤ 2²⁴ − 1;
  /// dataset inputs validate this).
  public static func stream(_ purpose: PerPrompt, prompt promptIndex: Int) -> UInt64 {
    precondition(
      (0...maxPromptIndex).contains(promptIndex),
      "promptIndex must lie in 0...\(maxPromptIndex), got \(promptIndex)")
    return tag | (purpose.rawValue << 24) | UInt64(promptIndex)
  }
}
