// Seeded, edge-biased generators of the PRO-family inputs (finite response sets and App. D
// samples), shared by the PRO gradient checks and property tests through the
// ObjectiveFixtures target (TestSupport cannot see Objectives).
import Numerics
import Objectives
import PropertyBased
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum PROFixtures {
  /// A uniform integer in `range`.
  public static func int(_ range: ClosedRange<Int>, _ box: inout SeedBox) -> Int {
    range.lowerBound + Int(box.rng.next() % UInt64(range.count))
  }

  /// A uniform double in [0, 1).
  public static func unit(_ box: inout SeedBox) -> Double { Double(box.rng.next() >> 11) * 0x1.0p-53 }

  /// Logits: edge-biased over ±`magnitude` (0 and repeated values give ties).
  public static func logits(_ n: Int, magnitude: Double, _ box: inout SeedBox) -> [Double] {
    let g = EdgeGen.double(in: -magnitude...magnitude)
    var out = (0..<n).map { _ in g.run(using: &box.rng) }
    if n > 1 && box.rng.next() % 8 == 0 { out[1] = out[0] }  // an exact tie
    return out
  }

  /// A distribution on `support` (others 0): weights from {tiny, uniform, 1}, normalised.
  public static func distribution(_ n: Int, support: [Int], _ box: inout SeedBox) -> [Double] {
    var w = [Double](repeating: 0, count: n)
    for i in support {
      switch box.rng.next() % 6 {
      case 0: w[i] = 1e-8
      case 1: w[i] = 1
      default: w[i] = 0.05 + unit(&box)
      }
    }
    let s = w.reduce(0, +)
    return w.map { $0 / s }
  }

  /// A complementary preference matrix: each pair 0, 1, ½ or uniform; diagonal ½.
  public static func preference(_ n: Int, _ box: inout SeedBox) -> [[Double]] {
    var p = [[Double]](repeating: [Double](repeating: 0.5, count: n), count: n)
    for i in 0..<n {
      for j in (i + 1)..<max(n, i + 1) where j > i {
        let v: Double
        switch box.rng.next() % 4 {
        case 0: v = 0
        case 1: v = 1
        case 2: v = 0.5
        default: v = unit(&box)
        }
        p[i][j] = v
        p[j][i] = 1 - v
      }
    }
    return p
  }

  /// A random subset of 0..<n of size k, in random order.
  public static func subset(_ n: Int, _ k: Int, _ box: inout SeedBox) -> [Int] {
    var idx = Array(0..<n)
    for i in stride(from: n - 1, to: 0, by: -1) {
      idx.swapAt(i, Int(box.rng.next() % UInt64(i + 1)))
    }
    return Array(idx.prefix(k))
  }

  public static func population(magnitude: Double = 1e4) -> Generator<
    PopulationPreferenceInput, Shrink.None<PopulationPreferenceInput>
  > {
    Generator { rng in
      var box = SeedBox(rng.next())
      let n = int(2...6, &box)
      let support = box.rng.next() % 3 == 0 ? subset(n, int(1...n, &box), &box) : Array(0..<n)
      return PopulationPreferenceInput(
        logits: logits(n, magnitude: magnitude, &box),
        refLogits: logits(n, magnitude: magnitude, &box),
        mu: distribution(n, support: support, &box), preference: preference(n, &box))
    }
  }

  public static func sampleEDPO(magnitude: Double = 1e4) -> Generator<
    SampleEDPOInput, Shrink.None<SampleEDPOInput>
  > {
    Generator { rng in
      var box = SeedBox(rng.next())
      let n = int(2...6, &box)
      let labeled = subset(n, int(1...n, &box), &box)
      let muSupport = box.rng.next() % 4 == 0 ? labeled : Array(0..<n)
      let sg = EdgeGen.double(in: -0.5...0.5)
      return SampleEDPOInput(
        logits: logits(n, magnitude: magnitude, &box),
        refLogits: logits(n, magnitude: magnitude, &box),
        mu: distribution(n, support: muSupport, &box),
        muHat: distribution(n, support: labeled, &box),
        scores: (0..<n).map { _ in sg.run(using: &box.rng) })
    }
  }

  public static func pro(magnitude: Double = 1e4) -> Generator<PROInput, Shrink.None<PROInput>> {
    Generator { rng in
      var box = SeedBox(rng.next())
      let n = int(2...7, &box)
      let order = subset(n, n, &box)
      let k = int(1...(n - 1), &box)
      let labeled = Array(order.prefix(k))
      let unlabeled = Array(order.dropFirst(k))
      let hyper = Array(unlabeled.prefix(int(1...unlabeled.count, &box)))
      let sg = EdgeGen.double(in: -0.5...0.5)
      return PROInput(
        logits: logits(n, magnitude: magnitude, &box),
        refLogits: logits(n, magnitude: magnitude, &box),
        mu: distribution(n, support: Array(0..<n), &box),
        muHat: distribution(n, support: labeled, &box),
        scores: (0..<n).map { _ in sg.run(using: &box.rng) }, hyperResponse: hyper)
    }
  }

  public static func prop(magnitude: Double = 1e4) -> Generator<PROPInput, Shrink.None<PROPInput>> {
    Generator { rng in
      var box = SeedBox(rng.next())
      let n = int(3...7, &box)
      let order = subset(n, n, &box)
      let k = int(2...(n - 1), &box)
      let labeled = Array(order.prefix(k))
      let unlabeled = Array(order.dropFirst(k))
      let hyper = Array(unlabeled.prefix(int(1...unlabeled.count, &box)))
      return PROPInput(
        logits: logits(n, magnitude: magnitude, &box),
        refLogits: logits(n, magnitude: magnitude, &box),
        muHat: distribution(n, support: labeled, &box), preference: preference(n, &box),
        rho: distribution(n, support: unlabeled, &box), hyperResponse: hyper)
    }
  }

  public static func pair(lowest: Double = -1e5) -> Generator<PreferencePair, Shrink.None<PreferencePair>>
  {
    let lp = EdgeGen.logProbability(lowest: lowest)
    return Generator { rng in
      var box = SeedBox(rng.next())
      let v = (0..<4).map { _ in lp.run(using: &box.rng) }
      return PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
    }
  }

  /// Pairs inside the exact-H domain with room to spare: the labeled mass π(y_w) + π(y_l)
  /// (and likewise for π_ref) at most 0.999, so that log(1 − mass) — which amplifies the
  /// rounding of the log-probabilities by 1/(1 − mass) — stays conditioned well enough for
  /// a finite difference to resolve a 1e-4 relative error. An infeasible draw has both
  /// log-probabilities capped at −0.7 (mass ≤ 2e^{−0.7} ≈ 0.993).
  public static func exactPair(lowest: Double = -1e5) -> Generator<
    PreferencePair, Shrink.None<PreferencePair>
  > {
    let lp = EdgeGen.logProbability(lowest: lowest)
    return Generator { rng in
      var box = SeedBox(rng.next())
      var v = (0..<4).map { _ in lp.run(using: &box.rng) }
      for k in [0, 2] where logSumExp(v[k], v[k + 1]) > log(0.999) {
        v[k] = min(v[k], -0.7)
        v[k + 1] = min(v[k + 1], -0.7)
      }
      return PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3])
    }
  }

  public static func binary(lowest: Double = -1e5) -> Generator<
    PROBinarySample, Shrink.None<PROBinarySample>
  > {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let s = EdgeGen.double(in: -0.5...0.5, edgeRate: 0.5, edges: [-0.5, 0.5])
    return Generator { rng in
      var box = SeedBox(rng.next())
      return PROBinarySample(
        logProb: lp.run(using: &box.rng), refLogProb: lp.run(using: &box.rng),
        label: s.run(using: &box.rng))
    }
  }

  public static func scalar(lowest: Double = -1e5) -> Generator<
    PROScalarSample, Shrink.None<PROScalarSample>
  > {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let s = EdgeGen.double(in: -1...1)
    return Generator { rng in
      var box = SeedBox(rng.next())
      let n = int(1...5, &box)
      return PROScalarSample(
        logProbs: (0..<n).map { _ in lp.run(using: &box.rng) },
        refLogProbs: (0..<n).map { _ in lp.run(using: &box.rng) },
        scores: (0..<n).map { _ in s.run(using: &box.rng) })
    }
  }
  /// Scalar samples inside the exact-H domain (see ``exactPair(lowest:)``).
  public static func exactScalar(lowest: Double = -1e5) -> Generator<
    PROScalarSample, Shrink.None<PROScalarSample>
  > {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let s = EdgeGen.double(in: -1...1)
    return Generator { rng in
      var box = SeedBox(rng.next())
      let n = int(1...5, &box)
      // As exactPair: labeled mass at most 0.999, else each log-probability capped at
      // log(0.99/n).
      func feasible(_ v: [Double]) -> [Double] {
        logSumExp(v) > log(0.999) ? v.map { min($0, log(0.99 / Double(n))) } : v
      }
      return PROScalarSample(
        logProbs: feasible((0..<n).map { _ in lp.run(using: &box.rng) }),
        refLogProbs: feasible((0..<n).map { _ in lp.run(using: &box.rng) }),
        scores: (0..<n).map { _ in s.run(using: &box.rng) })
    }
  }

  public static func kto(lowest: Double = -1e5) -> Generator<KTOPROInput, Shrink.None<KTOPROInput>> {
    let lp = EdgeGen.logProbability(lowest: lowest)
    return Generator { rng in
      var box = SeedBox(rng.next())
      return KTOPROInput(
        logProb: lp.run(using: &box.rng), refLogProb: lp.run(using: &box.rng),
        desired: box.rng.next() & 1 == 0)
    }
  }

  /// Steps for log-probabilities entering log(1 − Σe^{a}) (exact hyper reward): that term
  /// varies on the scale |s|, s = logSumExp(a), as s → 0⁻, so the step is 1e-3·|s| when
  /// |s| < 1 (the harness default 1e-3 would leave the domain or straddle the steep region);
  /// otherwise the harness default. `extra` trailing variables get the default.
  public static func hyperSteps(policy: [Double], ref: [Double], extra: [Double]) -> [Double] {
    func steps(_ xs: [Double]) -> [Double] {
      var m = -Double.infinity
      for x in xs { m = max(m, x) }
      var s = 0.0
      for x in xs { s += exp(x - m) }
      let lse = m + log(s)
      // Responses far below the dominant one barely move log(1 − Σe^{a}); their step may be
      // as large as the harness default at their magnitude (1e-7·|x|, so x ± h resolves).
      if abs(lse) < 1 { return xs.map { max(1e-3 * abs(lse), 1e-7 * abs($0), 1e-305) } }
      return xs.map { GradientCheck.defaultStep($0) }
    }
    return steps(policy) + steps(ref) + extra.map { GradientCheck.defaultStep($0) }
  }
}
