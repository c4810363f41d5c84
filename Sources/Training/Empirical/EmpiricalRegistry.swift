// The registry of every empirical claim (catalog ids containing `empirical` or `.emp.`),
// in paper order, with selection by id, paper or glob like ``ClaimRegistry``, the union of
// the runs a selection reads (what `verify train --claims <ids>` trains), and the decision
// of every selected claim from one ``TrainingResults`` as ``ClaimResult`` records (kind
// `.empirical`), the form the analytic reports already use.
import Claims

/// All registered empirical claims and how to select, train and decide them.
public enum EmpiricalRegistry {
  /// Every empirical claim, per paper in paper order.
  public static let all: [EmpiricalClaim] =
    MaPPOEmpiricalClaims.all + MPOEmpiricalClaims.all + PROEmpiricalClaims.all
    + AlphaPOEmpiricalClaims.all + PIPAEmpiricalClaims.all

  /// The claim with this id, if registered.
  public static func claim(id: String) -> EmpiricalClaim? { all.first { $0.id == id } }

  /// Claims selected by ids, paper names (`mappo`) or globs (`mappo.empirical.*`), in
  /// registry order, without duplicates; every claim when `patterns` is empty.
  /// - Throws: ``EmpiricalSelectionError`` naming a pattern that matches nothing.
  public static func select(_ patterns: [String], from claims: [EmpiricalClaim] = all) throws
    -> [EmpiricalClaim]
  {
    if patterns.isEmpty { return claims }
    var chosen = Set<String>()
    for p in patterns {
      let matches = claims.filter { c in
        c.id == p || c.paper.rawValue == p || globMatch(p, c.id)
      }
      if matches.isEmpty { throw EmpiricalSelectionError(pattern: p) }
      for m in matches { chosen.insert(m.id) }
    }
    return claims.filter { chosen.contains($0.id) }
  }

  /// The union of the runs of `claims`, deduplicated by label, in first-seen order. One
  /// label must mean one spec everywhere (a precondition: two claims disagreeing would
  /// decide from a run that is not the one they describe).
  public static func runs(for claims: [EmpiricalClaim]) -> [RunSpec] {
    var seen: [String: RunSpec] = [:]
    var out: [RunSpec] = []
    // A default-grid label means the factory's grid spec (every hyperparameter written out,
    // pipeline choices included), whichever claim names it: claims written per paper state
    // the catalog's values only, and one run must serve them all.
    var grid: [String: RunSpec] = [:]
    for g in AlignmentObjectives.defaultGrid() { grid[g.label] = g }
    for c in claims {
      for claimed in c.runs {
        let r = grid[claimed.label] ?? claimed
        if let prior = seen[r.label] {
          precondition(
            prior == r,
            "run label \(r.label) names two different specs (\(c.id) and an earlier claim)")
        } else {
          seen[r.label] = r
          out.append(r)
        }
      }
    }
    return out
  }

  /// The union of the runs of the claims selected by `patterns` (see ``select(_:from:)``).
  public static func runs(forSelection patterns: [String]) throws -> [RunSpec] {
    runs(for: try select(patterns))
  }

  /// The (baseline, candidate) runs ``StepCostProbe`` times for `claims`: DPO@MaPPO and
  /// MaPPO when mappo.no-extra-compute is selected and both runs are among `trained`.
  public static func stepCostPair(claims: [EmpiricalClaim], trained: [RunSpec])
    -> (baseline: RunSpec, candidate: RunSpec)?
  {
    let claim = MaPPONoExtraCompute.claim
    guard claims.contains(where: { $0.id == claim.id }),
      let dpo = trained.first(where: { $0.label == MaPPOEmpiricalRuns.dpo.label }),
      let mappo = trained.first(where: { $0.label == MaPPOEmpiricalRuns.mappo.label })
    else { return nil }
    return (dpo, mappo)
  }

  /// Decides every claim of `claims` from `results`. A decision that throws (a run without
  /// metric points, a relative change from 0, a t quantile GSL cannot evaluate) becomes
  /// `inconclusive` with the error as its reason — never a pass. Seconds are 0 so the
  /// records encode byte-identically for the same results.
  ///
  /// `untrainable` maps the label of a run the pipeline refused to train (a sweep setting it
  /// does not implement) to the reason; a claim reading such a run is `inconclusive` and says
  /// which run and why, instead of only that the run is missing.
  public static func decideAll(
    _ results: TrainingResults, claims: [EmpiricalClaim] = all,
    untrainable: [String: String] = [:]
  ) -> [ClaimResult] {
    claims.map { c in
      let outcome: CheckOutcome
      let refused = c.runs.map(\.label).filter { untrainable[$0] != nil }
      if !refused.isEmpty {
        outcome = CheckOutcome(
          verdict: .inconclusive,
          summary: refused.map { "run \($0) was not trained: \(untrainable[$0] ?? "")" }
            .joined(separator: "; "))
      } else {
        do {
          outcome = try c.decide(results)
        } catch {
          outcome = CheckOutcome(verdict: .inconclusive, summary: "decision failed: \(error)")
        }
      }
      let record = Claim(
        id: c.id, paper: c.paper, source: c.source, kind: .empirical, statement: c.statement,
        check: { _ in outcome })
      return ClaimResult(
        claim: record, outcome: outcome, seed: results.seed, mode: .full, seconds: 0)
    }
  }

  /// The default-grid spec of `objective` as `paper` (FeedbackCatalog's paper string, e.g.
  /// `000 MaPPO`) trains it: the entry's first feedback kind, the catalog's default
  /// hyperparameters written out (so the spec states them, as the default grid does), and
  /// the label of the default-grid scheme — the objective name alone when one paper trains it
  /// in the grid, else `Objective@Paper` (`DPO@MaPPO`). Decisions read runs by label only.
  public static func gridSpec(_ objective: String, paper: String) -> RunSpec {
    guard
      let entry = FeedbackCatalog.entries.first(where: {
        $0.objective == objective && $0.paper == paper
      }), let feedback = entry.feedback.first
    else { preconditionFailure("gridSpec: no FeedbackCatalog entry \(objective) of \(paper)") }
    var hyperparameters: [String: Double] = [:]
    for h in entry.hyperparameters { if let v = h.value { hyperparameters[h.name] = v } }
    return RunSpec(
      label: gridLabel(objective, paper: paper), objective: objective, paper: paper,
      feedback: feedback, hyperparameters: hyperparameters)
  }

  /// The default-grid label of (objective, paper).
  public static func gridLabel(_ objective: String, paper: String) -> String {
    let papers = FeedbackCatalog.entries.filter {
      $0.objective == objective && $0.inDefaultGrid && $0.feedback.first != .sftCorpus
    }
    if papers.count <= 1 { return objective }
    return "\(objective)@\(paper.split(separator: " ").last.map(String.init) ?? paper)"
  }

  /// A sweep variant of `base`: label `base[suffix]`, with hyperparameter overrides and the
  /// sweep fields changed.
  public static func variant(
    of base: RunSpec, _ suffix: String, hyperparameters: [String: Double] = [:],
    responses: Int? = nil, rewardNoise: Double? = nil, rounds: Int? = nil,
    temperature: Double? = nil
  ) -> RunSpec {
    var s = base
    s.label = "\(base.label)[\(suffix)]"
    s.hyperparameters.merge(hyperparameters) { _, new in new }
    if let responses { s.responses = responses }
    if let rewardNoise { s.rewardNoise = rewardNoise }
    if let rounds { s.rounds = rounds }
    if let temperature { s.temperature = temperature }
    return s
  }
}

/// A selection pattern that matched no empirical claim.
public struct EmpiricalSelectionError: Error, CustomStringConvertible {
  public var pattern: String
  public init(pattern: String) { self.pattern = pattern }
  public var description: String {
    "claim selector '\(pattern)' matches no empirical claim id, paper or glob "
      + "(ids contain `empirical` or `.emp.`)"
  }
}
