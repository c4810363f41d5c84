// alphapo.simpo-increases-margin (003_5c1a521bcc07b90e.txt §3.1: "minimization of the
// preference loss in (2) would (in expectation) lead to an increase in the length normalized
// margin"), on model M1 (claims/alphapo.md §2.7): dm/dt = −⟨∇m, ∇L⟩ under gradient flow on
// loss (2), single example (S) or dataset mean (E), margin with π_l of §3.3 (D1) or of §3.1 as
// printed, π_l = π_θ(y_w|x) (D2).
//
// Goals, in order: 1) the entry exactly (readings S/E × D1/D2, exact derivative with its tie
// scale, the small-step confirmation); 2) ∇L from the Objectives SimPO gradient and the M1
// scores, never re-derived here; 3) simplicity.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension AlphaPOClaims {
  /// A margin definition: (log π(y_w), |y_w|, log π(y_l), |y_l|) ↦ m, linear in the two
  /// log-probabilities, given by its two coefficients (∂m/∂log π(y_w), ∂m/∂log π(y_l)).
  struct MarginDefinition: Sendable {
    var name: String
    var coefficients: @Sendable (_ lenW: Int, _ lenL: Int) -> (Double, Double)

    /// (D1) π_l = π_θ(y_l|x): m = log π(y_w)/|y_w| − log π(y_l)/|y_l|.
    static let d1 = MarginDefinition(name: "D1") { nw, nl in (1 / Double(nw), -1 / Double(nl)) }
    /// (D2) π_l = π_θ(y_w|x) as printed in §3.1: m = log π(y_w)/|y_w| − log π(y_w)/|y_l|.
    static let d2 = MarginDefinition(name: "D2") { nw, nl in (1 / Double(nw) - 1 / Double(nl), 0) }
  }

  /// The pair rule of §2.7 (as in AlphaPOM1Draw.draw), for further pairs on the same θ.
  static func m1Pair(_ r: inout RandomStream) -> (yw: [Int], yl: [Int]) {
    while true {
      let lw = r.uniformInt(in: 1...16)
      let ll = r.uniformInt(in: 1...16)
      let yw = (0..<lw).map { _ in r.uniformInt(in: 0...7) }
      let yl: [Int]
      if r.uniform() < 0.5 {
        let k = r.uniformInt(in: 0...(min(lw, ll) - 1))
        yl = Array(yw.prefix(k)) + (k..<ll).map { _ in r.uniformInt(in: 0...7) }
      } else {
        yl = (0..<ll).map { _ in r.uniformInt(in: 0...7) }
      }
      if yw != yl { return (yw, yl) }
    }
  }

  /// (dℓ/d log π(y_w), dℓ/d log π(y_l)) of loss (2) for one pair; a test substitutes a wrong one.
  typealias SimPOPairGradient =
    @Sendable (_ pair: PreferencePair, _ beta: Double, _ gamma: Double) throws
    -> (Double, Double)

  static let simpoPairGradient: SimPOPairGradient = { pair, beta, gamma in
    let g = try SimPO(beta: beta, gamma: gamma).gradient(pair)
    return (g[0], g[1])
  }

  static let simpoIncreasesMargin = Claim(
    id: "alphapo.simpo-increases-margin", paper: .alphapo, source: "§3.1", kind: .inequality,
    statement: "Under gradient descent on (2), the length-normalized margin "
      + "(1/|y_w|) log π_w − (1/|y_l|) log π_l does not decrease: dm/dt ≥ 0."
  ) { ctx in try simpoMarginCheck(ctx, pairGradient: simpoPairGradient) }

  /// The check with the per-pair loss gradient injectable (mutation tests).
  static func simpoMarginCheck(_ ctx: CheckContext, pairGradient: SimPOPairGradient) throws
    -> CheckOutcome
  {
    var tally = Tally()
    var judge = ConditionalJudge(conditions: ["single example (S)", "definition D1"])
    var smallest = AlphaPOSmallest()
    var decisiveSteps = 0
    var stepDisagreements = 0
    var ties = 0
    let sizes = [2, 4, 16, 64]
    for single in [true, false] {
      var r = ctx.stream(single ? "margin/S" : "margin/E")
      let n = single ? ctx.count(full: 5_000, quick: 200) : ctx.count(full: 5_000, quick: 40)
      for i in 0..<n {
        let first = AlphaPOM1Draw.draw(&r)
        let beta = Strata.logUniform(&r, 0.1, 10)
        let gamma = Strata.uniform(&r, 0, 5)
        var pairs = [(first.yw, first.yl)]
        if !single { while pairs.count < sizes[i % 4] { pairs.append(m1Pair(&r)) } }
        let model = first.model
        let theta = first.theta
        let np = Double(pairs.count)
        // Scores and ∇L = (1/N) Σ (a_i ∇log π(y_w,i) + b_i ∇log π(y_l,i)).
        let dim = model.parameterCount
        var scores: [([Double], [Double], Double, Double)] = []
        var gradL = [Double](repeating: 0, count: dim)
        for (yw, yl) in pairs {
          let (lw, gw) = model.logProbability(theta, yw)
          let (ll, gl) = model.logProbability(theta, yl)
          let pair = PreferencePair(
            logProbChosen: lw, logProbRejected: ll, lengthChosen: yw.count, lengthRejected: yl.count
          )
          let (a, b) = try pairGradient(pair, beta, gamma)
          for k in 0..<dim { gradL[k] += (a * gw[k] + b * gl[k]) / np }
          scores.append((gw, gl, lw, ll))
        }
        let normL = gradL.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let size = pairs.reduce(0) { $0 + $1.0.count + $1.1.count }
        for def in [MarginDefinition.d1, .d2] {
          // M = (1/N) Σ m_i; ∇M the same mean of the linear coefficients times the scores.
          func meanMargin(_ th: [Double]) -> Double {
            var s = 0.0
            for (yw, yl) in pairs {
              let (cw, cl) = def.coefficients(yw.count, yl.count)
              let lw = model.logProbabilityValue(th, yw)
              s += cw * lw + (cl == 0 ? 0 : cl * model.logProbabilityValue(th, yl))
            }
            return s / np
          }
          var gradM = [Double](repeating: 0, count: dim)
          for (j, (yw, yl)) in pairs.enumerated() {
            let (cw, cl) = def.coefficients(yw.count, yl.count)
            for k in 0..<dim { gradM[k] += (cw * scores[j].0[k] + cl * scores[j].1[k]) / np }
          }
          var deriv = 0.0
          var absSum = 0.0
          for k in 0..<dim {
            deriv -= gradM[k] * gradL[k]
            absSum += abs(gradM[k] * gradL[k])
          }
          let tau = 1e-12 * absSum
          // Small step θ' = θ − η∇L, η‖∇L‖ = 1e-5, and the half step.
          var stepChange = 0.0
          var decisive = false
          if normL > 0 {
            let m0 = meanMargin(theta)
            let full = meanMargin(zip(theta, gradL).map { $0 - 1e-5 * $1 / normL }) - m0
            let half = meanMargin(zip(theta, gradL).map { $0 - 5e-6 * $1 / normL }) - m0
            decisive = abs(full) > 4 * abs(full - 2 * half)
            stepChange = full
          }
          if abs(deriv) <= tau { ties += 1 }
          if decisive {
            decisiveSteps += 1
            if abs(deriv) > tau && (deriv > 0) != (stepChange > 0) { stepDisagreements += 1 }
          }
          let violated = deriv < -tau || (decisive && stepChange < 0)
          let cls = "\(single ? "S" : "E") / \(def.name)"
          let inputs = [
            NamedValue("N", np), NamedValue("Σ(|y_w| + |y_l|)", Double(size)),
            NamedValue("β", beta),
            NamedValue("γ", gamma),
          ]
          let detail =
            "M1 draw \(i), \(cls): dm/dt = \(deriv) (τ = \(tau)), step Δm(η) = \(stepChange)"
            + (decisive ? " (decisive)" : " (not decisive)")
          tally.record(cls, passed: !violated, inputs: inputs, detail: detail)
          judge.record(
            holds: !violated, satisfies: [single, def.name == "D1"],
            describe: inputs.map(\.description).joined(separator: ", ") + "; " + detail)
          if violated {
            smallest.offer(
              size: size, alpha: 0, index: i, Counterexample(inputs: inputs, detail: detail))
          }
        }
      }
    }
    let notes = [
      "ties (|dm/dt| ≤ 1e-12 Σ|∇M_k ∇L_k|): \(ties); decisive steps: \(decisiveSteps), of which "
        + "\(stepDisagreements) disagree in sign with a non-tied exact derivative",
      "E reading: N cycles through 2, 4, 16, 64 pairs on one θ; the quick mode runs 200 S and "
        + "40 E draws",
    ]
    return judgedOutcome(
      tally: tally, judge: judge, counterexample: smallest.example,
      claim: "dm/dt ≥ 0 under gradient flow on (2)", notes: notes)
  }
}
