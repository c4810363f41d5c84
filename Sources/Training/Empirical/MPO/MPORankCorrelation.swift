// The Spearman rank correlation with mid-ranks and its within-seed permutation test, for
// mpo.emp.beta-speed (claims/mpo.md §5): "Spearman correlation between β and T_β across all
// (seed, β) runs (ties, including +∞, get mid-ranks): a one-sided permutation test with 10⁴
// seeded permutations of β within each seed, at 5%".
import Numerics

/// Spearman's ρ and its within-group permutation p-values.
struct MPORankCorrelation: Sendable {
  /// The observed ρ (0 when either variable is constant).
  var rho: Double
  /// P(ρ* ≥ ρ) under the permutation null, (1 + #{ρ* ≥ ρ}) / (1 + permutations).
  var pAbove: Double
  /// P(ρ* ≤ ρ), likewise.
  var pBelow: Double
  var permutations: Int

  /// Mid-ranks (1-based) of `x`; equal values (including +∞) share their mean rank.
  static func midRanks(_ x: [Double]) -> [Double] {
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    var ranks = Array(repeating: 0.0, count: x.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
      let mid = Double(i + j) / 2 + 1
      for k in i...j { ranks[order[k]] = mid }
      i = j + 1
    }
    return ranks
  }

  /// Pearson's correlation of two rank vectors (0 when either is constant).
  static func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    let ma = a.reduce(0, +) / n
    let mb = b.reduce(0, +) / n
    var sab = 0.0
    var saa = 0.0
    var sbb = 0.0
    for (x, y) in zip(a, b) {
      sab += (x - ma) * (y - mb)
      saa += (x - ma) * (x - ma)
      sbb += (y - mb) * (y - mb)
    }
    return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
  }

  /// ρ between `x` and `y` over `groups` (x[g][i], y[g][i]: run i of group g), and the
  /// permutation test that shuffles x within each group `permutations` times on `stream`.
  init(x: [[Double]], y: [[Double]], permutations: Int, stream: RandomStream) {
    self.permutations = permutations
    let yRanks = Self.midRanks(y.flatMap { $0 })
    // Ranks of x are a function of the multiset of x values, which permuting within groups
    // leaves unchanged, so x is ranked once and the ranks are permuted.
    let xRanksFlat = Self.midRanks(x.flatMap { $0 })
    var xRanks: [[Double]] = []
    var offset = 0
    for g in x {
      xRanks.append(Array(xRanksFlat[offset..<(offset + g.count)]))
      offset += g.count
    }
    let observed = Self.pearson(xRanks.flatMap { $0 }, yRanks)
    rho = observed
    var rng = stream
    var above = 0
    var below = 0
    // Permuted ρ equal to the observed one in exact arithmetic may differ by rounding; ties
    // within 1e-12 (far below the 1/n² spacing of rank correlations for n ≤ 10⁴ runs) count
    // on both sides, as the permutation test's definition requires.
    let slack = 1e-12
    for _ in 0..<permutations {
      var shuffled = xRanks
      for g in shuffled.indices { rng.shuffle(&shuffled[g]) }
      let r = Self.pearson(shuffled.flatMap { $0 }, yRanks)
      if r >= observed - slack { above += 1 }
      if r <= observed + slack { below += 1 }
    }
    pAbove = Double(1 + above) / Double(1 + permutations)
    pBelow = Double(1 + below) / Double(1 + permutations)
  }

  /// A fixed stream index for a claim id (FNV-1a of its UTF-8 bytes), so each claim's
  /// permutations come from its own stream of the master seed.
  static func streamIndex(_ id: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in id.utf8 {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }
}
