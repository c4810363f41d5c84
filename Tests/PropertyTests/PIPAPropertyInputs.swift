// Seeded, edge-biased generators of the PIPA-family inputs for the property tests (the same
// generators as Tests/GradientChecks/PIPAGradientInputs.swift; test targets cannot share files).
// Log-probabilities from EdgeGen down to `lowest`, logits from ±`logit`, labels and steps uniform.
import Objectives
import PropertyBased
import TestSupport

enum PIPAGen {
  static func int(_ range: ClosedRange<Int>, _ rng: inout any SeededRandomNumberGenerator) -> Int {
    range.lowerBound + Int(rng.next() % UInt64(range.count))
  }

  static func answer(lowest: Double = -1e5, logit: Double = 1e4, label: Int? = nil)
    -> Generator<PIPAAnswerInput, Shrink.None<PIPAAnswerInput>>
  {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let lg = EdgeGen.double(in: -logit...logit)
    return Generator { rng in
      PIPAAnswerInput(
        logF: lp.run(using: &rng), logitG: lg.run(using: &rng), logPrior: lp.run(using: &rng),
        label: label ?? int(0...1, &rng))
    }
  }

  static func tokens(count: ClosedRange<Int>, lowest: Double = -1e5, logit: Double = 1e4)
    -> Generator<PIPATokenInput, Shrink.None<PIPATokenInput>>
  {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let lg = EdgeGen.double(in: -logit...logit)
    return Generator { rng in
      let t = int(count, &rng)
      var x = PIPATokenInput(logF: [], logitG: [], logPrior: [], labels: [])
      for _ in 0..<t {
        x.logF.append(lp.run(using: &rng))
        x.logitG.append(lg.run(using: &rng))
        x.logPrior.append(lp.run(using: &rng))
        x.labels.append(int(0...1, &rng))
      }
      return x
    }
  }

  /// Labels: all 0, all 1, first-wrong-step (1…1 0…0) or i.i.d., each a quarter of the time.
  static func labels(_ n: Int, _ rng: inout any SeededRandomNumberGenerator) -> [Int] {
    switch int(0...3, &rng) {
    case 0: return [Int](repeating: 0, count: n)
    case 1: return [Int](repeating: 1, count: n)
    case 2:
      let k = int(0...n, &rng)
      return (0..<n).map { $0 < k ? 1 : 0 }
    default: return (0..<n).map { _ in int(0...1, &rng) }
    }
  }

  static func stepPair(count: ClosedRange<Int>, lowest: Double = -1e5)
    -> Generator<StepPairInput, Shrink.None<StepPairInput>>
  {
    let lp = EdgeGen.logProbability(lowest: lowest)
    return Generator { rng in
      let a = int(count, &rng)
      let b = int(count, &rng)
      return StepPairInput(
        logProbsChosen: (0..<a).map { _ in lp.run(using: &rng) },
        logProbsRejected: (0..<b).map { _ in lp.run(using: &rng) },
        refLogProbsChosen: (0..<a).map { _ in lp.run(using: &rng) },
        refLogProbsRejected: (0..<b).map { _ in lp.run(using: &rng) },
        labelsRejected: labels(b, &rng))
    }
  }

  /// Step-structured answers: steps of 1–4 tokens, one label per step (constant within it)
  /// unless `tokenLabels`, in which case labels follow `labels(_:_:)` per token.
  static func stepKTO(
    count: ClosedRange<Int>, lowest: Double = -1e5, zMax: Double = 1e4, tokenLabels: Bool = false
  ) -> Generator<StepKTOInput, Shrink.None<StepKTOInput>> {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let zg = EdgeGen.double(in: 0...zMax)
    return Generator { rng in
      let n = int(count, &rng)
      var starts: [Int] = []
      var t = 0
      while t < n {
        starts.append(t)
        t += int(1...4, &rng)
      }
      var lab: [Int]
      if tokenLabels {
        lab = labels(n, &rng)
      } else {
        let stepLab = labels(starts.count, &rng)
        lab = []
        for k in starts.indices {
          let end = k + 1 < starts.count ? starts[k + 1] : n
          lab += [Int](repeating: stepLab[k], count: end - starts[k])
        }
      }
      return StepKTOInput(
        logProbs: (0..<n).map { _ in lp.run(using: &rng) },
        refLogProbs: (0..<n).map { _ in lp.run(using: &rng) }, labels: lab, stepStarts: starts,
        z0: zg.run(using: &rng))
    }
  }

  static func ktoPIPA(lowest: Double = -1e5, zMax: Double = 1e4)
    -> Generator<KTOPIPAInput, Shrink.None<KTOPIPAInput>>
  {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let zg = EdgeGen.double(in: 0...zMax)
    return Generator { rng in
      KTOPIPAInput(
        logF: lp.run(using: &rng), logPrior: lp.run(using: &rng), z: zg.run(using: &rng),
        label: int(0...1, &rng))
    }
  }

  static func pair(lowest: Double = -1e5) -> Generator<PreferencePair, Shrink.None<[Double]>> {
    EdgeGen.array(EdgeGen.logProbability(lowest: lowest), count: 4...4).map { v in
      PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
    }
  }
}
