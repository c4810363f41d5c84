// The scalar the transformer computes in: Float for training (speed), Double for checking
// the hand-written backward passes against finite differences. Every layer is generic over
// it; the elementary functions and gemm come from here so that the layer code is written once.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A floating-point type the transformer runs in (Float or Double).
public protocol ModelScalar: BinaryFloatingPoint, Sendable, CustomStringConvertible
where RawSignificand: FixedWidthInteger {
  /// C ← α·op(A)·op(B) + β·C on row-major strided storage (``BLAS`` strided gemm).
  static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
    a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, beta: Self,
    c: UnsafeMutablePointer<Self>, ldc: Int)
  /// eˣ.
  static func exp(_ x: Self) -> Self
  /// Natural logarithm.
  static func log(_ x: Self) -> Self
  /// Hyperbolic tangent (Float: ``RationalTanh``, within 4 ulps; Double: libm).
  static func tanh(_ x: Self) -> Self
}

extension Float: ModelScalar {
  @inlinable @inline(__always)
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    BLAS.gemm(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a,
      lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
  }
  @inlinable @inline(__always) public static func exp(_ x: Float) -> Float { expf(x) }
  @inlinable @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
  @inlinable @inline(__always) public static func tanh(_ x: Float) -> Float {
    RationalTanh.tanh(x)
  }
}

extension Double: ModelScalar {
  @inlinable @inline(__always)
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
    a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
    c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    BLAS.gemm(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a,
      lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
  }
  @inlinable @inline(__always) public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
  @inlinable @inline(__always) public static func log(_ x: Double) -> Double { Glibc.log(x) }
  @inlinable @inline(__always) public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
}
