// How many of the seed's batches a run trains on, for the sweep keys that change the step
// count (``AlignmentObjectives/SweepKey``):
// - `dataFraction = f` (claims/mpo.md mpo.emp.limited-data: "fractions f of the pipeline's
//   training prompts, as nested subsets fixed by the seed. A run on fraction f makes one pass
//   over its subset, i.e. f times the default step count, with the same schedule shape"):
//   the first max(1, round(f·B)) of the seed's B batches. Their prompts are the nested
//   subsets (a prefix of the seed's permutation of the training prompts, so f < f′ gives a
//   subset of f′'s), each seen once; the optimizer's schedule is laid over the shorter run.
// - `tokenBudgetOfDPO = c` (mpo.emp.fixed-compute: "its step count is the smallest whose
//   cumulative response tokens, known in advance from the fixed samples and batch order,
//   reach the DPO total, and the pipeline's schedule is laid over that shorter run"): the
//   fewest first batches whose cumulative response tokens under the run's own objective
//   reach c × the response tokens of `DPO@MPO` (best-vs-worst pairs, n = 8) over all B
//   batches; all B when even they fall short.

extension AlignmentObjectives {
  /// The `DPO@MPO` run whose token total `tokenBudgetOfDPO` refers to.
  static var budgetReference: RunSpec {
    RunSpec(
      label: "DPO@MPO", objective: "DPO", paper: FeedbackCatalog.mpo, feedback: .bestVsWorstPairs)
  }

  /// The batches `spec` trains on out of the seed's `batches` (all of them unless a step
  /// sweep key is set). `responseTokens(s)` gives, per batch of `batches`, the response
  /// tokens spec `s`'s objective scores in it (read only for `tokenBudgetOfDPO`).
  /// - Throws: ``UnsupportedSpec`` for a bad value or both keys at once.
  public static func trainingBatches(
    for spec: RunSpec, _ batches: [[Int]], responseTokens: (RunSpec) throws -> [Int]
  ) throws -> [[Int]] {
    let fraction = sweep(SweepKey.dataFraction, of: spec)
    let budget = sweep(SweepKey.tokenBudgetOfDPO, of: spec)
    if fraction != nil, budget != nil {
      throw badSweep(
        spec, SweepKey.tokenBudgetOfDPO, "not be combined with \(SweepKey.dataFraction)")
    }
    if let f = fraction {
      guard f > 0, f <= 1 else { throw badSweep(spec, SweepKey.dataFraction, "lie in (0, 1]") }
      let k = max(1, Int((f * Double(batches.count)).rounded()))
      return Array(batches.prefix(k))
    }
    if let c = budget {
      guard c.isFinite, c > 0 else {
        throw badSweep(spec, SweepKey.tokenBudgetOfDPO, "be finite and > 0")
      }
      let target = c * Double(try responseTokens(budgetReference).reduce(0, +))
      let own = try responseTokens(spec)
      var total = 0
      for (i, t) in own.enumerated() {
        total += t
        if Double(total) >= target { return Array(batches.prefix(i + 1)) }
      }
      return batches
    }
    return batches
  }

  /// Checks the step sweep keys' values without samples (the factory's binding check).
  static func checkStepSweeps(_ spec: RunSpec) throws {
    _ = try trainingBatches(for: spec, [[0]]) { _ in [0] }
  }
}
