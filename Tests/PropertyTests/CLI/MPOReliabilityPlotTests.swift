// The MPO reliability plot of the HTML report (issue 9): the MPO page holds one figure per β
// with one Monte Carlo point per k of mpo.thm4.failure-bound's cross-check, each with its
// interval bar, and a caption naming β, the seed, the mode, the trials per k and the
// interval type; the points are the claim's own counts; the SVG is byte-identical across
// two runs with one seed; the AlphaPO page is unchanged by the new figure code.
import Foundation
import Testing

@testable import Claims

@Suite(.serialized) struct MPOReliabilityPlotTests {
  static let run = ReportRun(toolVersion: "test", seed: 20251130, mode: .quick)

  /// The MPO page for a report holding mpo.thm4.failure-bound (quick mode).
  static func mpoPage() throws -> (html: String, result: ClaimResult) {
    let claim = try #require(ClaimRegistry.all.first { $0.id == "mpo.thm4.failure-bound" })
    let result = ClaimRunner.run(claim, seed: run.seed, mode: run.mode)
    let report = ClaimReport(claims: [claim], results: [result], run: run)
    let page = try #require(report.papers.first { $0.paper == .mpo })
    return (HTMLReport.paper(page, seconds: [:]), result)
  }

  @Test func mpoPageHasOnePointPerKWithIntervals() throws {
    let (html, result) = try Self.mpoPage()
    let ctx = CheckContext(seed: Self.run.seed, mode: Self.run.mode)
    let ks = Array(Set(MPORelSimulation.failureBoundCells(ctx).map(\.k))).sorted()
    let figures = try MPOReliabilityPlot.figures(Self.run)
    #expect(figures.count == MPOReliabilityPlot.betas.count)
    for (beta, f) in zip(MPOReliabilityPlot.betas, figures) {
      #expect(html.contains(f.html))
      #expect(f.points.map(\.k) == ks)
      let mc = try #require(f.plot.series.first { $0.markers })
      #expect(mc.points.count == ks.count)
      for p in mc.points {
        let lo = try #require(p.low)
        let hi = try #require(p.high)
        #expect(lo <= p.y && p.y <= hi && lo < hi)
      }
      // One marker and one interval bar per k in the SVG.
      let svg = f.plot.render()
      #expect(svg.components(separatedBy: "<circle").count - 1 == ks.count)
      #expect(svg.contains("<figure>") == false)
      for needle in ["β = ", "seed \(Self.run.seed)", "quick mode", "trials per k", "Wilson"] {
        #expect(f.caption.contains(needle), "caption lacks \(needle)")
      }
      // The points are the claim's own Monte Carlo counts (its notes print "MC hits/trials").
      for p in f.points {
        let line = "MC cross-check: k = \(p.k), τ = \(formatNumber(beta)): exact"
        let note = try #require(result.notes.first { $0.hasPrefix(line) }, "no note \(line)")
        #expect(note.contains("MC \(p.failures)/\(p.trials)"))
      }
    }
  }

  @Test func svgIsByteIdenticalForOneSeed() throws {
    let a = try MPOReliabilityPlot.figures(Self.run).map(\.html).joined()
    let b = try MPOReliabilityPlot.figures(Self.run).map(\.html).joined()
    #expect(a == b)
    let other = try MPOReliabilityPlot.figures(
      ReportRun(toolVersion: "test", seed: 7, mode: .quick)).map(\.html).joined()
    #expect(a != other)
  }

  @Test func alphaPOPageHasNoExtraFigure() throws {
    let claim = try #require(ClaimRegistry.all.first { $0.id == "alphapo.illustration1-closed-form" })
    let result = ClaimRunner.run(claim, seed: 1, mode: .quick)
    let report = ClaimReport(claims: [claim], results: [result], run: Self.run)
    let page = try #require(report.papers.first { $0.paper == .alphapo })
    #expect(ClaimReportPlots.htmlFigures(for: page).isEmpty)
    let html = HTMLReport.paper(page, seconds: [:])
    #expect(!html.contains("<figure>"))
    #expect(html.contains(page.plots.map { $0.render() + "\n" }.joined()))
  }
}
