// Runs checks: times them, and turns a thrown error (a numerical routine that did not
// converge, an input the check could not construct) into an `inconclusive` verdict with
// the error as its reason — never a pass.
//
// Goals of the several-claims runner, in order: 1) results identical to a sequential run
// (each check draws only from its own seeded streams, so the thread it runs on cannot
// change its verdict or evidence) and returned in the caller's order; 2) use both cores
// (`workers` threads take the next unstarted claim from a shared counter, so one long
// check does not hold back the others); 3) simplicity (Dispatch's concurrentPerform and
// one Mutex, no queues of our own).
import Dispatch
import Numerics
import Synchronization

/// Runs claims' checks.
public enum ClaimRunner {
  /// The number of worker threads used by default: the two cores the project targets.
  public static let defaultWorkers = 2

  /// OpenBLAS threads while checks run: one. GSL's own BLAS calls (e.g. inside
  /// `gsl_eigen_symm`) resolve to OpenBLAS's CBLAS symbols in this process, and with more than
  /// one OpenBLAS thread their rounding depends on the thread count (measured:
  /// mappo.lipschitz.map-vs-dpo's Nelder–Mead argmax and one accepted supremum differ between
  /// 1 and 2 threads), so a report would depend on the machine's core count. Idle OpenBLAS
  /// threads also spin (27 s of system time in that one check on two cores), taking the core
  /// the second worker needs. The checks' own parallelism is `workers`.
  public static let blasThreads = 1

  /// Sets OpenBLAS to `blasThreads` unless it already is (the setting is process-wide).
  static func pinBLASThreads() {
    if BLAS.threadCount != blasThreads { BLAS.setThreadCount(blasThreads) }
  }

  /// Runs one claim (OpenBLAS pinned to `blasThreads`).
  public static func run(_ claim: Claim, seed: UInt64, mode: CheckContext.Mode) -> ClaimResult {
    pinBLASThreads()
    let clock = ContinuousClock()
    let start = clock.now
    let outcome: CheckOutcome
    do {
      outcome = try claim.check(CheckContext(seed: seed, mode: mode))
    } catch {
      outcome = CheckOutcome(
        verdict: .inconclusive, summary: "check could not complete: \(error)",
        notes: ["the check threw \(error); no verdict is implied"])
    }
    let elapsed = clock.now - start
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return ClaimResult(claim: claim, outcome: outcome, seed: seed, mode: mode, seconds: seconds)
  }

  /// Runs several claims on `workers` threads and returns their results in the order of
  /// `claims`. `onStart(index, claim)` is called (from a worker thread, one call at a
  /// time) just before each check starts; use it for progress reporting.
  public static func run(
    _ claims: [Claim], seed: UInt64, mode: CheckContext.Mode,
    workers: Int = defaultWorkers,
    onStart: (@Sendable (_ index: Int, _ claim: Claim) -> Void)? = nil
  ) -> [ClaimResult] {
    let threads = max(1, min(workers, claims.count))
    pinBLASThreads()
    let state = Mutex<(next: Int, results: [Int: ClaimResult])>((0, [:]))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while true {
        let index: Int? = state.withLock { s in
          guard s.next < claims.count else { return nil }
          defer { s.next += 1 }
          onStart?(s.next, claims[s.next])
          return s.next
        }
        guard let index else { return }
        let result = run(claims[index], seed: seed, mode: mode)
        state.withLock { $0.results[index] = result }
      }
    }
    return state.withLock { s in claims.indices.compactMap { s.results[$0] } }
  }
}
