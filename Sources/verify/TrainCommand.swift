// `verify train`: the small-model experiment of shared/design/TRAINING.md (work in
// Sources/Training/Pipeline). Thin: parses the flags into TrainingSettings and run specs,
// prints progress on stderr and writes the output folder.
import ArgumentParser
import Foundation
import Training

struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the small transformer, align it with every objective, write metrics.",
    discussion: """
      Per seed: SFT into the accuracy band, n samples per training prompt from the SFT \
      model, then one alignment run per objective, all from the same SFT model, samples and \
      batch order. Writes DIR/results.json (byte-identical for the same seed and settings), \
      DIR/metrics.csv, DIR/timings.json and checkpoints under DIR/checkpoints; run the same \
      command again to resume after a kill.
      """)

  @Flag(help: "A small smoke configuration (one seed, tiny model, few steps).")
  var quick = false

  @Option(help: "Comma-separated run labels or objective names of the default grid.")
  var objectives: String?

  @Option(
    help: """
      Comma-separated empirical claim ids, papers or globs: train the runs they read \
      (sweeps included) instead of the default grid, and decide only those claims.
      """)
  var claims: String?

  @Option(help: "Number of seeds (default 5; 1 with --quick).")
  var seeds: Int?

  @Option(help: "Alignment steps per run (default one epoch over the training prompts).")
  var steps: Int?

  @Option(help: "Master seed; the same seed gives the same results bit for bit.")
  var seed: UInt64 = SeedOptions.defaultSeed

  @Option(
    help: """
      Alignment runs trained at once (each with one OpenBLAS thread); the results do not \
      depend on it.
      """)
  var workers: Int = TrainingGrid.defaultWorkers

  @Option(help: "The output directory.")
  var out: String

  @Flag(help: "No progress on stderr.")
  var quiet = false

  func validate() throws {
    if workers < 1 { throw ValidationError("--workers must be ≥ 1, got \(workers)") }
    if let seeds, seeds < 1 { throw ValidationError("--seeds must be ≥ 1, got \(seeds)") }
    if let steps, steps < 1 { throw ValidationError("--steps must be ≥ 1, got \(steps)") }
    if out.isEmpty { throw ValidationError("--out must name a directory") }
    if claims != nil && objectives != nil {
      throw ValidationError("--claims and --objectives select runs in two ways; give one")
    }
    _ = try specs()
  }

  /// The empirical claims `--claims` selects (every claim when absent).
  func selectedClaims() throws -> [EmpiricalClaim] {
    let patterns = (claims ?? "").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    do { return try EmpiricalRegistry.select(patterns) } catch let e as EmpiricalSelectionError {
      throw ValidationError("--claims: \(e)")
    }
  }

  /// The specs `--objectives` selects from the default grid.
  func specs() throws -> [RunSpec] {
    if claims != nil { return EmpiricalRegistry.runs(for: try selectedClaims()) }
    let grid = AlignmentObjectives.defaultGrid()
    guard let objectives else { return grid }
    var out: [RunSpec] = []
    for name in objectives.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      let hits = grid.filter {
        $0.label.caseInsensitiveCompare(name) == .orderedSame
          || $0.objective.caseInsensitiveCompare(name) == .orderedSame
      }
      guard !hits.isEmpty else {
        throw ValidationError(
          "--objectives: unknown objective '\(name)'; known: "
            + grid.map(\.label).joined(separator: ", "))
      }
      for h in hits where !out.contains(h) { out.append(h) }
    }
    return out
  }

  func run() throws {
    var settings = quick ? TrainingSettings.quick : TrainingSettings.defaults
    settings.masterSeed = seed
    if let seeds { settings.seeds = seeds }
    if let steps { settings.alignmentSteps = steps }
    let selected = try selectedClaims()
    let plan = try TrainablePlan(try specs(), seed: seed)
    for (label, why) in plan.refused.sorted(by: { $0.key < $1.key }) where !quiet {
      Stderr.line("train: not training \(label): \(why)")
    }
    let rewardSpacing = EmpiricalRegistry.rewardSpacingRequested(claims: selected)
    guard !plan.trainable.isEmpty || rewardSpacing else {
      throw ValidationError("no selected run is trainable: \(plan.refused.keys.sorted().joined(separator: ", "))")
    }
    let dir = URL(fileURLWithPath: out)
    var last = Date.distantPast
    let outcome: (results: TrainingResults, timings: TrainingGrid.Timings)
    do {
      outcome = try TrainingGrid.execute(
        specs: plan.trainable, settings: settings, outDir: dir, workers: workers,
        stepCost: EmpiricalRegistry.stepCostPair(claims: selected, trained: plan.trainable),
        rewardSpacing: rewardSpacing,
        progress: { p in
          guard !quiet else { return }
          let now = Date()
          guard now.timeIntervalSince(last) >= 0.5 || p.step == p.steps else { return }
          last = now
          Stderr.line(Self.progressLine(p))
        })
    } catch let e as PipelineError {
      if case .setting = e { throw ValidationError(e.description) }
      throw e
    }
    try TrainingOutput.write(outcome.results, timings: outcome.timings, to: dir)
    // The empirical claims, decided from the results alone: report.md, report.html (SVG
    // curves inline), claims.json and plots/.
    let decisions = EmpiricalRegistry.decideAll(
      outcome.results, claims: selected, untrainable: plan.refused)
    try TrainingReport.write(results: outcome.results, decisions: decisions, to: dir)
    if !quiet {
      var tally: [String: Int] = [:]
      for d in decisions { tally[d.verdict.rawValue, default: 0] += 1 }
      Stderr.line(
        "train: \(decisions.count) empirical claims: "
          + tally.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            .joined(separator: ", "))
    }
    if !quiet {
      Stderr.line(
        "train: \(outcome.results.runs.count) runs over \(settings.seeds) seed(s) in "
          + String(format: "%.1f", outcome.timings.totalSeconds) + " s; wrote "
          + "\(out)/results.json, metrics.csv, timings.json, "
          + (outcome.results.stepCost == nil ? "" : "stepcost.json, ")
          + "report.md, report.html, claims.json")
    }
  }

  static func progressLine(_ p: TrainingGrid.Progress) -> String {
    var s = "train [seed \(p.seedIndex)] \(p.stage)"
    if !p.detail.isEmpty { s += " \(p.detail)" }
    s += " step \(p.step)/\(p.steps)"
    if let l = p.loss, l.isFinite { s += String(format: " loss %.4f", l) }
    if let t = p.tokensPerSecond { s += String(format: " %.0f tok/s", t) }
    if let left = p.secondsLeft { s += String(format: " ~%.0f s left", left) }
    return s
  }
}
