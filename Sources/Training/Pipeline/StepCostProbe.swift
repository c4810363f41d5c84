// The instrument of mappo.no-extra-compute (claims/mappo.md: "(a) count policy and reference
// forward passes per training pair for DPO and MaPPO … (b) in one process, time 30 repeats;
// each repeat times one training step of DPO and one of MaPPO on the same batch from the
// same checkpoint, in alternating order"). It runs on seed 0's shared state after the runs,
// and times exactly the step the alignment loop takes (``AlignmentLoop/step``).
import Foundation
import Numerics

/// Counts and times one training step of two offline specs.
public enum StepCostProbe {
  /// Repeats of the timed pair of steps (the catalog's 30).
  public static let repeats = 30

  /// Measures `candidate` against `baseline` on the first batch of `context`.
  ///
  /// Each repeat starts both steps from a fresh copy of the SFT model with a fresh optimizer
  /// (copies made outside the timed region), times the step of the one run and then of the
  /// other, the baseline first on even repeats and the candidate first on odd ones, and
  /// records t_candidate / t_baseline. The counts divide the sequences each objective asks
  /// the scorer for (policy forward + backward; reference forward, cached once per sequence)
  /// by the pairs of the batch (prompts with at least one item).
  static func measure(
    baseline: RunSpec, candidate: RunSpec, context: SeedContext, repeats: Int = repeats
  ) throws -> StepCostMeasurement {
    guard let batch = context.batches.first else {
      throw PipelineError.setting(field: "alignmentSteps", value: "0", rule: "must be ≥ 1")
    }
    var bound: [(objective: any AlignmentObjective, scorer: SequenceScorer<Float>)] = []
    var policyPerPair: [Double] = []
    var referencePerPair: [Double] = []
    var pairs = 0
    for spec in [baseline, candidate] {
      guard spec.rounds == 1 else {
        throw PipelineError.setting(
          field: "\(spec.label).rounds", value: "\(spec.rounds)", rule: "must be 1 (offline)")
      }
      let (samples, scorer) = try context.offlineSamples(for: spec)
      let objective = try AlignmentLoop.bind(spec, samples: samples, seed: context.seed)
      let keys = objective.sequences(forBatch: batch)
      let prompts = Set(keys.map(\.promptIndex)).count
      guard prompts > 0 else {
        throw PipelineError.setting(
          field: "\(spec.label) first batch", value: "no pair", rule: "must hold ≥ 1 pair")
      }
      pairs = max(pairs, prompts)
      policyPerPair.append(Double(keys.count) / Double(prompts))
      referencePerPair.append(Double(Set(keys).count) / Double(prompts))
      bound.append((objective, scorer))
    }
    let steps = context.batches.count
    func timedStep(_ i: Int) throws -> Double {
      let policy = try context.reference.copy()
      let opt = try AlignmentLoop.optimizer(
        settings: context.settings, steps: steps, layout: policy.parameters.layout)
      let start = DispatchTime.now().uptimeNanoseconds
      _ = try AlignmentLoop.step(
        bound[i].objective, batch: batch, scorer: bound[i].scorer, policy: policy,
        optimizer: opt)
      return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }
    // One untimed warm-up of each (first touches of buffers and caches).
    _ = try timedStep(0)
    _ = try timedStep(1)
    var ratios: [Double] = []
    for r in 0..<repeats {
      let (tBase, tCand): (Double, Double)
      if r % 2 == 0 {
        tBase = try timedStep(0)
        tCand = try timedStep(1)
      } else {
        tCand = try timedStep(1)
        tBase = try timedStep(0)
      }
      ratios.append(tCand / tBase)
    }
    return StepCostMeasurement(
      baseline: baseline.label, candidate: candidate.label, pairs: pairs,
      policyPerPair: policyPerPair, referencePerPair: referencePerPair, ratios: ratios)
  }
}
