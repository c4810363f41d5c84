// Every adapter's gradient (Sources/Training/Adapters) against finite differences of its own
// batch loss, for every factory combination: the sequence, per-token and value-logit
// gradients it hands the model are the derivatives of L(θ; θ̄) in θ (the stopped quantities —
// KTO's z₀, the sg(·) sums of the L₁ losses — held at θ̄ = the base scores), and a partial
// shifted by 1e-4·‖g‖∞ is rejected (TrainingGradientHarness's negative control).
//
// Tolerances: TrainingGradientHarness / GradientCheck — GSL's central difference and Ridders'
// extrapolation within 4× their own error estimates plus 64 ulps of float64 rounding of the
// analytic value scaled by the input magnitude (the batch loss is a mean of a few dozen
// rounded operations per item, well inside that bound).
import Numerics
import Testing
import Training

@Suite struct AdapterGradientTests {
  /// The coordinates checked, drawn from the seed: every sequence value when the adapter
  /// is sequence-level, 8 token values when it is token-level, the first value logit of 6
  /// sequences and 4 others when it reads the value head, and 2 of each other block (whose
  /// partials must be 0). Checking every coordinate would cost minutes in debug; the two
  /// random direction of the test covers all coordinates at once.
  static func coordinates(
    _ s: SequenceScores, _ g: AlignmentGradients, _ r: inout RandomStream
  ) -> [Int] {
    let k = s.keys.count
    let tokenCount = s.policyTokens.reduce(0) { $0 + $1.count }
    let valueCount = s.valueLogits.reduce(0) { $0 + $1.count }
    func draw(_ n: Int, below m: Int, from start: Int) -> [Int] {
      (0..<n).map { _ in start + Int(r.uniformInt(below: UInt64(m))) }
    }
    var out = g.sequence.contains { $0 != 0 } ? Array(0..<k) : draw(2, below: k, from: 0)
    out += draw(g.tokens == nil ? 2 : 8, below: tokenCount, from: k)
    if g.valueLogits != nil {
      var firsts: [Int] = []
      var start = k + tokenCount
      for v in s.valueLogits {
        firsts.append(start)
        start += v.count
      }
      out += draw(6, below: firsts.count, from: 0).map { firsts[$0] }
      out += draw(4, below: valueCount, from: k + tokenCount)
    } else {
      out += draw(2, below: valueCount, from: k + tokenCount)
    }
    return Array(Set(out)).sorted()
  }

  @Test(arguments: AdapterFixture.labels)
  func gradientMatchesFiniteDifferences(_ label: String) throws {
    try Self.check(label)
  }

  /// The claims' sweep settings (loss-level ones change the gradient; data-level ones
  /// change which sequences carry it).
  @Test(arguments: AdapterFixture.sweepLabels)
  func sweepGradientMatchesFiniteDifferences(_ label: String) throws {
    try Self.check(label)
  }

  static func check(_ label: String) throws {
    let spec = try AdapterFixture.spec(label)
    let samples = try AdapterFixture.samples()
    let objective = try AlignmentObjectives.make(spec, samples: samples)
    let adapter = try #require(objective as? any SemiGradientObjective)
    // Two of the three prompts (both with correct and incorrect answers): every dataset has
    // items, and each evaluation stays cheap in debug.
    let prompts = [3, 11]
    let keys = adapter.sequences(forBatch: prompts)
    #expect(!keys.isEmpty, "\(label): the fixture gives this dataset no item")
    let base = try AdapterFixture.scores(keys, samples, seed: 1000 + UInt64(label.utf8.count))
    let g = try adapter.evaluate(base, prompts: prompts)
    #expect(g.itemCount > 0 && g.loss.isFinite)
    let tokenShapes = base.policyTokens.map(\.count)
    let valueShapes = base.valueLogits.map(\.count)
    if let t = g.tokens { #expect(t.map(\.count) == tokenShapes) }
    if let v = g.valueLogits { #expect(v.map(\.count) == valueShapes) }
    // Flatten (policy, tokens, value logits) and the matching gradient.
    let point = base.policy + base.policyTokens.flatMap { $0 } + base.valueLogits.flatMap { $0 }
    let analytic =
      g.sequence
      + (g.tokens?.flatMap { $0 } ?? tokenShapes.flatMap { [Double](repeating: 0, count: $0) })
      + (g.valueLogits?.flatMap { $0 } ?? valueShapes.flatMap { [Double](repeating: 0, count: $0) })
    let k = base.keys.count
    let names =
      base.keys.map { "policy[\($0.promptIndex),\($0.response)]" }
      + tokenShapes.enumerated().flatMap { j, n in (0..<n).map { "tokens[\(j)][\($0)]" } }
      + valueShapes.enumerated().flatMap { j, n in (0..<n).map { "valueLogits[\(j)][\($0)]" } }
    func unflatten(_ x: [Double], _ shapes: [Int], from start: Int) -> [[Double]] {
      var i = start
      return shapes.map { n in
        defer { i += n }
        return Array(x[i..<(i + n)])
      }
    }
    let tokenCount = tokenShapes.reduce(0, +)
    let problem = TrainingGradientHarness.Problem(
      names: names, point: point, analytic: analytic,
      f: { x in
        let s = AdapterFixture.replacing(
          base, policy: Array(x[0..<k]), tokens: unflatten(x, tokenShapes, from: k),
          valueLogits: unflatten(x, valueShapes, from: k + tokenCount))
        return (try? adapter.evaluate(s, prompts: prompts, stoppedAt: base).loss) ?? .nan
      })
    var r = RandomStream(seed: 77)
    let idx = coordinates(base, g, &r)
    try TrainingGradientHarness.check(label, problem, indices: idx)
    // A random direction through every coordinate at once.
    let v = TrainingGradientHarness.gaussians(point.count, scale: 1, &r)
    let c = try TrainingGradientHarness.checkDirection(problem, direction: v)
    #expect(c.passed, "\(label): direction: \(c)")
  }
}

@Suite struct AdapterFixtureCoverageTests {
  /// The parameterized tests run over every combination (an empty argument list would pass
  /// vacuously).
  @Test func argumentsCoverEveryCombination() throws {
    let all = try AdapterFixture.combinations()
    #expect(AdapterFixture.labels.count == all.count)
    #expect(Set(AdapterFixture.labels).count == all.count, "labels not unique")
    #expect(all.count >= 44)
    let sweeps = try AdapterFixture.sweepCombinations()
    #expect(AdapterFixture.sweepLabels.count == sweeps.count && sweeps.count == 10)
    #expect(Set(AdapterFixture.labels).isDisjoint(with: AdapterFixture.sweepLabels))
  }
}
