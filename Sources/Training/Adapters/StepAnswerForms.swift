// The step-level objectives of one labelled answer as forms: PIPA-M/N at token level
// (004_*.txt §2.5, Algorithm 1; ``PIPATokenInput``), Step-KTO and PIPA's KTO L₁ (App. B;
// ``StepKTOInput``). Each builds its Objectives input from the answer's per-token scores,
// the verifier's token labels and step starts, and calls its Objective's own `loss` and
// `gradient`; the per-token policy partials (and PIPA's value-logit partials) reach the
// model, the prior/reference partials are dropped (frozen) and so is Step-KTO's z₀ partial
// (the batch KL estimate, a constant — ``BatchReferencePoint``).
//
// Stop-gradient: KTO L₁ holds sg(Σ_{t:c_t=1} r_t) of a negative answer at θ̄; its term reads
// that sum from `frozen` through ``StepKTOL1/loss(_:stoppedAt:)`` and returns the
// Objective's semi-gradient (0 on the stopped tokens), as Objectives implements it.
import Objectives

/// One answer's loss and the per-token partials that reach the model.
public struct StepAnswerTerm: Sendable {
  /// ℓ(x, y, c) (L(θ; θ̄) for a stop-gradient form).
  public var loss: Double
  /// ∂ℓ/∂log π_θ(y_t | x, y_<t), t = 0..<|y|.
  public var tokens: [Double]
  /// ∂ℓ/∂z_t, the value-head logits, or nil without a value head.
  public var valueLogits: [Double]?
}

/// A step-level objective as a function of one scored, token-labelled answer.
public protocol StepAnswerForm: Sendable {
  /// Reads the batch reference point (KTO's z₀).
  var usesReferencePoint: Bool { get }
  /// Reads the value head (PIPA's g_t).
  var usesValueHead: Bool { get }
  /// The term of answer `y` (`frozen`: the same answer's scores at θ̄) with labels from
  /// `item` and reference point `z` (log-ratio units).
  func term(
    _ y: ScoredSequence, frozen: ScoredSequence, item: StepItem, referencePoint z: Double
  ) throws -> StepAnswerTerm
  /// PIPA-M (§2.6 clips F = f·g/p^prior on negatives): how many of answer `y`'s tokens came
  /// near or past F = 1; nil for forms that do not clip F.
  func clipActivity(_ y: ScoredSequence, item: StepItem) -> ClipActivity?
}

extension StepAnswerForm {
  public func clipActivity(_ y: ScoredSequence, item: StepItem) -> ClipActivity? { nil }
}

/// PIPA-M and PIPA-N at token level: the same input and partials (layout logF then logitG).
extension StepAnswerForm where Self: Objective, Input == PIPATokenInput {
  public var usesReferencePoint: Bool { false }
  public var usesValueHead: Bool { true }
  /// The input of answer `y` with `item`'s token labels, g_t = σ(valueLogits[t]).
  static func input(_ y: ScoredSequence, item: StepItem) -> PIPATokenInput {
    PIPATokenInput(
      logF: y.policyTokens, logitG: y.valueLogits, logPrior: y.referenceTokens,
      labels: item.labels)
  }
  public func term(
    _ y: ScoredSequence, frozen: ScoredSequence, item: StepItem, referencePoint z: Double
  ) throws -> StepAnswerTerm {
    let x = Self.input(y, item: item)
    let g = try gradient(x)
    let t = x.count
    return StepAnswerTerm(
      loss: try loss(x), tokens: Array(g[0..<t]), valueLogits: Array(g[t..<(2 * t)]))
  }
}

extension PIPAMTokenLevel: StepAnswerForm {
  public func clipActivity(_ y: ScoredSequence, item: StepItem) -> ClipActivity? {
    ClipActivity(tokens: Self.input(y, item: item))
  }
}
extension PIPANTokenLevel: StepAnswerForm {}

extension StepKTOInput {
  /// Step-KTO's input for answer `y` with `item`'s labels and step starts and z₀ = `z0`.
  init(_ y: ScoredSequence, item: StepItem, z0: Double) {
    self.init(
      logProbs: y.policyTokens, refLogProbs: y.referenceTokens, labels: item.labels,
      stepStarts: item.stepStarts, z0: z0)
  }
}

extension StepKTO: StepAnswerForm {
  public var usesReferencePoint: Bool { true }
  public var usesValueHead: Bool { false }
  public func term(
    _ y: ScoredSequence, frozen: ScoredSequence, item: StepItem, referencePoint z: Double
  ) throws -> StepAnswerTerm {
    let x = StepKTOInput(y, item: item, z0: z)
    let t = x.logProbs.count
    return StepAnswerTerm(
      loss: try loss(x), tokens: Array(try gradient(x)[0..<t]), valueLogits: nil)
  }
}

extension StepKTOL1: StepAnswerForm {
  public var usesReferencePoint: Bool { true }
  public var usesValueHead: Bool { false }
  /// L₁(θ; θ̄): the stopped sum of a negative answer from `frozen`.
  public func term(
    _ y: ScoredSequence, frozen: ScoredSequence, item: StepItem, referencePoint z: Double
  ) throws -> StepAnswerTerm {
    let x = StepKTOInput(y, item: item, z0: z)
    let xFrozen = StepKTOInput(frozen, item: item, z0: z)
    let t = x.logProbs.count
    return StepAnswerTerm(
      loss: try loss(x, stoppedAt: xFrozen), tokens: Array(try gradient(x)[0..<t]),
      valueLogits: nil)
  }
}
