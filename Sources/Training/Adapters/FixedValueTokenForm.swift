// PIPA at token level with the value head switched off (claims/pipa.md
// pipa.empirical.value-head-ablation: "PIPA-M with g fixed at 0.5 (value head output replaced
// by the constant)"; 004_*.txt §3.3.1, Table 2): the same Objective as
// ``PIPAMTokenLevel``/``PIPANTokenLevel`` on the same token labels, with every g_t = g
// (logit log(g/(1 − g)), 0 for g = ½) instead of σ(z_t). The value head takes no part:
// the form reads no value logit and returns no value-logit gradient, so the loop does not
// train the head.
import Foundation
import Objectives

/// A PIPA token-level objective with g_t fixed at `value`.
public struct FixedValueTokenForm<O: Objective>: StepAnswerForm where O.Input == PIPATokenInput {
  public let objective: O
  /// g ∈ (0, 1).
  public let value: Double
  /// log(g / (1 − g)).
  public let logit: Double

  /// - Throws: ``AdapterError`` unless 0 < value < 1.
  public init(_ objective: O, value: Double) throws {
    guard value > 0, value < 1 else {
      throw AdapterError(field: "fixedValue", value: "\(value)", rule: "lie in (0, 1)")
    }
    self.objective = objective
    self.value = value
    logit = log(value / (1 - value))
  }

  public var usesReferencePoint: Bool { false }
  public var usesValueHead: Bool { false }

  /// The input of answer `y` with `item`'s token labels and every logit g_t = ``logit``.
  func input(_ y: ScoredSequence, item: StepItem) -> PIPATokenInput {
    PIPATokenInput(
      logF: y.policyTokens, logitG: [Double](repeating: logit, count: y.policyTokens.count),
      logPrior: y.referenceTokens, labels: item.labels)
  }

  public func term(
    _ y: ScoredSequence, frozen: ScoredSequence, item: StepItem, referencePoint z: Double
  ) throws -> StepAnswerTerm {
    let t = y.policyTokens.count
    let x = input(y, item: item)
    let g = try objective.gradient(x)
    return StepAnswerTerm(loss: try objective.loss(x), tokens: Array(g[0..<t]), valueLogits: nil)
  }

  /// PIPA-M with g fixed still clips F on its negatives (PIPA-N does not clip).
  public func clipActivity(_ y: ScoredSequence, item: StepItem) -> ClipActivity? {
    objective is PIPAMTokenLevel ? ClipActivity(tokens: input(y, item: item)) : nil
  }
}
