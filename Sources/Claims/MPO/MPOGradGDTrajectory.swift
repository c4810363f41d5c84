// mpo.stationary.gd-trajectory — 001_0ef3930bdbd6a134.txt §5 Lemma 1; App. H.3 Lemma 10;
// Remark 7; §5 text ("at its stationary points, the model learns to assign vanishing
// probabilities to non-preferred responses"): gradient descent drives every negative's
// probability to 0 and the loss to 0. With λ_q = log10(q(T)/q(T/10)): confirmed if λ_L ≤ −0.5
// in every run; refuted if some run has λ_L ≥ −0.01 and L(T) ≥ 1e-3; inconclusive otherwise.
// Every step checks π_θ(y_j) ≤ b_j(t)(1 + 1e-9), b_j = π_ref(y_j)((e^L − 1)A_max/w_j)^{1/β},
// A_max = Σ_{Y⁺} w_i π_ref(y_i)^{−β}; a violation is an implementation error (inconclusive).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOGradientClaims {
  static let stationaryGDTrajectory = Claim(
    id: "mpo.stationary.gd-trajectory", paper: .mpo,
    source: "§5 Lemma 1; App. H.3 Lemma 10; Remark 7; §5 text", kind: .limit,
    statement: "Training by gradient descent drives every negative's probability to 0, and the loss to 0."
  ) { ctx in
    gdTrajectoryCheck(ctx, steps: ctx.count(full: 10_000, quick: 10_000))
  }

  /// One run's summary.
  struct GDRunSummary {
    var setting: MPOGradGDSetting
    var lambdaL: Double
    var lambdaNeg: Double
    var lossAt: [Double]
    var negAt: [Double]
    var boundViolation: String?
  }

  static func gdRun(_ s: MPOGradGDSetting, steps: Int) -> GDRunSummary {
    let logAmax = logSumExp((0..<s.k).filter { s.positive[$0] }.map { s.logWeights[$0] - s.beta * s.logRef[$0] })
    let marks = [10, 100, 1_000, 10_000, steps / 10, steps]
    var lossAt: [Int: Double] = [:]
    var negAt: [Int: Double] = [:]
    var violation: String?
    MPOGradGDTrajectoryRuns.run(s, steps: steps) { st in
      let lem1 = log(expm1(st.loss))
      var neg = 0.0
      for j in 0..<s.k where !s.positive[j] {
        neg = max(neg, st.pi[j])
        let logB = s.logRef[j] + (lem1 + logAmax - s.logWeights[j]) / s.beta
        if violation == nil && st.loss > 0 && log(st.pi[j]) > logB + log1p(1e-9) {
          violation = "\(s.description), t = \(st.t): π(y_\(j)) = \(st.pi[j]) > b_j = \(exp(logB))"
        }
      }
      if marks.contains(st.t) {
        lossAt[st.t] = st.loss
        negAt[st.t] = neg
      }
    }
    let lL = log10(lossAt[steps]! / lossAt[steps / 10]!)
    let lN = log10(negAt[steps]! / negAt[steps / 10]!)
    let show = [10, 100, 1_000, 10_000].filter { $0 <= steps }
    return GDRunSummary(setting: s, lambdaL: lL, lambdaNeg: lN, lossAt: show.map { lossAt[$0]! },
                        negAt: show.map { negAt[$0]! }, boundViolation: violation)
  }

  /// `steps` = T (a mutation test shortens the run so the loss cannot fall).
  static func gdTrajectoryCheck(_ ctx: CheckContext, steps: Int) -> CheckOutcome {
    // Quick mode: one instance, M = K only (4 runs of T = 10⁴ steps).
    let main = MPOGradGDTrajectoryRuns.settings(
      ctx, instances: ctx.count(full: 100, quick: 1), extraResponses: ctx.mode == .full ? [0, 4] : [0])
    let extra = MPOGradGDTrajectoryRuns.settings(ctx, instances: ctx.count(full: 10, quick: 0), alpha: 5)
    // Runs are independent (pure in their setting): both cores, results in order.
    let runs = MPOParallelMap.map(main.count) { gdRun(main[$0], steps: steps) }
    let reported = MPOParallelMap.map(extra.count) { gdRun(extra[$0], steps: steps) }
    var notes: [String] = []
    let worst = runs.max { $0.lambdaL < $1.lambdaL }
    for (beta, eta) in MPOGradGDTrajectoryRuns.betaEta {
      let sub = runs.filter { $0.setting.beta == beta && $0.setting.eta == eta }
      guard let w = sub.max(by: { $0.lambdaL < $1.lambdaL }) else { continue }
      notes.append("β = \(beta), η = \(eta): max λ_L = \(format3(w.lambdaL)), max λ_neg = "
        + "\(format3(sub.map(\.lambdaNeg).max() ?? .nan)); worst run L(t) at t = 10…10⁴: \(w.lossAt.map(format3)), "
        + "max_{Y⁻} π: \(w.negAt.map(format3))")
    }
    if !reported.isEmpty {
      notes.append("α = 5 (reported, not in the verdict; \(extra.count / 8) instances): max λ_L = "
        + "\(format3(reported.map(\.lambdaL).max() ?? .nan)), min L(T) = \(format3(reported.map { $0.lossAt.last ?? .nan }.min() ?? .nan)), "
        + "max L(T) = \(format3(reported.map { $0.lossAt.last ?? .nan }.max() ?? .nan))")
    }
    if let v = runs.compactMap(\.boundViolation).first {
      return CheckOutcome(verdict: .inconclusive, summary: "bound b_j violated (implementation error): \(v)", notes: notes)
    }
    if let bad = runs.first(where: { $0.lambdaL >= -0.01 && ($0.lossAt.last ?? 0) >= 1e-3 }) {
      return CheckOutcome(
        verdict: .refuted, summary: "loss plateau away from 0: \(bad.setting.description), λ_L = \(bad.lambdaL), L(T) = \(bad.lossAt.last ?? .nan)",
        notes: notes, counterexample: Counterexample(
          inputs: [NamedValue("instance", Double(bad.setting.instance)), NamedValue("M", Double(bad.setting.m)),
                   NamedValue("alpha", bad.setting.alpha), NamedValue("beta", bad.setting.beta), NamedValue("eta", bad.setting.eta)],
          detail: "λ_L = \(bad.lambdaL), L(T) = \(bad.lossAt.last ?? .nan)"))
    }
    if runs.allSatisfy({ $0.lambdaL <= -0.5 }) {
      return CheckOutcome(verdict: .confirmed,
        summary: "in all \(runs.count) runs the loss still falls at T (max λ_L = \(format3(worst?.lambdaL ?? .nan)))", notes: notes)
    }
    return CheckOutcome(verdict: .inconclusive,
      summary: "some run falls slower than t^{-1/2} at T without a plateau (max λ_L = \(format3(worst?.lambdaL ?? .nan)))",
      notes: notes)
  }
}
