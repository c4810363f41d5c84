// What every run of one seed shares (shared/design/TRAINING.md pipeline step 7: "within a
// seed every run shares the SFT model, the samples and the batch order"): the prompt
// splits, the frozen SFT model π_ref, the shared offline samples with their scorer (whose
// reference cache then serves every objective), the metrics evaluator with its step-0 point,
// and the batch order.
//
// Threads: ``prepare(for:)`` computes up front everything the runs would otherwise fill in
// lazily (the step-0 point, π_ref's scores of every sequence the runs' objectives ask for,
// the dedicated samples of specs with their own n or T) and freezes the scorers. After it,
// the runs only read this object (``addMetricsSeconds(_:)`` takes a lock), so the runs of
// one seed may go on in parallel (``TrainingGrid``'s workers), each with its own policy,
// optimizer, random streams and π_ref replica (a model's buffer pool is not shared).
import Foundation
import Numerics

/// The shared state of one seed's alignment runs.
public final class SeedContext {
  public let settings: TrainingSettings
  public let seedIndex: Int
  public let splits: PromptSplits
  /// The SFT model; every run copies it, nothing updates it (π_ref).
  public let reference: Transformer<Float>
  /// The shared samples: n responses per training prompt from π_ref at the settings'
  /// temperature.
  public let trainSamples: [PromptSamples]
  /// The scorer over the shared samples (one reference cache for every objective).
  public let sharedScorer: SequenceScorer<Float>
  public let evaluator: MetricsEvaluator
  /// The batches of every run, in order (the first `alignmentSteps` of the seed's order).
  public let batches: [[Int]]
  /// The Monte Carlo step values of the shared samples (pipa.empirical.threshold), set by
  /// the grid before the runs when a spec needs them (``StepValueStage``).
  public internal(set) var stepValues: StepValues?
  private var initialPoint: MetricPoint?
  /// Wall-clock seconds spent measuring metrics so far (reported in timings.json).
  public internal(set) var metricsSeconds = 0.0
  private var dedicated: [String: (samples: [PromptSamples], scorer: SequenceScorer<Float>)] = [:]
  /// The sample sets and scorers of the PIPA data-source sweeps, set before the runs
  /// (``PIPADataSweepStages``; ``sweepSamples(for:)``).
  var sweepSampleSets:
    [SweepSampleSource: (samples: [PromptSamples], scorer: SequenceScorer<Float>)] = [:]
  private let lock = NSLock()

  public init(
    settings: TrainingSettings, seedIndex: Int, splits: PromptSplits,
    reference: Transformer<Float>, trainSamples: [PromptSamples], heldOutSamples: [PromptSamples]
  ) throws {
    self.settings = settings
    self.seedIndex = seedIndex
    self.splits = splits
    self.reference = reference
    self.trainSamples = trainSamples
    let seed = splits.seed
    sharedScorer = SequenceScorer(
      reference: reference, samples: try ScoredSampleSet(samples: trainSamples, seed: seed),
      chunkSize: settings.evaluationBatch)
    evaluator = MetricsEvaluator(
      settings: settings, splits: splits, reference: reference,
      heldOut: try ScoredSampleSet(samples: heldOutSamples, seed: seed))
    let steps = settings.resolvedAlignmentSteps
    let perEpoch = (settings.trainPrompts + settings.batchPrompts - 1) / settings.batchPrompts
    let order = try BatchOrder(
      promptIndices: Array(0..<settings.trainPrompts), batchSize: settings.batchPrompts,
      epochs: (steps + perEpoch - 1) / perEpoch, seed: seed)
    batches = Array(order.batches.prefix(steps))
  }

  /// The seed (``TrainingResults/seed(master:index:)``).
  public var seed: UInt64 { splits.seed }

  /// Adds metric time (thread-safe).
  public func addMetricsSeconds(_ seconds: Double) {
    lock.lock()
    metricsSeconds += seconds
    lock.unlock()
  }

  /// Computes everything the offline runs of `specs` share before they start, and freezes
  /// the scorers, so that the runs may then go on in parallel: the step-0 metrics (which
  /// fill the tracking scorer), the dedicated samples of specs with their own n or T, and
  /// π_ref's scores of every sequence of each sample set the specs train on (in an order
  /// that does not depend on the selection, see below).
  /// Iterative specs (rounds > 1) draw their own samples and score them with their own
  /// scorer.
  public func prepare(for specs: [RunSpec]) throws {
    _ = try stepZeroPoint()
    evaluator.tracking.freeze()
    // π_ref's scores are cached in chunks of forward passes, and a float32 sgemm row's
    // rounding can depend on the other rows and the padding of its chunk. So that a
    // sequence's score does not depend on which specs were selected, the chunks do not
    // follow the selection: every scorer the selection trains on is filled first for the
    // default grid's specs that train on it, batch by batch in grid order (the order the
    // runs of a serial default grid filled the cache lazily, so the default grid's bytes are
    // unchanged), then with every remaining sequence of its sample set in prompt-then-
    // response order. Before, the chunks followed the selected specs: trained with
    // `--objectives PIPAM,DPO` instead of the whole grid, seed 0's DPO@MaPPO ended at KL
    // 9.331418 instead of 9.331437, and PIPA-M, which amplifies rounding, at 2.02 instead of
    // 2.57.
    var scorers: [SequenceScorer<Float>] = []
    for spec in specs where spec.rounds == 1 {
      let (_, scorer) = try offlineSamples(for: spec)
      if !scorers.contains(where: { $0 === scorer }) { scorers.append(scorer) }
    }
    for spec in AlignmentObjectives.defaultGrid() {
      guard let (samples, scorer) = try existingOfflineSamples(for: spec),
        scorers.contains(where: { $0 === scorer })
      else { continue }
      let objective = try AlignmentLoop.bind(
        spec, samples: samples, seed: seed, stepValues: stepValues)
      for batch in batches { try scorer.cacheReference(objective.sequences(forBatch: batch)) }
    }
    for scorer in scorers {
      try scorer.cacheReference(
        scorer.samples.prompts.flatMap { p in
          p.responses.indices.map { SequenceKey(promptIndex: p.promptIndex, response: $0) }
        })
    }
    for scorer in scorers { scorer.freeze() }
  }

  /// The metrics of the SFT model (step 0), measured once per seed.
  public func stepZeroPoint() throws -> MetricPoint {
    lock.lock()
    defer { lock.unlock() }
    if let p = initialPoint { return p }
    let clock = Date()
    let p = try evaluator.measure(reference, step: 0, trainLoss: nil)
    metricsSeconds += Date().timeIntervalSince(clock)
    initialPoint = p
    return p
  }

  /// Whether `spec` (without a PIPA data-sweep source) trains on the shared samples:
  /// offline, at the settings' T, with the settings' n or a prefix of it.
  private func trainsOnSharedSamples(_ spec: RunSpec) -> Bool {
    spec.rounds == 1 && spec.temperature == settings.temperature
      && spec.responses <= settings.responses
  }

  /// The key of the dedicated samples of `spec` (its n and T).
  private func dedicatedKey(_ spec: RunSpec) -> String {
    "\(spec.responses)@\(spec.temperature.bitPattern)"
  }

  /// The offline samples `spec` would train on when they exist already: the shared ones,
  /// or dedicated ones another spec drew; nil for iterative specs, PIPA's data-sweep
  /// sources and dedicated samples not drawn yet (nothing is sampled here).
  func existingOfflineSamples(for spec: RunSpec) throws
    -> (samples: [PromptSamples], scorer: SequenceScorer<Float>)?
  {
    lock.lock()
    defer { lock.unlock() }
    guard spec.rounds == 1, try SweepSampleSource(spec) == nil else { return nil }
    return trainsOnSharedSamples(spec) ? (trainSamples, sharedScorer) : dedicated[dedicatedKey(spec)]
  }

  /// Offline samples for `spec` and the scorer whose tokens they index: the shared samples
  /// (cut to the spec's n) when the spec uses them, else samples of its own n and
  /// temperature from π_ref (drawn once per (n, T) and shared by the specs that ask).
  public func offlineSamples(for spec: RunSpec) throws
    -> (samples: [PromptSamples], scorer: SequenceScorer<Float>)
  {
    lock.lock()
    defer { lock.unlock() }
    if let own = try sweepSamples(for: spec) { return own }
    if trainsOnSharedSamples(spec) { return (trainSamples, sharedScorer) }
    let key = dedicatedKey(spec)
    if let d = dedicated[key] { return d }
    let samples = try SampleStage.sample(
      reference, problems: splits.train, indices: Array(splits.train.indices),
      n: spec.responses, temperature: spec.temperature, seed: seed,
      stream: PipelineStream.dedicatedSamples(
        temperature: spec.temperature, responses: spec.responses),
      batchSize: settings.evaluationBatch)
    let scorer = SequenceScorer(
      reference: reference, samples: try ScoredSampleSet(samples: samples, seed: seed),
      chunkSize: settings.evaluationBatch)
    dedicated[key] = (samples, scorer)
    return (samples, scorer)
  }
}
