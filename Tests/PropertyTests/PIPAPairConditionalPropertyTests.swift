import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

// Theorem A.1 (PIPA App. A.1, eqs. 6–9) at loss level: the pair conditional likelihood under
// the prior on the NEGATIVE conditional, p^θ(y|x, c=0) = p^prior, with p^θ(c=1|x) = ½, is DPO
// with β = 1 — checked against the DPO type and against the literal quotient (9). Also pins
// two things the theorem does not say: the equality needs β = 1, and a prior on the MARGINAL
// (PIPA-M's construction, Theorem 2.1, with g = ½) does not give DPO.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct PIPAPairConditionalPropertyTests {
  static let eps = Double.ulpOfOne

  @Test func equalsDPOWithBetaOne() {
    PropertyRunner.check("pipa.thm-a1", count: 2000, generator: PIPAGen.pair()) { x in
      guard let p = try? PIPAPairConditional().loss(x), let d = try? DPO(beta: 1).loss(x) else {
        return "threw"
      }
      // DPO's margin is formed with 3 roundings of magnitude ≤ Σ|x| (the pair conditional's
      // is compensated); softplus has slope ≤ 1: T_id-style bound.
      let s = x.variables.reduce(0) { $0 + abs($1) }
      let tol = 4 * Self.eps * s + 8 * Self.eps * max(p, 1)
      return abs(p - d) <= tol ? nil : "pair conditional \(p) vs DPO \(d), tol \(tol)"
    }
  }

  @Test func equalsTheLiteralQuotient() {
    PropertyRunner.check(
      "pipa.thm-a1.literal", count: 2000, generator: PIPAGen.pair(lowest: -30)
    ) { x in
      guard let p = try? PIPAPairConditional().loss(x) else { return "threw" }
      let q = PIPAPairConditional.literalPosterior(x)
      // exp, 2 products, a sum and a quotient: ≤ 8ε relative in q, i.e. 8ε absolute in −log q.
      let tol = 8 * Self.eps + 8 * Self.eps * p
      return abs(-log(q) - p) <= tol ? nil : "−log(9) = \(-log(q)) vs \(p)"
    }
  }

  @Test func betaOtherThanOneIsNotThePairConditional() throws {
    let x = PreferencePair(
      logProbChosen: -0.375, logProbRejected: -1.25, refLogProbChosen: -0.5,
      refLogProbRejected: -1.0)
    let p = try PIPAPairConditional().loss(x)
    #expect(abs(try DPO(beta: 1).loss(x) - p) < 1e-15)
    #expect(abs(try DPO(beta: 0.1).loss(x) - p) > 0.1)
  }

  @Test func marginalPriorWithHalfClassPriorIsNotDPO() throws {
    // f(y⁺) = 0.5, f(y⁻) = 0.2, p^prior(y⁺) = 0.4, p^prior(y⁻) = 0.3, g = ½ (Theorem 2.1's
    // constraint f·g ≤ p^prior holds). PIPA-M's negative conditional is
    // p(y|c=0) = (p^prior − f·g)/(1 − g) = 2p^prior − f, so the pair posterior is
    // 0.5·0.4/(0.5·0.4 + 0.3·0.2) = 10/13 ≈ 0.769, while DPO's σ(r) = 1.875/2.875 ≈ 0.652.
    let (fp, fm, pp, pm) = (0.5, 0.2, 0.4, 0.3)
    let num = fp * (2 * pm - fm)
    let marginal = num / (num + (2 * pp - fp) * fm)
    let x = PreferencePair(
      logProbChosen: log(fp), logProbRejected: log(fm), refLogProbChosen: log(pp),
      refLogProbRejected: log(pm))
    let dpo = exp(-(try DPO(beta: 1).loss(x)))
    #expect(abs(marginal - 10.0 / 13.0) < 1e-15)
    #expect(abs(dpo - 1.875 / 2.875) < 1e-15)
    #expect(abs(marginal - dpo) > 0.1)
  }
}
