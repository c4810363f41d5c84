// Inputs for the MPO family's property tests: flat arrays of edge-biased doubles (so
// PropertyRunner's Shrinkers.doubles can shrink them) decoded into the family's input types,
// plus the rounding bounds the properties share.
import Objectives
import PropertyBased
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

enum MPOFamilyInputs {
  static let eps = Double.ulpOfOne

  /// A flat vector of 4·maxCount log-probabilities plus 3 control entries (set sizes and a
  /// shuffle seed, read by ``control(_:_:modulo:)``), all Doubles so Shrinkers.doubles can act.
  static func flat(maxCount: Int, lowest: Double = -1e3) -> Generator<
    [Double], Shrink.None<[Double]>
  > {
    EdgeGen.array(
      EdgeGen.logProbability(lowest: lowest), count: (4 * maxCount + 3)...(4 * maxCount + 3))
  }

  /// An integer in 0..<modulo read from control entry k (after the 4·maxCount values).
  static func control(_ v: [Double], _ k: Int, modulo: Int) -> Int {
    let x = abs(v[v.count - 3 + k])
    return Int((x * 7919).rounded(.down).truncatingRemainder(dividingBy: 1e9)) % modulo
  }

  /// Decodes a SetPair with 1…maxCount responses per set.
  static func setPair(_ v: [Double], maxCount m: Int) -> SetPair {
    let np = 1 + control(v, 0, modulo: m)
    let nn = 1 + control(v, 1, modulo: m)
    let pos = ResponseSet(logProbs: Array(v[0..<np]), refLogProbs: Array(v[m..<(m + np)]))
    let neg = ResponseSet(
      logProbs: Array(v[(2 * m)..<(2 * m + nn)]), refLogProbs: Array(v[(3 * m)..<(3 * m + nn)]))
    return SetPair(positive: pos, negative: neg)
  }

  /// A shuffle seed from control entry 2.
  static func seed(_ v: [Double]) -> UInt64 { UInt64(control(v, 2, modulo: 1 << 30)) }

  /// A deterministic permutation of 0..<n from a seed (Fisher–Yates on SplitMix64).
  static func permutation(_ n: Int, seed: UInt64) -> [Int] {
    var p = Array(0..<n)
    var s = seed
    for i in stride(from: n - 1, to: 0, by: -1) {
      s = TestSeed.splitMix(s)
      let j = Int(s % UInt64(i + 1))
      p.swapAt(i, j)
    }
    return p
  }

  static func permuted(_ x: ResponseSet, _ p: [Int]) -> ResponseSet {
    ResponseSet(logProbs: p.map { x.logProbs[$0] }, refLogProbs: p.map { x.refLogProbs[$0] })
  }

  /// logSumExp in the test, written independently of StableMath (max + log of the shifted
  /// sum), used only to size rounding bounds.
  static func lse(_ a: [Double]) -> Double {
    guard let m = a.max(), m.isFinite else { return a.max() ?? -.infinity }
    return m + log(a.reduce(0) { $0 + exp($1 - m) })
  }

  /// Rounding bound for the set contrast softplus(B − A) evaluated twice with the same
  /// logits summed in different orders (or through two code paths doing the same sums):
  /// each logSumExp's inner sum of ≤ K positive terms differs by ≤ Kε relative, which moves
  /// log1p by ≤ Kε absolute; the final additions m + log1p(·) round by ≤ ε|A|, ε|B|; the
  /// difference B − A by ε|B − A|; softplus (slope ≤ 1) adds ≤ 2ε·value per evaluation.
  /// Every term is doubled to cover the two evaluations.
  static func contrastBound(logits a: [Double], positive: [Bool], loss: Double) -> Double {
    let pa = lse(zip(a, positive).filter { $0.1 }.map { $0.0 })
    let nb = lse(zip(a, positive).filter { !$0.1 }.map { $0.0 })
    let b = nb.isFinite ? abs(nb) : 0
    let d = nb.isFinite ? abs(nb - pa) : 0
    return 2 * eps * (Double(a.count) + abs(pa) + b + d + 4 * loss)
  }
}
