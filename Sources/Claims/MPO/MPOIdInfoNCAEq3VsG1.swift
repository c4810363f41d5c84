// mpo.infonca.eq3-vs-g1 — §3.2 eq. (3); App. G.1 InfoNCA definition (001_0ef3930bdbd6a134.txt).
// p_model of eq. (3), softmax(β(log π_θ − log π_ref)) in log space (Objectives.InfoNCA), against
// p_model of G.1, (P_θ/P_ref)_i / Σ_j (P_θ/P_ref)_j in linear space from the probabilities
// (written here, a second code path sharing nothing with the first). G.1 has no β. The targets
// coincide symbol for symbol under S_i ↔ r(x, y_i), τ ↔ α and are not compared.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let infoNCAEq3VsG1 = Claim(
    id: "mpo.infonca.eq3-vs-g1", paper: .mpo, source: "§3.2 eq. (3); App. G.1", kind: .equivalence,
    statement:
      "Eq. (3) and G.1 define the same InfoNCA model distribution (and hence loss) under S_i ↔ "
        + "r(x, y_i), "
      + "τ ↔ α."
  ) { ctx in try infoNCACheck(ctx, g1Model: g1ModelLinear) }

  /// G.1's p_i^model = e^{s_θ(y_i|x)}/Σ_j e^{s_θ(y_j|x)}, s_θ = log(P_θ/P_ref), in linear space
  /// from the probabilities: (P_θ/P_ref)_i / Σ_j (P_θ/P_ref)_j.
  static func g1ModelLinear(_ logProbs: [Double], _ refLogProbs: [Double]) -> [Double] {
    let ratio = zip(logProbs, refLogProbs).map { exp($0) / exp($1) }
    let total = ratio.reduce(0, +)
    return ratio.map { $0 / total }
  }

  /// The check with G.1's model distribution injectable (mutation tests).
  static func infoNCACheck(_ ctx: CheckContext, g1Model: ([Double], [Double]) -> [Double]) throws
    -> CheckOutcome
  {
    let taus = [0.1, 1, 10]
    let betas = [0.01, 0.1, 1, 10]
    var r = ctx.stream("mpo.infonca.eq3-vs-g1")
    var tallies = [Tally](repeating: Tally(), count: betas.count)
    var examples = [String?](repeating: nil, count: betas.count)
    var failures = [String?](repeating: nil, count: betas.count)
    var cxs = [Counterexample?](repeating: nil, count: betas.count)
    for _ in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let k = r.uniformInt(in: 2...16)
      let lp = MPOId.logProbs(&r, n: k, l: 50)
      let lr = MPOId.logProbs(&r, n: k, l: 50)
      let rewards = (0..<k).map { _ in r.gaussian() }
      let (tau, _) = MPOId.pick(&r, taus)
      let g1 = g1Model(lp, lr)
      let x = RewardedResponseSet(logProbs: lp, refLogProbs: lr, rewards: rewards)
      for (bi, beta) in betas.enumerated() {
        let eq3 = try InfoNCA(beta: beta, tau: tau).modelDistribution(x)
        var worst = 0.0
        var at = 0
        for i in 0..<k {
          let rel = abs(eq3[i] - g1[i]) / max(eq3[i], g1[i])
          if !(rel <= worst) {
            worst = rel
            at = i
          }
        }
        let inputs =
          [NamedValue("K", Double(k)), NamedValue("β", beta), NamedValue("τ", tau)]
          + (0..<k).flatMap {
            [NamedValue("log π_θ[\($0)]", lp[$0]), NamedValue("log π_ref[\($0)]", lr[$0])]
          }
        let desc =
          "K = \(k), β = \(beta), τ = \(tau): component \(at): eq. (3) p = \(eq3[at]), G.1 p = "
            + "\(g1[at]), "
          + "relative difference \(worst)"
        let ok = worst <= 1e-13
        tallies[bi].record(
          "β = \(formatNumber(beta))", passed: ok, residual: worst, allowed: 1e-13,
          reason:
            "relative 1e-13: each path rounds ≈ ε·50 relative (exp of |log π| ≤ 50, log-sum-exp "
              + "of |βr| ≤ 50β)",
          inputs: inputs, detail: desc)
        if ok, examples[bi] == nil { examples[bi] = desc }
        if !ok, failures[bi] == nil || (cxs[bi]?.inputs[0].value ?? 99) > Double(k) {
          failures[bi] = desc
          cxs[bi] = Counterexample(inputs: inputs, detail: desc, residual: worst, tolerance: 1e-13)
        }
      }
    }
    let classes = tallies.flatMap(\.classes)
    let agreeing = betas.indices.filter { tallies[$0].failures == 0 }
    let agreeNames = agreeing.map { formatNumber(betas[$0]) }.joined(separator: ", ")
    let baseIndex = betas.firstIndex(of: 1) ?? 2
    let notes = [
      "β values where the model distributions agree on every instance: "
        + (agreeNames.isEmpty ? "none" : agreeNames)
    ]
    if agreeing.count == betas.count {
      return CheckOutcome(
        verdict: .confirmed,
        summary: "p_model of eq. (3) = G.1's for every β (\(tallies[0].cases) instances each)",
        classes: classes, notes: notes)
    }
    if tallies[baseIndex].failures > 0 {
      return CheckOutcome(
        verdict: .refuted, summary: "they disagree at β = 1: \(failures[baseIndex] ?? "")",
        classes: classes, notes: notes,
        counterexample: cxs[baseIndex])
    }
    let failing = betas.indices.first { tallies[$0].failures > 0 } ?? 0
    let cond = ConditionReport(
      condition: "β ∈ {\(agreeNames)} (G.1 has no β: s_θ = log(P_θ/P_ref))",
      casesSatisfying: agreeing.map { tallies[$0].cases }.reduce(0, +),
      holdingCase: examples[baseIndex] ?? "", failingCase: failures[failing] ?? "")
    return CheckOutcome(
      verdict: .conditional,
      summary:
        "the model distributions agree only for β ∈ {\(agreeNames)}; e.g. "
          + "\(failures[failing] ?? "")",
      classes: classes, notes: notes, counterexample: cxs[failing], conditions: [cond])
  }
}
