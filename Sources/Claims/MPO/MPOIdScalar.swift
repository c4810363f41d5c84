// The scalar types the App. K transcription (MPOIdCodeK.swift) runs on: Double (decides the
// verdicts), Float (reported only, as the code would run in float32 on a GPU) and a
// forward-mode dual number (value + one directional derivative, exact up to rounding,
// §0.13's reference derivatives) for the gradients the code gives.
#if canImport(Glibc)
  import Glibc
#endif

/// A real scalar with the operations the App. K code uses.
protocol MPOIdScalar: Comparable {
  init(_ x: Double)
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  var expValue: Self { get }
  var logValue: Self { get }
  var absValue: Self { get }
  var asDouble: Double { get }
}

extension Double: MPOIdScalar {
  var expValue: Double { exp(self) }
  var logValue: Double { log(self) }
  var absValue: Double { abs(self) }
  var asDouble: Double { self }
}

extension Float: MPOIdScalar {
  var expValue: Float { expf(self) }
  var logValue: Float { logf(self) }
  var absValue: Float { abs(self) }
  var asDouble: Double { Double(self) }
}

/// Forward-mode dual number v + d·ϵ (ϵ² = 0). Comparisons use the value only, so branches
/// (max, clamp, abs) follow the value as autograd does.
struct MPOIdDual: MPOIdScalar {
  var v: Double
  var d: Double

  init(_ x: Double) {
    v = x
    d = 0
  }

  init(_ v: Double, _ d: Double) {
    self.v = v
    self.d = d
  }

  static func + (a: Self, b: Self) -> Self { Self(a.v + b.v, a.d + b.d) }
  static func - (a: Self, b: Self) -> Self { Self(a.v - b.v, a.d - b.d) }
  static func * (a: Self, b: Self) -> Self { Self(a.v * b.v, a.d * b.v + a.v * b.d) }
  static func / (a: Self, b: Self) -> Self {
    Self(a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v))
  }
  static func < (a: Self, b: Self) -> Bool { a.v < b.v }
  static func == (a: Self, b: Self) -> Bool { a.v == b.v }
  var expValue: Self {
    let e = exp(v)
    return Self(e, e * d)
  }
  var logValue: Self { Self(log(v), d / v) }
  var absValue: Self { v < 0 ? Self(-v, -d) : self }
  var asDouble: Double { v }
}
