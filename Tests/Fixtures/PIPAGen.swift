// Seeded, edge-biased generators of the PIPA-family inputs (PIPAAnswerInput, PIPATokenInput,
// StepPairInput, StepKTOInput, KTOPIPAInput) for the gradient checks. Log-probabilities come
// from EdgeGen (decades down to `lowest`, edges 0, −1e-300, −1, −30, −800, −1e4, −1e5),
// logits from ±`logit`, labels and step structures uniformly.
import Objectives
import PropertyBased
import TestSupport

public enum PIPAGen {
  /// Initial finite-difference steps: the harness default, except (a) within 4 default steps
  /// of 0, the edge of the log-probability (≤ 0) domain, where the harness would fall back to
  /// a one-sided difference whose error estimate, O(h·|f''|), is too wide to reject the
  /// negative control on curved losses: there h = |x|/4 keeps the central difference inside
  /// the domain, as long as |x|/4 ≥ 1e-5 (below that GSL's rounding estimate ε|f|/h would be
  /// the wider one, so the default one-sided step is kept); (b) at most `cap` (a kink's
  /// distance/20, so that even Ridders' widest probe, 10h, stays on one side of it).
  public static func steps(_ x: [Double], cap: Double = .infinity) -> [Double] {
    x.map { v in
      var h = GradientCheck.defaultStep(v)
      if abs(v) < 4 * h && abs(v) / 4 >= 1e-5 { h = abs(v) / 4 }
      return min(h, cap)
    }
  }

  /// Moves a PIPA-M negative input out of the band |log F − log(1 − ε)| < 1e-4 around the
  /// clip's kink, by lowering logF by 2e-4 (it stays ≤ 0): inside the band every probe must
  /// stay within band/20 of the kink, where GSL's rounding estimate ε|f|/h exceeds the
  /// negative control's perturbation, so the check could not fail there. The kink itself is
  /// tested exactly in PIPAPropertyTests (values and slopes on both sides of it).
  public static func awayFromClip(_ x: PIPAAnswerInput, epsilon: Double) -> PIPAAnswerInput {
    guard x.label == 0 else { return x }
    let gap = PIPAM.logRatio(x) - PIPAM.clipThreshold(epsilon: epsilon)
    guard abs(gap) < 1e-4 else { return x }
    var y = x
    y.logF -= 2e-4
    return y
  }

  public static func int(_ range: ClosedRange<Int>, _ rng: inout any SeededRandomNumberGenerator) -> Int {
    range.lowerBound + Int(rng.next() % UInt64(range.count))
  }

  public static func answer(lowest: Double = -1e5, logit: Double = 1e4, label: Int? = nil)
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

  public static func tokens(count: ClosedRange<Int>, lowest: Double = -1e5, logit: Double = 1e4)
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
  public static func labels(_ n: Int, _ rng: inout any SeededRandomNumberGenerator) -> [Int] {
    switch int(0...3, &rng) {
    case 0: return [Int](repeating: 0, count: n)
    case 1: return [Int](repeating: 1, count: n)
    case 2:
      let k = int(0...n, &rng)
      return (0..<n).map { $0 < k ? 1 : 0 }
    default: return (0..<n).map { _ in int(0...1, &rng) }
    }
  }

  public static func stepPair(count: ClosedRange<Int>, lowest: Double = -1e5)
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
  public static func stepKTO(
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

  public static func ktoPIPA(lowest: Double = -1e5, zMax: Double = 1e4)
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

  public static func pair(lowest: Double = -1e5) -> Generator<PreferencePair, Shrink.None<[Double]>> {
    EdgeGen.array(EdgeGen.logProbability(lowest: lowest), count: 4...4).map { v in
      PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
    }
  }
}
