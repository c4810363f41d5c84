// E1, the catalog's enumerable joints (../shared/claims/pipa.md, "Finite models"): V ∈ {2, 3},
// T ∈ {1…5}; p(y, c|x) stored over all V^T sequences and 2^T label vectors, so every
// conditional of PIPA §2.5 is computed exactly by summation. Sequences and label vectors are
// indexed in base V and base 2 (first token most significant).

/// An exactly enumerated joint p(y, c|x).
struct EnumerableJoint {
  let v: Int
  let t: Int
  /// p[yIndex][cMask]; bit (t − 1 − k) of cMask is c_{k+1}.
  var p: [[Double]]

  init(v: Int, t: Int, probability: ([Int], [Int]) -> Double) {
    self.v = v
    self.t = t
    var p: [[Double]] = []
    for yi in 0..<Self.power(v, t) {
      let y = Self.digits(yi, base: v, count: t)
      p.append((0..<(1 << t)).map { probability(y, Self.digits($0, base: 2, count: t)) })
    }
    self.p = p
  }

  static func power(_ b: Int, _ e: Int) -> Int { (0..<e).reduce(1) { r, _ in r * b } }

  static func digits(_ i: Int, base: Int, count: Int) -> [Int] {
    var out = [Int](repeating: 0, count: count)
    var x = i
    for k in stride(from: count - 1, through: 0, by: -1) {
      out[k] = x % base
      x /= base
    }
    return out
  }

  var sequences: [[Int]] { (0..<p.count).map { Self.digits($0, base: v, count: t) } }

  /// p(y) = Σ_c p(y, c).
  func marginal(_ yi: Int) -> Double { p[yi].reduce(0, +) }

  /// Σ of p(y, c) over y extending `prefix` and c with c_k = `labels[k]` for k in `fixed`.
  func mass(prefix: [Int], fixed: [Int: Int]) -> Double {
    var s = 0.0
    let ext = Self.power(v, t - prefix.count)
    let base = prefix.reduce(0) { $0 * v + $1 } * ext
    for yi in base..<(base + ext) {
      for cm in 0..<(1 << t) {
        let ok = fixed.allSatisfy { k, c in (cm >> (t - 1 - k)) & 1 == c }
        if ok { s += p[yi][cm] }
      }
    }
    return s
  }

  /// Σ_{c_{≥k}} p(y, c) for a full sequence y (index yi) and labels fixed below k.
  func massLabelsBelow(_ yi: Int, labels c: [Int], below k: Int) -> Double {
    var s = 0.0
    for cm in 0..<(1 << t) {
      var ok = true
      for j in 0..<k where (cm >> (t - 1 - j)) & 1 != c[j] { ok = false; break }
      if ok { s += p[yi][cm] }
    }
    return s
  }
}
