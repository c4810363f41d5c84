import Objectives
import PropertyBased
import StableMath
import TestSupport
import Testing

// Properties of the MPO §1 check helpers (Sources/Claims/MPO/MPOId*.swift): the App. K code
// transcription (reference value, permutation invariance, α = 0 reduction to MPO, dual-number
// gradient against central differences), eq. (1) in linear space (singleton reduction to σ,
// permutation invariance inside the sets), the exact expansion arithmetic (sides of the mean
// against Int64 arithmetic) and the lexicographic permutation enumeration.
@testable import Claims

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MPOIdPropertyTests {
  typealias In = MPOFamilyInputs
  static let eps = Double.ulpOfOne

  // App. K on one row: pi = (−1, −2, −3), ref = (−1.5, −1, −2), rewards = (1, 2, 4), β = 0.5,
  // α = 1. Reference (mpmath, mp.dps = 50):
  //   mean = 7/3; f_i = β(pi_i − ref_i) + α|r_i − mean|; p = softmax(f); pos = p_3 (4 > 7/3);
  //   -log(pos/(pos + (p_1 + p_2) + 2e-10)) = 1.0226285864023326901
  //   and eq. (8) = −log pos = 1.0226285862023326901 (the eps terms add 2e-10).
  @Test func codeRowMatchesTheMpmathReference() {
    let l = MPOIdCodeK.rowLoss(
      piLogps: [-1, -2, -3], refLogps: [-1.5, -1, -2], rewards: [1, 2, 4], beta: 0.5, alpha: 1.0)
    // Tolerance: ~20 float64 operations on O(1) values, 64ε·(1 + |L|).
    #expect(abs(l - 1.0226285864023326901) <= 64 * Self.eps * 2)
    let x = ScoredResponseSet(
      logProbs: [-1, -2, -3], refLogProbs: [-1.5, -1, -2], scores: [1, 2, 4])
    let eq8 = (try? WeightedMPOAbsolute(beta: 0.5, alphaW: 1).loss(x)) ?? .nan
    #expect(abs(eq8 - 1.0226285862023326901) <= 64 * Self.eps * 2)
  }

  // Permuting the responses of a row (pi, ref, rewards together) leaves the code's loss
  // unchanged up to the rounding of reordered sums: 64ε(1 + |L| + max|f|).
  @Test func codeRowIsPermutationInvariant() {
    PropertyRunner.check(
      "mpoid.code.permutation", generator: In.flat(maxCount: 8, lowest: -50),
      shrink: Shrinkers.doubles
    ) { v in
      let n = 2 + In.control(v, 0, modulo: 7)
      let pi = Array(v[0..<n])
      let ref = Array(v[8..<(8 + n)])
      let rw = Array(v[16..<(16 + n)]).map { $0 / 10 }
      let p = In.permutation(n, seed: In.seed(v))
      let a = MPOIdCodeK.rowLoss(piLogps: pi, refLogps: ref, rewards: rw, beta: 0.7, alpha: 1.3)
      let b = MPOIdCodeK.rowLoss(
        piLogps: p.map { pi[$0] }, refLogps: p.map { ref[$0] }, rewards: p.map { rw[$0] },
        beta: 0.7, alpha: 1.3)
      // Rewards within rounding of their mean may switch sets under a reordered sum: skip.
      let mean = rw.reduce(0, +) / Double(n)
      if rw.contains(where: { abs($0 - mean) <= 64 * Self.eps * (1 + rw.map(abs).reduce(0, +)) }) {
        return nil
      }
      let scale = 1 + abs(a) + 0.7 * ((pi.map(abs).max() ?? 0) + (ref.map(abs).max() ?? 0)) + 100
      return abs(a - b) <= 64 * Self.eps * scale ? nil : "loss \(a) vs permuted \(b)"
    }
  }

  // α = 0 reduces the code to MPO on the mean partition (eq. 5, 12–13), within the 1e-9 the
  // eps terms allow, when no clamp is active (loss ≤ 20).
  @Test func codeWithAlphaZeroIsMPO() {
    PropertyRunner.check(
      "mpoid.code.alpha0", generator: In.flat(maxCount: 8, lowest: -50), shrink: Shrinkers.doubles
    ) { v in
      let n = 2 + In.control(v, 0, modulo: 7)
      let x = ScoredResponseSet(
        logProbs: Array(v[0..<n]), refLogProbs: Array(v[8..<(8 + n)]),
        scores: Array(v[16..<(16 + n)]))
      guard x.partition.positive.contains(true) else { return nil }
      guard let mpo = try? MPO(beta: 0.3).loss(MPOId.meanSetPair(x)), mpo <= 20 else { return nil }
      let code = MPOIdCodeK.rowLoss(
        piLogps: x.logProbs, refLogps: x.refLogProbs, rewards: x.scores, beta: 0.3, alpha: 0)
      return abs(code - mpo) <= 1e-9 ? nil : "code \(code) vs MPO \(mpo)"
    }
  }

  // Dual-number gradient of the code against a central difference (h = 1e-6): the §0.13
  // tolerance 1e-6(1 + |g|) + 1e-9|L|.
  @Test func codeDualGradientMatchesCentralDifferences() {
    PropertyRunner.check(
      "mpoid.code.dual", count: 100, generator: In.flat(maxCount: 8, lowest: -20),
      shrink: Shrinkers.doubles
    ) { v in
      let n = 2 + In.control(v, 0, modulo: 7)
      let pi = Array(v[0..<n])
      let ref = Array(v[8..<(8 + n)])
      let rw = Array(v[16..<(16 + n)])
      guard MeanPartition(scores: rw).positive.contains(true) else { return nil }
      let g = MPOIdCodeK.rowGradient(piLogps: pi, refLogps: ref, rewards: rw, beta: 0.5, alpha: 0.7)
      let l = MPOIdCodeK.rowLoss(piLogps: pi, refLogps: ref, rewards: rw, beta: 0.5, alpha: 0.7)
      for j in 0..<n {
        var up = pi
        var dn = pi
        up[j] += 1e-6
        dn[j] -= 1e-6
        let fd =
          (MPOIdCodeK.rowLoss(piLogps: up, refLogps: ref, rewards: rw, beta: 0.5, alpha: 0.7)
            - MPOIdCodeK.rowLoss(piLogps: dn, refLogps: ref, rewards: rw, beta: 0.5, alpha: 0.7))
          / 2e-6
        if abs(fd - g[j]) > 1e-6 * (1 + abs(g[j])) + 1e-9 * abs(l) {
          return "∂/∂pi[\(j)]: dual \(g[j]), FD \(fd)"
        }
      }
      return nil
    }
  }

  // Eq. (1) with singleton sets is σ(a_w − a_l) (the reduction to DPO), within τ_LSE.
  @Test func eq1LinearSingletonsIsSigmoid() {
    PropertyRunner.check(
      "mpoid.eq1.singletons", generator: In.flat(maxCount: 1, lowest: -300),
      shrink: Shrinkers.doubles
    ) { v in
      let a = [v[0], v[1]]
      let lin = MPOIdentityClaims.eq1Linear(a, [true, false])
      guard lin >= 1e-300 else { return nil }
      let tol = MPOId.tauLSE(a).absolute
      return abs(log(lin) - logSigmoid(a[0] - a[1])) <= tol
        ? nil : "eq. (1) \(lin) vs σ \(sigmoid(a[0] - a[1]))"
    }
  }

  // Eq. (1) is invariant under permutations inside each set (reordered sums: 16ε relative).
  @Test func eq1LinearIsPermutationInvariant() {
    PropertyRunner.check(
      "mpoid.eq1.permutation", generator: In.flat(maxCount: 8, lowest: -50),
      shrink: Shrinkers.doubles
    ) { v in
      let n = 2 + In.control(v, 0, modulo: 15)
      let a = Array(v[0..<n])
      let mask = (0..<n).map { v[16 + $0] < -25 || $0 == 0 }
      let p = In.permutation(n, seed: In.seed(v))
      let x = MPOIdentityClaims.eq1Linear(a, mask)
      let y = MPOIdentityClaims.eq1Linear(p.map { a[$0] }, p.map { mask[$0] })
      return abs(x - y) <= 16 * Double(n) * Self.eps * x ? nil : "\(x) vs permuted \(y)"
    }
  }

  // Exact sides of the mean from expansions equal Int64 arithmetic on integer scores, and the
  // mean of integers computed in float64 is correctly rounded.
  @Test func expansionSidesMatchIntegerArithmetic() {
    var r = MPOIdSeedStream.make("mpoid.expansion")
    for _ in 0..<2_000 {
      let n = Int(r.next() % 64) + 1
      let ints = (0..<n).map { _ in Int64(r.next() % 2_000_001) - 1_000_000 }
      let t = ints.reduce(0, +)
      let expected = ints.map { v -> Int in
        let d = Int64(n) * v - t
        return d > 0 ? 1 : (d < 0 ? -1 : 0)
      }
      let s = ints.map(Double.init)
      #expect(MPOIdExact.sidesOfMean(s) == expected)
      let m = s.reduce(0, +) / Double(n)
      #expect(MPOIdExact.isCorrectlyRoundedMean(m, of: s).correctlyRounded)
    }
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004: the float mean of three 0.1 is 0.10000000000000002,
    // not the exact mean 0.1000000000000000055511151231257827 (the double 0.1) → not exact.
    let m3 = (0.1 + 0.1 + 0.1) / 3
    #expect(!MPOIdExact.isCorrectlyRoundedMean(m3, of: [0.1, 0.1, 0.1]).exact)
    #expect(MPOIdExact.sidesOfMean([0.1, 0.1, 0.1]) == [0, 0, 0])
  }

  // The lexicographic enumeration visits all n! permutations once.
  @Test(arguments: 1...7)
  func nextPermutationEnumeratesAll(n: Int) {
    var p = Array(0..<n)
    var seen = Set<[Int]>()
    repeat { seen.insert(p) } while MPOIdentityClaims.nextPermutation(&p)
    #expect(seen.count == (1...n).reduce(1, *))
  }
}

/// A tiny seeded stream for loops that need raw integers (SplitMix64 via TestSeed).
enum MPOIdSeedStream {
  struct S {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = TestSeed.splitMix(state)
      return state
    }
  }
  static func make(_ name: String) -> S {
    S(state: TestSeed.seed(for: name, master: TestSeed.master))
  }
}
