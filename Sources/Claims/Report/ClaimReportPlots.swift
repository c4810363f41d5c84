// The plots of `verify report`, computed from the library (never pasted numbers).
// AlphaPO (003_5c1a521bcc07b90e.txt §3.3, Illustrations 1 and 2): |∂ℓ/∂v| (eq. 6) and its
// factors T₁ (eq. 7) and T₂ (eq. 8) against α, on the illustrations' inputs (β = 1, γ = 0,
// |y| = 1, ∂π/∂v = 1; Illustration 1: log π_w = −1, log π_l = −2; Illustration 2 swapped).
// The α grid is fixed, so the plot data are part of the byte-identical JSON.
// MPO (001_0ef3930bdbd6a134.txt §5 Theorem 2, App. F Theorem 4): the Monte Carlo correctness
// probability against k (MPOReliabilityPlot), drawn on the HTML page only, with a caption;
// it depends on the run's seed and mode, so it is not part of the JSON.
import Analytic

/// Plots per paper.
public enum ClaimReportPlots {
  /// The plots of `paper`'s report (none yet for papers without one).
  public static func plots(for paper: Paper) -> [SVGLinePlot] {
    switch paper {
    case .alphapo:
      [
        alphaPOIllustration(
          "AlphaPO Illustration 1 (log π_w = −1, log π_l = −2)", AlphaPOIllustration.one),
        alphaPOIllustration(
          "AlphaPO Illustration 2 (log π_w = −2, log π_l = −1)", AlphaPOIllustration.two),
      ]
    default: []
    }
  }

  /// HTML figures (inline SVG with a caption) that depend on the run's seed and mode, for the
  /// HTML page of `p` only ("" for papers without one).
  public static func htmlFigures(for p: PaperReport) -> String {
    guard p.paper == .mpo else { return "" }
    do {
      return try MPOReliabilityPlot.figures(p.run).map(\.html).joined()
    } catch {
      return "<p>MPO reliability plot not drawn: " + HTMLText.escape("\(error)") + "</p>\n"
    }
  }

  /// α from −3 to 3 in steps of 1/16 (exact binary values).
  static let alphaGrid: [Double] = (-48...48).map { Double($0) / 16 }

  static func alphaPOIllustration(_ title: String, _ e: AlphaPOExample) -> SVGLinePlot {
    let g = alphaGrid.map {
      PlotPoint($0, AlphaPOGradientFactors.gradientMagnitudeEq6(e, alpha: $0))
    }
    let t1 = alphaGrid.map { PlotPoint($0, AlphaPOGradientFactors.t1(e, alpha: $0)) }
    let t2 = alphaGrid.map { PlotPoint($0, AlphaPOGradientFactors.t2(e, alpha: $0)) }
    return SVGLinePlot(
      title: title, xLabel: "α", yLabel: "value (log scale)",
      series: [
        PlotSeries(label: "|∂ℓ/∂v| (eq. 6)", points: g),
        PlotSeries(label: "T₁ (eq. 7)", points: t1, dashed: true),
        PlotSeries(label: "T₂ (eq. 8)", points: t2, dashed: true),
      ], logY: true)
  }
}
