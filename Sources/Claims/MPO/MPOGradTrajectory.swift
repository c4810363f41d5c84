// Gradient-descent trajectories of L_weighted for ../shared/claims/mpo.md §4 (paper
// 001_0ef3930bdbd6a134.txt App. H.2): FS and TAB runs with every step observed, the error
// table over η ∈ {1e-4, …, 1} and t ∈ {1, 10, …, T}, and OLS fits of log e on log(ηt) and on
// log η at fixed t (points with e = 0 are left out and counted). Goals: 1) every step
// observed; 2) cost O(K) per step (a few seconds for 2·10⁷ steps compiled); 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Trajectory driver and error reporting.
enum MPOGradTrajectory {
  static let etas: [Double] = [1e-4, 1e-3, 1e-2, 1e-1, 1]
  static let tableTimes: [Int] = [1, 10, 100, 1_000, 10_000]

  /// ∂L_weighted/∂s in shifted linear space: with e_i = w_i e^{s_i − m}, A = Σ_{Y⁺} e,
  /// B = Σ_{Y⁻} e, Z = A + B: −e_i B/(AZ) on Y⁺ and e_i/Z on Y⁻ (no cancellation).
  static func gradient(_ s: [Double], logWeights lw: [Double], positive: [Bool], into g: inout [Double]) {
    var m = -Double.infinity
    for i in s.indices { m = max(m, s[i] + lw[i]) }
    var a = 0.0
    var b = 0.0
    for i in s.indices {
      let e = exp(s[i] + lw[i] - m)
      g[i] = e
      if positive[i] { a += e } else { b += e }
    }
    let z = a + b
    for i in s.indices { g[i] = positive[i] ? -g[i] * b / (a * z) : g[i] / z }
  }

  /// FS gradient descent from `s0`: `observe(t, s)` after each step t = 1…steps.
  static func runFS(
    _ s0: [Double], logWeights lw: [Double], positive: [Bool], eta: Double, steps: Int,
    observe: (Int, [Double]) -> Void
  ) {
    var s = s0
    var g = s0
    for t in 1...steps {
      gradient(s, logWeights: lw, positive: positive, into: &g)
      for i in s.indices { s[i] -= eta * g[i] }
      observe(t, s)
    }
  }

  /// TAB gradient descent (π_θ = softmax(θ), scores β(log π_θ − log π_ref) on the first K):
  /// `observe(t, scores)` after each step, or only after the steps in `times` when given (the
  /// scores are then computed at those steps only).
  static func runTAB(
    theta0: [Double], logRef: [Double], k: Int, beta: Double, logWeights lw: [Double],
    positive: [Bool], eta: Double, steps: Int, times: Set<Int>? = nil, observe: (Int, [Double]) -> Void
  ) {
    // The lean TAB driver (MPOGradTabRun, property-tested against MPOGradModels.tabGradient).
    // One scores buffer for the whole run (refilled at each observed step).
    var scores = [Double](repeating: 0, count: k)
    MPOGradTabRun.run(theta0: theta0, logRef: logRef, k: k, beta: beta, logWeights: lw, positive: positive,
                      eta: eta, steps: steps) { st in
      if let times, !times.contains(st.t) { return }
      for j in 0..<k { scores[j] = beta * (log(st.pi[j]) - logRef[j]) }
      observe(st.t, scores)
    }
  }

  /// OLS of y on x: (slope, intercept); nil with fewer than 2 distinct x.
  static func ols(_ x: [Double], _ y: [Double]) -> (slope: Double, intercept: Double)? {
    guard x.count >= 2 else { return nil }
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    guard sxx > 0 else { return nil }
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    return (sxy / sxx, my - sxy / sxx * mx)
  }

  /// One table cell: mean absolute and relative error over the instances at (η, t).
  struct Cell {
    var eta: Double
    var t: Int
    var meanError: Double
    var meanRelative: Double
  }

  /// The table as one note line, and the fits of log e on log(ηt) and on log η at fixed t.
  static func report(_ cells: [Cell], label: String) -> [String] {
    let rows = cells.map {
      "η=\(formatNumber($0.eta)),t=\($0.t): e=\(format3($0.meanError)), rel=\(format3($0.meanRelative))"
    }
    var notes = ["\(label) error table (instance means): " + rows.joined(separator: "; ")]
    // Cells with e = 0 are left out (catalog); so are the t = 1 cells: one step of the
    // linearised update is exact, so their e is rounding (≈ 1e-16), not the law being fitted,
    // and keeping them inflates the fitted exponent (as in mpo.lemma9.linear-approx's own law).
    let pos = cells.filter { $0.meanError > 0 && $0.t > 1 }
    let zeros = cells.filter { $0.meanError == 0 }.count
    let firstSteps = cells.filter { $0.meanError > 0 && $0.t == 1 }.count
    if let f = ols(pos.map { log($0.eta * Double($0.t)) }, pos.map { log($0.meanError) }) {
      notes.append("\(label) fit log e = a + p·log(ηt): p = \(format3(f.slope)), C = e^a = \(format3(exp(f.intercept)))"
        + (zeros > 0 ? "; \(zeros) cells with e = 0 left out" : "")
        + (firstSteps > 0 ? "; \(firstSteps) t = 1 cells (rounding-level e) left out" : ""))
    }
    for t in Set(cells.map(\.t)).sorted() {
      let c = pos.filter { $0.t == t }
      if let f = ols(c.map { log($0.eta) }, c.map { log($0.meanError) }) {
        notes.append("\(label) fit at t = \(t): log e = a + p·log η, p = \(format3(f.slope)), C = \(format3(exp(f.intercept)))")
      }
    }
    return notes
  }
}
