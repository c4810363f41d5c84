// The files `verify train` writes into its output folder (shared/design/TRAINING.md
// "Engineering": "results, metrics (CSV and JSON) … in the output folder"):
//   results.json  the ``TrainingResults`` with every wall-clock field zeroed, sorted keys —
//                 byte-identical for the same seed and settings;
//   metrics.csv   one row per run × seed × metric point;
//   timings.json  the wall-clock seconds (``TrainingGrid/Timings``);
//   stepcost.json the timed step ratios of mappo.no-extra-compute, when measured.
// Each is written to a temporary file and renamed into place.
import Foundation

/// Writes and reads the output folder of a training grid.
public enum TrainingOutput {
  /// The results without wall-clock time (every ``RunRecord/seconds`` = 0, no step-cost
  /// ratios: stepcost.json holds them).
  public static func deterministic(_ results: TrainingResults) -> TrainingResults {
    var r = results
    for i in r.runs.indices { r.runs[i].seconds = 0 }
    r.stepCost?.ratios = []
    return r
  }

  /// The bytes of results.json.
  public static func resultsJSON(_ results: TrainingResults) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return try encoder.encode(deterministic(results))
  }

  /// The header of metrics.csv.
  public static let csvHeader = [
    "label", "objective", "paper", "feedback", "seed", "step", "trainLoss", "logProbChosen",
    "logProbRejected", "logProbChosenPerToken", "logProbRejectedPerToken", "margin",
    "pairAccuracy", "kl", "testAccuracy", "testReward", "meanLength", "valueCorrect",
    "valueIncorrect", "clipNegativeTerms", "clipNegativeNearOne", "clipPositiveTerms",
    "clipPositiveAboveOne",
  ]

  /// metrics.csv: one row per run × seed × point (runs in result order), numbers with full
  /// precision, empty cells for absent values.
  public static func metricsCSV(_ results: TrainingResults) -> String {
    func q(_ s: String) -> String {
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    func n(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
    func c(_ x: Int?) -> String { x.map { "\($0)" } ?? "" }
    var lines = [csvHeader.joined(separator: ",")]
    for run in results.runs {
      for p in run.points {
        let cells = [
          q(run.spec.label), q(run.spec.objective), q(run.spec.paper),
          q("\(run.spec.feedback)"), "\(run.seedIndex)", "\(p.step)", n(p.trainLoss),
          n(p.logProbChosen), n(p.logProbRejected), n(p.logProbChosenPerToken),
          n(p.logProbRejectedPerToken), n(p.margin), n(p.pairAccuracy), n(p.kl),
          n(p.testAccuracy), n(p.testReward), n(p.meanLength), n(p.valueCorrect),
          n(p.valueIncorrect), c(p.clipActivity?.negativeTerms),
          c(p.clipActivity?.negativeNearOne), c(p.clipActivity?.positiveTerms),
          c(p.clipActivity?.positiveAboveOne),
        ]
        lines.append(cells.joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes results.json, metrics.csv and timings.json into `dir`.
  public static func write(
    _ results: TrainingResults, timings: TrainingGrid.Timings, to dir: URL
  ) throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    try atomicWrite(try resultsJSON(results), to: dir.appendingPathComponent("results.json"))
    try atomicWrite(
      Data(metricsCSV(results).utf8), to: dir.appendingPathComponent("metrics.csv"))
    try atomicWrite(try encoder.encode(timings), to: dir.appendingPathComponent("timings.json"))
    if let cost = results.stepCost {
      try atomicWrite(try encoder.encode(cost), to: dir.appendingPathComponent("stepcost.json"))
    }
  }

  static func atomicWrite(_ data: Data, to url: URL) throws {
    try AtomicFile.write(data, to: url)
  }

  /// Reads results.json back, with the step-cost ratios of stepcost.json restored when that
  /// file is present and measures the same runs with the same counts (so a saved folder can
  /// be re-judged whole).
  public static func readResults(from dir: URL) throws -> TrainingResults {
    var r = try JSONDecoder().decode(
      TrainingResults.self, from: Data(contentsOf: dir.appendingPathComponent("results.json")))
    let costURL = dir.appendingPathComponent("stepcost.json")
    if var stored = r.stepCost, FileManager.default.fileExists(atPath: costURL.path) {
      let timed = try JSONDecoder().decode(StepCostMeasurement.self, from: Data(contentsOf: costURL))
      let ratios = timed.ratios
      stored.ratios = ratios
      if stored == timed { r.stepCost = stored }
    }
    return r
  }
}
