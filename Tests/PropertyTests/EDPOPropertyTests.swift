// eDPO and population DPO (PRO §3.1, Theorem 3.1) invariants over seeded, edge-biased
// finite-set inputs: Theorem 3.1's gradient equivalence in the logits, the derived constant
// offset L_DPO − L_eDPO = ½log 2 + β E_µ[s log π_ref], the score's zero mean and bounds, the
// regularizer's sign and zero at π = π_ref, and invariance to a common logit shift.
import ObjectiveFixtures
import Objectives
import PropertyBased
import StableMath
import TestSupport
import Testing

@Suite struct EDPOPropertyTests {
  static let betas = [0.01, 0.5, 3.0]

  @Test(arguments: betas)
  func theorem31GradientsAgreeInTheLogits(beta: Double) {
    PropertyRunner.check(
      "edpo.thm31-gradient.beta=\(beta)", count: 500,
      generator: PROFixtures.population(magnitude: 30)
    ) { x in
      guard let g1 = try? PopulationDPO(beta: beta).gradient(x),
        let g2 = try? EDPO(beta: beta).gradient(x)
      else { return "threw" }
      let n = x.logits.count
      // Gradients are sums of N weights times σ(·) ≤ 1, each rounded as in PROBounds, per
      // unit of the gradient's own scale β.
      let tol = PROBounds.finiteSet(n: n, beta: beta, logits: [x.logits, x.refLogits], values: [1])
      for k in 0..<n where abs(g1[k] - g2[k]) > tol {
        return "∂/∂logits[\(k)]: DPO \(g1[k]) vs eDPO \(g2[k]), tol \(tol)"
      }
      return nil
    }
  }

  @Test(arguments: betas)
  func derivedConstantOffset(beta: Double) {
    PropertyRunner.check(
      "edpo.offset.beta=\(beta)", count: 500,
      generator: PROFixtures.population(magnitude: 30)
    ) { x in
      guard let a = try? PopulationDPO(beta: beta).loss(x), let b = try? EDPO(beta: beta).loss(x),
        let s = try? EDPO(beta: beta).score(x), let opt = try? EDPO(beta: beta).optimizerTerm(x)
      else { return "threw" }
      let v = logSoftmax(x.refLogits)
      var c = 0.5 * ln2
      for y in v.indices { c += beta * x.mu[y] * s[y] * v[y] }
      let tol = PROBounds.finiteSet(
        n: x.logits.count, beta: beta, logits: [x.logits, x.refLogits],
        values: [a, b, 2 * opt, c])
      return abs((a - b) - c) <= tol ? nil : "L_DPO − L_eDPO = \(a - b), expected \(c), tol \(tol)"
    }
  }

  @Test func scoreHasZeroMeanAndLiesInHalfInterval() {
    PropertyRunner.check("edpo.score", count: 500, generator: PROFixtures.population()) { x in
      guard let s = try? EDPO(beta: 1).score(x) else { return "threw" }
      let mean = zip(x.mu, s).map { $0 * $1 }.reduce(0, +)
      // n² products and sums of numbers ≤ 1: |error| ≤ 2n²ε.
      let n = Double(s.count)
      if abs(mean) > 2 * n * n * Double.ulpOfOne { return "E_µ[s] = \(mean)" }
      if let bad = s.first(where: {
        $0 < -0.5 - n * Double.ulpOfOne || $0 > 0.5 + n * Double.ulpOfOne
      }) {
        return "s = \(bad) outside [−½, ½]"
      }
      return nil
    }
  }

  @Test func regularizerIsNonNegativeAndZeroAtTheReference() {
    PropertyRunner.check("edpo.regularizer", count: 500, generator: PROFixtures.population()) { x in
      let e = EDPO(beta: 0.7)
      guard let r = try? e.regularizerTerm(x) else { return "threw" }
      if r < 0 { return "regularizer \(r) < 0" }
      var atRef = x
      atRef.logits = x.refLogits.map { $0 + 3.5 }  // π_θ = π_ref (logits shifted)
      guard let r0 = try? e.regularizerTerm(atRef) else { return "threw at reference" }
      // At π = π_ref every gap is a rounding residue ≤ 8εβ(|u|+|v|); K(δ) ≈ δ²/8.
      let tol = PROBounds.finiteSet(
        n: x.logits.count, beta: 0.7, logits: [x.refLogits], values: [1])
      return r0 <= tol * tol + Double.leastNormalMagnitude ? nil : "regularizer at π_ref = \(r0)"
    }
  }

  @Test(arguments: betas)
  func invariantToACommonLogitShift(beta: Double) {
    let pop = PROFixtures.population()
    let shift = EdgeGen.double(in: -1e3...1e3)
    let gen = Generator { rng in
      var box = SeedBox(rng.next())
      return (pop.run(using: &box.rng), shift.run(using: &box.rng))
    }
    PropertyRunner.check("edpo.logit-shift.beta=\(beta)", count: 300, generator: gen) { x, c in
      var y = x
      y.logits = x.logits.map { $0 + c }
      y.refLogits = x.refLogits.map { $0 - c }
      for (name, f) in [
        ("DPO", { try PopulationDPO(beta: beta).loss($0) }),
        ("eDPO", { try EDPO(beta: beta).loss($0) }),
      ] as [(String, (PopulationPreferenceInput) throws -> Double)] {
        guard let a = try? f(x), let b = try? f(y) else { return "threw" }
        let tol = PROBounds.finiteSet(
          n: x.logits.count, beta: beta, logits: [x.logits, x.refLogits, y.logits, y.refLogits],
          values: [a, b])
        if abs(a - b) > tol { return "\(name): \(a) vs shifted \(b), tol \(tol)" }
      }
      return nil
    }
  }
}
