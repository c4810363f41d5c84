// Rates: a least-squares fit of log y = a + b·log x with a t-interval on the slope b, for
// claims such as "error decays as Õ(1/√n)" (slope −1/2).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// A fitted log-log slope with its confidence interval.
public struct SlopeFit: Sendable, Codable {
  public var slope: Double
  public var intercept: Double
  public var standardError: Double
  /// The two-sided interval at the requested level.
  public var lower: Double
  public var upper: Double
  public var level: Double

  /// Whether `b` lies inside the interval.
  public func contains(_ b: Double) -> Bool { lower <= b && b <= upper }
}

/// Log-log slope fits.
public enum RateFit {
  /// Ordinary least squares of log y on log x (all x, y > 0; at least 3 points), with the
  /// slope's standard error from the residual variance and a Student-t interval with
  /// n − 2 degrees of freedom at `level`.
  public static func logLogSlope(x: [Double], y: [Double], level: Double = 0.95) throws -> SlopeFit {
    precondition(x.count == y.count && x.count >= 3, "need ≥ 3 paired points")
    precondition(x.allSatisfy { $0 > 0 } && y.allSatisfy { $0 > 0 }, "x and y must be positive")
    let lx = x.map { log($0) }
    let ly = y.map { log($0) }
    let n = Double(lx.count)
    let mx = lx.reduce(0, +) / n
    let my = ly.reduce(0, +) / n
    let sxx = lx.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    let sxy = zip(lx, ly).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let b = sxy / sxx
    let a = my - b * mx
    let rss = zip(lx, ly).reduce(0) { $0 + pow($1.1 - a - b * $1.0, 2) }
    let se = (rss / (n - 2) / sxx).squareRoot()
    let t = try StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: n - 2).value
    return SlopeFit(slope: b, intercept: a, standardError: se, lower: b - t * se, upper: b + t * se, level: level)
  }
}
