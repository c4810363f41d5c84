// The modified response space of PRO (002_74b446355a07bf4a.txt) §4.1 (PRO-formulas.md §4):
// 𝒴_ℋ = (𝒴 \ ℋ) ∪ {ℋ}, with every distribution extended by Eq. (6), q(ℋ) = Σ_{y∈ℋ} q(y).
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The modified response space 𝒴_ℋ = (𝒴 \ ℋ) ∪ {ℋ} of PRO §4.1: its elements are the
/// responses outside ℋ in increasing index order, then ℋ itself (last).
public struct HyperResponseSpace: Sendable, Hashable {
  /// The members of each element of 𝒴_ℋ (singletons, then the members of ℋ).
  public let elements: [[Int]]

  /// 𝒴_ℋ for |𝒴| = n and the hyper response `hyper` (validated by the caller).
  public init(count n: Int, hyper: [Int]) {
    let h = Set(hyper)
    elements = (0..<n).filter { !h.contains($0) }.map { [$0] } + [hyper.sorted()]
  }

  /// Eq. (6) for log-probabilities: log q(e) = logSumExp_{y∈e} log q(y).
  public func aggregateLog(_ u: [Double]) -> [Double] {
    elements.map { e in e.count == 1 ? u[e[0]] : logSumExp(e.map { u[$0] }) }
  }

  /// Eq. (6) for probabilities: q(e) = Σ_{y∈e} q(y).
  public func aggregate(_ q: [Double]) -> [Double] {
    elements.map { e in e.reduce(0) { $0 + q[$1] } }
  }

  /// Pulls ∂L/∂(log q(e)) back to ∂L/∂(log q(y)): ∂ log q(e)/∂ log q(y) = q(y)/q(e), y ∈ e.
  func pullBack(_ g: [Double], logValues u: [Double], aggregated ua: [Double]) -> [Double] {
    var out = [Double](repeating: 0, count: u.count)
    for (k, e) in elements.enumerated() {
      if e.count == 1 {
        out[e[0]] = g[k]
      } else {
        for y in e { out[y] = g[k] * exp(u[y] - ua[k]) }
      }
    }
    return out
  }
}
