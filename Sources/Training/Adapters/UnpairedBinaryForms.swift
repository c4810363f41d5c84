// The unpaired binary objectives as forms of one answer (x, y, c): how each builds its
// Objectives input from one sequence's scores, its label and the batch reference point, and
// which of its partials reach the model. Each calls its Objective's own `loss`/`gradient`;
// reference partials are dropped (π_ref is frozen), PRO-B's label partial too (data), KTO's
// z partial too (a constant, see ``BatchReferencePoint``).
//
// - KTO as PRO prints it (002_*.txt App. E, PRO-formulas.md §9): t = β log π_θ/π_ref − z₀
//   with β inside r_θ, so z₀ enters on the reward scale: z₀ = β·KL-estimate (the KTO paper's
//   σ(β(r − KL)) written with β inside r).
// - KTO as PIPA prints it (004_*.txt eq. (10), §3.1): v = β(h − z), so z = KL-estimate.
// - PRO-B, printed and β-on-optimizer (002_*.txt App. D): s = +½ desired, −½ undesired
//   (claims/pro.md M8); zero-H unless the spec asks for exact-H.
// - PIPA-M / PIPA-N at answer level (004_*.txt Theorem 2.1, §2.4): f = π_θ(y|x), p^prior =
//   π_ref(y|x), g(x) = σ(v), v the value head's logit at the first response position (its
//   prefix is the prompt x alone: valueLogits[j][0]); ∂ℓ/∂logitG flows to that logit.
import Objectives

/// One answer's loss and the partials that reach the model.
public struct BinaryAnswerTerm: Sendable {
  /// ℓ(x, y, c).
  public var loss: Double
  /// ∂ℓ/∂log π_θ(y | x).
  public var policy: Double
  /// ∂ℓ/∂v, v the value-head logit at the first response position (0 without a value head).
  public var valueLogit: Double
}

/// An unpaired binary objective as a function of one scored answer.
public protocol UnpairedBinaryForm: Sendable {
  /// Reads the batch reference point (KTO's z₀).
  var usesReferencePoint: Bool { get }
  /// Reads the value head (PIPA's g).
  var usesValueHead: Bool { get }
  /// The term of answer `y` with label `desirable`, reference point `z` (the batch KL
  /// estimate, in log-ratio units).
  func term(_ y: ScoredSequence, desirable: Bool, referencePoint z: Double) throws
    -> BinaryAnswerTerm
  /// PIPA-M (§2.6 clips F = f·g/p^prior on negatives): whether answer `y` came near or past
  /// F = 1; nil for forms that do not clip F.
  func clipActivity(_ y: ScoredSequence, desirable: Bool) -> ClipActivity?
}

extension UnpairedBinaryForm {
  public func clipActivity(_ y: ScoredSequence, desirable: Bool) -> ClipActivity? { nil }
}

extension KTOPROForm: UnpairedBinaryForm {
  public var usesReferencePoint: Bool { true }
  public var usesValueHead: Bool { false }
  /// With z₀ = β·z (β sits inside r_θ in this form).
  public func term(_ y: ScoredSequence, desirable: Bool, referencePoint z: Double) throws
    -> BinaryAnswerTerm
  {
    var o = self
    o.z0 = beta * z
    let x = KTOPROInput(logProb: y.policy, refLogProb: y.reference, desired: desirable)
    return BinaryAnswerTerm(loss: try o.loss(x), policy: try o.gradient(x)[0], valueLogit: 0)
  }
}

/// An unpaired binary form whose term is its Objective on an input built from the answer,
/// its label and z alone: the first partial reaches log π_θ, the second (with a value head)
/// the value-head logit. (KTO as PRO prints it also sets z₀ on a copy of itself, so it
/// keeps its own term above.)
public protocol AnswerInputForm: UnpairedBinaryForm, Objective {
  /// The Objective's input for answer `y` with label `desirable` and reference point `z`.
  static func input(_ y: ScoredSequence, desirable: Bool, referencePoint z: Double) -> Input
}

extension AnswerInputForm {
  public func term(_ y: ScoredSequence, desirable: Bool, referencePoint z: Double) throws
    -> BinaryAnswerTerm
  {
    let x = Self.input(y, desirable: desirable, referencePoint: z)
    let g = try gradient(x)
    return BinaryAnswerTerm(loss: try loss(x), policy: g[0], valueLogit: usesValueHead ? g[1] : 0)
  }
}

extension KTOPIPAForm: AnswerInputForm {
  public var usesReferencePoint: Bool { true }
  public var usesValueHead: Bool { false }
  public static func input(_ y: ScoredSequence, desirable: Bool, referencePoint z: Double)
    -> KTOPIPAInput
  {
    KTOPIPAInput(logF: y.policy, logPrior: y.reference, z: z, label: desirable ? 1 : 0)
  }
}

/// PRO-B, printed and β-on-optimizer: label s = +½ desired, −½ undesired; no z, no value head.
extension AnswerInputForm where Input == PROBinarySample {
  public var usesReferencePoint: Bool { false }
  public var usesValueHead: Bool { false }
  public static func input(_ y: ScoredSequence, desirable: Bool, referencePoint z: Double)
    -> PROBinarySample
  {
    PROBinarySample(logProb: y.policy, refLogProb: y.reference, label: desirable ? 0.5 : -0.5)
  }
}

extension PROBPrinted: AnswerInputForm {}
extension PROBBetaOnOptimizer: AnswerInputForm {}

/// PIPA-M and PIPA-N at answer level: g = σ(v), v = valueLogits[0]; no z.
extension AnswerInputForm where Input == PIPAAnswerInput {
  public var usesReferencePoint: Bool { false }
  public var usesValueHead: Bool { true }
  public static func input(_ y: ScoredSequence, desirable: Bool, referencePoint z: Double)
    -> PIPAAnswerInput
  {
    PIPAAnswerInput(
      logF: y.policy, logitG: y.valueLogits[0], logPrior: y.reference, label: desirable ? 1 : 0)
  }
}

extension PIPAM: AnswerInputForm {
  /// One term, the answer: log F = ``PIPAM/logRatio(_:)`` against its label.
  public func clipActivity(_ y: ScoredSequence, desirable: Bool) -> ClipActivity? {
    var clip = ClipActivity()
    clip.add(
      logRatio: Self.logRatio(Self.input(y, desirable: desirable, referencePoint: 0)),
      positive: desirable)
    return clip
  }
}
extension PIPAN: AnswerInputForm {}
