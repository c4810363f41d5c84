// The factory from a ``RunSpec`` (an objective of ``FeedbackCatalog`` as one paper trains
// it) to an ``AlignmentObjective`` bound to its dataset, and the default grid of
// shared/design/TRAINING.md ("every objective × 5 seeds"): the loop and `verify train`
// name objectives only through here.
import Objectives

/// Builds alignment objectives from run specs.
public enum AlignmentObjectives {
  /// A spec this factory cannot build, named by field, value and rule.
  public struct UnsupportedSpec: Error, CustomStringConvertible {
    public let field: String
    public let value: String
    public let rule: String
    public var description: String { "\(field) must \(rule), got \(value)" }
  }

  /// The value of hyperparameter `name` for `spec`: the spec's override, else the catalog
  /// default of the spec's (objective, paper) entry.
  public static func hyperparameter(_ name: String, of spec: RunSpec) throws -> Double {
    if let v = spec.hyperparameters[name] { return v }
    let entry = FeedbackCatalog.entries.first {
      $0.objective == spec.objective && $0.paper == spec.paper
    }
    if let v = entry?.hyperparameters.first(where: { $0.name == name })?.value { return v }
    throw UnsupportedSpec(
      field: "\(spec.label).hyperparameters[\(name)]", value: "nil",
      rule: "be given (the catalog prints no default)")
  }

  /// Binds `spec` to its dataset built from `samples` (already cut to `spec.responses`
  /// responses and noised by the caller).
  public static func make(_ spec: RunSpec, samples: ScoredSampleSet) throws
    -> any AlignmentObjective
  {
    switch (spec.objective, spec.feedback) {
    case ("DPO", .bestVsWorstPairs):
      return PairwiseAdapter(
        label: spec.label, objective: DPO(beta: try hyperparameter("beta", of: spec)),
        data: BestVsWorstPairs.build(samples))
    default:
      throw UnsupportedSpec(
        field: "\(spec.label).objective", value: "\(spec.objective) on \(spec.feedback)",
        rule: "name an objective and dataset the factory binds")
    }
  }
}
