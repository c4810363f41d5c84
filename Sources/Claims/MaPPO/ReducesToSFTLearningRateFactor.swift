// mappo.reduces-to-sft.learning-rate-factor — §4.2 after eq. (11): with Δr = 0 the loss (9)
// "degenerates to the SFT loss function, and only differs in learning rates", i.e. ∇(9) is a
// positive multiple of ∇L_SFT. Per batch, g₉ = mean_i −β(1 − σ(u_i))∇log π(y_w,i) (weights
// from the eq. 9 objective) and g_SFT = mean_i −∇log π(y_w,i) (the SFT objective); collinearity
// is measured by the sine of their angle. Expected from the algebra: exact for one example or
// equal weights, not for a batch whose margins differ — so the conditional rule decides.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MaPPOClaims {
  static let reducesToSFTLearningRateFactor = Claim(
    id: "mappo.reduces-to-sft.learning-rate-factor", paper: .mappo,
    source: "§4.2, after eq. (11): \"only differs in learning rates\"", kind: .equivalence,
    statement: "∇(9) is a positive scalar multiple of ∇L_SFT, so training on (9) is SFT with a rescaled learning rate."
  ) { ctx in
    learningRateFactorCheck(ctx)
  }

  /// The check. By default the per-example weights β(1 − σ(u_i)) are −∂(9)/∂log π(y_w,i) from
  /// the SFTSigmoid objective; `weightOverride(β, u)` replaces them (the mutation test passes a
  /// weight that does not depend on u, for which g₉ ∝ g_SFT always holds).
  public static func learningRateFactorCheck(
    _ ctx: CheckContext, weightOverride: (@Sendable (_ beta: Double, _ margin: Double) -> Double)? = nil
  ) -> CheckOutcome {
    var judge = ConditionalJudge(conditions: ["N = 1", "all u_i equal"])
    var stats = CollinearityStats()
    let sizes = [1, 2, 4, 16, 64]
    let batches = ctx.count(full: 1000, quick: 12)
    let pathBatches = ctx.count(full: 20, quick: 1)
    let steps = ctx.count(full: 200, quick: 40)
    // Ten independent streams (T2 then A1 for each N): evaluated on the runner's two cores,
    // their records replayed into the judge and the statistics in this serial order, so the
    // report is the one a serial run gives.
    let streams = MPOParallelMap.map(2 * sizes.count) { task -> [CollinearityRecord] in
      let n = sizes[task / 2]
      var records: [CollinearityRecord] = []
      if task % 2 == 0 {
        var r = ctx.stream("mappo.reduces-to-sft.learning-rate-factor/T2/N\(n)")
        for b in 0..<batches {
          let (model, theta, ref) = sftInstanceT2(&r)
          let (d, k) = (model.dimension, model.responses)
          let beta = Strata.beta(&r)
          let repeated = n >= 2 && r.uniform() < 0.1
          let first = Strata.integer(&r, 0...(k - 1))
          let ys = (0..<n).map { j in repeated || j == 0 ? first : Strata.integer(&r, 0...(k - 1)) }
          let batch = SFTBatch(model: model, responses: ys, refLogProbs: ys.map { ref[$0] }, beta: beta, label: "T2 d = \(d), K = \(k)")
          runBatch(batch, theta: theta, path: b < pathBatches ? steps : 0, weightOverride: weightOverride, records: &records)
        }
      } else {
        var r2 = ctx.stream("mappo.reduces-to-sft.learning-rate-factor/A1/N\(n)")
        for b in 0..<batches {
          let v = Strata.integer(&r2, 4...16)
          let repeated = n >= 2 && r2.uniform() < 0.1
          let first = SFTSequences.draw(&r2, vocabulary: v)
          let ys = (0..<n).map { j in repeated || j == 0 ? first : SFTSequences.draw(&r2, vocabulary: v) }
          let model = AutoregressiveTabular(vocabulary: v, sequences: ys)
          let theta = (0..<model.parameterCount).map { _ in r2.gaussian() }
          let thetaRef = (0..<model.parameterCount).map { _ in r2.gaussian() }
          let beta = Strata.beta(&r2)
          let batch = SFTBatch(
            model: model, responses: ys, refLogProbs: ys.map { model.logProbability(thetaRef, $0) }, beta: beta,
            label: "A1 V = \(v), lengths \(ys.map(\.count).min() ?? 0)–\(ys.map(\.count).max() ?? 0)")
          runBatch(batch, theta: theta, path: b < pathBatches ? steps : 0, weightOverride: weightOverride, records: &records)
        }
      }
      return records
    }
    for record in streams.joined() { record.replay(judge: &judge, stats: &stats) }
    let (verdict, conditions) = judge.verdict()
    let total = stats.cases
    let failures = judge.failures
    var notes = [
      "collinear: s = ‖g₉ − c·g_SFT‖/‖g₉‖ ≤ 64·ε·(1 + √dim θ) and c = ⟨g₉, g_SFT⟩/‖g_SFT‖² > 0",
      "\(stats.batchCases) batches and \(stats.pathCases) path iterates (\(steps) normalized steps of 0.1 on (9) from the first batches per model and N); \(stats.skipped) cases with g₉ = 0 skipped",
      "s against the weight spread max w_i / min w_i (cases, not collinear, largest s):",
    ]
    notes += stats.binLines
    let summary: String
    switch verdict {
    case .confirmed:
      summary = "g₉ ∥ g_SFT with c > 0 on all \(total) batches and path iterates"
    default:
      summary = "g₉ not a positive multiple of g_SFT in \(failures) of \(total) cases (largest s = \(format3(stats.worstS)))"
        + (conditions.isEmpty ? "; no listed condition separates them" : "; holds when " + conditions.map(\.condition).joined(separator: " / "))
    }
    return CheckOutcome(
      verdict: verdict, summary: summary, notes: notes,
      counterexample: verdict == .refuted ? stats.firstFailure : nil, conditions: conditions)
  }

  /// Evaluates one batch, then (with `path` > 0) every iterate of normalized descent on (9),
  /// appending one record per case.
  static func runBatch<M: ScoreAccumulating>(
    _ batch: SFTBatch<M>, theta: [Double], path: Int,
    weightOverride: ((Double, Double) -> Double)?, records: inout [CollinearityRecord]
  ) {
    var t = theta
    for step in 0...path {
      guard let e = batch.evaluate(t, weightOverride: weightOverride) else {
        records.append(.skipped)
        return
      }
      records.append(
        .evaluated(
          CollinearityCase(
            sine: e.sine, scale: e.scale, collinear: e.collinear, allMarginsEqual: e.allMarginsEqual, spread: e.spread,
            label: batch.label, n: batch.responses.count, beta: batch.beta, step: step)))
      if step == path { break }
      let gn = norm(e.g9)
      if gn < 1e-12 { break }
      for j in t.indices { t[j] -= 0.1 * e.g9[j] / gn }
    }
  }
}

/// One evaluated case of the check, kept to be replayed in serial order.
struct CollinearityCase: Sendable {
  var sine: Double
  var scale: Double
  var collinear: Bool
  var allMarginsEqual: Bool
  var spread: Double
  var label: String
  var n: Int
  var beta: Double
  var step: Int
}

/// A case, or a batch skipped because g₉ or g_SFT is 0.
enum CollinearityRecord: Sendable {
  case evaluated(CollinearityCase)
  case skipped

  /// Records the case as the serial loop did: the statistics, then the conditional judge.
  func replay(judge: inout ConditionalJudge, stats: inout CollinearityStats) {
    guard case .evaluated(let e) = self else {
      stats.skipped += 1
      return
    }
    let head = "\(e.label), N = \(e.n), β = \(formatNumber(e.beta)), step \(e.step)"
    stats.record(sine: e.sine, collinear: e.collinear, spread: e.spread, scale: e.scale, path: e.step > 0, describe: head)
    judge.record(
      holds: e.collinear, satisfies: [e.n == 1, e.allMarginsEqual],
      describe: head + ": s = \(format3(e.sine)), c = \(format3(e.scale)), weight spread \(e.spread)")
  }
}

/// A model whose mean of weighted scores (1/N) Σ c_i ∇log π_θ(y_i) can be formed directly,
/// with compensated (Neumaier) summation so that a batch of N equal terms is summed to ≈ ε.
protocol ScoreAccumulating: PolicyModel {
  func weightedScoreMean(_ theta: [Double], _ ys: [Response], _ c: [Double]) -> [Double]
  /// logProbabilities(θ, of: ys) and (c, c′) ↦ (weightedScoreMean(θ, ys, c),
  /// weightedScoreMean(θ, ys, c′)) at the same θ: the same values, bit for bit; a model may
  /// share the work between them.
  func batchEvaluation(_ theta: [Double], _ ys: [Response])
    -> (logProbabilities: [Double], means: ([Double], [Double]) -> ([Double], [Double]))
}

extension ScoreAccumulating {
  func batchEvaluation(_ theta: [Double], _ ys: [Response])
    -> (logProbabilities: [Double], means: ([Double], [Double]) -> ([Double], [Double]))
  {
    (logProbabilities(theta, of: ys), { (weightedScoreMean(theta, ys, $0), weightedScoreMean(theta, ys, $1)) })
  }
}

/// Neumaier's compensated sum, per component.
struct CompensatedVector {
  var sum: [Double]
  var comp: [Double]
  init(count: Int) {
    sum = [Double](repeating: 0, count: count)
    comp = sum
  }
  mutating func add(_ i: Int, _ x: Double) {
    let t = sum[i] + x
    if abs(sum[i]) >= abs(x) { comp[i] += (sum[i] - t) + x } else { comp[i] += (x - t) + sum[i] }
    sum[i] = t
  }
  func mean(_ n: Int) -> [Double] { zip(sum, comp).map { ($0 + $1) / Double(n) } }
}

extension LinearSoftmax: ScoreAccumulating {
  func weightedScoreMean(_ theta: [Double], _ ys: [Int], _ c: [Double]) -> [Double] {
    let m = meanFeature(theta)
    var acc = CompensatedVector(count: dimension)
    for (y, ci) in zip(ys, c) { for j in 0..<dimension { acc.add(j, ci * (features[y][j] - m[j])) } }
    return acc.mean(ys.count)
  }
}

extension AutoregressiveTabular: ScoreAccumulating {
  /// Sparse: ∇log π(y) touches only the histories of y, (e_{y_t} − softmax(θ_h)) at each.
  func weightedScoreMean(_ theta: [Double], _ ys: [[Int]], _ c: [Double]) -> [Double] {
    var acc = CompensatedVector(count: parameterCount)
    for (y, ci) in zip(ys, c) {
      for (t, h) in histories(y).enumerated() {
        let base = h * vocabulary
        let p = softmax(Array(theta[base..<(base + vocabulary)]))
        for v in 0..<vocabulary { acc.add(base + v, ci * ((v == y[t] ? 1 : 0) - p[v])) }
      }
    }
    return acc.mean(ys.count)
  }

  /// logProbabilities(θ, of: ys) and the two means with log Σ_v exp(θ_h,v) and softmax(θ_h)
  /// formed once per distinct history h for both (the A1 evaluation was most of this check's
  /// time): softmax(θ_h) = exp(θ_h − logSumExp(θ_h)) and log π(y) = Σ_t θ_h[y_t] − logSumExp(θ_h)
  /// use the same normaliser, so every value is the one the separate functions give.
  func batchEvaluation(_ theta: [Double], _ ys: [[Int]])
    -> (logProbabilities: [Double], means: ([Double], [Double]) -> ([Double], [Double]))
  {
    precondition(theta.count == parameterCount, "θ must have \(parameterCount) entries")
    let v = vocabulary
    let hs = ys.map { histories($0) }
    var normaliser: [Int: Double] = [:]
    var probabilities: [Int: [Double]] = [:]
    for h in hs.joined() where normaliser[h] == nil {
      let z = logSumExp(theta[(h * v)..<((h + 1) * v)])
      normaliser[h] = z
      probabilities[h] = (0..<v).map { exp(theta[h * v + $0] - z) }
    }
    let lp = zip(ys, hs).map { y, hy in
      var total = 0.0
      for (t, h) in hy.enumerated() { total += theta[h * v + y[t]] - normaliser[h]! }
      return total
    }
    let count = parameterCount
    return (lp, { c, c2 in
      var acc = CompensatedVector(count: count)
      var acc2 = CompensatedVector(count: count)
      for ((y, hy), (ci, c2i)) in zip(zip(ys, hs), zip(c, c2)) {
        for (t, h) in hy.enumerated() {
          let base = h * v
          let p = probabilities[h]!
          for u in 0..<v {
            let e = (u == y[t] ? 1 : 0) - p[u]
            acc.add(base + u, ci * e)
            acc2.add(base + u, c2i * e)
          }
        }
      }
      return (acc.mean(ys.count), acc2.mean(ys.count))
    })
  }
}

/// g₉ at θ and its collinearity with g_SFT.
struct CollinearityEvaluation {
  var g9: [Double]
  /// s = ‖g₉ − c·g_SFT‖/‖g₉‖.
  var sine: Double
  /// c = ⟨g₉, g_SFT⟩/‖g_SFT‖².
  var scale: Double
  var collinear: Bool
  var allMarginsEqual: Bool
  /// max_i w_i / min_i w_i.
  var spread: Double
}

/// One batch of chosen responses for (9) and SFT.
struct SFTBatch<M: ScoreAccumulating> {
  var model: M
  var responses: [M.Response]
  var refLogProbs: [Double]
  var beta: Double
  var label: String

  /// g₉ and g_SFT at θ and their collinearity; nil when g₉ or g_SFT is 0 (nothing to compare).
  func evaluate(_ theta: [Double], weightOverride: ((Double, Double) -> Double)?) -> CollinearityEvaluation? {
    let (lp, means) = model.batchEvaluation(theta, responses)
    var w9: [Double] = []
    var wSFT: [Double] = []
    var margins: [Double] = []
    var termSum = 0.0
    for (a, ref) in zip(lp, refLogProbs) {
      let x = PreferencePair(logProbChosen: a, logProbRejected: a, refLogProbChosen: ref, refLogProbRejected: ref)
      let eq9 = SFTSigmoid(beta: beta)
      guard let g = try? eq9.gradient(x), let gs = try? SFT().gradient(x) else { return nil }
      let u = eq9.margin(x)
      // ∂(9)/∂log π(y_w) = −βσ(−u) from the objective, or the injected weight.
      w9.append(weightOverride.map { -$0(beta, u) } ?? g[0])
      wSFT.append(gs[0])
      margins.append(u)
      termSum += beta * (abs(a) + abs(ref))
    }
    let (g9, gSFT) = means(w9, wSFT)
    // norm, the dot product and norm of the residual without temporary arrays (the same sums).
    let n9 = scaledNorm(count: g9.count) { g9[$0] }
    let nS = scaledNorm(count: gSFT.count) { gSFT[$0] }
    guard n9 > 0, nS > 0 else { return nil }
    var dot = 0.0
    for j in g9.indices { dot = dot + g9[j] * gSFT[j] }
    let c = dot / (nS * nS)
    let s = scaledNorm(count: g9.count) { g9[$0] - c * gSFT[$0] } / n9
    let dim = Double(theta.count)
    let collinear = s <= 64 * Double.ulpOfOne * (1 + dim.squareRoot()) && c > 0
    let uSpread = (margins.max() ?? 0) - (margins.min() ?? 0)
    let equal = uSpread <= CatalogTolerance.identityAbsolute(termSum: termSum)
    let ws = w9.map { -$0 }
    let spread = (ws.max() ?? 1) / (ws.min() ?? 1)
    return CollinearityEvaluation(g9: g9, sine: s, scale: c, collinear: collinear, allMarginsEqual: equal, spread: spread)
  }
}

/// The report's table of s against the weight spread, and counts.
struct CollinearityStats {
  var cases = 0
  var batchCases = 0
  var pathCases = 0
  var skipped = 0
  var worstS = 0.0
  var firstFailure: Counterexample?
  /// Bins of spread − 1: 0, (0, 1e-12], (1e-12, 1e-8], (1e-8, 1e-4], (1e-4, 1], (1, 9], > 9.
  static let edges: [Double] = [0, 1e-12, 1e-8, 1e-4, 1, 9]
  static let names = ["= 1", "(1, 1 + 1e-12]", "(1 + 1e-12, 1 + 1e-8]", "(1 + 1e-8, 1 + 1e-4]", "(1 + 1e-4, 2]", "(2, 10]", "> 10"]
  var bins = Array(repeating: (cases: 0, failures: 0, maxS: 0.0), count: 7)

  mutating func record(sine: Double, collinear: Bool, spread: Double, scale: Double, path: Bool, describe: @autoclosure () -> String) {
    cases += 1
    if path { pathCases += 1 } else { batchCases += 1 }
    worstS = max(worstS, sine)
    let x = spread - 1
    let bin = x <= 0 ? 0 : (Self.edges.firstIndex { x <= $0 } ?? Self.edges.count)
    bins[bin].cases += 1
    bins[bin].maxS = max(bins[bin].maxS, sine)
    if !collinear {
      bins[bin].failures += 1
      if firstFailure == nil {
        firstFailure = Counterexample(inputs: [], detail: describe() + ": s = \(sine), c = \(scale), spread \(spread)")
      }
    }
  }

  var binLines: [String] {
    zip(Self.names, bins).filter { $0.1.cases > 0 }.map {
      "  spread \($0.0): \($0.1.cases) cases, \($0.1.failures) not collinear, largest s = \(format3($0.1.maxS))"
    }
  }
}
