// REL-GRID, the shared grid of claims/mpo.md §3 (k, β, noise schedules), and parallel
// evaluation of the exact probabilities of §0.11 over a list of (k, τ) cells. The exact
// values are cached per (k, τ) in Analytic (MPOReliability), so entries that share cells
// compute them once.
//
// Goals, in order: 1) the catalog's grid exactly; 2) both cores for the quadratures and
// recursions, results independent of scheduling (each cell is a pure function of (k, τ));
// 3) simplicity.
import Analytic
import Dispatch
import Numerics
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A noise schedule σ(k, β) of REL-GRID, with the scaled noise τ = kσ it gives.
struct MPORelSchedule: Sendable, Hashable {
  /// Name for reports, e.g. "σ = 0.5β/k".
  var name: String
  /// τ = kσ as a function of (k, β).
  var tau: @Sendable (Int, Double) -> Double
  /// Whether this is the base case σ = β/k.
  var isBase: Bool

  static func == (a: Self, b: Self) -> Bool { a.name == b.name }
  func hash(into h: inout Hasher) { h.combine(name) }

  /// σ = cβ/k, τ = cβ.
  static func linear(_ c: Double) -> Self {
    Self(name: c == 1 ? "σ = β/k" : "σ = \(formatNumber(c))β/k", tau: { _, b in c * b }, isBase: c == 1)
  }
  /// σ = β/k^1.5, τ = β/√k.
  static let power15 = Self(
    name: "σ = β/k^1.5", tau: { k, b in b / Double(k).squareRoot() }, isBase: false)
  /// σ = β/k², τ = β/k.
  static let power2 = Self(name: "σ = β/k²", tau: { k, b in b / Double(k) }, isBase: false)
}

/// REL-GRID and parallel cell evaluation.
enum MPORelGrid {
  /// k ∈ {2, 4, …, 1024}.
  static let ks = (1...10).map { 1 << $0 }
  /// β values of REL-GRID.
  static let betas = [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 5]
  /// c values of σ = cβ/k.
  static let cs = [1, 0.75, 0.5, 0.25, 0.1]

  /// n log-spaced points from a to b (inclusive; the last is exactly b).
  static func logSpaced(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
    let la = log(a)
    let lb = log(b)
    return (0..<n).map { (i: Int) -> Double in
      let f = Double(i) / Double(n - 1)
      return i == n - 1 ? b : exp(la + (lb - la) * f)
    }
  }

  /// Evaluates `f` on every item on two threads, keeping the input order; a thrown error is
  /// kept per item.
  static func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], _ f: @escaping @Sendable (T) throws -> R
  ) -> [Result<R, any Error>] {
    let out = Mutex<[Int: Result<R, any Error>]>([:])
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      while true {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if i >= items.count { break }
        let r = Result { try f(items[i]) }
        out.withLock { $0[i] = r }
      }
    }
    return out.withLock { d in items.indices.map { d[$0] ?? .failure(GSLError.invalidArgument) } }
  }

  /// A cell (k, τ).
  struct Cell: Sendable, Hashable {
    var k: Int
    var tau: Double
  }

  /// Computes the exact failure probabilities of `cells` (cached) in parallel.
  static func prefetchFailure(_ cells: [Cell]) {
    _ = parallelMap(Array(Set(cells))) { c in try MPOReliability.mpoFailure(k: c.k, tau: c.tau) }
  }

  /// Computes Pr(MPO_corr) of `cells` (cached) in parallel.
  static func prefetchCorrect(_ cells: [Cell]) {
    _ = parallelMap(Array(Set(cells))) { c in try MPOReliability.mpoCorrect(k: c.k, tau: c.tau) }
  }

  /// Computes the full-order recursions of `cells` (cached) in parallel.
  static func prefetchFullOrder(_ cells: [Cell]) {
    _ = parallelMap(Array(Set(cells))) { c in try MPOReliability.logFullOrder(k: c.k, tau: c.tau) }
  }
}
