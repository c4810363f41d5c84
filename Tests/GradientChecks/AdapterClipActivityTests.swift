// PIPA-M's clip activity as the adapters report it (claims/pipa.md
// pipa.no-additional-hyperparameters (c); Training's ClipActivity): only the forms that clip F
// (PIPA-M at answer and token level, also with g fixed) report it, and their counts equal a
// direct count over the batch's items with F = exp(log f − log p^prior)·σ(v) formed here in
// float64 from the Data builders' labels. The scores are built so that every event occurs:
// per term log f − log p^prior cycles through 0.3 (F ≈ 1.35: above 1), −1e-10 (F ≥ 1 − 1e-8
// but not above 1), −1e-6 and −0.5 (neither), with value logits 40 (σ = 1 − 4e-18, which
// rounds to 1 and so moves no F across either boundary: the gaps to the boundaries are at
// least 1e-8 − 1e-10 ≫ the 1e-15 rounding of the sums). The counts are integers, compared
// exactly.
import Foundation
import Numerics
import Objectives
import Testing
import Training

@Suite struct AdapterClipActivityTests {
  /// Per-term log f − log p^prior, cycled.
  static let gaps = [0.3, -1e-10, -1e-6, -0.5]

  /// Scores for `keys` with log p^prior_t = −1 and log f_t = −1 + gaps[(key + t) mod 4]
  /// at token level; at answer level the sequence gap is gaps[key mod 4] (its last token
  /// carries it, the others equal the prior).
  static func scores(_ keys: [SequenceKey], _ samples: ScoredSampleSet, tokenLevel: Bool) throws
    -> SequenceScores
  {
    var pt: [[Double]] = []
    var rt: [[Double]] = []
    var lengths: [Int] = []
    for (j, k) in keys.enumerated() {
      let n = try #require(samples.prompt(k.promptIndex)).responses[k.response].tokens.count
      let ref = [Double](repeating: -1, count: n)
      var pol = ref
      if tokenLevel {
        for t in 0..<n { pol[t] += gaps[(j + t) % gaps.count] }
      } else {
        pol[n - 1] += gaps[j % gaps.count]
      }
      pt.append(pol)
      rt.append(ref)
      lengths.append(n)
    }
    return SequenceScores(
      keys: keys, policy: pt.map { $0.reduce(0, +) }, reference: rt.map { $0.reduce(0, +) },
      responseLengths: lengths, policyTokens: pt, referenceTokens: rt,
      valueLogits: lengths.map { [Double](repeating: 40, count: $0) })
  }

  /// Adds one term with F formed directly.
  static func count(_ f: Double, positive: Bool, into c: inout ClipActivity) {
    if positive {
      c.positiveTerms += 1
      if f > 1 { c.positiveAboveOne += 1 }
    } else {
      c.negativeTerms += 1
      if f >= 1 - 1e-8 { c.negativeNearOne += 1 }
    }
  }

  static func sigma(_ v: Double) -> Double { 1 / (1 + exp(-v)) }

  @Test(arguments: AdapterFixture.labels + AdapterFixture.sweepLabels)
  func onlyFormsThatClipReportActivity(_ label: String) throws {
    let spec = try AdapterFixture.spec(label)
    let samples = try AdapterFixture.samples()
    let adapter = try AlignmentObjectives.make(spec, samples: samples)
    let keys = adapter.sequences(forBatch: AdapterFixture.allPrompts)
    let s = try AdapterFixture.scores(keys, samples, seed: 41)
    let g = try adapter.evaluate(s, prompts: AdapterFixture.allPrompts)
    let clips = spec.objective == "PIPAM" || spec.objective == "PIPAMTokenLevel"
    #expect((g.clipActivity != nil) == clips, "\(label)")
    // An empty batch reports nothing, whatever the form.
    let e = try adapter.evaluate(AdapterFixture.scores([], samples, seed: 1), prompts: [])
    #expect(e.clipActivity == nil, "\(label): empty batch")
  }

  @Test(arguments: [
    ("PIPAM", [String: Double]()), ("PIPAMTokenLevel", [:]), ("PIPAMTokenLevel", ["fixedValue": 0.5]),
  ])
  func countsEqualADirectCount(_ objective: String, _ settings: [String: Double]) throws {
    let spec = try AlignmentObjectives.spec(
      objective: objective, paper: "PIPA", hyperparameters: settings)
    let samples = try AdapterFixture.samples()
    let adapter = try AlignmentObjectives.make(spec, samples: samples)
    let prompts = AdapterFixture.allPrompts
    let keys = adapter.sequences(forBatch: prompts)
    let tokenLevel = objective == "PIPAMTokenLevel"
    let s = try Self.scores(keys, samples, tokenLevel: tokenLevel)
    let got = try #require(try adapter.evaluate(s, prompts: prompts).clipActivity)
    // With g fixed the value head is not read: g = the fixed value.
    let g = settings["fixedValue"] ?? Self.sigma(40)
    var want = ClipActivity()
    if tokenLevel {
      for item in StepLevelData.unpaired(samples).items(forBatch: prompts) {
        let j = try #require(keys.firstIndex(of: SequenceKey(promptIndex: item.promptIndex, response: item.response)))
        for (t, c) in item.labels.enumerated() {
          let f = exp(s.policyTokens[j][t] - s.referenceTokens[j][t]) * g
          Self.count(f, positive: c == 1, into: &want)
        }
      }
    } else {
      for item in UnpairedBinary.build(samples).items(forBatch: prompts) {
        let j = try #require(keys.firstIndex(of: SequenceKey(promptIndex: item.promptIndex, response: item.response)))
        Self.count(exp(s.policy[j] - s.reference[j]) * g, positive: item.desirable, into: &want)
      }
    }
    #expect(got == want)
    if settings["fixedValue"] == nil {
      // Both events occur (the comparison above is not vacuous) unless g = ½ halves F.
      #expect(want.negativeNearOne > 0 && want.positiveAboveOne > 0, "\(want)")
      #expect(want.negativeNearOne < want.negativeTerms && want.positiveAboveOne < want.positiveTerms)
    } else {
      #expect(want.negativeNearOne == 0 && want.positiveAboveOne == 0, "g = ½ keeps F < 1")
    }
  }

  @Test func thresholdSitsAtOneMinus1e8() {
    var c = ClipActivity()
    c.add(logRatio: log1p(-1e-8), positive: false)  // F = 1 − 1e-8: counted
    c.add(logRatio: log1p(-1.01e-8), positive: false)  // just below: not counted
    c.add(logRatio: 0, positive: true)  // F = 1: not above 1
    c.add(logRatio: 1e-300, positive: true)  // F > 1
    #expect(c == ClipActivity(negativeTerms: 2, negativeNearOne: 1, positiveTerms: 2, positiveAboveOne: 1))
    #expect(c.negativeNearOneFraction == 0.5 && c.positiveAboveOneFraction == 0.5)
    #expect(ClipActivity().negativeNearOneFraction == nil)
    #expect(ClipActivity.merge(nil, nil) == nil)
    #expect(ClipActivity.merge(c, nil) == c && ClipActivity.merge(nil, c) == c)
    #expect(ClipActivity.merge(c, c)?.negativeTerms == 4)
  }
}
