// PRO-family reductions and identities (PRO-formulas.md §3–5, §8), over seeded, edge-biased
// finite-set inputs: footnote 1 (sample eDPO with µ = µ̂, p = p̂, α = 1 is eDPO on µ̂, p̂),
// the partial-support underdetermination of §3.2, a one-element ℋ gives sample eDPO, the
// App. B.3 lift identity, Theorem 4.3 (PRO with µ = µ̄, α = 1/η² has PRO-P's gradient), the
// PRO-B and PRO-S specialisations of PRO, and PRO-P's App. D form = 4 × Theorem 4.3 form.
import ObjectiveFixtures
import Objectives
import PropertyBased
import StableMath
import TestSupport
import Testing

@Suite struct PROPropertyTests {
  @Test func footnote1SampleEDPOWithEmpiricalMuIsEDPO() {
    PropertyRunner.check(
      "pro.footnote1", count: 300, generator: PROFixtures.population(magnitude: 30)
    ) { x in
      let beta = 0.4
      let s = ScoreFunction.score(mu: x.mu, preference: x.preference)
      let y = SampleEDPOInput(
        logits: x.logits, refLogits: x.refLogits, mu: x.mu, muHat: x.mu, scores: s)
      guard let a = try? SampleEDPO(beta: beta, alpha: 1).loss(y),
        let b = try? EDPO(beta: beta).loss(x),
        let ga = try? SampleEDPO(beta: beta, alpha: 1).gradient(y),
        let gb = try? PopulationDPO(beta: beta).gradient(x)
      else { return "threw" }
      let n = x.logits.count
      let tol = PROBounds.finiteSet(
        n: n, beta: beta, logits: [x.logits, x.refLogits], values: [a, b])
      if abs(a - b) > tol { return "loss \(a) vs eDPO \(b)" }
      for k in 0..<n where abs(ga[k] - gb[k]) > tol {
        return "∂/∂logits[\(k)] \(ga[k]) vs population DPO \(gb[k])"
      }
      return nil
    }
  }

  @Test func partialSupportRegularizerLeavesLabeledShiftFree() {
    // µ = µ̂ (support L ⊊ 𝒴) and centred pairwise ŝ: shifting the logits of L by c leaves
    // the loss unchanged (§3.2, underdetermination); with full-support µ it changes.
    let gen = Generator { rng in
      var box = SeedBox(rng.next())
      let x = PROFixtures.population(magnitude: 20).run(using: &box.rng)
      let k = PROFixtures.int(1...(x.logits.count - 1), &box)
      let muHat = PROFixtures.distribution(x.logits.count, support: Array(0..<k), &box)
      return (x, k, 0.25 + 3 * PROFixtures.unit(&box), muHat)
    }
    PropertyRunner.check("pro.partial-underdetermined", count: 300, generator: gen) {
      x, k, c, muHat in
      let n = x.logits.count
      let s = ScoreFunction.score(mu: muHat, preference: x.preference)
      let base = SampleEDPOInput(
        logits: x.logits, refLogits: x.refLogits, mu: muHat, muHat: muHat, scores: s)
      var shifted = base
      for i in 0..<k { shifted.logits[i] += c }
      let o = SampleEDPO(beta: 0.8, alpha: 2.5)
      guard let a = try? o.loss(base), let b = try? o.loss(shifted),
        let opt = try? o.optimizerTerm(base)
      else { return "threw" }
      let tol = PROBounds.finiteSet(
        n: n, beta: 0.8, logits: [base.logits, shifted.logits, x.refLogits],
        values: [a, b, 2 * opt, 2.5])
      return abs(a - b) <= tol ? nil : "µ = µ̂: loss moved \(a) → \(b) under a labeled shift"
    }
  }

  @Test func singletonHyperResponseIsSampleEDPO() {
    PropertyRunner.check("pro.singleton-h", count: 300, generator: PROFixtures.pro(magnitude: 30)) {
      x in
      var y = x
      y.hyperResponse = [x.hyperResponse[0]]
      let e = SampleEDPOInput(
        logits: y.logits, refLogits: y.refLogits, mu: y.mu, muHat: y.muHat, scores: y.scores)
      let (beta, alpha) = (0.3, 4.0)
      guard let a = try? PRO(beta: beta, alpha: alpha).loss(y),
        let b = try? SampleEDPO(beta: beta, alpha: alpha).loss(e),
        let ga = try? PRO(beta: beta, alpha: alpha).gradient(y),
        let gb = try? SampleEDPO(beta: beta, alpha: alpha).gradient(e)
      else { return "threw" }
      let tol = PROBounds.finiteSet(
        n: x.logits.count, beta: beta * alpha, logits: [x.logits, x.refLogits], values: [a, b])
      if abs(a - b) > tol { return "PRO \(a) vs SampleEDPO \(b)" }
      for k in ga.indices where abs(ga[k] - gb[k]) > tol {
        return "\(y.variableNames[k]): PRO \(ga[k]) vs SampleEDPO \(gb[k])"
      }
      return nil
    }
  }

  @Test func liftIdentityOfAppendixB3() {
    PropertyRunner.check("pro.lift", count: 300, generator: PROFixtures.pro(magnitude: 30)) { x in
      // Lift: π(y) = (π_ℋ(ℋ)/π_ref(ℋ))·π_ref(y) on ℋ; L̂_PRO(π_ℋ) = L̂_eDPO(π).
      let u = logSoftmax(x.logits)
      let v = logSoftmax(x.refLogits)
      let h = x.hyperResponse
      let uH = logSumExp(h.map { u[$0] })
      let vH = logSumExp(h.map { v[$0] })
      var lifted = u
      for y in h { lifted[y] = uH - vH + v[y] }
      let e = SampleEDPOInput(
        logits: lifted, refLogits: x.refLogits, mu: x.mu, muHat: x.muHat, scores: x.scores)
      let (beta, alpha) = (0.6, 2.5)
      guard let a = try? PRO(beta: beta, alpha: alpha).loss(x),
        let b = try? SampleEDPO(beta: beta, alpha: alpha).loss(e),
        let opt = try? PRO(beta: beta, alpha: alpha).optimizerTerm(x)
      else { return "threw" }
      let tol = PROBounds.finiteSet(
        n: x.logits.count, beta: beta * alpha, logits: [x.logits, x.refLogits, lifted],
        values: [a, b, 2 * opt])
      return abs(a - b) <= tol ? nil : "PRO \(a) vs lifted eDPO \(b), tol \(tol)"
    }
  }

  @Test(arguments: [(0.1, 0.2), (1.0, 2.0 / 3.0), (2.5, 0.9)])
  func theorem43PROWithMubarHasPROPGradient(beta: Double, eta: Double) {
    PropertyRunner.check(
      "pro.thm43.beta=\(beta).eta=\(eta)", count: 300,
      generator: PROFixtures.prop(magnitude: 20)
    ) { x in
      let mubar = PROPTheorem43.mubar(eta: eta, muHat: x.muHat, rho: x.rho)
      let s = ScoreFunction.score(mu: x.muHat, preference: x.preference)
      let p = PROInput(
        logits: x.logits, refLogits: x.refLogits, mu: mubar, muHat: x.muHat, scores: s,
        hyperResponse: x.hyperResponse)
      let pro = PRO(beta: beta, alpha: 1 / (eta * eta))
      let prop = PROPTheorem43(beta: beta, eta: eta)
      var x2 = x
      x2.logits = x.logits.reversed()
      var p2 = p
      p2.logits = x2.logits
      guard let g1 = try? pro.gradient(p), let g2 = try? prop.gradient(x),
        let a1 = try? pro.loss(p), let b1 = try? prop.loss(x),
        let a2 = try? pro.loss(p2), let b2 = try? prop.loss(x2)
      else { return "threw" }
      let n = x.logits.count
      let tol = PROBounds.finiteSet(
        n: n, beta: beta / (eta * eta), logits: [x.logits, x.refLogits],
        values: [a1, b1, a2, b2, 1])
      // Theorem 4.3 is a statement about ∇_θ; in θ_ref the two differ (PRO's optimizer does
      // not involve π_ref), as for Theorem 3.1.
      for k in 0..<n where abs(g1[k] - g2[k]) > tol {
        return "\(x.variableNames[k]): PRO \(g1[k]) vs PRO-P \(g2[k]), tol \(tol)"
      }
      let c1 = a1 - b1
      let c2 = a2 - b2
      return abs(c1 - c2) <= tol ? nil : "offset not constant: \(c1) vs \(c2)"
    }
  }

  @Test func proBSpecialisations() {
    // µ̂ = δ_y, ℋ = 𝒴 \ {y}, µ = µ̄ = (η, 1 − η) on {y, ℋ}: L̂_PRO + α_B log 2 =
    // PRO-B/βopt with α_B = αη(1−η); PRO-B/print(β, α_B/β) = PRO-B/βopt(β, α_B).
    let gen = Generator { rng in
      var box = SeedBox(rng.next())
      let n = PROFixtures.int(2...6, &box)
      return (
        PROFixtures.logits(n, magnitude: 20, &box), PROFixtures.logits(n, magnitude: 20, &box),
        0.05 + 0.9 * PROFixtures.unit(&box), PROFixtures.unit(&box) < 0.5 ? 0.5 : -0.5
      )
    }
    PropertyRunner.check("pro.prob-specialisation", count: 300, generator: gen) { th, tr, eta, s in
      let n = th.count
      let (beta, alpha) = (0.3, 7.0)
      var muHat = [Double](repeating: 0, count: n)
      muHat[0] = 1
      let mu = [eta] + [Double](repeating: (1 - eta) / Double(n - 1), count: n - 1)
      let x = PROInput(
        logits: th, refLogits: tr, mu: mu, muHat: muHat,
        scores: [s] + [Double](repeating: 0, count: n - 1),
        hyperResponse: Array(1..<n))
      let u = logSoftmax(th)
      let v = logSoftmax(tr)
      let b = PROBinarySample(logProb: u[0], refLogProb: v[0], label: s)
      let aB = alpha * eta * (1 - eta)
      guard let lp = try? PRO(beta: beta, alpha: alpha).loss(x),
        let lo = try? PROBBetaOnOptimizer(beta: beta, alpha: aB).loss(b),
        let lpr = try? PROBPrinted(beta: beta, alpha: aB / beta).loss(b),
        let gb = try? PROBBetaOnOptimizer(beta: beta, alpha: aB).gradient(b)
      else { return "threw (π(y) = 1?)" }
      let tol =
        PROBounds.finiteSet(n: n, beta: beta * alpha, logits: [th, tr], values: [lp, lo, 1])
        + PROBounds.conditioning(
          gradient: Array(gb[0..<2]), logProbs: [u[0], v[0]], logits: [th, tr])
      if abs(lp + aB * ln2 - lo) > tol {
        return "PRO + α_B log 2 = \(lp + aB * ln2) vs PRO-B \(lo)"
      }
      return abs(lpr - lo) <= tol ? nil : "printed(β, α_B/β) \(lpr) vs βopt(β, α_B) \(lo)"
    }
  }

  @Test func proSIsPROWithUniformMubar() {
    // µ̂ = 1/N on y_1..y_N, ℋ = rest, µ̄ = 1/(N+1) on {y_1..y_N, ℋ}: PRO-S(α') − L̂_PRO(α) =
    // α' log 2 when α' = αN/(2(N+1)) (the regularizer strength α/(N+1)² per pair).
    let gen = Generator { rng in
      var box = SeedBox(rng.next())
      let bigN = PROFixtures.int(1...4, &box)
      let n = bigN + PROFixtures.int(1...3, &box)
      let sc = (0..<bigN).map { _ in PROFixtures.unit(&box) - 0.5 }
      return (
        bigN, PROFixtures.logits(n, magnitude: 20, &box),
        PROFixtures.logits(n, magnitude: 20, &box), sc
      )
    }
    PropertyRunner.check("pro.pros-specialisation", count: 300, generator: gen) {
      bigN, th, tr, sc in
      let n = th.count
      let (beta, alpha) = (0.7, 5.0)
      let nd = Double(bigN)
      let muHat = (0..<n).map { $0 < bigN ? 1 / nd : 0 }
      let hyper = Array(bigN..<n)
      let share = 1 / (nd + 1) / Double(hyper.count)
      let mu = (0..<n).map { $0 < bigN ? 1 / (nd + 1) : share }
      let x = PROInput(
        logits: th, refLogits: tr, mu: mu, muHat: muHat,
        scores: sc + [Double](repeating: 0, count: n - bigN), hyperResponse: hyper)
      let u = logSoftmax(th)
      let v = logSoftmax(tr)
      let y = PROScalarSample(
        logProbs: Array(u[0..<bigN]), refLogProbs: Array(v[0..<bigN]), scores: sc)
      let alphaS = alpha * nd / (2 * (nd + 1))
      guard let lp = try? PRO(beta: beta, alpha: alpha).loss(x),
        let ls = try? PROS(beta: beta, alpha: alphaS).loss(y),
        let gs = try? PROS(beta: beta, alpha: alphaS).gradient(y)
      else { return "threw (labeled mass 1?)" }
      let tol =
        PROBounds.finiteSet(n: n, beta: beta * alpha, logits: [th, tr], values: [lp, ls, 1])
        + PROBounds.conditioning(
          gradient: Array(gs[0..<(2 * bigN)]), logProbs: y.logProbs + y.refLogProbs,
          logits: [th, tr])
      return abs(ls - lp - alphaS * ln2) <= tol
        ? nil : "PRO-S − PRO = \(ls - lp), expected \(alphaS * ln2)"
    }
  }

  @Test func proPImplementedIsFourTimesTheorem43Form() {
    // η = 2/3, µ̂ = ½ on y_w = 0, y_l = 1, ρ(ℋ) = 1, ℋ = 𝒴 \ {y_w, y_l}, p̂(w ≻ l) = 1:
    // L_T4.3 = ¼ L_impl + (3/8) log 2 (PRO-formulas.md §8, derived).
    let gen = Generator { rng in
      var box = SeedBox(rng.next())
      let n = PROFixtures.int(3...7, &box)
      return (
        PROFixtures.logits(n, magnitude: 20, &box), PROFixtures.logits(n, magnitude: 20, &box)
      )
    }
    PropertyRunner.check("pro.prop-impl-vs-t43", count: 300, generator: gen) { th, tr in
      let n = th.count
      let beta = 0.9
      var pref = [[Double]](repeating: [Double](repeating: 0.5, count: n), count: n)
      pref[0][1] = 1
      pref[1][0] = 0
      let rho = [0, 0] + [Double](repeating: 1 / Double(n - 2), count: n - 2)
      let x = PROPInput(
        logits: th, refLogits: tr, muHat: [0.5, 0.5] + [Double](repeating: 0, count: n - 2),
        preference: pref, rho: rho, hyperResponse: Array(2..<n))
      let u = logSoftmax(th)
      let v = logSoftmax(tr)
      let pair = PreferencePair(
        logProbChosen: u[0], logProbRejected: u[1], refLogProbChosen: v[0], refLogProbRejected: v[1]
      )
      guard let t = try? PROPTheorem43(beta: beta, eta: 2.0 / 3.0).loss(x),
        let i = try? PROPImplemented(beta: beta, hyperReward: .exact).loss(pair),
        let gi = try? PROPImplemented(beta: beta, hyperReward: .exact).gradient(pair)
      else { return "threw" }
      let tol =
        PROBounds.finiteSet(n: n, beta: beta, logits: [th, tr], values: [t, i, 1])
        + PROBounds.conditioning(
          gradient: gi.map { $0 / 4 }, logProbs: pair.variables, logits: [th, tr])
      return abs(t - (0.25 * i + 0.375 * ln2)) <= tol
        ? nil : "T4.3 \(t) vs ¼·impl + ⅜log 2 = \(0.25 * i + 0.375 * ln2)"
    }
  }
}
