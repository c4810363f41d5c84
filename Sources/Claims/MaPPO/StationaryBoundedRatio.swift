// mappo.stationary.bounded-ratio — App. A.1, closing paragraphs: under MaPPO the gap
// log π(y_w) − log π(y_l) stays bounded; under DPO it is not inherently bounded. Plain gradient
// descent with step 1/L̂ (L̂ = β²(1 + Δr)²D²/4 + β(1 − Δr)D²/4, a global Hessian bound) for 2¹⁴
// steps; the gap at t = 2^k is classified bounded / growing / undecided (GrowthClassifier).
// A multi-pair run is growing if some pair's gap grows, bounded if every pair's gap is.
//
// Goals, in order: 1) the descent is exactly the one the entry states (monotone everywhere);
// 2) speed: T1 and T2 share one allocation-light loop (T1 is the linear softmax with
// φ(y) = e_y, which is softmax(θ) exactly), since 800 runs × 2¹⁴ steps are needed.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One descent run of mappo.stationary.bounded-ratio.
struct BoundedRatioRun: Sendable {
  struct Pair: Sendable {
    var w: Int, l: Int, refW: Double, refL: Double, dr: Double
  }
  var model: String
  var features: [[Double]]
  var pairs: [Pair]
  var beta: Double
  var dpo: Bool
  var theta0: [Double]

  /// A random dataset: T1 (K ∈ {2..8}) or T2 (d ∈ {2..4}, K ∈ {4..16}); pairs oriented by a
  /// random reward; π_ref the same family at an independent parameter; θ₀ = θ_ref.
  static func random(model: String, pairs n: Int, beta: Double, deltaR: Double, dpo: Bool, random r: inout RandomStream) -> BoundedRatioRun {
    let t2 = model == "T2"
    let k = t2 ? Strata.integer(&r, 4...16) : Strata.integer(&r, 2...8)
    let d = t2 ? Strata.integer(&r, 2...4) : k
    let features: [[Double]] = t2
      ? (0..<k).map { _ in (0..<d).map { _ in r.gaussian() } }
      : (0..<k).map { y in (0..<k).map { $0 == y ? 1.0 : 0.0 } }
    let thetaRef = (0..<d).map { _ in r.gaussian() }
    let rewards = (0..<k).map { _ in r.uniform() }
    let ref = logSoftmax(features.map { f in zip(f, thetaRef).reduce(0) { $0 + $1.0 * $1.1 } })
    let pairs = (0..<n).map { _ -> Pair in
      let a = Strata.integer(&r, 0...(k - 1))
      var b = Strata.integer(&r, 0...(k - 2))
      if b >= a { b += 1 }
      let (w, l) = rewards[a] >= rewards[b] ? (a, b) : (b, a)
      return Pair(w: w, l: l, refW: ref[w], refL: ref[l], dr: dpo ? 1 : deltaR)
    }
    return BoundedRatioRun(model: model, features: features, pairs: pairs, beta: beta, dpo: dpo, theta0: thetaRef)
  }

  var featureDiameter: Double { LinearSoftmax(features: features).featureDiameter }

  /// L̂ of the entry (Δr = 1 for DPO).
  var hessianBound: Double {
    MaPPOGradientAnalysis.hessianBound(beta: beta, deltaR: dpo ? 1 : (pairs.map(\.dr).min() ?? 0), featureDiameter: featureDiameter)
  }

  /// 2^log2Steps steps of θ ← θ − ∇L/L̂; `observe(k, log π)` at t = 2^k, k = 0…log2Steps
  /// (t = number of steps taken).
  func descend(log2Steps: Int, observe: (Int, [Double]) -> Void) {
    let k = features.count
    let d = features[0].count
    let step = 1 / hessianBound
    var theta = theta0
    var logits = [Double](repeating: 0, count: k)
    var lp = [Double](repeating: 0, count: k)
    var g = [Double](repeating: 0, count: d)
    var mean = [Double](repeating: 0, count: d)
    let n = Double(pairs.count)
    func logProbs() {
      for y in 0..<k {
        var s = 0.0
        for j in 0..<d { s += features[y][j] * theta[j] }
        logits[y] = s
      }
      let m = logits.max() ?? 0
      var z = 0.0
      for y in 0..<k { z += exp(logits[y] - m) }
      let lse = m + log(z)
      for y in 0..<k { lp[y] = logits[y] - lse }
    }
    var next = 1
    var kObs = 0
    for t in 1...(1 << log2Steps) {
      logProbs()
      for j in 0..<d { mean[j] = 0; g[j] = 0 }
      for y in 0..<k {
        let p = exp(lp[y])
        for j in 0..<d { mean[j] += p * features[y][j] }
      }
      var meanCoef = 0.0
      for pr in pairs {
        let u = beta * ((lp[pr.w] - pr.refW) - pr.dr * (lp[pr.l] - pr.refL))
        let c = -beta * sigmoid(-u) / n
        for j in 0..<d { g[j] += c * (features[pr.w][j] - pr.dr * features[pr.l][j]) }
        meanCoef += c * (1 - pr.dr)
      }
      for j in 0..<d { theta[j] -= step * (g[j] - meanCoef * mean[j]) }
      if t == next {
        logProbs()
        observe(kObs, lp)
        kObs += 1
        next <<= 1
      }
    }
  }

  /// The classes of each pair's gap, combined: growing if one grows, bounded if all are.
  func classify(log2Steps: Int) -> (GrowthClass, [[Double]]) {
    var gaps = [[Double]](repeating: [], count: pairs.count)
    descend(log2Steps: log2Steps) { _, lp in
      for (i, p) in pairs.enumerated() { gaps[i].append(lp[p.w] - lp[p.l]) }
    }
    let cls = gaps.map { GrowthClassifier.classify($0) }
    if cls.contains(.growing) { return (.growing, gaps) }
    if cls.allSatisfy({ $0 == .bounded }) { return (.bounded, gaps) }
    return (.undecided, gaps)
  }
}

extension MaPPOClaims {
  static let stationaryBoundedRatio = Claim(
    id: "mappo.stationary.bounded-ratio", paper: .mappo,
    source: "App. A.1, closing paragraphs (\"The FOSP of MaPPO guarantees a bounded, calibrated log-probability ratio\")",
    kind: .limit,
    statement: "Under MaPPO training, the gap log π_θ(y_w) − log π_θ(y_l) stays bounded. Under DPO it is not inherently bounded."
  ) { ctx in
    boundedRatioOutcome(ctx, perConfiguration: ctx.count(full: 20, quick: 1), log2Steps: ctx.mode == .full ? 14 : 12)
  }

  /// Runs every configuration; MaPPO verdict: confirmed if every MaPPO run is bounded,
  /// refuted if one grows, inconclusive otherwise; DPO classified alongside.
  static func boundedRatioOutcome(_ ctx: CheckContext, perConfiguration: Int, log2Steps: Int) -> CheckOutcome {
    var counts: [String: [GrowthClass: Int]] = [:]
    var growing: String?
    var mappoClasses: [GrowthClass] = []
    var tally = Tally()
    for model in ["T1", "T2"] {
      for n in [1, 4] {
        for beta in [0.1, 1.0] {
          for method in ["Δr = 0", "Δr = 0.25", "Δr = 0.5", "Δr = 0.75", "DPO"] {
            let dpo = method == "DPO"
            let dr = dpo ? 1 : Double(method.dropFirst(5)) ?? 0
            for i in 0..<perConfiguration {
              var r = ctx.stream("mappo.stationary.bounded-ratio/\(model)/\(n)/\(beta)/\(method)", index: UInt64(i))
              let run = BoundedRatioRun.random(model: model, pairs: n, beta: beta, deltaR: dr, dpo: dpo, random: &r)
              let (cls, gaps) = run.classify(log2Steps: log2Steps)
              let key = "\(dpo ? "DPO" : "MaPPO") \(model)"
              counts[key, default: [:]][cls, default: 0] += 1
              if !dpo {
                mappoClasses.append(cls)
                let tail = gaps.map { g in g.suffix(5).map(format3).joined(separator: ", ") }.joined(separator: " | ")
                let line = "\(model), N = \(n), β = \(formatNumber(beta)), \(method), K = \(run.features.count): gap(2^\(log2Steps - 4)…2^\(log2Steps)) = \(tail)"
                tally.record(
                  "MaPPO runs", passed: cls != .growing,
                  inputs: [NamedValue("K", Double(run.features.count)), NamedValue("N", Double(n)), NamedValue("β", beta), NamedValue("Δr", dr)],
                  detail: line)
                if cls == .growing, growing == nil { growing = line }
              }
            }
          }
        }
      }
    }
    let table = counts.keys.sorted().map { key in
      let c = counts[key] ?? [:]
      return "\(key): bounded \(c[.bounded] ?? 0), growing \(c[.growing] ?? 0), undecided \(c[.undecided] ?? 0)"
    }
    let verdict: Verdict = mappoClasses.contains(.growing) ? .refuted : (mappoClasses.allSatisfy { $0 == .bounded } ? .confirmed : .inconclusive)
    let summary = (verdict == .refuted ? "a MaPPO gap grows: \(growing ?? "")" : "MaPPO runs: " + table.filter { $0.hasPrefix("MaPPO") }.joined(separator: "; "))
      + "; DPO: " + table.filter { $0.hasPrefix("DPO") }.joined(separator: "; ")
    var notes = table
    notes.append("reading: in a 4-pair run each pair's gap is classified; the run is growing if one gap grows, bounded if all are bounded. θ₀ = θ_ref. \(perConfiguration) dataset(s) per configuration, 2^\(log2Steps) steps.")
    notes.append("T1 has no finite minimizer for Δr < 1 either: mass leaves the lowest-reward response forever, so log π(y_l) → −∞ like −log t.")
    return CheckOutcome(
      verdict: verdict, summary: summary, classes: tally.classes, notes: notes,
      counterexample: verdict == .refuted ? tally.firstFailure : nil)
  }
}
