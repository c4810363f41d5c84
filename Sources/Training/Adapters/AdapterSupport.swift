// What every objective adapter shares (shared/design/TRAINING.md step 5): the ordered,
// duplicate-free list of sequences a batch needs, the lookup from a key to its row of
// ``SequenceScores``, the per-sequence view an objective input is built from, KTO's batch
// reference point, and the semi-gradient evaluation that makes stop-gradients testable.
//
// Stop-gradients. Some losses hold a quantity constant while they are differentiated: KTO's
// reference point z₀ (a KL estimate "treated as a constant"), the sg(·) terms of Step-DPO L₁
// and PIPA's KTO L₁ (004_*.txt App. B). Their adapters return the semi-gradient
// ∂_θ L(θ; θ̄)|_{θ̄=θ}. ``SemiGradientObjective/evaluate(_:prompts:stoppedAt:)`` evaluates
// L(θ; θ̄) with the stopped quantities read from `frozen` (θ̄), so a finite-difference check
// of that loss in θ alone verifies the gradient the loop receives.

/// An ``AlignmentObjective`` whose stopped quantities can be read from other scores.
public protocol SemiGradientObjective: AlignmentObjective {
  /// L(θ; θ̄) and the semi-gradient: the policy quantities of `scores` (θ), every stopped
  /// quantity (KTO's z₀, sg(·) terms) from `frozen` (θ̄, same keys). The gradient is the
  /// one at θ̄ = θ, so it is meaningful only when `frozen` are the scores themselves; the
  /// loss is meaningful for any `frozen`. Objectives without a stopped quantity ignore it.
  func evaluate(_ scores: SequenceScores, prompts: [Int], stoppedAt frozen: SequenceScores)
    throws -> AlignmentGradients
}

extension SemiGradientObjective {
  /// L(θ; θ) and its semi-gradient (the loop's call).
  public func evaluate(_ scores: SequenceScores, prompts: [Int]) throws -> AlignmentGradients {
    try evaluate(scores, prompts: prompts, stoppedAt: scores)
  }
}

/// A bad batch for an adapter: the field, the value and the rule.
public struct AdapterError: Error, Sendable, Equatable, CustomStringConvertible {
  public let field: String
  public let value: String
  public let rule: String

  public init(field: String, value: String, rule: String) {
    self.field = field
    self.value = value
    self.rule = rule
  }

  public var description: String { "\(field) must \(rule), got \(value)" }
}

/// The sequences of a batch, in first-use order, without duplicates.
struct SequenceKeyList {
  private var seen = Set<SequenceKey>()
  private(set) var keys: [SequenceKey] = []

  mutating func add(_ promptIndex: Int, _ response: Int) {
    let k = SequenceKey(promptIndex: promptIndex, response: response)
    if seen.insert(k).inserted { keys.append(k) }
  }
}

/// One sequence's scores (a row of ``SequenceScores``).
public struct ScoredSequence: Sendable {
  /// log π_θ(y | x).
  public let policy: Double
  /// log π_ref(y | x).
  public let reference: Double
  /// |y| in tokens.
  public let length: Int
  /// log π_θ(y_t | x, y_<t).
  public let policyTokens: [Double]
  /// log π_ref(y_t | x, y_<t).
  public let referenceTokens: [Double]
  /// The value head's logits z_t.
  public let valueLogits: [Double]

  init(_ s: SequenceScores, _ j: Int) {
    policy = s.policy[j]
    reference = s.reference[j]
    length = s.responseLengths[j]
    policyTokens = s.policyTokens[j]
    referenceTokens = s.referenceTokens[j]
    valueLogits = s.valueLogits[j]
  }
}

/// Key → row of the scores, and the gradient accumulators of one evaluation.
struct ScoreRows {
  let scores: SequenceScores
  private let position: [SequenceKey: Int]

  init(_ scores: SequenceScores) {
    self.scores = scores
    var p: [SequenceKey: Int] = [:]
    for (j, k) in scores.keys.enumerated() { p[k] = j }
    position = p
  }

  /// The row of response `response` of prompt `promptIndex`; the objective asked for it, so
  /// a missing row is the loop's bug.
  func row(_ promptIndex: Int, _ response: Int, _ adapter: String) -> Int {
    guard let j = position[SequenceKey(promptIndex: promptIndex, response: response)] else {
      preconditionFailure(
        "\(adapter): scores lack sequence (\(promptIndex), \(response)) it asked for")
    }
    return j
  }

  func sequence(_ j: Int) -> ScoredSequence { ScoredSequence(scores, j) }

  /// Zero per-token arrays shaped like the policy tokens.
  var zeroTokens: [[Double]] { scores.policyTokens.map { [Double](repeating: 0, count: $0.count) } }
  /// Zero per-token arrays shaped like the value logits.
  var zeroValueLogits: [[Double]] {
    scores.valueLogits.map { [Double](repeating: 0, count: $0.count) }
  }

  /// Throws unless row j has one entry per response token in every per-token array.
  func checkTokens(_ j: Int, needValueLogits: Bool) throws {
    let n = scores.responseLengths[j]
    let key = scores.keys[j]
    let name = "scores[prompt \(key.promptIndex), response \(key.response)]"
    if scores.policyTokens[j].count != n || scores.referenceTokens[j].count != n {
      throw AdapterError(
        field: "\(name).policyTokens/referenceTokens",
        value: "\(scores.policyTokens[j].count)/\(scores.referenceTokens[j].count) entries",
        rule: "have responseLengths = \(n) entries")
    }
    if needValueLogits && scores.valueLogits[j].count != n {
      throw AdapterError(
        field: "\(name).valueLogits", value: "\(scores.valueLogits[j].count) entries",
        rule: "have responseLengths = \(n) entries")
    }
  }
}

/// KTO's reference point for a batch.
///
/// The KTO paper estimates z₀ = KL(π_θ ‖ π_ref) from mismatched (x, y′) pairs of the batch.
/// The alignment loop scores each prompt's own responses only, so this estimate replaces it:
/// the mean over the batch's sequences of max(0, log π_θ(y|x) − log π_ref(y|x)), computed
/// from the frozen scores and treated as a constant (no gradient flows through it), as KTO
/// treats its estimate. It is ≥ 0, as KTO's z₀ must be.
enum BatchReferencePoint {
  /// z = mean_j max(0, policy[j] − reference[j]) over `frozen`'s sequences (0 for none).
  static func klEstimate(_ frozen: SequenceScores) -> Double {
    guard !frozen.keys.isEmpty else { return 0 }
    var s = 0.0
    for j in frozen.keys.indices { s += max(0, frozen.policy[j] - frozen.reference[j]) }
    return s / Double(frozen.keys.count)
  }
}
