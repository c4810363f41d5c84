// Uniform random permutations by the Fisher–Yates shuffle (Durstenfeld's in-place form,
// Knuth TAOCP vol. 2, Algorithm 3.4.2 P): for i from n−1 down to 1, swap element i with a
// uniformly chosen j ∈ [0, i]. With an unbiased integer draw (``RandomStream/uniformInt(below:)``)
// each of the n! orders has probability exactly 1/n! (given ideal random bits).

extension RandomStream {
  /// Shuffles `elements` in place, uniformly over all orders.
  public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(
    _ elements: inout C
  ) {
    let n = elements.count
    guard n > 1 else { return }
    for i in stride(from: n - 1, through: 1, by: -1) {
      let j = Int(uniformInt(below: UInt64(i + 1)))
      if i != j {
        elements.swapAt(
          elements.index(elements.startIndex, offsetBy: i),
          elements.index(elements.startIndex, offsetBy: j))
      }
    }
  }

  /// A uniformly random permutation of 0..<n.
  public mutating func permutation(_ n: Int) -> [Int] {
    precondition(n >= 0, "n must be ≥ 0, got \(n)")
    var p = Array(0..<n)
    shuffle(&p)
    return p
  }
}
