// Forward-mode dual numbers with several tangents, the reference derivative of
// ../shared/claims/mpo.md §0.13 ("reference derivatives come from forward-mode dual numbers,
// which are exact up to rounding"). Goals, in order: 1) derivatives exact up to rounding
// (no step size); 2) the log-space operations the MPO losses need (exp, log, log-sum-exp),
// stable for scores of size 10²; 3) simplicity (array tangents; K ≤ 20 in every use).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// A value with its partial derivatives with respect to `d.count` independent variables.
public struct MPOGradDual: Sendable {
  public var v: Double
  public var d: [Double]

  public init(_ v: Double, _ d: [Double]) {
    self.v = v
    self.d = d
  }

  /// Variable number `index` of `count`: tangent e_index.
  public static func variable(_ v: Double, index: Int, count: Int) -> MPOGradDual {
    var d = [Double](repeating: 0, count: count)
    d[index] = 1
    return MPOGradDual(v, d)
  }

  /// A constant (zero tangent) among `count` variables.
  public static func constant(_ v: Double, count: Int) -> MPOGradDual {
    MPOGradDual(v, [Double](repeating: 0, count: count))
  }

  /// Variables x_0…x_{n−1}.
  public static func variables(_ xs: [Double]) -> [MPOGradDual] {
    xs.indices.map { variable(xs[$0], index: $0, count: xs.count) }
  }

  /// The tangent `f(j)` for j < count, written straight into a new array (the operators'
  /// hot path: `zip(…).map` cost more than the arithmetic).
  @inline(__always)
  static func tangent(_ count: Int, _ f: (Int) -> Double) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { buf, n in
      for j in 0..<count { buf[j] = f(j) }
      n = count
    }
  }

  public static func + (a: MPOGradDual, b: MPOGradDual) -> MPOGradDual {
    a.d.withUnsafeBufferPointer { ad in
      b.d.withUnsafeBufferPointer { bd in
        MPOGradDual(a.v + b.v, tangent(min(ad.count, bd.count)) { ad[$0] + bd[$0] })
      }
    }
  }
  public static func - (a: MPOGradDual, b: MPOGradDual) -> MPOGradDual {
    a.d.withUnsafeBufferPointer { ad in
      b.d.withUnsafeBufferPointer { bd in
        MPOGradDual(a.v - b.v, tangent(min(ad.count, bd.count)) { ad[$0] - bd[$0] })
      }
    }
  }
  public static func * (a: MPOGradDual, b: MPOGradDual) -> MPOGradDual {
    a.d.withUnsafeBufferPointer { ad in
      b.d.withUnsafeBufferPointer { bd in
        MPOGradDual(a.v * b.v, tangent(min(ad.count, bd.count)) { a.v * bd[$0] + b.v * ad[$0] })
      }
    }
  }
  public static func / (a: MPOGradDual, b: MPOGradDual) -> MPOGradDual {
    a.d.withUnsafeBufferPointer { ad in
      b.d.withUnsafeBufferPointer { bd in
        MPOGradDual(a.v / b.v, tangent(min(ad.count, bd.count)) { (ad[$0] * b.v - a.v * bd[$0]) / (b.v * b.v) })
      }
    }
  }
  public static func + (a: MPOGradDual, c: Double) -> MPOGradDual { MPOGradDual(a.v + c, a.d) }
  public static func - (a: MPOGradDual, c: Double) -> MPOGradDual { MPOGradDual(a.v - c, a.d) }
  public static func * (c: Double, a: MPOGradDual) -> MPOGradDual {
    a.d.withUnsafeBufferPointer { ad in MPOGradDual(c * a.v, tangent(ad.count) { c * ad[$0] }) }
  }
  public static prefix func - (a: MPOGradDual) -> MPOGradDual {
    a.d.withUnsafeBufferPointer { ad in MPOGradDual(-a.v, tangent(ad.count) { -ad[$0] }) }
  }

  public var exp: MPOGradDual {
    let e = Glibc.exp(v)
    return MPOGradDual(e, d.map { e * $0 })
  }
  public var log: MPOGradDual { MPOGradDual(Glibc.log(v), d.map { $0 / v }) }
  public var squareRoot: MPOGradDual {
    let s = v.squareRoot()
    return MPOGradDual(s, d.map { $0 / (2 * s) })
  }

  /// log Σ exp(x_i), shifted by the largest value; tangent Σ softmax_i · ẋ_i. −∞ (zero
  /// tangent) for an empty list.
  public static func logSumExp(_ xs: [MPOGradDual], count: Int) -> MPOGradDual {
    guard let m = xs.map(\.v).max(), m.isFinite else {
      return constant(xs.isEmpty ? -.infinity : (xs.map(\.v).max() ?? -.infinity), count: count)
    }
    var s = 0.0
    for x in xs { s += Glibc.exp(x.v - m) }
    var d = [Double](repeating: 0, count: count)
    d.withUnsafeMutableBufferPointer { dd in
      for x in xs {
        let p = Glibc.exp(x.v - m) / s
        x.d.withUnsafeBufferPointer { xd in
          precondition(xd.count >= count, "logSumExp: tangent count \(xd.count) < count \(count)")
          for j in 0..<count { dd[j] += p * xd[j] }
        }
      }
    }
    return MPOGradDual(m + Glibc.log(s), d)
  }
}
