// The MPO reliability plot of the HTML report (001_0ef3930bdbd6a134.txt §5 Theorem 2, App. F
// Theorem 4): the Monte Carlo probability that MPO's 2-bin partition is correct (eq. 20)
// against k, with its Wilson intervals, next to the exact value (§0.11 of claims/mpo.md),
// the bound 1 − C(β) (eq. 21) and the Plackett–Luce bound q_β^⌊(k−1)/2⌋ (Theorem 4(ii)).
//
// Goals, in order: 1) the numbers are the claims' numbers: the Monte Carlo counts come from
// mpo.thm4.failure-bound's cross-check (MPOReliabilityClaims.crossCheckFailure with
// MPORelSimulation.failureBoundCells and failureBoundLabel, the same seed, label, cells and
// trials), so each point is 1 − (its failure count)/(its trials); 2) byte-identical output
// for one seed and mode (fixed cell order; SVGLinePlot's fixed number format); 3) brevity.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One k of the plot: the claim's Monte Carlo count and the closed forms at (k, β).
struct MPOReliabilityPoint: Sendable, Equatable {
  var k: Int
  var failures: Int
  var trials: Int
  /// Pr(MPO_corr) interval: 1 − the failure interval's ends.
  var low: Double
  var high: Double
  var exact: Double
  var estimate: Double { 1 - Double(failures) / Double(trials) }
}

/// A plot with its caption.
struct MPOReliabilityFigure: Sendable {
  var plot: SVGLinePlot
  var caption: String
  var points: [MPOReliabilityPoint]

  /// `<figure>` with the inline SVG and the caption.
  var html: String {
    "<figure>\n" + plot.render() + "\n<figcaption>" + HTMLText.escape(caption)
      + "</figcaption>\n</figure>\n"
  }
}

/// The reliability plots of MPO's report page.
enum MPOReliabilityPlot {
  /// β of the plots: the cross-check's τ values with σ = β/k (τ = kσ = β) where 1 − C(β) > 0.
  static let betas = [0.5, 1.0]

  /// The figures for a run (seed, mode).
  static func figures(_ run: ReportRun) throws -> [MPOReliabilityFigure] {
    let ctx = CheckContext(seed: run.seed, mode: run.mode)
    let cells = MPORelSimulation.failureBoundCells(ctx)
    let checks = try MPOReliabilityClaims.crossCheckFailure(
      ctx, label: MPORelSimulation.failureBoundLabel, cells: cells
    ) { try MPOReliability.mpoFailure(k: $0.k, tau: $0.tau).value }
    return try betas.map { beta in
      let points = checks.filter { $0.tau == beta }.map {
        MPOReliabilityPoint(k: $0.k, failures: $0.hits, trials: $0.trials,
          low: 1 - $0.interval.upper.value, high: 1 - $0.interval.lower.value, exact: 1 - $0.exact)
      }
      let level = checks.first?.interval.level ?? .nan
      return try figure(beta: beta, points: points, level: level, cellCount: cells.count, run: run)
    }
  }

  /// The plot and caption for one β from its points.
  static func figure(beta: Double, points: [MPOReliabilityPoint], level: Double, cellCount: Int,
    run: ReportRun) throws -> MPOReliabilityFigure {
    let oneMinusC = 1 - (try MPOReliability.c(beta: beta)).value
    let x = { (k: Int) in log2(Double(k)) }
    let mc = points.map { PlotPoint(x($0.k), $0.estimate, low: $0.low, high: $0.high) }
    let exact = points.map { PlotPoint(x($0.k), $0.exact) }
    let cLine = points.map { PlotPoint(x($0.k), oneMinusC) }
    let pl = try points.map {
      PlotPoint(x($0.k), exp(try MPOReliability.logPLBoundAppendix(k: $0.k, beta: beta)))
    }
    let b = formatNumber(beta)
    let plot = SVGLinePlot(
      title: "MPO correctness vs k (β = \(b), σ = β/k)", xLabel: "log₂ k",
      yLabel: "probability",
      series: [
        PlotSeries(label: "MPO correct, Monte Carlo", points: mc, markers: true),
        PlotSeries(label: "exact Pr(MPO_corr)", points: exact),
        PlotSeries(label: "1 − C(β) (Thm 2/4(i))", points: cLine, dashed: true),
        PlotSeries(label: "PL bound q_β^⌊(k−1)/2⌋", points: pl, dashed: true),
      ])
    let trials = points.map { "k = \($0.k): \($0.trials)" }.joined(separator: ", ")
    let caption = "β = \(b), σ = β/k (τ = kσ = \(b)); seed \(run.seed), \(run.mode.rawValue) mode. "
      + "Points: 1 − (MPO failures)/(trials) from mpo.thm4.failure-bound's Monte Carlo "
      + "cross-check (the same draws), trials per k: \(trials). Bars: Wilson intervals at "
      + "level 1 − 10⁻⁴/\(cellCount) = \(formatNumber(level)) (the claim's consistency level). "
      + "Lines: exact Pr(MPO_corr) (quadrature, claims/mpo.md §0.11); 1 − C(β) = "
      + "\(formatNumber(oneMinusC)); PL bound (q_β)^⌊(k−1)/2⌋ of Theorem 4(ii)."
    return MPOReliabilityFigure(plot: plot, caption: caption, points: points)
  }
}
