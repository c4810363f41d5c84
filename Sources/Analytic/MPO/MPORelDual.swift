// Forward-mode dual numbers (value + derivative), just the operations the log-space form of
// MPO's U(β) (001_0ef3930bdbd6a134.txt eq. 25) needs: +, −, ×, ÷, log, log erfc and a
// two-term log-sum-exp. Derivatives are exact up to rounding (no step size).
//
// Implementation goals, in order: 1) exact derivative rules; 2) log space (U underflows for
// β ≲ 0.02, its log does not); 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A dual number v + d·ε with ε² = 0.
public struct MPORelDual: Sendable, Hashable {
  public var value: Double
  public var derivative: Double

  public init(_ value: Double, _ derivative: Double = 0) {
    self.value = value
    self.derivative = derivative
  }

  public static func + (a: Self, b: Self) -> Self {
    Self(a.value + b.value, a.derivative + b.derivative)
  }
  public static func - (a: Self, b: Self) -> Self {
    Self(a.value - b.value, a.derivative - b.derivative)
  }
  public static func * (a: Self, b: Self) -> Self {
    Self(a.value * b.value, a.derivative * b.value + a.value * b.derivative)
  }
  public static func / (a: Self, b: Self) -> Self {
    Self(a.value / b.value, (a.derivative * b.value - a.value * b.derivative) / (b.value * b.value))
  }

  /// log x, d = x′/x.
  public func log() -> Self { Self(naturalLog(value), derivative / value) }

  /// log erfc(x), d = −(2/√π)·e^{−x²}/erfc(x)·x′, the ratio formed in log space.
  public func logErfc() throws -> Self {
    let l = try SpecialFunctions.logErfc(value).value
    let ratio = 2 / Double.pi.squareRoot() * exp(-value * value - l)
    return Self(l, -ratio * derivative)
  }

  /// log(eᵃ + eᵇ) with d = (a′eᵃ + b′eᵇ)/(eᵃ + eᵇ), shifted by the larger value.
  public static func logSumExp(_ a: Self, _ b: Self) throws -> Self {
    let m = max(a.value, b.value)
    let wa = exp(a.value - m)
    let wb = exp(b.value - m)
    return Self(m + naturalLog(wa + wb), (a.derivative * wa + b.derivative * wb) / (wa + wb))
  }
}

/// The natural logarithm under a name the dual's `log()` method does not shadow.
private func naturalLog(_ x: Double) -> Double { log(x) }
