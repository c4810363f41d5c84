import Numerics
import ObjectiveFixtures
import Objectives
import PropertyBased
import TestSupport
import Testing

// Step-KTO, PIPA's KTO L₁, the App. B KTO form and KTO in eq. (10) form (PIPA App. A.2, B):
// one step reduces Step-KTO to the printed L_KTO — with the opposite sign, as printed; Step-KTO
// is the sum of its per-step terms; L₁ has the value of Algorithm 2's negative loss and masks
// positive steps in its stop-gradient only; Theorem A.2's identity σ(h − z) = p^θ(c=1|x, y)
// with PIPA-N's posterior at logit g = −z. Tolerances are rounding bounds.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct StepKTOPropertyTests {
  static let eps = Double.ulpOfOne

  @Test(arguments: [1.0, 0.1])
  func oneStepIsMinusThePrintedKTO(beta: Double) {
    let gen = PIPAGen.stepKTO(count: 1...16).map { x -> StepKTOInput in
      var y = x
      y.stepStarts = [0]
      y.labels = [Int](repeating: x.labels[0], count: x.labels.count)
      return y
    }
    PropertyRunner.check("stepkto.one-step.beta=\(beta)", count: 1000, generator: gen) { x in
      guard let s = try? StepKTO(beta: beta).loss(x),
        let k = try? KTOAppendixBForm(beta: beta).loss(x)
      else { return "threw" }
      // Same argument, same σ: exactly L_Step-KTO(K = 1) = −L_KTO as printed (finding).
      return s == -k ? nil : "Step-KTO(K=1) \(s) vs −L_KTO \(-k)"
    }
  }

  @Test func stepKTOIsTheSumOfItsStepTerms() {
    PropertyRunner.check(
      "stepkto.sum-of-steps", count: 1000, generator: PIPAGen.stepKTO(count: 1...24)
    ) { x in
      guard let total = try? StepKTO().loss(x) else { return "threw" }
      var sum = 0.0
      for k in x.stepStarts.indices {
        let r = x.stepRange(k)
        let step = StepKTOInput(
          logProbs: Array(x.logProbs[r]), refLogProbs: Array(x.refLogProbs[r]),
          labels: Array(x.labels[r]), z0: x.z0)
        guard let l = try? StepKTO().loss(step) else { return "threw on step \(k)" }
        sum += l
      }
      // K terms in [−1, 0] summed in the same order: identical arithmetic.
      let tol = 2 * Double(x.stepStarts.count) * Self.eps
      return abs(total - sum) <= tol ? nil : "Step-KTO \(total) vs Σ steps \(sum)"
    }
  }

  @Test(arguments: [1.0, 0.1])
  func l1ValueIsAlgorithm2NegativeLossAndMasksOnlyTheGradient(beta: Double) {
    let gen = PIPAGen.stepKTO(count: 1...16, lowest: -50, zMax: 20, tokenLabels: true)
    PropertyRunner.check("stepkto.l1.beta=\(beta)", count: 1000, generator: gen) { x in
      let o = StepKTOL1(beta: beta)
      let seq = KTOPIPAInput(
        logF: x.logProbs.reduce(0, +), logPrior: x.refLogProbs.reduce(0, +), z: x.z0,
        label: StepKTOL1.isPositive(x) ? 1 : 0)
      guard let l = try? o.loss(x), let a2 = try? KTOPIPAForm(beta: beta).loss(seq),
        let semi = try? o.gradient(x), let full = try? o.fullGradient(x),
        let frozen = try? o.loss(x, stoppedAt: x)
      else { return "threw" }
      // Sequence sums computed naively in `seq`: ≤ 2ε·Σ|inputs| in the argument, σ' ≤ ¼·β.
      let mag = x.variables.reduce(0) { $0 + abs($1) }
      if abs(l - a2) > beta * Self.eps * mag + 4 * Self.eps {
        return "L1 \(l) vs Algorithm 2 \(a2)"
      }
      if frozen != l { return "L1(θ; θ) \(frozen) ≠ L1 \(l)" }
      let n = x.logProbs.count
      let negative = !StepKTOL1.isPositive(x)
      for t in 0..<n {
        let stopped = negative && x.labels[t] == 1
        if stopped && (semi[t] != 0 || semi[n + t] != 0) { return "stopped token \(t) moves" }
        if !stopped && (semi[t] != full[t] || semi[n + t] != full[n + t]) {
          return "unstopped token \(t) differs"
        }
        if stopped && full[t] != full[0] { return "full gradient is not uniform" }
      }
      if semi[2 * n] != full[2 * n] { return "z0 is not stopped but its gradients differ" }
      return nil
    }
  }

  @Test func ktoIsPIPANPosteriorWithClassPriorFromZ() {
    // Theorem A.2 / pipa.kto.pipan-special-case: σ(h − z) = τ(f·g/(p^prior(1 − g))) with
    // g = 1/(1 + e^z), i.e. logit g = −z; so −(KTO loss) = p^θ(c|x, y) = exp(−PIPA-N loss).
    PropertyRunner.check(
      "kto.thm-a2", count: 2000, generator: PIPAGen.ktoPIPA(lowest: -50, zMax: 20)
    ) { x in
      let p = PIPAAnswerInput(logF: x.logF, logitG: -x.z, logPrior: x.logPrior, label: x.label)
      guard let k = try? KTOPIPAForm().loss(x), let n = try? PIPAN().loss(p) else {
        return "threw"
      }
      let post = exp(-n)
      // Both are σ of the same compensated sum; exp(−softplus(u)) adds ≤ 2ε·|n| relative.
      let tol = 8 * Self.eps * (1 + n) * post + 8 * Self.eps
      if abs(-k - post) > tol { return "−KTO \(-k) vs posterior \(post), tol \(tol)" }
      if k > 0 || k < -1 { return "KTO loss \(k) outside [−1, 0]" }
      return nil
    }
  }

  @Test func ktoWithTemperatureIsNotThePosterior() throws {
    // β ≠ 1 (§3.1 trains with β = 0.1) breaks Theorem A.2's identity on a generic input.
    let x = KTOPIPAInput(logF: -0.375, logPrior: -1.25, z: 0.5, label: 1)
    let p = PIPAAnswerInput(logF: -0.375, logitG: -0.5, logPrior: -1.25, label: 1)
    let post = exp(-(try PIPAN().loss(p)))
    #expect(abs(-(try KTOPIPAForm(beta: 1).loss(x)) - post) < 1e-15)
    #expect(abs(-(try KTOPIPAForm(beta: 0.1).loss(x)) - post) > 0.05)
  }

  @Test func badInputsThrowNamingTheField() {
    func field(_ body: () throws -> Void) -> String? {
      do { try body() } catch let e as ObjectiveError { return e.field } catch { return "other" }
      return nil
    }
    let x = StepKTOInput(
      logProbs: [-1, -2, -3], refLogProbs: [-1, -1, -1], labels: [1, 1, 0], stepStarts: [0, 2],
      z0: 0.5)
    var y = x
    y.stepStarts = [1]
    #expect(field { _ = try StepKTO().loss(y) } == "stepStarts[0]")
    y.stepStarts = [0, 2, 2]
    #expect(field { _ = try StepKTO().loss(y) } == "stepStarts[2]")
    y.stepStarts = [0, 3]
    #expect(field { _ = try StepKTO().loss(y) } == "stepStarts[1]")
    y = x
    y.stepStarts = [0]
    #expect(field { _ = try StepKTO().loss(y) } == "labels[2]")
    y = x
    y.z0 = -1
    #expect(field { _ = try StepKTOL1().loss(y) } == "z0")
    #expect(field { _ = try KTOAppendixBForm(beta: 0).loss(x) } == "beta")
    #expect(
      field { _ = try KTOPIPAForm().loss(KTOPIPAInput(logF: -1, logPrior: -1, z: -0.5, label: 0)) }
        == "z")
    #expect(
      field { _ = try KTOPIPAForm().loss(KTOPIPAInput(logF: -1, logPrior: 1, z: 0.5, label: 0)) }
        == "logPrior")
    #expect(
      field {
        _ = try StepKTOL1().loss(
          x,
          stoppedAt: StepKTOInput(
            logProbs: [-1, -2, -3], refLogProbs: [-1, -1, -1], labels: [1, 0, 0], z0: 0.5))
      } == "frozen")
  }
}
