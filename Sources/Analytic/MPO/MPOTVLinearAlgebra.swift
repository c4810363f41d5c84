// Small dense linear algebra for the App. E exponential-family fits of claims/mpo.md §2
// (001_0ef3930bdbd6a134.txt App. E): Cholesky solves for Newton steps and a cyclic Jacobi
// eigendecomposition (values and vectors) for the ball-constrained step and the top
// eigenvector of ∇²A. Matrices are k×k row-major with k ≤ 64.
//
// Goals, in order: 1) correctness on symmetric positive semidefinite input (a failed
// Cholesky is reported, never a NaN step); 2) no allocation beyond the result; 3) brevity.
#if canImport(Glibc)
  import Glibc
#endif

/// Dense helpers for the MPO §2 checks.
public enum MPOTVLinearAlgebra {
  /// Solves A x = b for a symmetric positive definite k×k A by Cholesky; nil when A is not
  /// numerically positive definite (a pivot ≤ 1e-300 or not finite).
  public static func choleskySolve(_ a: [Double], _ b: [Double], k: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: k * k)
    var y = b
    let ok = l.withUnsafeMutableBufferPointer { l in
      a.withUnsafeBufferPointer { a in
        y.withUnsafeMutableBufferPointer { y in
          for i in 0..<k {
            for j in 0...i {
              var s = a[i * k + j]
              for t in 0..<j { s -= l[i * k + t] * l[j * k + t] }
              if i == j {
                guard s > 1e-300, s.isFinite else { return false }
                l[i * k + i] = s.squareRoot()
              } else {
                l[i * k + j] = s / l[j * k + j]
              }
            }
          }
          for i in 0..<k {
            var s = y[i]
            for t in 0..<i { s -= l[i * k + t] * y[t] }
            y[i] = s / l[i * k + i]
          }
          for i in stride(from: k - 1, through: 0, by: -1) {
            var s = y[i]
            for t in (i + 1)..<max(i + 1, k) { s -= l[t * k + i] * y[t] }
            y[i] = s / l[i * k + i]
          }
          return true
        }
      }
    }
    return ok ? y : nil
  }

  /// Eigenvalues (ascending) and orthonormal eigenvectors (column j of the row-major k×k
  /// `vectors` belongs to value j) of a symmetric matrix, by cyclic Jacobi rotations until
  /// the off-diagonal mass is below ε²·‖A‖_F² (at most 100 sweeps).
  public static func symmetricEigen(_ a: [Double], k: Int) -> (values: [Double], vectors: [Double]) {
    var mArr = a
    var vArr = [Double](repeating: 0, count: k * k)
    for i in 0..<k { vArr[i * k + i] = 1 }
    let frob = a.reduce(0) { $0 + $1 * $1 }
    mArr.withUnsafeMutableBufferPointer { m in
      vArr.withUnsafeMutableBufferPointer { v in
        for _ in 0..<100 {
          var off = 0.0
          for p in 0..<k { for q in (p + 1)..<max(p + 1, k) { off += 2 * m[p * k + q] * m[p * k + q] } }
          if off <= Double.ulpOfOne * Double.ulpOfOne * frob || off == 0 { break }
          for p in 0..<k {
            for q in (p + 1)..<max(p + 1, k) where m[p * k + q] != 0 {
              let apq = m[p * k + q]
              let theta = (m[q * k + q] - m[p * k + p]) / (2 * apq)
              let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
              let c = 1 / (t * t + 1).squareRoot()
              let s = t * c
              for r in 0..<k {
                let mrp = m[r * k + p], mrq = m[r * k + q]
                m[r * k + p] = c * mrp - s * mrq
                m[r * k + q] = s * mrp + c * mrq
              }
              for r in 0..<k {
                let mpr = m[p * k + r], mqr = m[q * k + r]
                m[p * k + r] = c * mpr - s * mqr
                m[q * k + r] = s * mpr + c * mqr
              }
              for r in 0..<k {
                let vrp = v[r * k + p], vrq = v[r * k + q]
                v[r * k + p] = c * vrp - s * vrq
                v[r * k + q] = s * vrp + c * vrq
              }
            }
          }
        }
      }
    }
    let m = mArr
    let v = vArr
    let order = (0..<k).sorted { m[$0 * k + $0] < m[$1 * k + $1] }
    var vals = [Double](repeating: 0, count: k)
    var vecs = [Double](repeating: 0, count: k * k)
    for (j, o) in order.enumerated() {
      vals[j] = m[o * k + o]
      for r in 0..<k { vecs[r * k + j] = v[r * k + o] }
    }
    return (vals, vecs)
  }

  /// Euclidean norm.
  public static func norm(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 }.squareRoot() }

  /// Dot product.
  public static func dot(_ x: [Double], _ y: [Double]) -> Double {
    var s = 0.0
    for i in 0..<x.count { s += x[i] * y[i] }
    return s
  }
}
