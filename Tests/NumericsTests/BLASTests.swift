// BLAS through OpenBLAS: the library actually bound is OpenBLAS (not GSL's reference
// gslcblas, which GSL's pkg-config also links and which defines the same cblas_* symbols),
// and gemm/gemv/dot/axpy agree with naive loops within the dot-product rounding bound.
//
// Tolerance (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1, eq. 3.5):
// a length-n dot product computed in any order, with or without FMA, satisfies
// |fl(xᵀy) − xᵀy| ≤ γ_n Σ|xᵢ||yᵢ|, γ_n = nu/(1 − nu), u = ε/2 the unit roundoff. We use
// ε (= 2u) in place of u, which doubles the bound and covers the final scaling by α and
// addition of β·c (two more roundings, γ_{n+2} ≤ 2γ_n for n ≥ 2). Both BLAS and the naive
// Double reference carry such an error, so they may differ by the sum of the two bounds.
import Numerics
import TestSupport
import Testing

/// γ_n with ε in place of u (see the file comment), for machine epsilon `eps`.
private func gamma(_ n: Int, eps: Double) -> Double {
  let ne = Double(n) * eps
  return ne / (1 - ne)
}

/// Naive row-major C = α·op(A)·op(B) + β·C0 in Double, and the magnitude sums
/// S_ij = |α|Σ|op(A)_il||op(B)_lj| + |β||C0_ij| for the error bound.
private func naiveGemm(
  m: Int, n: Int, k: Int, alpha: Double, a: [Double], ta: Bool, b: [Double], tb: Bool,
  beta: Double, c0: [Double]
) -> (c: [Double], magnitude: [Double]) {
  var c = [Double](repeating: 0, count: m * n)
  var s = [Double](repeating: 0, count: m * n)
  for i in 0..<m {
    for j in 0..<n {
      var acc = 0.0
      var mag = 0.0
      for l in 0..<k {
        let ail = ta ? a[l * m + i] : a[i * k + l]
        let blj = tb ? b[j * k + l] : b[l * n + j]
        acc += ail * blj
        mag += abs(ail * blj)
      }
      c[i * n + j] = alpha * acc + (beta == 0 ? 0 : beta * c0[i * n + j])
      s[i * n + j] = abs(alpha) * mag + abs(beta) * abs(c0[i * n + j])
    }
  }
  return (c, s)
}

private func randomMatrix(_ count: Int, _ r: inout RandomStream) -> [Double] {
  (0..<count).map { _ in r.gaussian() }
}

@Suite struct BLASTests {
  // MARK: Which library

  /// The cblas_dgemm this test binary calls lives in libopenblas, not libgslcblas; the
  /// process-wide lookup (what libgsl's own gsl_blas_* calls bind to) agrees. The control
  /// (gsl_strerror → libgsl) shows the lookup tells libraries apart.
  @Test func cblasSymbolsResolveToOpenBLAS() {
    let direct = BLAS.dgemmProviderPath
    #expect(direct?.lowercased().contains("openblas") == true, "cblas_dgemm from \(direct ?? "?")")
    #expect(direct?.contains("gslcblas") == false)
    for symbol in ["cblas_dgemm", "cblas_sgemm", "cblas_ddot", "cblas_daxpy"] {
      let path = BLAS.providerPath(ofSymbol: symbol)
      #expect(path?.lowercased().contains("openblas") == true, "\(symbol) from \(path ?? "?")")
    }
    let control = BLAS.providerPath(ofSymbol: "gsl_strerror")
    #expect(control?.contains("libgsl") == true, "gsl_strerror from \(control ?? "?")")
    #expect(!BLAS.openBLASConfig.isEmpty)
    #expect(BLAS.libraryDescription.contains("OpenBLAS"))
  }

  @Test func threadCountCanBeSetAndRead() {
    let original = BLAS.threadCount
    defer { BLAS.setThreadCount(original) }
    BLAS.setThreadCount(1)
    #expect(BLAS.threadCount == 1)
    BLAS.setThreadCount(2)
    #expect(BLAS.threadCount == 2)
  }

  // MARK: Level 3

  struct GemmCase: Sendable, CustomTestStringConvertible {
    let m, n, k: Int
    let ta, tb: Bool
    let alpha, beta: Double
    var testDescription: String {
      "\(m)×\(k)·\(k)×\(n) tA=\(ta) tB=\(tb) α=\(alpha) β=\(beta)"
    }
  }

  static let gemmCases: [GemmCase] = [
    GemmCase(m: 1, n: 1, k: 1, ta: false, tb: false, alpha: 1, beta: 0),
    GemmCase(m: 7, n: 5, k: 3, ta: false, tb: false, alpha: 1, beta: 0),
    GemmCase(m: 7, n: 5, k: 3, ta: true, tb: false, alpha: 1, beta: 0),
    GemmCase(m: 7, n: 5, k: 3, ta: false, tb: true, alpha: 1, beta: 0),
    GemmCase(m: 33, n: 65, k: 130, ta: true, tb: true, alpha: -0.75, beta: 0.5),
    GemmCase(m: 128, n: 96, k: 257, ta: false, tb: false, alpha: 2, beta: -1),
  ]

  @Test(arguments: gemmCases)
  func dgemmMatchesNaiveLoops(_ t: GemmCase) {
    var r = RandomStream(seed: TestSeed.seed(for: "dgemm \(t.testDescription)"))
    let a = randomMatrix(t.m * t.k, &r)
    let b = randomMatrix(t.k * t.n, &r)
    let c0 = randomMatrix(t.m * t.n, &r)
    var c = c0
    BLAS.gemm(
      m: t.m, n: t.n, k: t.k, alpha: t.alpha, a: a, transposeA: t.ta, b: b, transposeB: t.tb,
      beta: t.beta, c: &c)
    let ref = naiveGemm(
      m: t.m, n: t.n, k: t.k, alpha: t.alpha, a: a, ta: t.ta, b: b, tb: t.tb, beta: t.beta,
      c0: c0)
    let g = gamma(t.k + 2, eps: Double.ulpOfOne)
    var worst = 0.0
    for i in c.indices {
      let allowed = 2 * g * ref.magnitude[i]
      worst = max(worst, abs(c[i] - ref.c[i]) / allowed)
    }
    #expect(worst <= 1, "max |BLAS − naive| / (2γ_{k+2}·S) = \(worst)")
  }

  @Test(arguments: gemmCases)
  func sgemmMatchesNaiveLoops(_ t: GemmCase) {
    var r = RandomStream(seed: TestSeed.seed(for: "sgemm \(t.testDescription)"))
    // Float inputs, converted exactly to Double for the reference.
    let a = randomMatrix(t.m * t.k, &r).map { Float($0) }
    let b = randomMatrix(t.k * t.n, &r).map { Float($0) }
    let c0 = randomMatrix(t.m * t.n, &r).map { Float($0) }
    var c = c0
    BLAS.gemm(
      m: t.m, n: t.n, k: t.k, alpha: Float(t.alpha), a: a, transposeA: t.ta, b: b,
      transposeB: t.tb, beta: Float(t.beta), c: &c)
    let ref = naiveGemm(
      m: t.m, n: t.n, k: t.k, alpha: t.alpha, a: a.map(Double.init), ta: t.ta,
      b: b.map(Double.init), tb: t.tb, beta: t.beta, c0: c0.map(Double.init))
    // Float BLAS error γ_{k+2}(Float)·S plus the Double reference's (≪) plus the final
    // rounding of the Float result (ε_f/2 relative).
    let g =
      gamma(t.k + 2, eps: Double(Float.ulpOfOne)) + gamma(t.k + 2, eps: Double.ulpOfOne)
    var worst = 0.0
    for i in c.indices {
      let allowed = g * ref.magnitude[i] + Double(Float.ulpOfOne) * abs(ref.c[i])
      worst = max(worst, abs(Double(c[i]) - ref.c[i]) / allowed)
    }
    #expect(worst <= 1, "max |BLAS − naive| / bound = \(worst)")
  }

  @Test func gemmWithBetaZeroIgnoresNaNInC() {
    var c = [Double](repeating: .nan, count: 4)
    BLAS.gemm(m: 2, n: 2, k: 1, a: [1, 2], b: [3, 4], c: &c)
    #expect(c == [3, 4, 6, 8])
    #expect(
      BLAS.matmul([1, 2, 3, 4] as [Double], [5, 6, 7, 8], m: 2, n: 2, k: 2) == [19, 22, 43, 50])
    #expect(
      BLAS.matmul([1, 2, 3, 4] as [Float], [5, 6, 7, 8], m: 2, n: 2, k: 2) == [19, 22, 43, 50])
  }

  @Test func gemmWithMismatchedShapesStops() async {
    await #expect(processExitsWith: .failure) {
      var c = [Double](repeating: 0, count: 4)
      BLAS.gemm(m: 2, n: 2, k: 2, a: [1, 2, 3], b: [1, 2, 3, 4], c: &c)
    }
  }

  // MARK: Level 2 and 1

  @Test(arguments: [false, true])
  func gemvMatchesNaiveLoops(transpose: Bool) {
    var r = RandomStream(seed: TestSeed.seed(for: "gemv \(transpose)"))
    let m = 37
    let n = 53
    let a = randomMatrix(m * n, &r)
    let x = randomMatrix(transpose ? m : n, &r)
    let y0 = randomMatrix(transpose ? n : m, &r)
    var y = y0
    BLAS.gemv(m: m, n: n, alpha: 1.5, a: a, transpose: transpose, x: x, beta: -0.5, y: &y)
    // gemv is gemm with one column: reuse the naive gemm (op(A) rows × 1).
    let ref = naiveGemm(
      m: transpose ? n : m, n: 1, k: transpose ? m : n, alpha: 1.5, a: a, ta: transpose,
      b: x, tb: false, beta: -0.5, c0: y0)
    let g = gamma((transpose ? m : n) + 2, eps: Double.ulpOfOne)
    for i in y.indices {
      #expect(abs(y[i] - ref.c[i]) <= 2 * g * ref.magnitude[i], "y[\(i)]")
    }
    var yf = y0.map { Float($0) }
    BLAS.gemv(
      m: m, n: n, alpha: 1.5, a: a.map { Float($0) }, transpose: transpose,
      x: x.map { Float($0) }, beta: -0.5, y: &yf)
    let gf = gamma((transpose ? m : n) + 2, eps: Double(Float.ulpOfOne))
    // Float inputs differ from the Double ones by ε_f/2 relative each: covered by a
    // further γ₃(Float)·S.
    for i in yf.indices {
      let allowed =
        (gf + gamma(3, eps: Double(Float.ulpOfOne))) * ref.magnitude[i]
        + Double(Float.ulpOfOne) * abs(ref.c[i])
      #expect(abs(Double(yf[i]) - ref.c[i]) <= allowed, "yf[\(i)]")
    }
  }

  @Test func dotAndAxpyMatchNaiveLoops() {
    var r = RandomStream(seed: TestSeed.seed(for: "dot-axpy"))
    let n = 1001
    let x = randomMatrix(n, &r)
    let y = randomMatrix(n, &r)
    var ref = 0.0
    var mag = 0.0
    for i in 0..<n {
      ref += x[i] * y[i]
      mag += abs(x[i] * y[i])
    }
    #expect(abs(BLAS.dot(x, y) - ref) <= 2 * gamma(n, eps: Double.ulpOfOne) * mag)
    let xf = x.map { Float($0) }
    let yf = y.map { Float($0) }
    let reff = zip(xf, yf).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    let magf = zip(xf, yf).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) }
    let allowedf = (gamma(n, eps: Double(Float.ulpOfOne)) + gamma(n, eps: Double.ulpOfOne)) * magf
    #expect(abs(Double(BLAS.dot(xf, yf)) - reff) <= allowedf)
    #expect(BLAS.dot([Double](), []) == 0)

    // axpy: one product and one sum per element, ≤ γ₂(|αx| + |y|) each way.
    var z = y
    BLAS.axpy(alpha: -2.5, x: x, y: &z)
    for i in 0..<n {
      let expected = -2.5 * x[i] + y[i]
      let allowed = 2 * gamma(2, eps: Double.ulpOfOne) * (abs(2.5 * x[i]) + abs(y[i]))
      #expect(abs(z[i] - expected) <= allowed, "axpy[\(i)]")
    }
    var zf = yf
    BLAS.axpy(alpha: Float(-2.5), x: xf, y: &zf)
    for i in 0..<n {
      let expected = -2.5 * Double(xf[i]) + Double(yf[i])
      let allowed =
        gamma(2, eps: Double(Float.ulpOfOne))
        * (abs(2.5 * Double(xf[i])) + abs(Double(yf[i])))
      #expect(abs(Double(zf[i]) - expected) <= allowed, "axpy float[\(i)]")
    }
  }
}
