// The catalogs' input strata ("Input strata" in the shared conventions), drawn from a
// check's random stream. Edge mass is explicit: a stratum's endpoints get the stated share
// of cases, because the ends are where closed forms break.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Draws from the catalogs' standard input strata.
public enum Strata {
  /// Uniform on [a, b].
  public static func uniform(_ r: inout RandomStream, _ a: Double, _ b: Double) -> Double {
    a + (b - a) * r.uniform()
  }

  /// Log-uniform on [a, b] (0 < a < b).
  public static func logUniform(_ r: inout RandomStream, _ a: Double, _ b: Double) -> Double {
    exp(uniform(&r, log(a), log(b)))
  }

  /// A parameter given as a range: uniform, or log-uniform when it spans more than a
  /// factor 100 (the catalogs' rule).
  public static func range(_ r: inout RandomStream, _ a: Double, _ b: Double) -> Double {
    (a > 0 && b / a > 100) ? logUniform(&r, a, b) : uniform(&r, a, b)
  }

  /// β: log-uniform on [0.01, 10], with 2 % of cases at each endpoint.
  public static func beta(_ r: inout RandomStream) -> Double {
    let u = r.uniform()
    if u < 0.02 { return 0.01 }
    if u < 0.04 { return 10 }
    return logUniform(&r, 0.01, 10)
  }

  /// Sequence log-probability, moderate stratum [−50, 0], with the endpoint values 0 and
  /// −50 at `endpointShare` each.
  public static func logProbModerate(_ r: inout RandomStream, endpointShare: Double = 0.02) -> Double {
    let u = r.uniform()
    if u < endpointShare { return 0 }
    if u < 2 * endpointShare { return -50 }
    return uniform(&r, -50, 0)
  }

  /// Sequence log-probability, extreme stratum [−10⁴, 0] (512 tokens of up to 20 nats).
  public static func logProbExtreme(_ r: inout RandomStream) -> Double {
    uniform(&r, -1e4, 0)
  }

  /// A log-probability from the moderate or the extreme stratum (equal shares).
  public static func logProb(_ r: inout RandomStream) -> Double {
    r.uniform() < 0.5 ? logProbModerate(&r) : logProbExtreme(&r)
  }

  /// A log-ratio ρ = log π_θ − log π_ref on [−50, 50].
  public static func logRatio(_ r: inout RandomStream) -> Double { uniform(&r, -50, 50) }

  /// A reward in [0, 1].
  public static func reward(_ r: inout RandomStream) -> Double { r.uniform() }

  /// Δr ∈ [0, 1] with 5 % of cases at each endpoint.
  public static func deltaR(_ r: inout RandomStream) -> Double {
    let u = r.uniform()
    if u < 0.05 { return 0 }
    if u < 0.10 { return 1 }
    return r.uniform()
  }

  /// A length |y| uniform on 1…512.
  public static func length(_ r: inout RandomStream, max: Int = 512) -> Int {
    r.uniformInt(in: 1...max)
  }

  /// An integer uniform on the closed range.
  public static func integer(_ r: inout RandomStream, _ range: ClosedRange<Int>) -> Int {
    r.uniformInt(in: range)
  }

  /// softmax(N(0, s²)) log-probabilities of length k (a random interior distribution).
  public static func logDistribution(_ r: inout RandomStream, k: Int, s: Double) -> [Double] {
    logSoftmax((0..<k).map { _ in s * r.gaussian() })
  }
}
