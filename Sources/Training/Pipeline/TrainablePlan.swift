// Which of a selection's runs the pipeline can train: claims' sweeps may carry settings the
// factory does not implement (a model width, a prior fine-tune; the ones it does are
// ``AlignmentObjectives/SweepKey``). `verify train --claims` trains the rest and reports
// these by label with the factory's reason, instead of failing the whole selection or training the plain objective.

/// A selection of runs split into the trainable ones and the refused ones with the reason.
public struct TrainablePlan: Sendable {
  /// The runs the factory binds, in the selection's order.
  public let trainable: [RunSpec]
  /// label → why the factory refuses the run.
  public let refused: [String: String]

  /// Probes every spec with the factory on an empty sample set (the binding checks do not
  /// depend on the samples).
  public init(_ specs: [RunSpec], seed: UInt64) throws {
    let probe = try ScoredSampleSet(samples: [], seed: seed)
    var ok: [RunSpec] = []
    var refused: [String: String] = [:]
    for spec in specs {
      do {
        _ = try AlignmentObjectives.make(spec, samples: probe)
        ok.append(spec)
      } catch let e as AlignmentObjectives.UnsupportedSpec {
        refused[spec.label] = e.description
      }
    }
    trainable = ok
    self.refused = refused
  }
}
