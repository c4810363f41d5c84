import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

// PIPA-M and PIPA-N (PIPA Algorithm 1, §2.4, §2.6) invariants over seeded, edge-biased
// inputs: the §2.6 clip at its boundary, signs of the losses, the token-level factorisation
// (T = 1 equals answer level; the loss is the sum of per-token answer-level terms) and the
// literal τ of §2.4 against the stable form. Every tolerance is a rounding bound, stated.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct PIPAPropertyTests {
  static let eps = Double.ulpOfOne

  // MARK: the §2.6 clip

  @Test func clipBoundaryValuesAndSlopes() throws {
    let m = PIPAM()
    let thr = PIPAM.clipThreshold(epsilon: 1e-10)
    let b = PIPAM.clippedValue(epsilon: 1e-10)
    // B = −log1p(−fl(1 − 1e-10)); mpmath: -log(1 - mpf(1 - 1e-10)) = 23.025850847200089264
    // (it differs from −log(1e-10) = 23.025850929940456840 by the rounding of fl(1 − ε)).
    #expect(abs(b - 23.025850847200089264) <= 4 * Self.eps * b)
    // At and above the threshold: exactly B with zero gradient; F = 1 and F > 1 included.
    #expect(PIPAM.clippedNegativeTerm(logRatio: thr, epsilon: 1e-10) == b)
    #expect(PIPAM.clippedNegativeSlope(logRatio: thr, epsilon: 1e-10) == 0)
    // Through the objective: logPrior = −0.5 − l is rounded (≤ 2^-54), so l stays ≥ thr/2.
    for l in [thr / 2, 0, 1e-300, 0.5, 30] {
      let x = PIPAAnswerInput(logF: -0.5, logitG: 1e4, logPrior: -0.5 - l, label: 0)
      if x.logPrior > 0 { continue }
      #expect(try m.loss(x) == b, "log F = \(l)")
      #expect(try m.gradient(x) == [0, 0, 0], "log F = \(l)")
    }
    // Just below: the unclipped −log(1 − F), finite, below B, slope F/(1 − F) ≈ 1/|log F|.
    let below = thr * (1 + 1e-6)
    let v = PIPAM.clippedNegativeTerm(logRatio: below, epsilon: 1e-10)
    #expect(v.isFinite && v < b && v == -log1mExp(below))
    let s = PIPAM.clippedNegativeSlope(logRatio: below, epsilon: 1e-10)
    // 1/expm1(−l) vs 1/|l|: relative difference |l|/2 ≈ 5e-11, plus rounding.
    #expect(abs(s * abs(below) - 1) <= 1e-10)
  }

  @Test func clippedTermFromRatioIsBoundedAndExactBelowTheClip() {
    let gen = EdgeGen.double(in: 0...1e6, edges: [1 - 1e-10, 1, 1 - 1e-8, 1 + 1e-8])
    PropertyRunner.check("pipam.clip.ratio", count: 2000, generator: gen) { f in
      let b = PIPAM.clippedValue(epsilon: 1e-10)
      let t = PIPAM.clippedNegativeTerm(ratio: f, epsilon: 1e-10)
      if !t.isFinite { return "term not finite at F = \(f)" }
      if t > b { return "term \(t) > B = \(b) at F = \(f)" }
      if f <= 1 - 1e-10 && t != -log1p(-f) { return "term \(t) ≠ −log1p(−F) at F = \(f)" }
      if f > 0 {
        // The log-space form: log F rounds by ε/2 relative, moving −log(1 − F) by
        // ≤ (ε/2)·F/(1 − F) absolute; ≤ 1 − ε the slope is ≤ 1e10, and beyond, both are B
        // except within one rounding of the threshold, where they straddle it: allow the
        // jump |B + log1mExp(thr)| there.
        let lt = PIPAM.clippedNegativeTerm(logRatio: log(f), epsilon: 1e-10)
        let slope = f < 1 - 1e-10 ? f / (1 - f) : 1e10
        let tol = 4 * Self.eps * (1 + slope) + 4 * Self.eps * b
        if abs(lt - t) > tol && abs(lt - t) > 1e-5 {
          return "log form \(lt) vs ratio form \(t) at F = \(f), tol \(tol)"
        }
      }
      return nil
    }
  }

  // MARK: signs

  @Test func negativeTermsAndPIPANAreNonNegative() {
    PropertyRunner.check("pipa.loss-nonnegative", count: 2000, generator: PIPAGen.answer()) { x in
      guard let n = try? PIPAN().loss(x), let m = try? PIPAM().loss(x) else { return "threw" }
      if n < 0 { return "PIPA-N loss \(n) < 0" }  // −log of a probability in (0, 1]
      if x.label == 0 && m < 0 { return "PIPA-M negative-term \(m) < 0" }
      // Positive tokens: −log F ≥ 0 only when F ≤ 1, i.e. when Theorem 2.1's constraint
      // f·g ≤ p^prior holds; Algorithm 1 does not clip F on positives (see the reference
      // table for a case with F > 1 and a negative loss).
      if x.label == 1 && PIPAM.logRatio(x) <= 0 && m < 0 { return "PIPA-M −log F = \(m) < 0" }
      return nil
    }
  }

  @Test func pipamPositiveLossIsNegativeWhenFExceedsOne() throws {
    // f·g/p^prior = e^{−0.375 + logσ(0.5) + 1.25} ≈ 1.493 > 1: −log F ≈ −0.4009 < 0.
    let x = PIPAAnswerInput(logF: -0.375, logitG: 0.5, logPrior: -1.25, label: 1)
    #expect(try PIPAM().loss(x) < 0)
  }

  // MARK: token level = product over tokens

  @Test func singleTokenEqualsAnswerLevel() {
    PropertyRunner.check("pipa.token.single", count: 1000, generator: PIPAGen.answer()) { x in
      let t = PIPATokenInput(
        logF: [x.logF], logitG: [x.logitG], logPrior: [x.logPrior], labels: [x.label])
      guard let am = try? PIPAM().loss(x), let tm = try? PIPAMTokenLevel().loss(t),
        let an = try? PIPAN().loss(x), let tn = try? PIPANTokenLevel().loss(t),
        let gam = try? PIPAM().gradient(x), let gtm = try? PIPAMTokenLevel().gradient(t),
        let gan = try? PIPAN().gradient(x), let gtn = try? PIPANTokenLevel().gradient(t)
      else { return "threw" }
      // Same arithmetic on the same numbers: equal to the bit.
      if am != tm || an != tn { return "loss: PIPA-M \(am) vs \(tm), PIPA-N \(an) vs \(tn)" }
      if gam != gtm || gan != gtn { return "gradient differs" }
      return nil
    }
  }

  @Test func tokenLossIsTheSumOfPerTokenTermsAndPermutationInvariant() {
    let gen = PIPAGen.tokens(count: 1...32, lowest: -1e3, logit: 1e3)
    PropertyRunner.check("pipa.token.factorisation", count: 500, generator: gen) { x in
      for isM in [true, false] {
        let per = x.labels.indices.map { t -> Double in
          (isM ? try? PIPAM().loss(x.token(t)) : try? PIPAN().loss(x.token(t))) ?? .nan
        }
        var rev = x
        rev.logF.reverse()
        rev.logitG.reverse()
        rev.logPrior.reverse()
        rev.labels.reverse()
        guard
          let l = isM ? try? PIPAMTokenLevel().loss(x) : try? PIPANTokenLevel().loss(x),
          let r = isM ? try? PIPAMTokenLevel().loss(rev) : try? PIPANTokenLevel().loss(rev)
        else { return "threw" }
        // Sums of the same T terms in two orders: |Δ| ≤ 2(T − 1)·ε·Σ|terms|.
        let mag = per.reduce(0) { $0 + abs($1) }
        let tol = 2 * Double(x.count) * Self.eps * mag
        if abs(l - per.reduce(0, +)) > tol || abs(l - r) > tol {
          return "\(isM ? "M" : "N"): loss \(l), Σ terms \(per.reduce(0, +)), reversed \(r)"
        }
      }
      return nil
    }
  }

  // MARK: PIPA-N's τ (§2.4) evaluated literally

  @Test func literalTauMatchesStableForm() {
    PropertyRunner.check(
      "pipan.tau-literal", count: 2000, generator: PIPAGen.answer(lowest: -20, logit: 30)
    ) { x in
      let u = PIPAN.posteriorLogit(x)
      guard abs(u) <= 30, let l = try? PIPAN().loss(x) else { return nil }
      // x = f·g/(p^prior(1 − g)) formed literally from probabilities.
      let g = sigmoid(x.logitG)
      let q = exp(x.logF) * g / (exp(x.logPrior) * (1 - g))
      let p1 = PIPAN.tau(q)
      let lit = x.label == 1 ? -log(p1) : -log(1 - p1)
      // Literal: 1 − g loses ε/(1 − g) relative (g = σ(w) rounded), exp/product/quotient a
      // few ε; log(1 − τ) is conditioned by 1 + q. Bound: 16ε(1 + q + 1/(1 − g)) + 16ε|l|.
      let tol = 16 * Self.eps * (1 + q + 1 / max(1 - g, 1e-300)) + 16 * Self.eps * abs(l)
      return abs(lit - l) <= tol ? nil : "literal \(lit) vs stable \(l), tol \(tol), input \(x)"
    }
  }

  // MARK: bad input

  @Test func badInputsThrowNamingTheField() {
    func field(_ body: () throws -> Void) -> String? {
      do { try body() } catch let e as ObjectiveError { return e.field } catch { return "other" }
      return nil
    }
    let ok = PIPAAnswerInput(logF: -1, logitG: 0, logPrior: -1, label: 1)
    #expect(
      field { _ = try PIPAM().loss(PIPAAnswerInput(logF: 0.3, logitG: 0, logPrior: -1, label: 1)) }
        == "logF")
    #expect(
      field {
        _ = try PIPAN().loss(PIPAAnswerInput(logF: -1, logitG: .nan, logPrior: -1, label: 1))
      } == "logitG")
    #expect(
      field {
        _ = try PIPAN().gradient(PIPAAnswerInput(logF: -1, logitG: 0, logPrior: 2, label: 1))
      } == "logPrior")
    #expect(
      field { _ = try PIPAM().loss(PIPAAnswerInput(logF: -1, logitG: 0, logPrior: -1, label: 2)) }
        == "label")
    #expect(field { _ = try PIPAM(epsilon: 0).loss(ok) } == "epsilon")
    #expect(field { _ = try PIPAM(epsilon: 1).gradient(ok) } == "epsilon")
    let t = PIPATokenInput(logF: [-1, -1], logitG: [0], logPrior: [-1, -1], labels: [1, 0])
    #expect(field { _ = try PIPAMTokenLevel().loss(t) } == "logitG")
    #expect(
      field {
        _ = try PIPANTokenLevel().loss(
          PIPATokenInput(logF: [], logitG: [], logPrior: [], labels: []))
      } == "labels")
    #expect(
      field {
        _ = try PIPANTokenLevel().loss(
          PIPATokenInput(logF: [-1], logitG: [0], logPrior: [-1], labels: [-1]))
      } == "labels[0]")
  }
}
