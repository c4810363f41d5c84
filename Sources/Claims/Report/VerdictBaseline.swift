// `verify baseline`: a committed file of verdicts (claim id → verdict, plus the seed and
// mode they were computed with) and the comparison CI runs against it. Any difference —
// a verdict that changed, a claim that appeared or disappeared — is a change to name.

/// Verdicts of one run, as committed for CI.
public struct VerdictBaseline: Codable, Sendable, Equatable {
  public var schemaVersion = claimReportSchemaVersion
  public var seed: UInt64
  public var mode: CheckContext.Mode
  /// Claim id → verdict (sorted by id in the JSON).
  public var verdicts: [String: Verdict]

  public init(results: [ClaimResult], seed: UInt64, mode: CheckContext.Mode) {
    self.seed = seed
    self.mode = mode
    verdicts = Dictionary(results.map { ($0.id, $0.verdict) }, uniquingKeysWith: { a, _ in a })
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

  /// The changes from `self` (the baseline) to `current`, sorted by id.
  public func changes(to current: VerdictBaseline) -> [Change] {
    Set(verdicts.keys).union(current.verdicts.keys).sorted().compactMap { id in
      let b = verdicts[id]
      let a = current.verdicts[id]
      return b == a ? nil : Change(id: id, before: b, after: a)
    }
  }
}
