// The plot of mpo.emp.reward-spacing, the one empirical claim that reads no run: its evidence
// is the reward samples of ``TrainingResults/rewardSpacing``, so the run curves of
// ``TrainingCurves`` have nothing to show. Axes are logarithms, as the claim's statistic is:
// log Δ̄(k) against log k for k ∈ {2, 4, 8, 16, 32} (``MPORewardSpacing``) — pooled over every
// (seed, prompt) unit as the decision fits it, one dashed series per seed — with the claim's
// boundary slope −0.8 and the 1/k trend (slope −1) drawn through the pooled Δ̄(2).
import Claims

enum RewardSpacingPlot {
  /// The plot, or none when the results hold no reward samples or some Δ̄(k) is 0 (its log
  /// is −∞; the decision reports that case).
  static func plots(_ results: TrainingResults) -> [SVGLinePlot] {
    guard let samples = results.rewardSpacing else { return [] }
    let x = MPORewardSpacing.logKs
    func curve(_ units: [[Double]]) -> [PlotPoint]? {
      MPORewardSpacing.logMeanSpacings(units).map { y in zip(x, y).map { PlotPoint($0, $1) } }
    }
    let units = samples.rewards.flatMap { $0 }
    guard !units.isEmpty, units.allSatisfy({ $0.count >= MPORewardSpacing.ks.last! }),
      let pooled = curve(units)
    else { return [] }
    let anchor = pooled[0]
    func line(slope: Double) -> [PlotPoint] {
      x.map { PlotPoint($0, anchor.y + slope * ($0 - anchor.x)) }
    }
    var series = [PlotSeries(label: "pooled Δ̄(k)", points: pooled, markers: true)]
    for (s, seed) in samples.rewards.enumerated() {
      if let c = curve(seed) { series.append(PlotSeries(label: "seed \(s)", points: c, dashed: true)) }
    }
    series.append(
      PlotSeries(
        label: "slope \(formatNumber(MPORewardSpacing.threshold))",
        points: line(slope: MPORewardSpacing.threshold), color: "#7f7f7f", dashed: true))
    series.append(
      PlotSeries(label: "1/k (slope −1)", points: line(slope: -1), color: "#000000", dashed: true))
    return [
      SVGLinePlot(
        title: "mpo.emp.reward-spacing: mean adjacent reward gap", xLabel: "log k",
        yLabel: "log Δ̄(k)", series: series)
    ]
  }
}
