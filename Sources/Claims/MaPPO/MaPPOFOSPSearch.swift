// The FOSP search shared by mappo.stationary.fosp-exists, .per-example-condition, .log-linear
// and .dpo-log-linear (App. A.1 eqs. 20–24 of 000_f3e0a040f5e536e0.txt): the datasets, and
// for each a search for θ̂ with ∇L(θ̂) = 0 by the optimizer rule's BFGS on L and on ‖∇L‖²
// from 2 starts in each ball ‖θ‖ ≤ R, R ∈ {10, 100, 1000}.
//
// Goals, in order: 1) never report a plateau as a FOSP: a point with ‖∇L‖ ≤ 1e-10 counts only
// if ‖θ̂‖ < 0.9R and δ = 10‖∇L‖/λ_min ≤ 10⁻³ with λ_min the smallest Hessian eigenvalue
// magnitude (on the complement of the all-ones vector for T1); 2) one dataset generator and
// one search for all four entries, cached per (loss, seed, mode) so they agree and the work is
// done once; 3) bounded work: every run stops on leaving the ball, at ‖∇L‖ ≤ 1e-10, or after
// 1000 BFGS iterations, and a dataset's search stops at its first FOSP.
import Numerics
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The loss whose stationary points are searched.
enum StationaryLoss: String, Sendable {
  /// MaPPO eq. (8) with each pair's Δr.
  case mappo
  /// DPO eq. (3) (Δr = 1 for every pair).
  case dpo
}

/// A pair loss on T1 or T2 with value, gradient, Hessian and the model quantities the
/// stationarity checks read at a FOSP.
struct StationaryProblem: Sendable {
  /// "T1" or "T2".
  var modelName: String
  var dimension: Int
  /// T1: the loss is invariant under θ → θ + c·1.
  var shiftInvariant: Bool
  var loss: @Sendable ([Double]) throws -> Double
  var gradient: @Sendable ([Double]) throws -> [Double]
  var hessian: @Sendable ([Double]) throws -> [Double]
  /// log π_θ(y) for all K responses.
  var logProbabilities: @Sendable ([Double]) -> [Double]
  /// ∇log π_θ(y).
  var score: @Sendable ([Double], Int) -> [Double]
  /// Cov_{π_θ}(φ), row-major (T1: φ(y) = e_y).
  var covariance: @Sendable ([Double]) -> [Double]
}

/// One dataset of the stationarity entries: pairs on one prompt.
struct StationaryDataset: Sendable {
  var index: Int
  var modelName: String
  var k: Int
  /// d for T2, K for T1.
  var d: Int
  var beta: Double
  var pairs: [ModelPair<Int>]
  /// Features (T2) or nil (T1).
  var features: [[Double]]?

  var n: Int { pairs.count }
  var maxDeltaR: Double { pairs.map(\.deltaR).max() ?? 0 }
  var minDeltaR: Double { pairs.map(\.deltaR).min() ?? 0 }

  var label: String {
    "\(modelName) #\(index): K = \(k)\(features != nil ? ", d = \(d)" : ""), N = \(n), β = \(formatNumber(beta)), "
      + "Δr = [\(pairs.map { formatNumber(($0.deltaR * 1e4).rounded() / 1e4) }.joined(separator: ", "))]"
  }

  /// The problem for `loss`.
  func problem(_ loss: StationaryLoss) -> StationaryProblem {
    let beta = self.beta
    let f: PairLossFunction<Int> = loss == .mappo ? MaPPOClaims.mappoPairLoss(beta: beta) : MaPPOClaims.dpoPairLoss(beta: beta)
    let c: PairLossCurvature<Int> = mappoPairCurvature(beta: beta, forceDeltaROne: loss == .dpo)
    if let features {
      let data = PairDataset(model: LinearSoftmax(features: features), pairs: pairs)
      return StationaryProblem(
        modelName: "T2", dimension: d, shiftInvariant: false,
        loss: { try data.loss($0, f) }, gradient: { try data.gradient($0, f) },
        hessian: { try data.hessian($0, f, c) },
        logProbabilities: { data.model.logProbabilities($0) },
        score: { data.model.score($0, $1) }, covariance: { data.model.featureCovariance($0) })
    }
    let data = PairDataset(model: TabularSoftmax(logits: [Double](repeating: 0, count: k)), pairs: pairs)
    return StationaryProblem(
      modelName: "T1", dimension: k, shiftInvariant: true,
      loss: { try data.loss($0, f) }, gradient: { try data.gradient($0, f) },
      hessian: { try data.hessian($0, f, c) },
      logProbabilities: { logSoftmax($0) },
      score: { TabularSoftmax(logits: $0).score($1) },
      covariance: { TabularSoftmax(logits: $0).logProbabilityHessian.map { -$0 } })
  }
}

/// What the search found on one dataset.
struct StationarySearchResult: Sendable {
  var dataset: StationaryDataset
  /// The FOSP, assessed (λ_min is the smallest eigenvalue magnitude), or nil.
  var fosp: AssessedPoint?
  /// Small-gradient points rejected by δ (plateaus), and those outside 0.9R.
  var plateaus: Int
  /// inf ‖∇L‖ over the visited points, per R (for datasets without a FOSP).
  var infGradient: [Double]
}

/// The shared dataset generator and search.
enum MaPPOFOSPSearch {
  static let radii: [Double] = [10, 100, 1000]
  static let startsPerRadius = 2
  static let maxIterations = 1000

  /// The datasets of mappo.stationary.fosp-exists: `perModel` per model; half single-pair,
  /// half N ∈ {2..8} distinct pairs (capped by the K(K−1)/2 available).
  static func datasets(_ ctx: CheckContext, perModel: Int, label: String = "mappo.stationary/datasets", singlePairOnly: Bool = false, models: [String] = ["T1", "T2"]) -> [StationaryDataset] {
    var out: [StationaryDataset] = []
    for model in models {
      for i in 0..<perModel {
        var r = ctx.stream("\(label)/\(model)", index: UInt64(i))
        let t2 = model == "T2"
        let d = t2 ? Strata.integer(&r, 2...4) : 0
        let k = t2 ? Strata.integer(&r, 4...16) : Strata.integer(&r, 2...8)
        let wantN = (singlePairOnly || i % 2 == 0) ? 1 : Strata.integer(&r, 2...8)
        let n = min(wantN, k * (k - 1) / 2)
        let beta = Strata.beta(&r)
        let rewards = (0..<k).map { _ in Strata.reward(&r) }
        var features: [[Double]]? = nil
        var refLP: [Double]
        if t2 {
          let m = LinearSoftmax(responses: k, dimension: d, random: &r)
          features = m.features
          refLP = m.logProbabilities((0..<d).map { _ in r.gaussian() })
        } else {
          refLP = logSoftmax((0..<k).map { _ in r.gaussian() })
        }
        // n distinct unordered pairs, drawn by a partial shuffle of all pairs.
        var all: [(Int, Int)] = []
        for a in 0..<k { for b in (a + 1)..<k { all.append((a, b)) } }
        for j in 0..<n { all.swapAt(j, Strata.integer(&r, j...(all.count - 1))) }
        let pairs = all.prefix(n).map { (a, b) -> ModelPair<Int> in
          let (w, l) = rewards[a] >= rewards[b] ? (a, b) : (b, a)
          return ModelPair(
            chosen: w, rejected: l, refLogProbChosen: refLP[w], refLogProbRejected: refLP[l],
            deltaR: rewards[w] - rewards[l])
        }
        out.append(
          StationaryDataset(index: i, modelName: model, k: k, d: t2 ? d : k, beta: beta, pairs: pairs, features: features))
      }
    }
    return out
  }

  /// Searches one dataset (`seedStream` supplies the starts).
  static func search(_ data: StationaryDataset, loss: StationaryLoss, random r: inout RandomStream) -> StationarySearchResult {
    let p = data.problem(loss)
    var plateaus = 0
    var infs: [Double] = []
    for radius in radii {
      var infR = Double.infinity
      for _ in 0..<startsPerRadius {
        let start = uniformInBall(dimension: p.dimension, radius: radius, random: &r)
        for squared in [false, true] {
          let run = runOnce(p, start: start, radius: radius, gradientNormSquared: squared)
          infR = min(infR, run.bestGradient)
          guard let hit = run.hit else { continue }
          if norm(hit) < 0.9 * radius, let a = assess(p, hit), a.accepted {
            infs.append(infR)
            return StationarySearchResult(dataset: data, fosp: a, plateaus: plateaus, infGradient: infs)
          }
          plateaus += 1
        }
      }
      infs.append(infR)
    }
    return StationarySearchResult(dataset: data, fosp: nil, plateaus: plateaus, infGradient: infs)
  }

  /// The optimizer rule's assessment at `x`, with λ_min the smallest eigenvalue magnitude of
  /// ∇²L on the relevant subspace (saddles count as FOSPs too).
  static func assess(_ p: StationaryProblem, _ x: [Double]) -> AssessedPoint? {
    guard let g = try? p.gradient(x), let h = try? p.hessian(x), let v = try? p.loss(x),
      let ev = try? subspaceEigenvalues(h, n: x.count, orthogonalToOnes: p.shiftInvariant)
    else { return nil }
    let gn = norm(g)
    let lmin = ev.map { abs($0) }.min() ?? 0
    let d = OptimizerRule.delta(gradientNorm: gn, lambdaMin: lmin)
    return AssessedPoint(
      point: x, value: v, gradientNorm: gn, lambdaMin: lmin, delta: d,
      accepted: gn <= OptimizerRule.gradientTolerance && d <= OptimizerRule.maximumDelta)
  }

  /// All eigenvalues of the symmetric n×n `h`, optionally restricted to the complement of
  /// the all-ones vector (QᵀHQ with the Helmert basis Q).
  static func subspaceEigenvalues(_ h: [Double], n: Int, orthogonalToOnes: Bool) throws -> [Double] {
    // gsl_eigen_symm does not return on non-finite input.
    guard h.allSatisfy(\.isFinite) else { throw GSLError.badFunction }
    // Nor, in practice, on matrices with subnormal entries (its QR sweeps stall): scale by
    // the largest entry (eigenvalues scale with it) and flush entries below 1e-280 of it.
    let scale = h.map { abs($0) }.max() ?? 0
    guard scale > 0 else { return [Double](repeating: 0, count: orthogonalToOnes && n > 1 ? n - 1 : n) }
    if scale != 1 {
      let hs = h.map { abs($0) < 1e-280 * scale ? 0 : $0 / scale }
      return try subspaceEigenvalues(hs, n: n, orthogonalToOnes: orthogonalToOnes).map { $0 * scale }
    }
    if !orthogonalToOnes || n == 1 { return try SymmetricEigen.eigenvalues(h, n: n) }
    let q = OptimizerRule.helmertBasis(n)
    let m = n - 1
    var r = [Double](repeating: 0, count: m * m)
    for a in 0..<m {
      var hq = [Double](repeating: 0, count: n)
      for i in 0..<n { for j in 0..<n { hq[i] += h[i * n + j] * q[a][j] } }
      for b in 0..<m { r[b * m + a] = zip(q[b], hq).reduce(0) { $0 + $1.0 * $1.1 } }
    }
    for a in 0..<m { for b in 0..<a { let s = (r[a * m + b] + r[b * m + a]) / 2; r[a * m + b] = s; r[b * m + a] = s } }
    return try SymmetricEigen.eigenvalues(r, n: m)
  }

  /// A point uniform in the ball ‖θ‖ ≤ R.
  static func uniformInBall(dimension n: Int, radius: Double, random r: inout RandomStream) -> [Double] {
    let v = (0..<n).map { _ in r.gaussian() }
    let s = norm(v)
    let rho = radius * pow(r.uniform(), 1 / Double(n))
    return v.map { $0 / s * rho }
  }

  /// What one BFGS run saw.
  final class RunMonitor {
    var hit: [Double]?
    var bestGradient = Double.infinity
    var stopped = false
    var evaluations = 0
  }

  /// One BFGS run (vector_bfgs2) on L or on ‖∇L‖² (gradient 2·∇²L·∇L), stopped when an evaluated point leaves the ball or
  /// has ‖∇L‖ ≤ 1e-10, or after 1000 iterations.
  static func runOnce(_ p: StationaryProblem, start: [Double], radius: Double, gradientNormSquared: Bool) -> (hit: [Double]?, bestGradient: Double) {
    let m = RunMonitor()
    // Returns ∇L at x, or nil when the run must stop.
    func probe(_ x: [Double]) -> [Double]? {
      m.evaluations += 1
      // Bounded work: also at most 1000 evaluations of (f, ∇f) per run (reading: the entry's
      // 1000-iteration cap, counted in evaluations so that a slow drift costs ≤ 1000 of them).
      if m.stopped || norm(x) > radius || m.evaluations > maxIterations {
        m.stopped = true
        return nil
      }
      guard let g = try? p.gradient(x), g.allSatisfy(\.isFinite) else {
        m.stopped = true
        return nil
      }
      let gn = norm(g)
      m.bestGradient = min(m.bestGradient, gn)
      if gn <= OptimizerRule.gradientTolerance {
        m.hit = x
        m.stopped = true
        return nil
      }
      return g
    }
    // Once stopped, f is a constant far below every loss value and ∇ is 0: the line search
    // accepts at once and GSL's gradient test ends the run (a NaN would do too, but GSL's
    // bfgs2 line search can keep extrapolating on NaN values).
    let f: ([Double]) -> Double = { x in
      guard let g = probe(x) else { return -1e300 }
      if gradientNormSquared { return g.reduce(0) { $0 + $1 * $1 } }
      return (try? p.loss(x)) ?? .nan
    }
    let grad: ([Double]) -> [Double] = { x in
      guard let g = probe(x) else { return [Double](repeating: 0, count: x.count) }
      if !gradientNormSquared { return g }
      guard let h = try? p.hessian(x) else { return [Double](repeating: .nan, count: x.count) }
      let n = x.count
      return (0..<n).map { i in 2 * (0..<n).reduce(0) { $0 + h[i * n + $1] * g[$1] } }
    }
    // GSL's own gradient test is made inert for ‖∇L‖² (the probe stops on ‖∇L‖ instead).
    let tol = gradientNormSquared ? 1e-300 : OptimizerRule.gradientTolerance
    _ = try? Minimize.bfgs(f, gradient: grad, from: start, gradientTolerance: tol, maxIterations: maxIterations)
    return (m.hit, m.bestGradient)
  }

  // MARK: cache

  private static let cache = Mutex<[String: [StationarySearchResult]]>([:])

  /// The search results on the fosp-exists datasets (200 per model in full mode, 20 in
  /// quick mode), computed once per (loss, seed, mode).
  static func results(_ ctx: CheckContext, loss: StationaryLoss) -> [StationarySearchResult] {
    let key = "\(loss.rawValue)/\(ctx.seed)/\(ctx.mode.rawValue)"
    if let hit = cache.withLock({ $0[key] }) { return hit }
    let ds = datasets(ctx, perModel: ctx.count(full: 200, quick: 20))
    let out = searchAll(ds, ctx: ctx, loss: loss, label: "mappo.stationary/search")
    cache.withLock { $0[key] = out }
    return out
  }

  /// Searches every dataset, each with its own stream of starts.
  static func searchAll(_ ds: [StationaryDataset], ctx: CheckContext, loss: StationaryLoss, label: String) -> [StationarySearchResult] {
    ds.map { d in
      var r = ctx.stream("\(label)/\(loss.rawValue)/\(d.modelName)", index: UInt64(d.index))
      return search(d, loss: loss, random: &r)
    }
  }

  /// One line per model: datasets, FOSPs found (single / multi-pair), plateaus, and the
  /// median inf ‖∇L‖ per R over datasets without a FOSP.
  static func existenceTable(_ rs: [StationarySearchResult]) -> [String] {
    var lines: [String] = []
    for model in ["T1", "T2"] {
      let m = rs.filter { $0.dataset.modelName == model }
      guard !m.isEmpty else { continue }
      let found = m.filter { $0.fosp != nil }
      let single = found.filter { $0.dataset.n == 1 }.count
      let none = m.filter { $0.fosp == nil }
      var infs: [String] = []
      for (j, radius) in radii.enumerated() {
        let v = none.compactMap { $0.infGradient.count > j ? $0.infGradient[j] : nil }.sorted()
        let med = v.isEmpty ? Double.nan : v[v.count / 2]
        let mn = v.first ?? .nan
        infs.append("R = \(formatNumber(radius)): min \(format3(mn)), median \(format3(med))")
      }
      lines.append(
        "\(model): \(m.count) datasets, FOSP found in \(found.count) (\(single) single-pair, "
          + "\(found.count - single) multi-pair); \(m.map(\.plateaus).reduce(0, +)) plateau points rejected by δ; "
          + "inf ‖∇L‖ without FOSP: " + infs.joined(separator: "; "))
    }
    return lines
  }
}
