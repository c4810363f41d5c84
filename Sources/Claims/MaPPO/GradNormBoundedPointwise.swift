// mappo.grad-norm-bounded.pointwise — §4.2 after eq. (13): "The gradient norm of MaPPO is
// upper-bounded compared to DPO". Pointwise reading: ‖∇L_MaP(θ)‖ ≤ ‖∇L_DPO(θ)‖ at every θ, on
// every dataset, L_DPO being (8) with Δr = 1 on the same pairs. For one pair,
// ‖∇ℓ_MaP‖ = βσ(−u_MaP)‖s_w − Δr s_l‖ and ‖∇ℓ_DPO‖ = βσ(−u_DPO)‖s_w − s_l‖ with
// u_MaP − u_DPO = β(1 − Δr)ρ_l: the weight comparison turns on the sign of ρ_l, and on T2 the
// vector factors are not ordered either (‖s_w‖ can exceed ‖φ_w − φ_l‖); batches add
// cancellation. Both gradients come from the objectives' own analytic gradients.
import Numerics
import Objectives

extension MaPPOClaims {
  static let gradNormBoundedPointwise = Claim(
    id: "mappo.grad-norm-bounded.pointwise", paper: .mappo,
    source: "§4.2, after eq. (13): \"The gradient norm of MaPPO is upper-bounded compared to DPO\"",
    kind: .inequality,
    statement: "At every θ and on every dataset, ‖∇L_MaP(θ)‖ ≤ ‖∇L_DPO(θ)‖, L_DPO being (8) with Δr = 1 on the same pairs."
  ) { ctx in
    gradNormPointwiseCheck(ctx, mappoLoss: { mappoPairLoss(beta: $0) })
  }

  /// The check with the MaPPO pair loss injectable (the mutation test passes the DPO loss,
  /// for which the inequality holds with equality and the verdict must be confirmed).
  public static func gradNormPointwiseCheck(
    _ ctx: CheckContext, mappoLoss: @escaping (Double) -> PairLossFunction<Int>
  ) -> CheckOutcome {
    var judge = ConditionalJudge(conditions: ["ρ_l ≥ 0", "Δr = 1", "u_MaP ≥ u_DPO"])
    var violations = ["T1": 0, "T2": 0]
    var cases = ["T1": 0, "T2": 0]
    var smallest: (size: Int, inputs: [NamedValue], detail: String, shrinkable: T1PairCase?)?
    // Quick mode keeps a quarter of the cases so that the Δr = 1 condition still gathers ≥ 100
    // cases (5 % of the single pairs), as the conditional rule needs.
    let n = ctx.count(full: 10_000, quick: 2_500)
    for modelName in ["T1", "T2"] {
      var r = ctx.stream("mappo.grad-norm-bounded.pointwise/\(modelName)")
      for i in 0..<n {
        let single = i % 2 == 0
        let pairCount = single ? 1 : Strata.integer(&r, 2...32)
        let s = Strata.uniform(&r, 0.1, 5)
        let beta = Strata.beta(&r)
        let k: Int
        let dim: Int
        let features: [[Double]]?
        if modelName == "T1" {
          k = Strata.integer(&r, 2...16)
          dim = k
          features = nil
        } else {
          dim = Strata.integer(&r, 2...8)
          k = Strata.integer(&r, 4...32)
          features = LinearSoftmax(responses: k, dimension: dim, random: &r).features
        }
        let theta = (0..<dim).map { _ in s * r.gaussian() }
        let thetaRef = (0..<dim).map { _ in s * r.gaussian() }
        let chosenRejected = (0..<pairCount).map { _ -> (Int, Int, Double) in
          let w = Strata.integer(&r, 0...(k - 1))
          var l = Strata.integer(&r, 0...(k - 2))
          if l >= w { l += 1 }
          return (w, l, Strata.deltaR(&r))
        }
        guard let e = pointwiseCase(
          features: features, k: k, theta: theta, thetaRef: thetaRef, beta: beta, pairs: chosenRejected,
          mappoLoss: mappoLoss(beta))
        else { continue }
        cases[modelName, default: 0] += 1
        let describe = "\(modelName) K = \(k)\(features == nil ? "" : ", d = \(dim)"), N = \(pairCount), β = \(formatNumber(beta)): ‖∇L_MaP‖ = \(e.mappo), ‖∇L_DPO‖ = \(e.dpo)"
        judge.record(holds: !e.violated, satisfies: [e.rhoLNonNegative, e.deltaROne, e.marginOrdered], describe: describe)
        if e.violated {
          violations[modelName, default: 0] += 1
          let size = (modelName == "T1" ? 0 : 1000) + pairCount * 100 + dim
          if smallest == nil || size < smallest!.size {
            let t1 = (modelName == "T1" && pairCount == 1)
              ? T1PairCase(
                chosen: chosenRejected[0].0, rejected: chosenRejected[0].1,
                flat: theta + thetaRef + [beta, chosenRejected[0].2]) : nil
            smallest = (size, [NamedValue("case", Double(i))], describe, t1)
          }
        }
      }
    }
    var cx: Counterexample?
    if let sm = smallest {
      if let t1 = sm.shrinkable {
        let loss = mappoLoss
        let small = t1.with(flat: CounterexampleShrinker.shrink(t1.flat, targets: t1.shrinkTargets, budget: 3000) { f in
          t1.with(flat: f).evaluate(mappoLoss: loss)?.violated ?? false
        })
        let e = small.evaluate(mappoLoss: loss)
        cx = Counterexample(
          inputs: small.namedInputs,
          detail: "T1 single pair: ‖∇ℓ_MaP‖ = \(e?.mappo ?? .nan) > ‖∇ℓ_DPO‖ = \(e?.dpo ?? .nan) (ρ_l = \(e?.rhoL ?? .nan))",
          residual: e.map { $0.mappo - $0.dpo }, tolerance: e.map { $0.dpo * $0.relativeTolerance })
      } else {
        cx = Counterexample(inputs: sm.inputs, detail: sm.detail)
      }
    }
    let (verdict, conditions) = judge.verdict()
    let notes = ["T1", "T2"].map { m in
      "\(m): \(violations[m] ?? 0) violations in \(cases[m] ?? 0) cases (\(format3(Double(violations[m] ?? 0) / Double(max(cases[m] ?? 1, 1)))))"
    } + ["a violation is ‖∇L_MaP‖ > ‖∇L_DPO‖·(1 + T_id), S = max_i β(|log π_w| + |log π_l| + |log πref_w| + |log πref_l|) (the rounding of the margins moves each weight σ(−u) by ≤ |δu| relatively)"]
    let total = (cases["T1"] ?? 0) + (cases["T2"] ?? 0)
    let summary: String
    switch verdict {
    case .confirmed: summary = "‖∇L_MaP‖ ≤ ‖∇L_DPO‖ on all \(total) cases"
    default:
      summary = "‖∇L_MaP‖ > ‖∇L_DPO‖ on \(judge.failures) of \(total) cases"
        + (conditions.isEmpty ? "; no listed condition separates them" : "; holds when " + conditions.map(\.condition).joined(separator: " / "))
        + (cx.map { "; smallest: " + $0.line } ?? "")
    }
    return CheckOutcome(verdict: verdict, summary: summary, notes: notes, counterexample: cx, conditions: conditions)
  }

  /// The two gradient norms of one case and its conditions.
  struct PointwiseEvaluation {
    var mappo: Double
    var dpo: Double
    var relativeTolerance: Double
    var violated: Bool
    var rhoLNonNegative: Bool
    var deltaROne: Bool
    var marginOrdered: Bool
    var rhoL: Double
  }

  /// Evaluates one case on T1 (`features` nil, θ the K logits) or T2.
  static func pointwiseCase(
    features: [[Double]]?, k: Int, theta: [Double], thetaRef: [Double], beta: Double,
    pairs: [(Int, Int, Double)], mappoLoss: PairLossFunction<Int>
  ) -> PointwiseEvaluation? {
    guard beta > 0 else { return nil }
    let gm: [Double]
    let gd: [Double]
    let lp: [Double]
    let ref: [Double]
    if let features {
      let model = LinearSoftmax(features: features)
      lp = model.logProbabilities(theta)
      ref = model.logProbabilities(thetaRef)
      let data = PairDataset(model: model, pairs: modelPairs(pairs, ref))
      guard let a = try? data.gradient(theta, mappoLoss), let b = try? data.gradient(theta, dpoPairLoss(beta: beta))
      else { return nil }
      (gm, gd) = (a, b)
    } else {
      let model = TabularSoftmax(logits: theta)
      lp = model.logProbabilities
      ref = logSoftmax(thetaRef)
      let data = PairDataset(model: model, pairs: modelPairs(pairs, ref))
      guard let a = try? data.gradient(theta, mappoLoss), let b = try? data.gradient(theta, dpoPairLoss(beta: beta))
      else { return nil }
      (gm, gd) = (a, b)
    }
    var s = 0.0
    var rhoLNonNeg = true
    var drOne = true
    var ordered = true
    var rhoL = 0.0
    for (w, l, dr) in pairs {
      s = max(s, beta * (abs(lp[w]) + abs(lp[l]) + abs(ref[w]) + abs(ref[l])))
      rhoL = lp[l] - ref[l]
      rhoLNonNeg = rhoLNonNeg && rhoL >= 0
      drOne = drOne && dr == 1
      let uM = beta * (lp[w] - ref[w]) - dr * (beta * rhoL)
      let uD = beta * (lp[w] - ref[w]) - beta * rhoL
      ordered = ordered && uM >= uD
    }
    let nm = norm(gm)
    let nd = norm(gd)
    let rel = CatalogTolerance.identityAbsolute(termSum: s)
    return PointwiseEvaluation(
      mappo: nm, dpo: nd, relativeTolerance: rel, violated: nm > nd * (1 + rel), rhoLNonNegative: rhoLNonNeg,
      deltaROne: drOne, marginOrdered: ordered, rhoL: rhoL)
  }

  static func modelPairs(_ pairs: [(Int, Int, Double)], _ ref: [Double]) -> [ModelPair<Int>] {
    pairs.map { ModelPair(chosen: $0.0, rejected: $0.1, refLogProbChosen: ref[$0.0], refLogProbRejected: ref[$0.1], deltaR: $0.2) }
  }
}

/// A single-pair T1 case, flattened for the shrinker: θ (K) | θ_ref (K) | β | Δr.
struct T1PairCase {
  var chosen: Int
  var rejected: Int
  var flat: [Double]
  var k: Int { (flat.count - 2) / 2 }
  func with(flat f: [Double]) -> T1PairCase { T1PairCase(chosen: chosen, rejected: rejected, flat: f) }
  var shrinkTargets: [[Double]] { Array(repeating: [], count: 2 * k) + [[0.01, 10], [0, 1]] }
  func evaluate(mappoLoss: (Double) -> PairLossFunction<Int>) -> MaPPOClaims.PointwiseEvaluation? {
    let beta = flat[2 * k]
    guard beta > 0 else { return nil }
    return MaPPOClaims.pointwiseCase(
      features: nil, k: k, theta: Array(flat[0..<k]), thetaRef: Array(flat[k..<(2 * k)]), beta: beta,
      pairs: [(chosen, rejected, flat[2 * k + 1])], mappoLoss: mappoLoss(beta))
  }
  var namedInputs: [NamedValue] {
    [NamedValue("K", Double(k)), NamedValue("y_w", Double(chosen)), NamedValue("y_l", Double(rejected))]
      + (0..<k).map { NamedValue("θ[\($0)]", flat[$0]) } + (0..<k).map { NamedValue("θ_ref[\($0)]", flat[k + $0]) }
      + [NamedValue("β", flat[2 * k]), NamedValue("Δr", flat[2 * k + 1])]
  }
}
