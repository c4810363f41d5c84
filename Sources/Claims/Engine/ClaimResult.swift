// The result of running one claim's check: what `verify run --json` prints and what
// reports are built from.

/// A claim's computed verdict and its evidence.
public struct ClaimResult: Codable, Sendable {
  public var id: String
  public var paper: Paper
  public var source: String
  public var kind: ClaimKind
  public var provenance: String
  public var verdict: Verdict
  /// One line of evidence.
  public var evidence: String
  public var classes: [CaseClass]
  public var notes: [String]
  public var counterexample: Counterexample?
  public var conditions: [ConditionReport]
  public var seed: UInt64
  public var mode: CheckContext.Mode
  /// Wall-clock seconds (not part of byte-identical reports).
  public var seconds: Double

  public init(claim: Claim, outcome: CheckOutcome, seed: UInt64, mode: CheckContext.Mode, seconds: Double) {
    id = claim.id
    paper = claim.paper
    source = claim.source
    kind = claim.kind
    provenance = claim.provenance.description
    verdict = outcome.verdict
    evidence = outcome.summary
    classes = outcome.classes
    notes = outcome.notes
    counterexample = outcome.counterexample
    conditions = outcome.conditions
    self.seed = seed
    self.mode = mode
    self.seconds = seconds
  }
}
