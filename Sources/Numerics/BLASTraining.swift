// Strided, pointer-based gemm for the transformer of Sources/Training: its activations live
// in flat buffers and attention multiplies per-head column blocks of them (leading dimension
// larger than the block width), which the array-based ``BLAS/gemm`` cannot express.
//
// Goals, in order: 1) no copies on the training hot path (pointers and leading dimensions go
// straight to cblas_sgemm / cblas_dgemm); 2) misuse (a leading dimension smaller than a row)
// stops with a precondition naming the sizes, never a silent out-of-bounds access in C;
// 3) Numerics stays the only module that names cblas_* symbols.
internal import COpenBLAS

extension BLAS {
  private static func checkStrided(
    m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int, transposeA: Bool, transposeB: Bool
  ) {
    precondition(m >= 0 && n >= 0 && k >= 0, "gemm shapes must be ≥ 0, got m=\(m) n=\(n) k=\(k)")
    let aCols = transposeA ? m : k
    let bCols = transposeB ? k : n
    precondition(lda >= max(1, aCols), "gemm: lda must be ≥ \(max(1, aCols)), got \(lda)")
    precondition(ldb >= max(1, bCols), "gemm: ldb must be ≥ \(max(1, bCols)), got \(ldb)")
    precondition(ldc >= max(1, n), "gemm: ldc must be ≥ \(max(1, n)), got \(ldc)")
    precondition(
      max(m, n, k, lda, ldb, ldc) <= Int(Int32.max), "gemm: dimensions exceed 32-bit indices")
  }

  private static func op(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

  /// C ← α·op(A)·op(B) + β·C on row-major strided storage: op(A) is m×k, op(B) k×n, C m×n;
  /// row i of A starts at `a + i·lda` (A stored m×k, or k×m when `transposeA`), likewise B and
  /// C. When β = 0, C's previous contents are not read. The caller guarantees the pointers
  /// cover the strided extents.
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    checkStrided(
      m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc, transposeA: transposeA,
      transposeB: transposeB)
    if m == 0 || n == 0 { return }
    cblas_sgemm(
      CblasRowMajor, op(transposeA), op(transposeB), Int32(m), Int32(n), Int32(k), alpha, a,
      Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// C ← α·op(A)·op(B) + β·C in double precision (see the Float overload).
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
    a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
    c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    checkStrided(
      m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc, transposeA: transposeA,
      transposeB: transposeB)
    if m == 0 || n == 0 { return }
    cblas_dgemm(
      CblasRowMajor, op(transposeA), op(transposeB), Int32(m), Int32(n), Int32(k), alpha, a,
      Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }
}
