// A line plot as inline SVG text, written by AlignCheck itself (no browser, no plotting
// library). Goals, in order: 1) the same data gives the same bytes (fixed number format,
// no timestamps, no random ids); 2) readable axes (≈5 "nice" ticks, optional log-y);
// 3) simplicity — lines, markers, error bars, a legend, nothing interactive.
import Foundation

/// One series of a line plot.
public struct PlotSeries: Sendable, Codable, Equatable {
  public var label: String
  public var points: [PlotPoint]
  /// An SVG colour; nil picks one from the palette by position.
  public var color: String?
  /// Dashed line (e.g. a bound), instead of solid.
  public var dashed: Bool
  /// Draw markers (and error bars where points have them) instead of only a line.
  public var markers: Bool
  /// Shade the region between the points' `low` and `high` (a band, e.g. across seeds).
  /// Rendering only: not encoded, so existing report JSON keeps its bytes.
  public var band: Bool = false

  enum CodingKeys: String, CodingKey { case label, points, color, dashed, markers }

  public init(
    label: String, points: [PlotPoint], color: String? = nil, dashed: Bool = false,
    markers: Bool = false, band: Bool = false
  ) {
    self.label = label
    self.points = points
    self.color = color
    self.dashed = dashed
    self.markers = markers
    self.band = band
  }
}

/// A data point with an optional vertical interval [low, high].
public struct PlotPoint: Sendable, Codable, Equatable {
  public var x: Double
  public var y: Double
  public var low: Double?
  public var high: Double?

  public init(_ x: Double, _ y: Double, low: Double? = nil, high: Double? = nil) {
    self.x = x
    self.y = y
    self.low = low
    self.high = high
  }
}

/// A titled line plot.
public struct SVGLinePlot: Sendable, Codable, Equatable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var series: [PlotSeries]
  /// Logarithmic y axis (non-positive values are dropped).
  public var logY: Bool

  public init(
    title: String, xLabel: String, yLabel: String, series: [PlotSeries], logY: Bool = false
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.logY = logY
  }

  static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
  static let width = 640.0
  static let height = 400.0
  static let left = 70.0
  static let right = 180.0
  static let top = 36.0
  static let bottom = 50.0

  /// The SVG element.
  public func render() -> String {
    let pts = series.flatMap(\.points).filter { $0.x.isFinite && yOK($0.y) }
    let xs = pts.map(\.x)
    let ys = pts.flatMap { p in [p.y, p.low, p.high].compactMap { $0 }.filter(yOK) }.map(ty)
    let (x0, x1) = Self.range(xs)
    let (y0, y1) = Self.range(ys)
    let pw = Self.width - Self.left - Self.right
    let ph = Self.height - Self.top - Self.bottom
    func sx(_ x: Double) -> Double { Self.left + (x - x0) / (x1 - x0) * pw }
    func sy(_ y: Double) -> Double { Self.top + (1 - (ty(y) - y0) / (y1 - y0)) * ph }

    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(Self.width)) "
    s += "\(f(Self.height))\" width=\"\(f(Self.width))\" height=\"\(f(Self.height))\" "
    s += "font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n"
    s += "<title>\(esc(title))</title>\n"
    s += text(
      Self.width / 2 - Self.right / 2 + Self.left / 2, 20, title, anchor: "middle", size: 13)
    s += "<rect x=\"\(f(Self.left))\" y=\"\(f(Self.top))\" width=\"\(f(pw))\" height=\"\(f(ph))\" "
    s += "fill=\"none\" stroke=\"#444\"/>\n"
    for t in Self.ticks(x0, x1) {
      let x = sx(t)
      s += line(x, Self.top + ph, x, Self.top + ph + 4, "#444")
      s += text(x, Self.top + ph + 16, Self.label(t), anchor: "middle")
    }
    for t in Self.ticks(y0, y1) {
      let y = Self.top + (1 - (t - y0) / (y1 - y0)) * ph
      s += line(Self.left - 4, y, Self.left, y, "#444")
      s += line(Self.left, y, Self.left + pw, y, "#eee")
      s += text(Self.left - 6, y + 4, logY ? "1e" + Self.label(t) : Self.label(t), anchor: "end")
    }
    s += text(Self.left + pw / 2, Self.height - 12, xLabel, anchor: "middle")
    s += "<text x=\"14\" y=\"\(f(Self.top + ph / 2))\" text-anchor=\"middle\" "
    s += "transform=\"rotate(-90 14 \(f(Self.top + ph / 2)))\">\(esc(yLabel))</text>\n"
    for (i, ser) in series.enumerated() {
      let c = ser.color ?? Self.palette[i % Self.palette.count]
      let ps = ser.points.filter { $0.x.isFinite && yOK($0.y) }
      if ser.band {
        let bp = ps.compactMap { p -> (Double, Double, Double)? in
          guard let lo = p.low, let hi = p.high, yOK(lo), yOK(hi) else { return nil }
          return (p.x, lo, hi)
        }
        if bp.count > 1 {
          let upper = bp.map { "\(f(sx($0.0))),\(f(sy($0.2)))" }
          let lower = bp.reversed().map { "\(f(sx($0.0))),\(f(sy($0.1)))" }
          s += "<polygon fill=\"\(c)\" fill-opacity=\"0.15\" stroke=\"none\" points=\""
          s += (upper + lower).joined(separator: " ") + "\"/>\n"
        }
      }
      if !ser.markers || ps.count > 1 {
        let d = ps.map { "\(f(sx($0.x))),\(f(sy($0.y)))" }.joined(separator: " ")
        s += "<polyline fill=\"none\" stroke=\"\(c)\" stroke-width=\"1.6\" "
        s += ser.dashed ? "stroke-dasharray=\"6 4\" " : ""
        s += "points=\"\(d)\"/>\n"
      }
      if ser.markers {
        for p in ps {
          if let lo = p.low, let hi = p.high, yOK(lo), yOK(hi) {
            s += line(sx(p.x), sy(lo), sx(p.x), sy(hi), c)
          }
          s += "<circle cx=\"\(f(sx(p.x)))\" cy=\"\(f(sy(p.y)))\" r=\"2.5\" fill=\"\(c)\"/>\n"
        }
      }
      let ly = Self.top + 10 + Double(i) * 18
      let lx = Self.width - Self.right + 12
      s += "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 22))\" y2=\"\(f(ly))\" "
      s += "stroke=\"\(c)\" stroke-width=\"2\"\(ser.dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
      s += text(lx + 28, ly + 4, ser.label, anchor: "start")
    }
    return s + "</svg>"
  }

  private func yOK(_ y: Double) -> Bool { y.isFinite && (!logY || y > 0) }
  private func ty(_ y: Double) -> Double { logY ? log10(y) : y }

  /// [min, max] padded by 5 %, or a unit interval around a constant.
  static func range(_ v: [Double]) -> (Double, Double) {
    guard let lo = v.min(), let hi = v.max() else { return (0, 1) }
    if hi - lo <= 1e-12 * max(1, abs(lo)) { return (lo - 0.5, hi + 0.5) }
    let pad = 0.05 * (hi - lo)
    return (lo - pad, hi + pad)
  }

  /// About five ticks at 1, 2 or 5 × 10^k steps inside [a, b].
  static func ticks(_ a: Double, _ b: Double) -> [Double] {
    let raw = (b - a) / 5
    let mag = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
    var t = (a / step).rounded(.up) * step
    var out: [Double] = []
    while t <= b + 1e-9 * step, out.count < 12 {
      out.append(abs(t) < 1e-12 * step ? 0 : t)
      t += step
    }
    return out
  }

  /// A tick label: up to 4 significant digits, fixed format.
  static func label(_ t: Double) -> String {
    if t == t.rounded(), abs(t) < 1e6 { return String(Int(t)) }
    return String(format: "%.4g", t)
  }

  private func f(_ x: Double) -> String { String(format: "%.2f", x) }
  private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ c: String) -> String {
    "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(c)\"/>\n"
  }
  private func text(_ x: Double, _ y: Double, _ s: String, anchor: String, size: Int = 11)
    -> String
  {
    "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\">"
      + esc(s) + "</text>\n"
  }
  private func esc(_ s: String) -> String { HTMLText.escape(s) }
}
