// `verify baseline`: a committed file of verdicts (claim id → verdict, plus the seed and
// mode they were computed with) and the comparison CI runs against it. Any difference —
// a verdict that changed, a claim that appeared or disappeared — is a change to name.
//
// Goals, in order: (1) the regression gate compares verdicts only — the recorded evidence
// (summary, counterexample, condition) is documentation that the docs' per-claim blocks are
// generated from, not a gate; (2) the file is deterministic (sorted keys, numbers already
// formatted as text by the checks), so the same seed and build write byte-identical files;
// (3) an older file is still read: schemaVersion 1 (verdicts only) migrates to a baseline
// without evidence, a newer version is refused with a message saying so.
import Foundation

/// Verdicts of one run, as committed for CI, with the evidence the docs are generated from.
public struct VerdictBaseline: Codable, Sendable, Equatable {
  /// The version this build writes. 1: verdicts only; 2: plus `evidence`.
  public static let currentSchemaVersion = 2

  /// The version of the file this value was read from (``currentSchemaVersion`` when built
  /// from a run).
  public var schemaVersion = VerdictBaseline.currentSchemaVersion
  public var seed: UInt64
  public var mode: CheckContext.Mode
  /// Claim id → verdict (sorted by id in the JSON).
  public var verdicts: [String: Verdict]
  /// Claim id → the evidence of the run that wrote the file (empty for a schemaVersion 1 file).
  public var evidence: [String: Evidence]

  /// What the docs print about one claim besides its verdict.
  public struct Evidence: Codable, Sendable, Equatable {
    /// The check's one-line evidence summary.
    public var summary: String
    /// The shrunk counterexample, when the check reported one.
    public var counterexample: RecordedCounterexample?
    /// The conditions of a conditional verdict, each with a case on each side (nil: none).
    public var conditions: [RecordedCondition]?

    public init(
      summary: String, counterexample: RecordedCounterexample? = nil,
      conditions: [RecordedCondition]? = nil
    ) {
      self.summary = summary
      self.counterexample = counterexample
      self.conditions = conditions
    }
  }

  /// A counterexample as text: its numbers formatted by ``formatNumber(_:)`` (round-trip
  /// exact), so NaN or ±inf residuals survive JSON and the file stays byte-stable.
  public struct RecordedCounterexample: Codable, Sendable, Equatable {
    /// "name = value, …" (empty when the case has no named inputs).
    public var inputs: String
    /// What was compared and how it failed.
    public var detail: String
    /// The residual and the tolerance it exceeded, when the failure is a residual.
    public var residual: String?
    public var tolerance: String?

    public init(inputs: String, detail: String, residual: String? = nil, tolerance: String? = nil) {
      self.inputs = inputs
      self.detail = detail
      self.residual = residual
      self.tolerance = tolerance
    }

    public init(_ c: Counterexample) {
      inputs = c.inputs.map(\.description).joined(separator: ", ")
      detail = c.detail
      residual = c.residual.map(formatNumber)
      tolerance = c.tolerance.map(formatNumber)
    }
  }

  /// A condition of a conditional verdict with one case on each side.
  public struct RecordedCondition: Codable, Sendable, Equatable {
    public var condition: String
    /// Tested cases that satisfy it.
    public var casesSatisfying: Int
    /// A case satisfying the condition where the claim holds.
    public var holds: String
    /// A case violating the condition where the claim fails.
    public var fails: String

    public init(condition: String, casesSatisfying: Int, holds: String, fails: String) {
      self.condition = condition
      self.casesSatisfying = casesSatisfying
      self.holds = holds
      self.fails = fails
    }

    public init(_ c: ConditionReport) {
      self.init(
        condition: c.condition, casesSatisfying: c.casesSatisfying, holds: c.holdingCase,
        fails: c.failingCase)
    }
  }

  public init(results: [ClaimResult], seed: UInt64, mode: CheckContext.Mode) {
    self.seed = seed
    self.mode = mode
    verdicts = Dictionary(results.map { ($0.id, $0.verdict) }, uniquingKeysWith: { a, _ in a })
    evidence = Dictionary(
      results.map { r in
        (
          r.id,
          Evidence(
            summary: r.evidence, counterexample: r.counterexample.map(RecordedCounterexample.init),
            conditions: r.conditions.isEmpty ? nil : r.conditions.map(RecordedCondition.init))
        )
      }, uniquingKeysWith: { a, _ in a })
  }

  /// A baseline from its parts (tests, migrations).
  public init(
    seed: UInt64, mode: CheckContext.Mode, verdicts: [String: Verdict],
    evidence: [String: Evidence] = [:], schemaVersion: Int = VerdictBaseline.currentSchemaVersion
  ) {
    self.schemaVersion = schemaVersion
    self.seed = seed
    self.mode = mode
    self.verdicts = verdicts
    self.evidence = evidence
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, seed, mode, verdicts, evidence
  }

  /// A file whose schemaVersion this build cannot read.
  public struct UnsupportedVersion: Error, CustomStringConvertible {
    public var version: Int
    public var description: String {
      "baseline schemaVersion \(version) is not one this build reads (1 or "
        + "\(VerdictBaseline.currentSchemaVersion)); rebuild AlignCheck or regenerate the file "
        + "with `verify baseline --write FILE`"
    }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
    guard schemaVersion == 1 || schemaVersion == Self.currentSchemaVersion else {
      throw UnsupportedVersion(version: schemaVersion)
    }
    seed = try c.decode(UInt64.self, forKey: .seed)
    mode = try c.decode(CheckContext.Mode.self, forKey: .mode)
    verdicts = try c.decode([String: Verdict].self, forKey: .verdicts)
    // Version 1 recorded no evidence: migrate to an empty map (the verdicts are intact).
    evidence =
      schemaVersion == 1 ? [:] : try c.decode([String: Evidence].self, forKey: .evidence)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(seed, forKey: .seed)
    try c.encode(mode, forKey: .mode)
    try c.encode(verdicts, forKey: .verdicts)
    if schemaVersion >= 2 { try c.encode(evidence, forKey: .evidence) }
  }

  /// Reads a baseline file (either version).
  public static func load(contentsOf url: URL) throws -> VerdictBaseline {
    try JSONDecoder().decode(VerdictBaseline.self, from: Data(contentsOf: url))
  }

  /// One difference between a baseline and a run.
  public struct Change: Sendable, Equatable, CustomStringConvertible {
    public var id: String
    /// nil: the claim is new (not in the baseline).
    public var before: Verdict?
    /// nil: the claim is gone (not in this run).
    public var after: Verdict?

    public var description: String {
      switch (before, after) {
      case (let b?, let a?): "\(id): \(b.rawValue) → \(a.rawValue)"
      case (nil, let a?): "\(id): new claim (\(a.rawValue)), not in the baseline"
      case (let b?, nil): "\(id): in the baseline (\(b.rawValue)) but not in this run"
      case (nil, nil): "\(id): no verdict"
      }
    }
  }

  /// The changes from `self` (the baseline) to `current`, sorted by id. Verdicts only: the
  /// recorded evidence is documentation, not a regression gate.
  public func changes(to current: VerdictBaseline) -> [Change] {
    Set(verdicts.keys).union(current.verdicts.keys).sorted().compactMap { id in
      let b = verdicts[id]
      let a = current.verdicts[id]
      return b == a ? nil : Change(id: id, before: b, after: a)
    }
  }
}
