// Training curves as SVG (Claims' ``SVGLinePlot``): for each of log π(y_w), log π(y_l),
// the margin and test accuracy, one plot against the alignment step with one line per run
// label (the mean over seeds at each metric step) and a shaded band from the minimum to the
// maximum over seeds; and per-claim plots of the runs a claim compares, on the metric its
// decision reads. Goals, in order: 1) the same results give the same bytes (runs sorted by
// label, steps ascending); 2) every seed visible through the band; 3) simplicity.
import Claims

/// A metric of ``MetricPoint`` that the curves plot.
public enum CurveMetric: String, Sendable, CaseIterable {
  case logProbChosen, logProbRejected, margin, testAccuracy, meanLength, testReward

  /// The metrics of the overview plots (TRAINING.md step 6; the brief's four curves).
  public static let overview: [CurveMetric] = [
    .logProbChosen, .logProbRejected, .margin, .testAccuracy,
  ]

  public var keyPath: KeyPath<MetricPoint, Double> {
    switch self {
    case .logProbChosen: \.logProbChosen
    case .logProbRejected: \.logProbRejected
    case .margin: \.margin
    case .testAccuracy: \.testAccuracy
    case .meanLength: \.meanLength
    case .testReward: \.testReward
    }
  }

  /// The axis label.
  public var title: String {
    switch self {
    case .logProbChosen: "mean log π(y_w) (tracking pairs)"
    case .logProbRejected: "mean log π(y_l) (tracking pairs)"
    case .margin: "implicit-reward margin"
    case .testAccuracy: "greedy test accuracy"
    case .meanLength: "mean greedy length (tokens)"
    case .testReward: "mean test reward"
    }
  }
}

/// The training-curve plots of a results value.
public enum TrainingCurves {
  /// What the band shows, for the reports.
  public static let bandDescription = "line: mean over seeds; band: minimum to maximum over seeds"

  /// One plot of `metric` against step, one line per label of `labels` (every run label in
  /// sorted order when nil).
  public static func plot(
    _ results: TrainingResults, _ metric: CurveMetric, labels: [String]? = nil,
    title: String? = nil
  ) -> SVGLinePlot {
    let ls = labels ?? Array(Set(results.runs.map(\.spec.label))).sorted()
    // Past the palette's six colours, lines alternate dashed so no two look alike.
    let series = ls.enumerated().map { i, label in
      PlotSeries(
        label: label, points: points(results, label, metric), dashed: (i / 6) % 2 == 1, band: true)
    }
    return SVGLinePlot(
      title: title ?? "\(metric.title) vs step", xLabel: "alignment step", yLabel: metric.title,
      series: series)
  }

  /// Mean over seeds at each step with the min–max band, by ascending step.
  public static func points(_ results: TrainingResults, _ label: String, _ metric: CurveMetric)
    -> [PlotPoint]
  {
    var byStep: [Int: [Double]] = [:]
    for r in results.runs(label: label) {
      for p in r.points { byStep[p.step, default: []].append(p[keyPath: metric.keyPath]) }
    }
    return byStep.keys.sorted().compactMap { step in
      guard let v = byStep[step], let lo = v.min(), let hi = v.max() else { return nil }
      return PlotPoint(Double(step), EmpiricalStatistics.mean(v), low: lo, high: hi)
    }
  }

  /// The overview plots: each overview metric for the runs of each paper (FeedbackCatalog's
  /// paper, e.g. `000 MaPPO`), papers in sorted order, so a legend holds a readable number
  /// of lines; `name` is a file stem such as `logProbChosen-MaPPO`.
  public static func overview(_ results: TrainingResults) -> [(name: String, plot: SVGLinePlot)] {
    let papers = Array(Set(results.runs.map(\.spec.paper))).sorted()
    return CurveMetric.overview.flatMap { m in
      papers.map { paper in
        let short = paper.split(separator: " ").last.map(String.init) ?? paper
        let labels = Array(Set(results.runs.filter { $0.spec.paper == paper }.map(\.spec.label)))
          .sorted()
        return (
          "\(m.rawValue)-\(short)",
          plot(results, m, labels: labels, title: "\(short): \(m.title) vs step")
        )
      }
    }
  }

  /// The metrics a claim's decision reads (its plot); test accuracy unless the entry speaks
  /// of likelihoods or length.
  public static func metrics(forClaim id: String) -> [CurveMetric] {
    switch id {
    case "mappo.empirical.squeezing-mitigation", "pro.empirical-dpo-likelihoods-fall":
      [.logProbChosen, .logProbRejected]
    case "pro.empirical-pro-preferred-rises": [.logProbChosen]
    case "pro.empirical-length-and-accuracy-drift": [.meanLength, .testAccuracy]
    default: [.testAccuracy]
    }
  }

  /// The plots of one claim: its runs present in `results`, on each metric it reads; the
  /// claim that reads no run (mpo.emp.reward-spacing) plots its reward samples instead.
  public static func plots(forClaim claim: EmpiricalClaim, _ results: TrainingResults)
    -> [SVGLinePlot]
  {
    if claim.id == MPOEmpiricalClaims.rewardSpacing.id { return RewardSpacingPlot.plots(results) }
    let present = Set(results.runs.map(\.spec.label))
    let labels = claim.runs.map(\.label).filter { present.contains($0) }
    guard !labels.isEmpty else { return [] }
    return metrics(forClaim: claim.id).map {
      plot(results, $0, labels: labels, title: "\(claim.id): \($0.title)")
    }
  }
}
