// claims/pro.md §2 M2 (minimisation with a certificate) for the checks of pro.dpo-gradient …
// pro.kl-half-closed-form. Variables: the logits z₁…z_{m−1} with z₀ = 0 pinned. BFGS2 (initial
// step 0.1, line-search tolerance 0.1) until ‖∇L‖ ≤ g_tol, restarting on GSL_ENOPROG at most 5
// times, 2000 iterations per start. Certificate: the Hessian from central differences (GSL's deriv_central rule) of the
// analytic gradient, column by column, symmetrised; E the symmetrised abserr matrix; λ_min by
// gsl_eigen_symm; certified when λ_min > ‖E‖_F and the Hessian at z ± e_z v_min still has
// λ_min ≥ λ_min/2, e_z = ‖∇L‖₂/λ_min.
// Reading (stated in the checks' notes): BFGS2's line search stalls near ‖∇L‖ ≈ √(ε|L*|λ)
// (see Minimize.bfgs), above g_tol = 1e-10·β(1 + α) for O(1) losses; each start is therefore
// polished by at most 8 Newton steps (accepted only while ‖∇L‖ decreases, also below g_tol,
// which only tightens e_z),
// and convergence is judged by M2's test on the polished point. v_min comes from a Jacobi
// eigen-decomposition in Swift (Numerics' gsl_eigen_symm wrapper returns eigenvalues only).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One assessed start of M2.
struct PRODecMinimum {
  /// All m logits, z₀ = 0 first.
  var z: [Double]
  var value: Double
  var gradientInf: Double
  var gradient2: Double
  var converged: Bool
  var lambdaMin: Double
  var hessianError: Double
  /// e_z = ‖∇L‖₂/λ_min (∞ when λ_min ≤ 0).
  var ez: Double
  var certified: Bool
  /// Eigenvalues (ascending) and the eigenvector of λ_min, in the free coordinates.
  var eigenvalues: [Double]
  var vMin: [Double]
}

enum PRODecM2 {
  /// Runs M2 on L (value and gradient over all m logits) from `starts` (full logit vectors).
  static func run(
    f: @escaping ([Double]) -> Double, gradient: @escaping ([Double]) -> [Double],
    starts: [[Double]], gradientTolerance gtol: Double
  ) -> [PRODecMinimum] {
    let ff: ([Double]) -> Double = { x in f([0] + x) }
    let gg: ([Double]) -> [Double] = { x in Array(gradient([0] + x).dropFirst()) }
    var out: [PRODecMinimum] = []
    for s in starts {
      var x = s.dropFirst().map { $0 - s[0] }
      var ok = true
      for _ in 0...5 {
        guard let run = try? Minimize.bfgs(
          ff, gradient: gg, from: x, gradientTolerance: gtol, initialStep: 0.1,
          lineSearchTolerance: 0.1, maxIterations: 2000)
        else {
          ok = false
          break
        }
        x = run.argmin
        if run.converged { break }
      }
      guard ok, x.allSatisfy(\.isFinite) else { continue }
      // Polish even below g_tol: a smaller ‖∇L‖ only tightens e_z (and T-opt).
      x = newtonPolish(gg, x, gtol: 0)
      if let m = try? assess(ff, gg, x, gtol: gtol) { out.append(m) }
    }
    return out
  }

  /// At most 8 Newton steps on the central-difference Hessian, each kept only if ‖∇‖ drops.
  static func newtonPolish(_ g: ([Double]) -> [Double], _ x0: [Double], gtol: Double) -> [Double] {
    var x = x0
    var gx = g(x)
    for _ in 0..<8 where (gx.map { abs($0) }.max() ?? 0) > gtol {
      let h = (try? hessian(g, x))?.h ?? []
      guard !h.isEmpty, let step = solve(h, gx, x.count) else { break }
      let xn = zip(x, step).map { $0 - $1 }
      let gn = g(xn)
      guard xn.allSatisfy(\.isFinite), norm(gn) < norm(gx) else { break }
      x = xn
      gx = gn
    }
    return x
  }

  /// The Hessian column by column: GSL's gsl_deriv_central algorithm (5-point central rule
  /// at h, error = truncation |r₅ − r₃|/h + rounding, one retry at GSL's optimal step when
  /// rounding < truncation) applied to all gradient components at once, so a column costs
  /// 4–8 gradient evaluations instead of 4–8 per entry (budget, M7; the formulas are GSL's
  /// deriv/deriv.c). Step 1e-4·max(1, |x_j|); symmetrised, with the symmetrised abserr matrix.
  static func hessian(_ g: ([Double]) -> [Double], _ x: [Double]) throws -> (h: [Double], e: [Double]) {
    let n = x.count
    var h = [Double](repeating: 0, count: n * n)
    var e = [Double](repeating: 0, count: n * n)
    let eps = Double.ulpOfOne
    func central(_ j: Int, _ step: Double) -> (r: [Double], trunc: [Double], round: [Double]) {
      func at(_ d: Double) -> [Double] {
        var p = x
        p[j] += d
        return g(p)
      }
      let fm1 = at(-step), fp1 = at(step), fmh = at(-step / 2), fph = at(step / 2)
      var r = [Double](repeating: 0, count: n)
      var tr = r
      var ro = r
      for i in 0..<n {
        let r3 = 0.5 * (fp1[i] - fm1[i])
        let r5 = (4.0 / 3.0) * (fph[i] - fmh[i]) - (1.0 / 3.0) * r3
        let e3 = (abs(fp1[i]) + abs(fm1[i])) * eps
        let e5 = 2.0 * (abs(fph[i]) + abs(fmh[i])) * eps + e3
        let dy = max(abs(r3 / step), abs(r5 / step)) * (abs(x[j]) / step) * eps
        r[i] = r5 / step
        tr[i] = abs((r5 - r3) / step)
        ro[i] = abs(e5 / step) + dy
      }
      return (r, tr, ro)
    }
    for j in 0..<n {
      let h0 = 1e-4 * max(1, abs(x[j]))
      let c0 = central(j, h0)
      var res = c0.r
      var err = zip(c0.trunc, c0.round).map { $0 + $1 }
      // GSL retries once at h_opt = h (round/(2 trunc))^{1/3} when 0 < round < trunc; per
      // component here, with one shared retry step from the worst component.
      let ratios = (0..<n).compactMap { i -> Double? in
        c0.round[i] < c0.trunc[i] && c0.round[i] > 0 && c0.trunc[i] > 0 ? c0.round[i] / (2 * c0.trunc[i]) : nil
      }
      if let worst = ratios.min() {
        let c1 = central(j, h0 * pow(worst, 1.0 / 3.0))
        for i in 0..<n {
          let e1 = c1.trunc[i] + c1.round[i]
          if e1 < err[i] && abs(c1.r[i] - res[i]) < 4 * err[i] {
            res[i] = c1.r[i]
            err[i] = e1
          }
        }
      }
      for i in 0..<n {
        guard res[i].isFinite, err[i].isFinite else { throw GSLError.domain }
        h[i * n + j] = res[i]
        e[i * n + j] = err[i]
      }
    }
    for i in 0..<n {
      for j in 0..<i {
        let s = (h[i * n + j] + h[j * n + i]) / 2
        h[i * n + j] = s
        h[j * n + i] = s
        let t = max(e[i * n + j], e[j * n + i])
        e[i * n + j] = t
        e[j * n + i] = t
      }
    }
    return (h, e)
  }

  /// Gradient test, Hessian certificate and e_z at x.
  static func assess(
    _ f: ([Double]) -> Double, _ g: ([Double]) -> [Double], _ x: [Double], gtol: Double
  ) throws -> PRODecMinimum {
    let gx = g(x)
    let gInf = gx.map { abs($0) }.max() ?? 0
    let g2 = norm(gx)
    let n = x.count
    let (h, e) = try hessian(g, x)
    let ev = try SymmetricEigen.eigenvalues(h, n: n).sorted()
    let jac = jacobi(h, n)
    let k = jac.values.indices.min { jac.values[$0] < jac.values[$1] } ?? 0
    let vMin = (0..<n).map { jac.vectors[$0 * n + k] }
    let lmin = ev.first ?? .nan
    let eF = e.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let ez = lmin > 0 ? g2 / lmin : .infinity
    var certified = lmin > eF && ez.isFinite
    if certified {
      for sgn in [-1.0, 1.0] {
        let xp = zip(x, vMin).map { $0 + sgn * ez * $1 }
        let hp = try hessian(g, xp).h
        let lp = try SymmetricEigen.eigenvalues(hp, n: n).min() ?? .nan
        if !(lp >= lmin / 2) { certified = false }
      }
    }
    return PRODecMinimum(
      z: [0] + x, value: f(x), gradientInf: gInf, gradient2: g2, converged: gInf <= gtol,
      lambdaMin: lmin, hessianError: eF, ez: ez, certified: certified && gInf <= gtol,
      eigenvalues: ev, vMin: vMin)
  }

  /// The certified point of lowest loss (M2's optimum), if any.
  static func optimum(_ runs: [PRODecMinimum]) -> PRODecMinimum? {
    runs.filter(\.certified).min { $0.value < $1.value }
  }

  /// Solves H s = b by Gaussian elimination with partial pivoting (nil if singular).
  static func solve(_ hIn: [Double], _ bIn: [Double], _ n: Int) -> [Double]? {
    var a = hIn
    var b = bIn
    for c in 0..<n {
      let p = (c..<n).max { abs(a[$0 * n + c]) < abs(a[$1 * n + c]) } ?? c
      guard abs(a[p * n + c]) > 0 else { return nil }
      if p != c {
        for k in 0..<n { a.swapAt(c * n + k, p * n + k) }
        b.swapAt(c, p)
      }
      for r in (c + 1)..<n {
        let f = a[r * n + c] / a[c * n + c]
        for k in c..<n { a[r * n + k] -= f * a[c * n + k] }
        b[r] -= f * b[c]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for r in stride(from: n - 1, through: 0, by: -1) {
      var s = b[r]
      for k in (r + 1)..<n { s -= a[r * n + k] * x[k] }
      x[r] = s / a[r * n + r]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
  }

  /// Cyclic Jacobi eigen-decomposition of a symmetric n×n matrix: eigenvalues and the
  /// eigenvectors as the columns of `vectors` (row-major n×n).
  static func jacobi(_ aIn: [Double], _ n: Int) -> (values: [Double], vectors: [Double]) {
    var a = aIn
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    for _ in 0..<100 {
      var off = 0.0
      for i in 0..<n { for j in 0..<n where i != j { off += a[i * n + j] * a[i * n + j] } }
      if off < 1e-300 { break }
      for p in 0..<n {
        for q in (p + 1)..<n where a[p * n + q] != 0 {
          let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let akp = a[k * n + p]
            let akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p * n + k]
            let aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
          }
          for k in 0..<n {
            let vkp = v[k * n + p]
            let vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
          }
        }
      }
    }
    return ((0..<n).map { a[$0 * n + $0] }, v)
  }
}
