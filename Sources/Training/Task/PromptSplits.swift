// The disjoint prompt splits of shared/design/TRAINING.md ("Train, validation and test
// prompts are disjoint sets drawn from one seed"; sizes in PromptSplitSizes.swift).
//
// Goals, in order: 1) disjoint splits, each distributed like the task (AdditionProblem.swift);
// 2) a pure function of (sizes, seed); 3) simplicity.
//
// Construction: draw problems i.i.d. from the task distribution on stream
// TaskStream.splitProblems, keeping each new distinct problem, until `total` are kept; then
// a uniform permutation on stream TaskStream.splitAssignment deals them out: the first
// `train` to train, the next `validation`, `heldOut`, `test`. The permutation makes the four
// splits exchangeable. Caveat, stated for the report: a class of digit counts with fewer
// problems than its share of draws is exhausted — with D = 4 the 100 one-digit + one-digit
// problems are wanted about 6,120/16 ≈ 383 times — so small classes are under-represented
// (each split gets its proportional part of the class, e.g. all 100 (1,1) problems spread
// over the four splits). ``digitClassCounts(_:)`` reports the actual mix.

import Numerics

/// Train, validation, held-out and test prompts: disjoint, from one seed.
public struct PromptSplits: Hashable, Sendable, Codable {
  /// The sizes and D used.
  public let sizes: PromptSplitSizes
  /// The master seed.
  public let seed: UInt64
  /// Preference-training prompts; a prompt's index here is its `promptIndex` in datasets.
  public let train: [AdditionProblem]
  /// Validation prompts.
  public let validation: [AdditionProblem]
  /// Held-out prompts (likelihood tracking, KL estimate).
  public let heldOut: [AdditionProblem]
  /// Test prompts (accuracy).
  public let test: [AdditionProblem]

  /// The splits for `sizes` and `seed` (see the file header).
  /// - Throws: ``TaskError`` from ``PromptSplitSizes/validate()``.
  public init(sizes: PromptSplitSizes = PromptSplitSizes(), seed: UInt64) throws(TaskError) {
    try sizes.validate()
    self.sizes = sizes
    self.seed = seed
    var rng = RandomStream(seed: seed, stream: TaskStream.splitProblems)
    var seen = Set<AdditionProblem>()
    var drawn: [AdditionProblem] = []
    drawn.reserveCapacity(sizes.total)
    // validate() caps total at half the problems, so the acceptance rate stays well above
    // 1/64; the cap only turns an impossible request into an error.
    let maxAttempts = 64 * sizes.total + 10_000
    var attempts = 0
    while drawn.count < sizes.total {
      attempts += 1
      if attempts > maxAttempts {
        throw TaskError(
          field: "sizes.total", value: "\(sizes.total)",
          rule: "must leave enough distinct problems to draw (gave up after \(maxAttempts) "
            + "draws with \(drawn.count) distinct)")
      }
      let p = try AdditionProblem.random(maxDigits: sizes.maxDigits, using: &rng)
      if seen.insert(p).inserted { drawn.append(p) }
    }
    var deal = RandomStream(seed: seed, stream: TaskStream.splitAssignment)
    let order = deal.permutation(drawn.count).map { drawn[$0] }
    var cut = 0
    func next(_ n: Int) -> [AdditionProblem] {
      defer { cut += n }
      return Array(order[cut..<(cut + n)])
    }
    train = next(sizes.train)
    validation = next(sizes.validation)
    heldOut = next(sizes.heldOut)
    test = next(sizes.test)
  }

  /// The validation, held-out and test problems: what the SFT corpus must not contain.
  public var evaluationProblems: Set<AdditionProblem> {
    Set(validation).union(heldOut).union(test)
  }

  /// How many problems of `split` fall in each class (digits of a, digits of b).
  public static func digitClassCounts(_ split: [AdditionProblem]) -> [DigitClass: Int] {
    var out: [DigitClass: Int] = [:]
    for p in split { out[DigitClass(digitsA: p.digitsA, digitsB: p.digitsB), default: 0] += 1 }
    return out
  }

  /// A class of problems by operand digit counts.
  public struct DigitClass: Hashable, Sendable, Codable, Comparable {
    public let digitsA: Int
    public let digitsB: Int
    public init(digitsA: Int, digitsB: Int) {
      self.digitsA = digitsA
      self.digitsB = digitsB
    }
    public static func < (l: DigitClass, r: DigitClass) -> Bool {
      (l.digitsA, l.digitsB) < (r.digitsA, r.digitsB)
    }
  }
}
