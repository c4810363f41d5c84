// Dense linear algebra through OpenBLAS's CBLAS interface, on row-major Swift arrays with
// explicit shapes. Numerics is the only module that names cblas_* symbols.
//
// Goals, in order: 1) the BLAS actually called is OpenBLAS — GSL's pkg-config link line adds
// -lgslcblas, which defines the same cblas_* symbols; ``BLAS/dgemmProviderPath`` shows which
// library the dynamic linker bound, and a test checks it; 2) misuse (mismatched shapes) stops
// with a precondition naming the sizes, never a silent out-of-bounds read in C; 3) results
// are reproducible for a fixed ``BLAS/threadCount`` (record it in reports).
internal import COpenBLAS

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// BLAS levels 1–3 (dot, axpy, gemv, gemm) for Float and Double, and OpenBLAS's controls.
public enum BLAS {
  // MARK: Runtime controls

  /// The number of threads OpenBLAS uses (`openblas_get_num_threads`).
  public static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// Sets the number of threads OpenBLAS uses (`openblas_set_num_threads`); n ≥ 1.
  public static func setThreadCount(_ n: Int) {
    precondition(n >= 1, "thread count must be ≥ 1, got \(n)")
    openblas_set_num_threads(Int32(clamping: n))
  }

  /// OpenBLAS's build configuration (`openblas_get_config`, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH
  /// NO_AFFINITY Zen MAX_THREADS=64"), its kernel core (`openblas_get_corename`) and the
  /// current thread count.
  public static var libraryDescription: String {
    let config = openblas_get_config().map { String(cString: $0) } ?? "OpenBLAS (no config)"
    let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    return "\(config.trimmingSpaces) (core \(core), \(threadCount) threads)"
  }

  /// OpenBLAS's configuration string alone (`openblas_get_config`), empty when unavailable.
  public static var openBLASConfig: String {
    openblas_get_config().map { String(cString: $0) } ?? ""
  }

  /// The file of the shared object that defines the `cblas_dgemm` this process calls, by
  /// the function's address as bound in this module (nil if unknown).
  public static var dgemmProviderPath: String? {
    typealias Gemm =
      @convention(c) (
        CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Double,
        UnsafePointer<Double>?, blasint, UnsafePointer<Double>?, blasint, Double,
        UnsafeMutablePointer<Double>?, blasint
      ) -> Void
    let function: Gemm = cblas_dgemm
    return sharedObjectPath(containing: unsafeBitCast(function, to: UnsafeRawPointer.self))
  }

  /// The file of the shared object that the process-wide symbol lookup (`dlsym` with
  /// `RTLD_DEFAULT`) resolves `symbol` to — the binding libgsl's own cblas_* calls get.
  public static func providerPath(ofSymbol symbol: String) -> String? {
    guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) else {
      return nil
    }
    return sharedObjectPath(containing: UnsafeRawPointer(address))
  }

  /// The path of the file mapped at `address`, from /proc/self/maps (Linux; `dladdr` is not
  /// visible to Swift without _GNU_SOURCE). Lines read "start-end perms offset dev inode path".
  private static func sharedObjectPath(containing address: UnsafeRawPointer) -> String? {
    let target = UInt(bitPattern: address)
    guard let file = fopen("/proc/self/maps", "r") else { return nil }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0 {
      guard let line else { break }
      let text = String(cString: line)
      let fields = text.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 6 else { continue }
      let bounds = fields[0].split(separator: "-")
      guard bounds.count == 2, let lo = UInt(bounds[0], radix: 16),
        let hi = UInt(bounds[1], radix: 16)
      else { continue }
      if lo <= target && target < hi {
        let path = fields[5...].joined(separator: " ")
        return path.hasSuffix("\n") ? String(path.dropLast()) : path
      }
    }
    return nil
  }

  // MARK: Shape checks

  private static func checkGemm(
    m: Int, n: Int, k: Int, a: Int, b: Int, c: Int
  ) -> (Int32, Int32, Int32) {
    precondition(m >= 0 && n >= 0 && k >= 0, "gemm shapes must be ≥ 0, got m=\(m) n=\(n) k=\(k)")
    precondition(a == m * k, "gemm: a must hold m×k = \(m * k) values, got \(a)")
    precondition(b == k * n, "gemm: b must hold k×n = \(k * n) values, got \(b)")
    precondition(c == m * n, "gemm: c must hold m×n = \(m * n) values, got \(c)")
    precondition(
      max(m, n, k) <= Int(Int32.max), "gemm: dimensions exceed 32-bit BLAS indices")
    return (Int32(m), Int32(n), Int32(k))
  }

  private static func checkGemv(
    m: Int, n: Int, transpose: Bool, a: Int, x: Int, y: Int
  ) -> (Int32, Int32) {
    precondition(m >= 0 && n >= 0, "gemv shapes must be ≥ 0, got m=\(m) n=\(n)")
    precondition(a == m * n, "gemv: a must hold m×n = \(m * n) values, got \(a)")
    let (xn, yn) = transpose ? (m, n) : (n, m)
    precondition(x == xn, "gemv: x must hold \(xn) values, got \(x)")
    precondition(y == yn, "gemv: y must hold \(yn) values, got \(y)")
    precondition(max(m, n) <= Int(Int32.max), "gemv: dimensions exceed 32-bit BLAS indices")
    return (Int32(m), Int32(n))
  }

  private static func checkVectors(_ x: Int, _ y: Int, _ op: String) -> Int32 {
    precondition(x == y, "\(op): x and y must have equal length, got \(x) and \(y)")
    precondition(x <= Int(Int32.max), "\(op): length exceeds 32-bit BLAS indices")
    return Int32(x)
  }

  private static func trans(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

  // MARK: Level 3

  /// C ← α·op(A)·op(B) + β·C, row-major, with op(A) m×k and op(B) k×n: A is stored m×k
  /// (or k×m when `transposeA`), B k×n (or n×k when `transposeB`), C m×n. When β = 0, C's
  /// previous contents are not read (NaNs in it do not propagate).
  public static func gemm(
    m: Int, n: Int, k: Int, alpha: Double = 1, a: [Double], transposeA: Bool = false,
    b: [Double], transposeB: Bool = false, beta: Double = 0, c: inout [Double]
  ) {
    let (mi, ni, ki) = checkGemm(m: m, n: n, k: k, a: a.count, b: b.count, c: c.count)
    if m == 0 || n == 0 { return }
    let lda = Int32(max(1, transposeA ? m : k))
    let ldb = Int32(max(1, transposeB ? k : n))
    cblas_dgemm(
      CblasRowMajor, trans(transposeA), trans(transposeB), mi, ni, ki, alpha, a, lda, b, ldb,
      beta, &c, Int32(max(1, n)))
  }

  /// C ← α·op(A)·op(B) + β·C in single precision (see the Double overload).
  public static func gemm(
    m: Int, n: Int, k: Int, alpha: Float = 1, a: [Float], transposeA: Bool = false,
    b: [Float], transposeB: Bool = false, beta: Float = 0, c: inout [Float]
  ) {
    let (mi, ni, ki) = checkGemm(m: m, n: n, k: k, a: a.count, b: b.count, c: c.count)
    if m == 0 || n == 0 { return }
    let lda = Int32(max(1, transposeA ? m : k))
    let ldb = Int32(max(1, transposeB ? k : n))
    cblas_sgemm(
      CblasRowMajor, trans(transposeA), trans(transposeB), mi, ni, ki, alpha, a, lda, b, ldb,
      beta, &c, Int32(max(1, n)))
  }

  /// The product A·B of row-major A (m×k) and B (k×n), as a new m×n array.
  public static func matmul(_ a: [Double], _ b: [Double], m: Int, n: Int, k: Int) -> [Double] {
    var c = [Double](repeating: 0, count: m * n)
    gemm(m: m, n: n, k: k, a: a, b: b, c: &c)
    return c
  }

  /// The product A·B of row-major A (m×k) and B (k×n), as a new m×n array.
  public static func matmul(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int) -> [Float] {
    var c = [Float](repeating: 0, count: m * n)
    gemm(m: m, n: n, k: k, a: a, b: b, c: &c)
    return c
  }

  // MARK: Level 2

  /// y ← α·op(A)·x + β·y with A stored row-major m×n; op(A) = A (x: n, y: m) or Aᵀ when
  /// `transpose` (x: m, y: n). When β = 0, y's previous contents are not read.
  public static func gemv(
    m: Int, n: Int, alpha: Double = 1, a: [Double], transpose: Bool = false, x: [Double],
    beta: Double = 0, y: inout [Double]
  ) {
    let (mi, ni) = checkGemv(
      m: m, n: n, transpose: transpose, a: a.count, x: x.count, y: y.count)
    if y.isEmpty { return }
    if x.isEmpty {
      for i in y.indices { y[i] = beta == 0 ? 0 : beta * y[i] }
      return
    }
    cblas_dgemv(
      CblasRowMajor, trans(transpose), mi, ni, alpha, a, Int32(max(1, n)), x, 1, beta, &y, 1)
  }

  /// y ← α·op(A)·x + β·y in single precision (see the Double overload).
  public static func gemv(
    m: Int, n: Int, alpha: Float = 1, a: [Float], transpose: Bool = false, x: [Float],
    beta: Float = 0, y: inout [Float]
  ) {
    let (mi, ni) = checkGemv(
      m: m, n: n, transpose: transpose, a: a.count, x: x.count, y: y.count)
    if y.isEmpty { return }
    if x.isEmpty {
      for i in y.indices { y[i] = beta == 0 ? 0 : beta * y[i] }
      return
    }
    cblas_sgemv(
      CblasRowMajor, trans(transpose), mi, ni, alpha, a, Int32(max(1, n)), x, 1, beta, &y, 1)
  }

  // MARK: Level 1

  /// xᵀy.
  public static func dot(_ x: [Double], _ y: [Double]) -> Double {
    let n = checkVectors(x.count, y.count, "dot")
    return n == 0 ? 0 : cblas_ddot(n, x, 1, y, 1)
  }

  /// xᵀy in single precision.
  public static func dot(_ x: [Float], _ y: [Float]) -> Float {
    let n = checkVectors(x.count, y.count, "dot")
    return n == 0 ? 0 : cblas_sdot(n, x, 1, y, 1)
  }

  /// y ← α·x + y.
  public static func axpy(alpha: Double, x: [Double], y: inout [Double]) {
    let n = checkVectors(x.count, y.count, "axpy")
    if n > 0 { cblas_daxpy(n, alpha, x, 1, &y, 1) }
  }

  /// y ← α·x + y in single precision.
  public static func axpy(alpha: Float, x: [Float], y: inout [Float]) {
    let n = checkVectors(x.count, y.count, "axpy")
    if n > 0 { cblas_saxpy(n, alpha, x, 1, &y, 1) }
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    while s.first == " " { s = s.dropFirst() }
    return String(s)
  }
}
