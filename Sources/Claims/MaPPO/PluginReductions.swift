// mappo.plugin.simpo / .ipo / .cpo — §4.4: each plugin (eqs. 15, 17, 19) reduces to its base
// loss (eqs. 14, 16, 18) at Δr = 1. Base and plugin are separate implementations in
// Objectives (the base never calls the plugin), so the comparison can fail.
import Numerics
import Objectives

extension MaPPOClaims {
  static let pluginSimPO = Claim(
    id: "mappo.plugin.simpo", paper: .mappo, source: "§4.4, eqs. (14)–(15)", kind: .equivalence,
    statement: "SimPO+ (15) reduces to SimPO (14) at Δr = 1."
  ) { ctx in
    let perExample = IdentitySweep.run(
      ctx, claim: "SimPO+(Δr = 1) = SimPO", names: ["mean log π_w", "mean log π_l", "|y_w|", "|y_l|", "β", "γ"],
      strata: [SweepStratum("per-token means in [−10, 0], lengths 1..512", count: 100_000,
        endpoints: [[0, -10], [0, -10], [1, 512], [1, 512], [0.01, 10], [0, 5]]) { r in
        [Strata.uniform(&r, -10, 0), Strata.uniform(&r, -10, 0), Double(Strata.length(&r)), Double(Strata.length(&r)),
         Strata.beta(&r), Strata.uniform(&r, 0, 5)]
      }]
    ) { x in
      let lw = Int(x[2].rounded())
      let ll = Int(x[3].rounded())
      guard lw >= 1, ll >= 1 else { return nil }
      let pair = PreferencePair(logProbChosen: x[0] * Double(lw), logProbRejected: x[1] * Double(ll), lengthChosen: lw, lengthRejected: ll)
      return MaPPOClaims.baseVersusPlugin(pair, base: SimPO(beta: x[4], gamma: x[5]), plugin: SimPOPlus(beta: x[4], gamma: x[5]),
        termSum: x[4] * (abs(x[0]) + abs(x[1])) + x[5])
    }
    // A1 θ-gradients: lengths 1–512, V ∈ {4..32}; 200 instances (40 in quick mode).
    var tally = Tally()
    var r = ctx.stream("mappo.plugin.simpo/A1")
    for _ in 0..<ctx.count(full: 200, quick: 40) {
      let v = Strata.integer(&r, 4...32)
      let yw = (0..<Strata.length(&r)).map { _ in Strata.integer(&r, 0...(v - 1)) }
      let yl = (0..<Strata.length(&r)).map { _ in Strata.integer(&r, 0...(v - 1)) }
      let model = AutoregressiveTabular(vocabulary: v, sequences: [yw, yl])
      let theta = (0..<model.parameterCount).map { _ in r.gaussian() }
      let beta = Strata.beta(&r)
      let gamma = Strata.uniform(&r, 0, 5)
      let pair = ModelPair(chosen: yw, rejected: yl, refLogProbChosen: 0, refLogProbRejected: 0, deltaR: 1.0 - 0.0)
      let data = PairDataset(model: model, pairs: [pair])
      let base: PairLossFunction<[Int]> = { a, b, p in
        let x = PreferencePair(logProbChosen: a, logProbRejected: b, lengthChosen: p.chosen.count, lengthRejected: p.rejected.count)
        let g = try SimPO(beta: beta, gamma: gamma).gradient(x)
        return (try SimPO(beta: beta, gamma: gamma).loss(x), g[0], g[1])
      }
      let plus: PairLossFunction<[Int]> = { a, b, p in
        let x = RewardedPreferencePair(
          logProbChosen: a, logProbRejected: b, rewardChosen: p.deltaR, rewardRejected: 0,
          lengthChosen: p.chosen.count, lengthRejected: p.rejected.count)
        let g = try SimPOPlus(beta: beta, gamma: gamma).gradient(x)
        return (try SimPOPlus(beta: beta, gamma: gamma).loss(x), g[0], g[1])
      }
      let gb = try data.gradient(theta, base)
      let gp = try data.gradient(theta, plus)
      for j in gb.indices {
        tally.record(
          "A1 θ-gradients", residual: abs(gb[j] - gp[j]),
          identityTermSum: (abs(gb[j]) + abs(gp[j]) + beta),
          inputs: [NamedValue("V", Double(v)), NamedValue("|y_w|", Double(yw.count)), NamedValue("|y_l|", Double(yl.count)),
                   NamedValue("β", beta), NamedValue("γ", gamma), NamedValue("component", Double(j))],
          detail: "SimPO ∂L/∂θ = \(gb[j]), SimPO+ ∂L/∂θ = \(gp[j])")
      }
    }
    return combineParts([("per example", perExample), ("A1 gradients", tally.outcome(claim: "A1 θ-gradients agree"))])
  }

  static let pluginIPO = Claim(
    id: "mappo.plugin.ipo", paper: .mappo, source: "§4.4, eqs. (16)–(17)", kind: .equivalence,
    statement: "IPO+ (17) reduces to IPO (16) at Δr = 1."
  ) { ctx in
    IdentitySweep.run(
      ctx, claim: "IPO+(Δr = 1) = IPO", names: ["ρ_w", "ρ_l", "β"],
      strata: [SweepStratum("log-ratios in [−50, 50]", count: 100_000, endpoints: [[-50, 50], [-50, 50], [0.01, 10]]) { r in
        [Strata.logRatio(&r), Strata.logRatio(&r), Strata.beta(&r)]
      }]
    ) { x in
      // A log-ratio ρ is realised as log π_θ = min(ρ, 0), log π_ref = log π_θ − ρ (both ≤ 0).
      let (pw, rw) = MaPPOClaims.realise(logRatio: x[0])
      let (pl, rl) = MaPPOClaims.realise(logRatio: x[1])
      let pair = PreferencePair(logProbChosen: pw, logProbRejected: pl, refLogProbChosen: rw, refLogProbRejected: rl)
      return MaPPOClaims.baseVersusPlugin(pair, base: IPO(beta: x[2]), plugin: IPOPlus(beta: x[2]),
        termSum: (abs(x[0]) + abs(x[1]) + 1 / (2 * x[2])) * (1 + abs(x[0]) + abs(x[1]) + 1 / (2 * x[2])))
    }
  }

  static let pluginCPO = Claim(
    id: "mappo.plugin.cpo", paper: .mappo, source: "§4.4, eqs. (18)–(19)", kind: .equivalence,
    statement: "CPO+ (19) reduces to CPO (18) at Δr = 1."
  ) { ctx in
    IdentitySweep.run(
      ctx, claim: "CPO+(Δr = 1) = CPO", names: ["log π_w", "log π_l", "β", "λ"],
      strata: [SweepStratum("both log-probability strata", count: 100_000, endpoints: [[0, -50], [0, -50], [0.01, 10], [0, 2]]) { r in
        [Strata.logProb(&r), Strata.logProb(&r), Strata.beta(&r), Strata.uniform(&r, 0, 2)]
      }]
    ) { x in
      let pair = PreferencePair(logProbChosen: x[0], logProbRejected: x[1])
      return MaPPOClaims.baseVersusPlugin(pair, base: CPO(beta: x[2], lambda: x[3]), plugin: CPOPlus(beta: x[2], lambda: x[3]),
        termSum: x[2] * (abs(x[0]) + abs(x[1])) + x[3] * abs(x[0]))
    }
  }

  /// A log-ratio ρ as (log π_θ, log π_ref), both ≤ 0.
  static func realise(logRatio rho: Double) -> (Double, Double) {
    rho <= 0 ? (rho, 0) : (0, -rho)
  }

  /// The base loss versus its plugin at Δr = 1.0 − 0.0: value and both policy partials; the
  /// largest residual of the three against T_id(termSum + outputs).
  static func baseVersusPlugin<B: Objective, P: Objective>(_ pair: PreferencePair, base: B, plugin: P, termSum: Double)
    -> IdentitySides? where B.Input == PreferencePair, P.Input == RewardedPreferencePair
  {
    let rp = RewardedPreferencePair(pair, rewardChosen: 1.0, rewardRejected: 0.0)
    guard let lb = try? base.loss(pair), let lp = try? plugin.loss(rp),
      let gb = try? base.gradient(pair), let gp = try? plugin.gradient(rp)
    else { return nil }
    let worst = max(abs(lb - lp), abs(gb[0] - gp[0]), abs(gb[1] - gp[1]))
    return IdentitySides(lhs: worst, rhs: 0, termSum: termSum + abs(lb) + abs(lp) + abs(gb[0]) + abs(gb[1]))
  }
}
