// Extreme valid inputs for every PIPA-family objective (log-probabilities down to −1e5,
// logits and margins to ±1e4, z up to 1e4, 10⁴ tokens): finite value and gradient.
import Objectives
import Testing

@Suite struct PIPAStabilityTests {
  static let extremes: [Double] = [0, -1e-300, -1e-8, -1, -800, -1e4, -1e5]
  static let logits: [Double] = [-1e4, -800, -30, 0, 30, 800, 1e4]

  static func finite(_ v: Double, _ g: [Double]) -> Bool {
    v.isFinite && g.allSatisfy { $0.isFinite }
  }

  @Test func answerLevel() throws {
    for a in Self.extremes {
      for b in Self.extremes {
        for w in Self.logits {
          for c in [0, 1] {
            let x = PIPAAnswerInput(logF: a, logitG: w, logPrior: b, label: c)
            #expect(Self.finite(try PIPAM().loss(x), try PIPAM().gradient(x)), "\(x)")
            #expect(Self.finite(try PIPAN().loss(x), try PIPAN().gradient(x)), "\(x)")
            let k = KTOPIPAInput(logF: a, logPrior: b, z: abs(w), label: c)
            #expect(Self.finite(try KTOPIPAForm().loss(k), try KTOPIPAForm().gradient(k)))
          }
          let p = PreferencePair(
            logProbChosen: a, logProbRejected: b, refLogProbChosen: b, refLogProbRejected: a)
          #expect(
            Self.finite(try PIPAPairConditional().loss(p), try PIPAPairConditional().gradient(p)))
        }
      }
    }
  }

  @Test func longSequences() throws {
    let n = 10_000
    let lp = (0..<n).map { Self.extremes[$0 % Self.extremes.count] }
    let rp = (0..<n).map { Self.extremes[($0 * 3 + 1) % Self.extremes.count] }
    let lab = (0..<n).map { $0 < n / 2 ? 1 : 0 }
    let t = PIPATokenInput(
      logF: lp, logitG: (0..<n).map { Self.logits[$0 % Self.logits.count] }, logPrior: rp,
      labels: lab)
    #expect(Self.finite(try PIPAMTokenLevel().loss(t), try PIPAMTokenLevel().gradient(t)))
    #expect(Self.finite(try PIPANTokenLevel().loss(t), try PIPANTokenLevel().gradient(t)))
    let pair = StepPairInput(
      logProbsChosen: lp, logProbsRejected: rp, refLogProbsChosen: rp, refLogProbsRejected: lp,
      labelsRejected: lab)
    for beta in [0.1, 1, 10] {
      #expect(
        Self.finite(try StepDPOL0(beta: beta).loss(pair), try StepDPOL0(beta: beta).gradient(pair)))
      let l1 = StepDPOL1(beta: beta)
      #expect(Self.finite(try l1.loss(pair), try l1.gradient(pair)))
      #expect(try l1.fullGradient(pair).allSatisfy { $0.isFinite })
    }
    let starts = Array(stride(from: 0, to: n, by: 100))
    let stepLab = (0..<n).map { ($0 / 100) % 2 }
    for z in [0.0, 1e4] {
      let k = StepKTOInput(
        logProbs: lp, refLogProbs: rp, labels: stepLab, stepStarts: starts, z0: z)
      #expect(Self.finite(try StepKTO().loss(k), try StepKTO().gradient(k)))
      #expect(Self.finite(try KTOAppendixBForm().loss(k), try KTOAppendixBForm().gradient(k)))
      #expect(Self.finite(try StepKTOL1().loss(k), try StepKTOL1().gradient(k)))
      #expect(try StepKTOL1().fullGradient(k).allSatisfy { $0.isFinite })
    }
  }
}
