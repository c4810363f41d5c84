// RandomStream and its distributions: reproducibility bit for bit, distinct streams,
// known answers against the reference C generators, scheduling-independent parallel fills,
// and goodness-of-fit tests of the distributions.
//
// Every statistical test below uses a fixed seed (TestSeed, overridable with
// ALIGNCHECK_SEED) and a stated false-alarm rate α: with a correct sampler and a seed chosen
// at random it would fail with probability ≤ α. The thresholds are critical values of the
// test statistic's null distribution (scipy.stats, pasted with provenance). Nothing is timed.
import Numerics
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Φ(x) = erfc(−x/√2)/2, the standard normal CDF (libm's erfc is accurate to a few ulps).
private func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// Kolmogorov–Smirnov statistic D = sup |F_n − F| of `sample` against the CDF `cdf`.
private func ksStatistic(_ sample: [Double], _ cdf: (Double) -> Double) -> Double {
  let sorted = sample.sorted()
  let n = Double(sorted.count)
  var d = 0.0
  for (i, x) in sorted.enumerated() {
    let f = cdf(x)
    d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
  }
  return d
}

/// The asymptotic KS critical value at level α: √(−ln(α/2)/2)/√n (Kolmogorov's limit law;
/// for n ≥ 10³ the finite-n correction is below 1% of the value).
private func ksCritical(alpha: Double, n: Int) -> Double {
  (-log(alpha / 2) / 2).squareRoot() / Double(n).squareRoot()
}

/// Pearson's χ² = Σ (Oᵢ − Eᵢ)²/Eᵢ.
private func chiSquare(observed: [Int], expected: [Double]) -> Double {
  zip(observed, expected).reduce(0) { acc, oe in
    let d = Double(oe.0) - oe.1
    return acc + d * d / oe.1
  }
}

@Suite struct RandomStreamTests {
  // MARK: Reproducibility and independence

  @Test func sameSeedAndStreamGiveIdenticalSequences() {
    var a = RandomStream(seed: 42, stream: 3)
    var b = RandomStream(seed: 42, stream: 3)
    for _ in 0..<1000 { #expect(a.next() == b.next()) }
    for _ in 0..<1000 { #expect(a.gaussian().bitPattern == b.gaussian().bitPattern) }
    for _ in 0..<100 { #expect(a.uniform().bitPattern == b.uniform().bitPattern) }
    #expect(a.dirichlet([0.3, 1, 4]) == b.dirichlet([0.3, 1, 4]))
    #expect(a.permutation(10) == b.permutation(10))
  }

  @Test func differentSeedsOrStreamsGiveDifferentSequences() {
    let pairs: [(UInt64, UInt64)] = [(42, 0), (43, 0), (42, 1), (0, 0), (0, 1), (1, 0)]
    let prefixes = pairs.map { seed, stream -> [UInt64] in
      var r = RandomStream(seed: seed, stream: stream)
      return (0..<4).map { _ in r.next() }
    }
    for i in prefixes.indices {
      for j in prefixes.indices where j > i {
        #expect(prefixes[i] != prefixes[j], "streams \(pairs[i]) and \(pairs[j]) coincide")
        // Not even one word in common (a shifted copy would share words).
        #expect(Set(prefixes[i]).isDisjoint(with: prefixes[j]))
      }
    }
  }

  /// Known answers: SplitMix64 from Vigna's splitmix64.c (seed 1234567 is the usual test
  /// vector) and xoshiro256** 1.0 from the reference xoshiro256starstar.c with state 1,2,3,4.
  /// Provenance: a direct Python transcription of both C files (arbitrary-precision ints
  /// masked to 64 bits), run offline:
  ///   x = 1234567; x += 0x9e3779b97f4a7c15; z = mix(x) ...  → 6457827717110365317, …
  ///   s = [1,2,3,4]; next() ×3                              → 11520, 0, 1509978240
  ///   seeding of RandomStream(seed: 20251130, stream: 7) = SplitMix64 from
  ///   mix(mix(20251130) + 7)                                 → 0xa8e816a0d89fad61, …
  @Test func knownAnswersMatchReferenceImplementations() {
    var sm = SplitMix64(state: 1_234_567)
    #expect(sm.next() == 6_457_827_717_110_365_317)
    #expect(sm.next() == 3_203_168_211_198_807_973)
    #expect(sm.next() == 9_817_491_932_198_370_423)
    var x = RandomStream(rawState: (1, 2, 3, 4))
    #expect(x.next() == 11520)
    #expect(x.next() == 0)
    #expect(x.next() == 1_509_978_240)
    var r = RandomStream(seed: 20_251_130, stream: 7)
    #expect(r.next() == 0xa8e8_16a0_d89f_ad61)
    #expect(r.next() == 0x588f_65d4_3b2f_d117)
    #expect(r.next() == 0xe6ed_8891_42f2_497c)
    #expect(r.next() == 0x9a6b_02d1_de92_0b15)
  }

  // MARK: Uniform and integers

  @Test func uniformIsOnTheGridOfTwoToMinus53InZeroOne() {
    var r = RandomStream(seed: TestSeed.seed(for: "uniform-grid"))
    for _ in 0..<100_000 {
      let u = r.uniform()
      #expect(u >= 0 && u < 1)
      #expect((u * 0x1.0p53).rounded() == u * 0x1.0p53)
    }
  }

  /// χ² goodness of fit of uniformInt over 7 values (7 does not divide 2⁶⁴, so modulo
  /// reduction would be biased — by 2⁻⁶⁴, undetectable; this checks the mapping is uniform
  /// and covers the range). N = 700 000, df = 6, α = 0.001: critical value
  /// scipy.stats.chi2.ppf(0.999, 6) = 22.457744484825323.
  @Test func uniformIntIsUniformOnSmallRange() {
    let seed = TestSeed.seed(for: "uniform-int")
    var r = RandomStream(seed: seed)
    var counts = [Int](repeating: 0, count: 7)
    let n = 700_000
    for _ in 0..<n {
      let v = r.uniformInt(in: -3...3)
      counts[v + 3] += 1
    }
    let chi2 = chiSquare(observed: counts, expected: [Double](repeating: Double(n) / 7, count: 7))
    #expect(chi2 < 22.457744484825323, "χ² = \(chi2), df 6, α 0.001, seed \(seed)")
  }

  @Test func uniformIntHandlesDegenerateAndFullRanges() {
    var r = RandomStream(seed: 7)
    #expect(r.uniformInt(in: 5...5) == 5)
    #expect(r.uniformInt(in: 9..<10) == 9)
    var sawNegative = false
    var sawPositive = false
    for _ in 0..<64 {
      let v = r.uniformInt(in: Int.min...Int.max)
      if v < 0 { sawNegative = true } else { sawPositive = true }
    }
    // P(all 64 draws one sign) = 2⁻⁶³.
    #expect(sawNegative && sawPositive)
    for _ in 0..<1000 {
      let v = r.uniformInt(in: (Int.max - 2)...Int.max)
      #expect(v >= Int.max - 2)
      #expect(r.uniformInt(below: 1) == 0)
    }
  }

  // MARK: Parallel fills

  @Test(arguments: [1, 2, 3])
  func parallelFillEqualsSequentialPerChunkFill(threads: Int) {
    let seed: UInt64 = 99
    let chunk = 1000
    let count = 3 * chunk + 123
    let parallel = ParallelStreams.gaussian(
      count: count, seed: seed, firstStream: 5, chunkSize: chunk, threads: threads)
    var sequential = [Double](repeating: 0, count: count)
    for (i, start) in stride(from: 0, to: count, by: chunk).enumerated() {
      var stream = RandomStream(seed: seed, stream: 5 + UInt64(i))
      for j in start..<min(start + chunk, count) { sequential[j] = stream.gaussian() }
    }
    #expect(parallel.map(\.bitPattern) == sequential.map(\.bitPattern))

    var uniforms = [Double](repeating: 0, count: count)
    ParallelStreams.fillUniform(&uniforms, seed: seed, chunkSize: chunk, threads: threads)
    var stream = RandomStream(seed: seed, stream: 3)
    let chunk3 = (0..<123).map { _ in stream.uniform() }
    #expect(Array(uniforms[(3 * chunk)...]).map(\.bitPattern) == chunk3.map(\.bitPattern))
  }

  @Test func bulkFillEqualsRepeatedSingleDraws() {
    var a = RandomStream(seed: 11, stream: 2)
    var b = RandomStream(seed: 11, stream: 2)
    var buffer = [Double](repeating: 0, count: 10_000)
    a.fillGaussian(&buffer)
    #expect(buffer.map(\.bitPattern) == (0..<10_000).map { _ in b.gaussian().bitPattern })
  }

  // MARK: Gaussian

  /// Kolmogorov–Smirnov test of 10⁶ ziggurat draws against Φ. Null hypothesis: the draws
  /// are N(0, 1). α = 0.001: critical D = √(−ln(α/2)/2)/√n = 1.9494746035204051/1000
  /// (asymptotic; math.sqrt(-math.log(0.0005)/2) = 1.9494746035204051).
  @Test func gaussianPassesKolmogorovSmirnov() {
    let seed = TestSeed.seed(for: "gaussian-ks")
    let n = 1_000_000
    let sample = ParallelStreams.gaussian(count: n, seed: seed, threads: 2)
    let d = ksStatistic(sample, normalCDF)
    let critical = ksCritical(alpha: 0.001, n: n)
    #expect(d < critical, "KS D = \(d), critical \(critical) (α 0.001, n \(n), seed \(seed))")
  }

  /// Moments of 4·10⁶ draws: E[x] = 0, E[x²] = 1, E[x⁴] = 3, each within z = 4.9 standard
  /// errors √(Var[xᵖ]/n) with Var[x] = 1, Var[x²] = E[x⁴] − 1 = 2, Var[x⁴] = E[x⁸] − 9 = 96
  /// (two-sided p = 9.6e-7 per check, 3 checks). The fourth moment is what a ziggurat whose
  /// wedge test were skipped (accepting the whole rectangle of each layer) gets wrong: that
  /// mutant gives E[x⁴] ≈ 3.06, twelve standard errors off, while its KS D stays below the
  /// critical value at n = 10⁶ (checked by hand when this test was written).
  @Test func gaussianMomentsMatch() {
    let seed = TestSeed.seed(for: "gaussian-moments")
    let n = 4_000_000
    let sample = ParallelStreams.gaussian(count: n, seed: seed, threads: 2)
    var m1 = 0.0
    var m2 = 0.0
    var m4 = 0.0
    for x in sample {
      let x2 = x * x
      m1 += x
      m2 += x2
      m4 += x2 * x2
    }
    let checks: [(String, Double, Double, Double)] = [
      ("E[x]", m1 / Double(n), 0, 1), ("E[x²]", m2 / Double(n), 1, 2),
      ("E[x⁴]", m4 / Double(n), 3, 96),
    ]
    for (name, observed, expected, variance) in checks {
      let tol = Tolerance.sampling(
        standardError: (variance / Double(n)).squareRoot(), sigmas: 4.9)
      #expect(tol.accepts(observed, expected), "\(name): \(tol.explain(observed, expected))")
    }
  }

  /// The tail beyond the ziggurat's base r = 3.6541528853610088, sampled by Marsaglia's
  /// exponential rejection, must be the exact conditional normal tail:
  /// (a) the share of |x| > r among 4·10⁶ draws is binomial with p = erfc(r/√2)
  ///     (≈ 2.58e-4, ≈ 1033 expected); accepted within 4.4 standard deviations (two-sided
  ///     α ≈ 1.1e-5, scipy.stats.norm.isf(1e-5/2) = 4.417);
  /// (b) |x| given |x| > r follows 1 − erfc(x/√2)/erfc(r/√2): KS at α = 0.001.
  /// A sampler that clipped or mis-shaped the tail fails (b) (its D would be O(1)).
  @Test func gaussianTailIsExact() {
    let seed = TestSeed.seed(for: "gaussian-tail")
    let r = 3.6541528853610088
    let n = 4_000_000
    let sample = ParallelStreams.gaussian(count: n, seed: seed, threads: 2)
    let tail = sample.lazy.map { abs($0) }.filter { $0 > r }
    let tailValues = Array(tail)
    let p = erfc(r / 2.0.squareRoot())
    let mean = Double(n) * p
    let sd = (Double(n) * p * (1 - p)).squareRoot()
    #expect(
      abs(Double(tailValues.count) - mean) < 4.4 * sd,
      "tail count \(tailValues.count), expected \(mean) ± \(sd), seed \(seed)")
    let tailMass = erfc(r / 2.0.squareRoot())
    let d = ksStatistic(tailValues) { x in 1 - erfc(x / 2.0.squareRoot()) / tailMass }
    let critical = ksCritical(alpha: 0.001, n: tailValues.count)
    #expect(d < critical, "tail KS D = \(d), critical \(critical), n \(tailValues.count)")
  }

  // MARK: Categorical

  /// χ² test of both categorical samplers (inversion and alias table) on six weights,
  /// unnormalised and including a zero weight (never drawn). N = 600 000 each, five
  /// non-empty cells → df = 4, α = 0.001 per sampler: scipy.stats.chi2.ppf(0.999, 4)
  /// = 18.46682695290317.
  @Test func categoricalSamplersPassChiSquare() {
    let seed = TestSeed.seed(for: "categorical")
    let weights = [0.5, 2, 0, 1, 0.25, 4.25]  // sums to 8
    let n = 600_000
    let expected = weights.filter { $0 > 0 }.map { Double(n) * $0 / 8 }
    var r = RandomStream(seed: seed)
    let table = AliasTable(weights)
    var inversion = [Int](repeating: 0, count: weights.count)
    var alias = [Int](repeating: 0, count: weights.count)
    for _ in 0..<n {
      inversion[r.categorical(weights)] += 1
      alias[table.sample(&r)] += 1
    }
    #expect(inversion[2] == 0 && alias[2] == 0, "a zero weight was drawn")
    let nonEmpty = weights.indices.filter { weights[$0] > 0 }
    let chiInv = chiSquare(observed: nonEmpty.map { inversion[$0] }, expected: expected)
    let chiAlias = chiSquare(observed: nonEmpty.map { alias[$0] }, expected: expected)
    #expect(chiInv < 18.46682695290317, "inversion χ² = \(chiInv), df 4, seed \(seed)")
    #expect(chiAlias < 18.46682695290317, "alias χ² = \(chiAlias), df 4, seed \(seed)")
  }

  // MARK: Dirichlet and gamma

  /// Moments of Dirichlet(α): E[Xᵢ] = αᵢ/α₀, Var[Xᵢ] = αᵢ(α₀ − αᵢ)/(α₀²(α₀ + 1)).
  /// α includes shapes < 1 (the boosted gamma path) and > 1. For N = 200 000 draws the sample
  /// mean is checked within z standard errors √(Var/N), and the sample variance within z
  /// standard errors √((m₄ − s⁴)/N) (m₄ the sample fourth central moment). z = 4.9:
  /// two-sided p = 9.6e-7 per check (scipy.stats.norm.sf(4.9)·2), 8 checks per α vector,
  /// 2 vectors → family-wise α ≤ 1.6e-5. Also: every draw lies on the simplex.
  @Test(arguments: [[0.3, 1.0, 2.5, 6.0], [0.05, 0.05, 0.9, 0.5]])
  func dirichletMomentsMatch(alpha: [Double]) {
    let seed = TestSeed.seed(for: "dirichlet-\(alpha)")
    var r = RandomStream(seed: seed)
    let n = 200_000
    let k = alpha.count
    let a0 = alpha.reduce(0, +)
    var samples = [[Double]](repeating: [], count: k)
    for i in 0..<k { samples[i].reserveCapacity(n) }
    for _ in 0..<n {
      let x = r.dirichlet(alpha)
      let sum = x.reduce(0, +)
      if !(abs(sum - 1) <= 8 * Double.ulpOfOne) || x.contains(where: { !($0 >= 0) }) {
        Issue.record("off the simplex: \(x)")
        return
      }
      for i in 0..<k { samples[i].append(x[i]) }
    }
    let z = 4.9
    for i in 0..<k {
      let mean = samples[i].reduce(0, +) / Double(n)
      let centered = samples[i].map { $0 - mean }
      let variance = centered.reduce(0) { $0 + $1 * $1 } / Double(n - 1)
      let m4 = centered.reduce(0) { $0 + $1 * $1 * $1 * $1 } / Double(n)
      let trueMean = alpha[i] / a0
      let trueVariance = alpha[i] * (a0 - alpha[i]) / (a0 * a0 * (a0 + 1))
      let meanTol = Tolerance.sampling(
        standardError: (trueVariance / Double(n)).squareRoot(), sigmas: z)
      let varTol = Tolerance.sampling(
        standardError: ((m4 - variance * variance) / Double(n)).squareRoot(), sigmas: z)
      #expect(meanTol.accepts(mean, trueMean), "E[X\(i)]: \(meanTol.explain(mean, trueMean))")
      #expect(
        varTol.accepts(variance, trueVariance),
        "Var[X\(i)]: \(varTol.explain(variance, trueVariance))")
    }
  }

  /// Gamma(a) has mean a and variance a (scale 1). For N = 200 000 draws per shape the
  /// sample mean is within 4.9 standard errors √(a/N) (p = 9.6e-7 per shape, 4 shapes).
  @Test func gammaMeanMatchesShape() {
    let seed = TestSeed.seed(for: "gamma-mean")
    var r = RandomStream(seed: seed)
    let n = 200_000
    for a in [0.1, 0.7, 1.0, 7.5] {
      var sum = 0.0
      for _ in 0..<n { sum += r.gamma(shape: a) }
      let mean = sum / Double(n)
      let tol = Tolerance.sampling(standardError: (a / Double(n)).squareRoot(), sigmas: 4.9)
      #expect(tol.accepts(mean, a), "Gamma(\(a)) mean: \(tol.explain(mean, a))")
    }
  }

  @Test func dirichletWithTinyConcentrationsStaysOnTheSimplex() {
    var r = RandomStream(seed: 3)
    for _ in 0..<1000 {
      let x = r.dirichlet([1e-3, 1e-3, 1e-3])
      #expect(x.allSatisfy { $0.isFinite && $0 >= 0 })
      #expect(abs(x.reduce(0, +) - 1) <= 4 * Double.ulpOfOne)
    }
  }

  // MARK: Permutations

  /// All 24 orders of 4 elements are equally likely: χ² over N = 240 000 permutations,
  /// df = 23, α = 0.001: scipy.stats.chi2.ppf(0.999, 23) = 49.7282324664315. The generic
  /// `shuffle` is checked the same way on an array of strings.
  @Test func permutationsOfFourAreUniform() {
    let seed = TestSeed.seed(for: "permutation")
    var r = RandomStream(seed: seed)
    let n = 240_000
    var counts: [[Int]: Int] = [:]
    var shuffleCounts: [[String]: Int] = [:]
    for _ in 0..<n {
      counts[r.permutation(4), default: 0] += 1
      var letters = ["a", "b", "c", "d"]
      r.shuffle(&letters)
      shuffleCounts[letters, default: 0] += 1
    }
    #expect(counts.count == 24 && shuffleCounts.count == 24)
    let expected = [Double](repeating: Double(n) / 24, count: 24)
    let chiPerm = chiSquare(observed: Array(counts.values), expected: expected)
    let chiShuffle = chiSquare(observed: Array(shuffleCounts.values), expected: expected)
    #expect(chiPerm < 49.7282324664315, "permutation χ² = \(chiPerm), df 23, seed \(seed)")
    #expect(chiShuffle < 49.7282324664315, "shuffle χ² = \(chiShuffle), df 23, seed \(seed)")
    #expect(r.permutation(0).isEmpty)
    #expect(r.permutation(1) == [0])
  }
}
