// PRO App. D losses (PRO-P implemented, PRO-B both variants, PRO-S) and KTO in PRO's form:
// basic invariants over seeded, edge-biased samples, and the stability and input-error tests
// of the whole PRO family (extreme valid inputs give finite values and gradients; bad inputs
// throw ObjectiveError naming the field).
import ObjectiveFixtures
import Objectives
import PropertyBased
import StableMath
import TestSupport
import Testing

@Suite struct AppendixDPropertyTests {
  @Test func proPImplementedIsBoundedBelowByTwoLog2() {
    PropertyRunner.check("prop-impl.basic", count: 500, generator: PROFixtures.pair(lowest: -1e3)) {
      x in
      let o = PROPImplemented(beta: 0.5, hyperReward: .zero)
      guard let a = try? o.loss(x) else { return "threw" }
      if a < 0 { return "loss \(a) < 0" }
      // ℓ = −log σ(r_w − r_l) + K(r_w − r_ℋ) + K(r_l − r_ℋ) + 2 log 2 with K ≥ 0, so
      // ℓ > 2 log 2 (the infimum, approached as r_w − r_l → ∞ with both near r_ℋ).
      return a >= 2 * ln2 * (1 - 4 * Double.ulpOfOne) ? nil : "loss \(a) below 2 log 2"
    }
  }

  @Test func proBRegularizerIsMinimalAtZeroGapAndLinearInTheLabel() {
    PropertyRunner.check("prob.basic", count: 500, generator: PROFixtures.binary(lowest: -1e3)) {
      x in
      for mode in HyperRewardMode.allCases {
        let o = PROBBetaOnOptimizer(beta: 0.3, alpha: 2.5, hyperReward: mode)
        let p = PROBPrinted(beta: 0.3, alpha: 2.5, hyperReward: mode)
        guard let r = try? o.regularizerTerm(x), let rp = try? p.regularizerTerm(x),
          let l = try? o.loss(x), let opt = try? o.optimizerTerm(x)
        else { continue }  // exact-H at π(y) = 1 is outside the domain
        // α(K(δ) + log 2) ≥ α log 2; printed = β × βopt regularizer; loss = sum of parts.
        if r < 2.5 * ln2 * (1 - 4 * Double.ulpOfOne) {
          return "\(mode): regularizer \(r) < α log 2"
        }
        if abs(rp - 0.3 * r) > 4 * Double.ulpOfOne * rp {
          return "\(mode): printed \(rp) vs β·\(r)"
        }
        if abs(l - (opt + r)) > 4 * Double.ulpOfOne * (abs(opt) + r) { return "\(mode): parts" }
      }
      return nil
    }
  }

  @Test func proSWithOneResponseIsProBBetaOnOptimizer() {
    PropertyRunner.check("pros.n1", count: 500, generator: PROFixtures.binary(lowest: -1e3)) { x in
      for mode in HyperRewardMode.allCases {
        let y = PROScalarSample(
          logProbs: [x.logProb], refLogProbs: [x.refLogProb], scores: [x.label])
        let s = try? PROS(beta: 0.7, alpha: 3, hyperReward: mode).loss(y)
        let b = try? PROBBetaOnOptimizer(beta: 0.7, alpha: 3, hyperReward: mode).loss(x)
        guard let s, let b else { continue }
        // Same operations in a different order: a few ε of the larger term.
        let scale = abs(0.7 * x.label * x.logProb) + abs(b)
        if abs(s - b) > 8 * Double.ulpOfOne * scale { return "\(mode): PRO-S \(s) vs PRO-B \(b)" }
      }
      return nil
    }
  }

  @Test func ktoLossIsBoundedAndMonotoneInTheReward() {
    PropertyRunner.check("kto-pro.basic", count: 500, generator: PROFixtures.kto(lowest: -1e3)) {
      x in
      let o = KTOPROForm(beta: 0.5, lambdaD: 1.25, lambdaU: 1, z0: 0.5)
      guard let l = try? o.loss(x), let g = try? o.gradient(x) else { return "threw" }
      let lam = x.desired ? 1.25 : 1.0
      if l < 0 || l > lam { return "loss \(l) outside [0, λ]" }
      // Desired: loss decreases in log π_θ(y); undesired: increases.
      if x.desired ? g[0] > 0 : g[0] < 0 { return "wrong monotonicity, ∂/∂logProb = \(g[0])" }
      return nil
    }
  }

  @Test func extremeValidInputsGiveFiniteValuesAndGradients() throws {
    func finite(_ v: Double, _ g: [Double], _ what: String) {
      #expect(v.isFinite && g.allSatisfy { $0.isFinite }, "\(what): \(v), \(g)")
    }
    let big = [1e4, -1e4, 0, 5e3]
    let pop = PopulationPreferenceInput(
      logits: big, refLogits: big.reversed(), mu: [0.25, 0.25, 0.25, 0.25],
      preference: [[0.5, 1, 0, 0.5], [0, 0.5, 1, 0.5], [1, 0, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]])
    for beta in [1e-3, 10.0] {
      finite(
        try PopulationDPO(beta: beta).loss(pop), try PopulationDPO(beta: beta).gradient(pop),
        "popDPO")
      finite(try EDPO(beta: beta).loss(pop), try EDPO(beta: beta).gradient(pop), "eDPO")
      let pro = PROInput(
        logits: big, refLogits: big.reversed(), mu: [0.25, 0.25, 0.25, 0.25],
        muHat: [0.5, 0.5, 0, 0],
        scores: [0.5, -0.5, 0, 0], hyperResponse: [2, 3])
      finite(
        try PRO(beta: beta, alpha: 1e3).loss(pro), try PRO(beta: beta, alpha: 1e3).gradient(pro),
        "PRO")
      let se = SampleEDPOInput(
        logits: big, refLogits: big.reversed(), mu: pro.mu, muHat: pro.muHat, scores: pro.scores)
      finite(
        try SampleEDPO(beta: beta, alpha: 1e3).loss(se),
        try SampleEDPO(beta: beta, alpha: 1e3).gradient(se), "sEDPO")
      let pp = PROPInput(
        logits: big, refLogits: big.reversed(), muHat: [0.5, 0.5, 0, 0], preference: pop.preference,
        rho: [0, 0, 0.5, 0.5], hyperResponse: [2, 3])
      finite(
        try PROPTheorem43(beta: beta, eta: 0.01).loss(pp),
        try PROPTheorem43(beta: beta, eta: 0.01).gradient(pp), "PROP")
      for mode in HyperRewardMode.allCases {
        let pair = PreferencePair(
          logProbChosen: -1e5, logProbRejected: -1e-300, refLogProbChosen: -1e5,
          refLogProbRejected: -1e4)
        let o = PROPImplemented(beta: beta, hyperReward: mode)
        finite(try o.loss(pair), try o.gradient(pair), "PROP impl \(mode)")
        let b = PROBinarySample(logProb: -1e-300, refLogProb: -1e5, label: -0.5)
        let pb = PROBPrinted(beta: beta, alpha: 1e3, hyperReward: mode)
        let po = PROBBetaOnOptimizer(beta: beta, alpha: 1e3, hyperReward: mode)
        finite(try pb.loss(b), try pb.gradient(b), "PROB printed \(mode)")
        finite(try po.loss(b), try po.gradient(b), "PROB βopt \(mode)")
        let s = PROScalarSample(
          logProbs: [-1e5, -1e-300], refLogProbs: [-1e4, -1e5], scores: [1, -1])
        let ps = PROS(beta: beta, alpha: 1e3, hyperReward: mode)
        finite(try ps.loss(s), try ps.gradient(s), "PROS \(mode)")
      }
      let k = KTOPROForm(beta: beta, lambdaD: 1, lambdaU: 1, z0: 1e4)
      for d in [true, false] {
        let x = KTOPROInput(logProb: -1e5, refLogProb: 0, desired: d)
        finite(try k.loss(x), try k.gradient(x), "KTO")
      }
    }
    #expect(BernoulliHalfKL.value(-.infinity) == .infinity)
  }

  @Test func badInputsThrowNamingTheField() {
    func expectField(_ field: String, _ body: () throws -> Void) {
      do {
        try body()
        Issue.record("expected an ObjectiveError for \(field)")
      } catch let e as ObjectiveError {
        #expect(e.field.hasPrefix(field), "got \(e)")
      } catch { Issue.record("unexpected \(error)") }
    }
    let p = [[0.5, 1], [0, 0.5]]
    let ok = PopulationPreferenceInput(
      logits: [0, 1], refLogits: [0, 0], mu: [0.5, 0.5], preference: p)
    expectField("beta") { _ = try PopulationDPO(beta: 0).loss(ok) }
    expectField("mu") {
      _ = try EDPO(beta: 1).loss(
        .init(logits: [0, 1], refLogits: [0, 0], mu: [0.5, 0.6], preference: p))
    }
    expectField("preference[0][1]") {
      _ = try EDPO(beta: 1).loss(
        .init(
          logits: [0, 1], refLogits: [0, 0], mu: [0.5, 0.5], preference: [[0.5, 0.7], [0.7, 0.5]]))
    }
    expectField("logits.count") {
      _ = try EDPO(beta: 1).loss(.init(logits: [0], refLogits: [0], mu: [1], preference: [[0.5]]))
    }
    expectField("logits[1]") {
      _ = try PopulationDPO(beta: 1).loss(
        .init(logits: [0, .nan], refLogits: [0, 0], mu: [0.5, 0.5], preference: p))
    }
    let pro = PROInput(
      logits: [0, 1, 2], refLogits: [0, 0, 0], mu: [0.2, 0.3, 0.5], muHat: [1, 0, 0],
      scores: [0.5, 0, 0], hyperResponse: [0])
    expectField("muHat[0]") { _ = try PRO(beta: 1, alpha: 1).loss(pro) }
    expectField("alpha") {
      _ = try SampleEDPO(beta: 1, alpha: -1).loss(
        .init(logits: [0, 1], refLogits: [0, 0], mu: [0.5, 0.5], muHat: [1, 0], scores: [0, 0]))
    }
    let pp = PROPInput(
      logits: [0, 1, 2], refLogits: [0, 0, 0], muHat: [0.5, 0.5, 0],
      preference: [[0.5, 1, 0.5], [0, 0.5, 0.5], [0.5, 0.5, 0.5]], rho: [0.5, 0, 0.5],
      hyperResponse: [2])
    expectField("eta") { _ = try PROPTheorem43(beta: 1, eta: 1).loss(pp) }
    expectField("rho[0]") { _ = try PROPTheorem43(beta: 1, eta: 0.5).loss(pp) }
    expectField("logProbChosen") {
      _ = try PROPImplemented(beta: 1).loss(
        PreferencePair(logProbChosen: -0.1, logProbRejected: -0.5))
    }
    expectField("logProb") {
      _ = try PROBPrinted(beta: 1, alpha: 1).loss(.init(logProb: 0, refLogProb: -1, label: 0.5))
    }
    expectField("refLogProb") {
      _ = try PROBBetaOnOptimizer(beta: 1, alpha: 1).loss(
        .init(logProb: -1, refLogProb: 0.5, label: 0.5))
    }
    expectField("scores") {
      _ = try PROS(beta: 1, alpha: 1).loss(.init(logProbs: [-1], refLogProbs: [-1], scores: []))
    }
    expectField("z0") {
      _ = try KTOPROForm(beta: 1, z0: -1).loss(.init(logProb: -1, desired: true))
    }
  }
}
