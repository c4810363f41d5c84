// An ordered partition of one prompt's responses into b ≥ 2 non-empty bins B_1 ≻ … ≻ B_b
// (best first): the "intermediate bins" of 001_0ef3930bdbd6a134.txt §7, Figure 7, between
// MPO's 2 bins and Plackett–Luce's K bins.

/// Ordered bins of responses, best bin first; order inside a bin carries no meaning.
///
/// The gradient variables are each bin's `logProbs` then `refLogProbs`, bin by bin, named
/// `bins[ℓ].logProbs[i]` and `bins[ℓ].refLogProbs[i]`.
public struct BinPartition: ObjectiveInput, Hashable, Codable {
  /// B_1 (best), …, B_b (worst); b ≥ 2, each non-empty.
  public var bins: [ResponseSet]

  public init(bins: [ResponseSet]) { self.bins = bins }

  public var variables: [Double] { bins.flatMap(\.variables) }
  public var variableNames: [String] {
    bins.indices.flatMap { bins[$0].variableNames(prefix: "bins[\($0)].") }
  }
  public func replacing(variables v: [Double]) -> BinPartition {
    precondition(v.count == bins.reduce(0) { $0 + 2 * $1.count }, "BinPartition count mismatch")
    var start = 0
    var c = self
    for l in bins.indices {
      let n = 2 * bins[l].count
      c.bins[l] = bins[l].replacing(variables: Array(v[start..<(start + n)]))
      start += n
    }
    return c
  }

  /// Checks the domain: at least 2 bins, each a valid non-empty ``ResponseSet``.
  public func validate() throws {
    try Validate.atLeast(bins.count, 2, "bins.count")
    for l in bins.indices { try bins[l].validate(prefix: "bins[\(l)].") }
  }
}
