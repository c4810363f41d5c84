// An empirical claim of the catalog (ids with `empirical` or `.emp.`), decided from the
// results of the small-model experiment (shared/design/TRAINING.md "Empirical claims to
// test"), with the runs its decision reads. The decision is a function of
// ``TrainingResults`` alone, so a saved results file can be re-judged without retraining.
import Claims

/// One empirical claim and its decision rule.
public struct EmpiricalClaim: Sendable {
  /// The catalog id, e.g. `mappo.empirical.squeezing-mitigation`.
  public var id: String
  public var paper: Paper
  /// Where in the paper (table, figure, section).
  public var source: String
  /// The claim as the catalog states it.
  public var statement: String
  /// Every run the decision reads (default-grid runs included), by ``RunSpec/label``.
  public var runs: [RunSpec]
  /// True when every run is in the shared default grid; false when the claim needs a sweep
  /// that only `verify train --claims <id>` runs.
  public var inDefaultGrid: Bool
  /// Decides the claim from the results (which must hold every run of ``runs``; a missing
  /// run or fewer than two seeds gives `inconclusive` with the reason).
  public var decide: @Sendable (TrainingResults) throws -> CheckOutcome

  public init(
    id: String, paper: Paper, source: String, statement: String, runs: [RunSpec],
    inDefaultGrid: Bool, decide: @escaping @Sendable (TrainingResults) throws -> CheckOutcome
  ) {
    self.id = id
    self.paper = paper
    self.source = source
    self.statement = statement
    self.runs = runs
    self.inDefaultGrid = inDefaultGrid
    self.decide = decide
  }
}
