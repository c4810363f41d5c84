// Numerically stable elementary functions shared by Numerics (which re-exports them) and
// Objectives (which must not import Numerics, see Package.swift).
//
// Implementation goals, in order of priority:
//   1) the mathematical definition exactly, to within a few ulps where well conditioned;
//   2) a finite result wherever the true value is finite, for every finite Double input
//      (no overflow in exp, no cancellation in 1 − e^x or log(1 + tiny));
//   3) simplicity.
// The reference values behind these claims are in Tests/NumericsTests/StableMathTests.swift.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Natural logarithm of 2, to double precision (0.6931471805599453094…).
public let ln2: Double = 0.693_147_180_559_945_309_417_232_121_458

/// The logistic function σ(x) = 1 / (1 + e^{−x}).
///
/// Written as 1/(1 + e^{−x}) for x ≥ 0 and e^{x}/(1 + e^{x}) for x < 0, so that the
/// exponential never overflows and σ(x) for x ≪ 0 keeps full relative accuracy
/// (1 − σ(−x) would lose every digit once σ(−x) rounds to 1).
@inlinable
public func sigmoid(_ x: Double) -> Double {
  if x >= 0 {
    return 1 / (1 + exp(-x))
  }
  let e = exp(x)
  return e / (1 + e)
}

/// log(1 + e^x), the softplus, without overflow.
///
/// For x > 0 uses x + log1p(e^{−x}); otherwise log1p(e^{x}). Naive log(1 + exp(x))
/// overflows at x ≈ 709.8 and returns 0 instead of e^{x} for x < −37.
@inlinable
public func log1pExp(_ x: Double) -> Double {
  if x > 0 {
    return x + log1p(exp(-x))
  }
  return log1p(exp(x))
}

/// softplus(x) = log(1 + e^x); the same function as ``log1pExp(_:)``, named as in ML code.
@inlinable
public func softplus(_ x: Double) -> Double { log1pExp(x) }

/// log σ(x) = −softplus(−x), finite for every finite x (log σ(−800) = −800, not −∞).
@inlinable
public func logSigmoid(_ x: Double) -> Double { -log1pExp(-x) }

/// log(1 − e^{x}) for x ≤ 0, Mächler's (2012) two-branch form.
///
/// For −ln 2 < x ≤ 0 uses log(−expm1(x)) (1 − e^x is small and expm1 keeps its digits);
/// for x ≤ −ln 2 uses log1p(−e^{x}) (e^x is small and log1p keeps its digits).
/// Returns −∞ at x = 0 (the true value) and NaN for x > 0, where the logarithm is undefined.
@inlinable
public func log1mExp(_ x: Double) -> Double {
  if x > 0 { return .nan }
  if x > -ln2 {
    return log(-expm1(x))
  }
  return log1p(-exp(x))
}

/// log(e^{x} − 1) for x ≥ 0: log(expm1(x)) for x ≤ 36, x + log1p(−e^{−x}) beyond, where
/// expm1 would overflow at x ≈ 709.8 (the value itself is ≈ x). −∞ at 0, NaN for x < 0.
@inlinable
public func logExpm1(_ x: Double) -> Double {
  if x < 0 { return .nan }
  if x <= 36 { return log(expm1(x)) }
  return x + log1p(-exp(-x))
}

/// log(e^{a} + e^{b}) as max(a, b) + log1p(e^{−|a − b|}).
///
/// Exact at ±∞ (log(e^{−∞} + e^{b}) = b); NaN only when an argument is NaN.
@inlinable
public func logSumExp(_ a: Double, _ b: Double) -> Double {
  if a.isNaN || b.isNaN { return .nan }
  let m = max(a, b)
  if m.isInfinite { return m }
  return m + log1p(exp(-abs(a - b)))
}

/// log Σ e^{x_i} as m + log1p(Σ_{i≠i*} e^{x_i − m}), m = x_{i*} = max x_i.
///
/// Leaving the maximum's own term out of the sum and adding it through log1p keeps full
/// relative accuracy when one term dominates. The empty sum gives −∞ (log 0).
@inlinable
public func logSumExp<C: Collection>(_ xs: C) -> Double where C.Element == Double {
  guard let first = xs.first else { return -.infinity }
  var m = first
  var argmax = xs.startIndex
  var i = xs.startIndex
  while i != xs.endIndex {
    let v = xs[i]
    if v.isNaN { return .nan }
    if v > m {
      m = v
      argmax = i
    }
    i = xs.index(after: i)
  }
  if m.isInfinite { return m }
  var rest = 0.0
  i = xs.startIndex
  while i != xs.endIndex {
    if i != argmax { rest += exp(xs[i] - m) }
    i = xs.index(after: i)
  }
  return m + log1p(rest)
}

/// log softmax(x)_i = x_i − logSumExp(x), elementwise.
@inlinable
public func logSoftmax(_ xs: [Double]) -> [Double] {
  let z = logSumExp(xs)
  return xs.map { $0 - z }
}

/// softmax(x)_i = exp(x_i − logSumExp(x)): no overflow for any finite x.
@inlinable
public func softmax(_ xs: [Double]) -> [Double] {
  let z = logSumExp(xs)
  return xs.map { exp($0 - z) }
}

/// (1 − e^{−a·x})/a, with the a → 0 limit x; written −expm1(−a·x)/a so that no digits
/// are lost when a·x is small. This is AlphaPO's reward shape r_α at a = α, x = log π/|y|.
@inlinable
public func oneMinusExpOver(_ a: Double, _ x: Double) -> Double {
  if a == 0 { return x }
  return -expm1(-a * x) / a
}
