// One alignment run of the grid (shared/design/TRAINING.md steps 4–5 and "One protocol
// for all papers"): an objective of ``FeedbackCatalog`` as one paper trains it, on one
// dataset, with its hyperparameters and the sweep settings a claim may vary (responses per
// prompt n, injected reward noise σ, iterative rounds K, sampling temperature). The same
// spec runs once per seed; runs of one seed share the SFT model, samples and batch order.

/// What one alignment run trains; `label` is unique within a grid and keys the results.
public struct RunSpec: Hashable, Sendable, Codable, Comparable {
  /// The unique label, e.g. `DPO`, `MPO[n=4]`, `AlphaPO[alpha=-1]`.
  public var label: String
  /// The objective's type name in Sources/Objectives (``FeedbackCatalogEntry/objective``).
  public var objective: String
  /// The paper whose protocol applies (``FeedbackCatalogEntry/paper``, e.g. `000 MaPPO`).
  public var paper: String
  /// The dataset it trains on.
  public var feedback: FeedbackKind
  /// Hyperparameters by their stored-property name in Objectives; a name not given takes
  /// the catalog default.
  public var hyperparameters: [String: Double]
  /// Responses per prompt used (the first n of the samples; TRAINING.md default 8).
  public var responses: Int
  /// Standard deviation σ of the reward noise N(0, σ²) injected into the scores (0: none).
  public var rewardNoise: Double
  /// Sampling rounds K: 1 = offline (samples from π_ref); K > 1 = iterative, round k samples
  /// from the current policy on the k-th K-th of the training prompts.
  public var rounds: Int
  /// Sampling temperature of the responses this run trains on.
  public var temperature: Double
  /// Fractions t of the run's step count at which it measures a metric point besides every
  /// `metricInterval` steps and the last step (each at the nearest step, skipped when that is
  /// step 0); nil: none. Set from the paper's protocol
  /// (``FeedbackCatalog/extraMetricFractions(paper:)``): claims/alphapo.md §2.8 "Time axis"
  /// puts every AlphaPO run's checkpoints at t ∈ {0, 0.05, 0.1, 0.25, 0.5, 0.75, 1}, and at the
  /// default 128 steps with a point every 32, 0.05 and 0.1 fall between points. Nil is not
  /// encoded, so the specs of the other papers encode as they always did, while a checkpoint
  /// of an AlphaPO run written before this field holds another spec and is refused by name.
  public var extraMetricFractions: [Double]?

  public init(
    label: String, objective: String, paper: String, feedback: FeedbackKind,
    hyperparameters: [String: Double] = [:], responses: Int = 8, rewardNoise: Double = 0,
    rounds: Int = 1, temperature: Double = 1
  ) {
    self.label = label
    self.objective = objective
    self.paper = paper
    self.feedback = feedback
    self.hyperparameters = hyperparameters
    self.responses = responses
    self.rewardNoise = rewardNoise
    self.rounds = rounds
    self.temperature = temperature
    extraMetricFractions = FeedbackCatalog.extraMetricFractions(paper: paper)
  }

  /// The steps of a run of `steps` steps at which ``extraMetricFractions`` put a metric
  /// point: round(t · steps) for each t, kept when in 1...steps.
  public func extraMetricSteps(of steps: Int) -> Set<Int> {
    Set(
      (extraMetricFractions ?? []).map { Int(($0 * Double(steps)).rounded()) }
        .filter { $0 >= 1 && $0 <= steps })
  }

  /// Uses the shared offline samples (n = 8 at temperature 1, no noise, one round)?
  public var usesSharedSamples: Bool { rounds == 1 && temperature == 1 }

  public static func < (a: RunSpec, b: RunSpec) -> Bool { a.label < b.label }
}
