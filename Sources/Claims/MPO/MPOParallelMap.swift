// An ordered map over the runner's two cores for the MPO checks whose items are independent
// (each draws only from its own indexed streams): goals 1) the result is the serial map's,
// element for element, whatever the thread count or schedule; 2) both cores busy when a long
// check is the last one running (workers take the next index from a shared counter, so items
// of unequal cost balance); 3) simplicity (Dispatch's concurrentPerform and a Mutex).
import Dispatch
import Synchronization

enum MPOParallelMap {
  /// `(0..<count).map(body)` on `threads` workers, results in index order.
  static func map<T: Sendable>(_ count: Int, threads: Int = 2, _ body: @Sendable (Int) -> T) -> [T] {
    let workers = max(1, min(threads, count))
    if workers == 1 { return (0..<count).map(body) }
    let next = Mutex<Int>(0)
    let results = Mutex<[Int: T]>([:])
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = next.withLock { v -> Int in
          defer { v += 1 }
          return v
        }
        guard i < count else { return }
        let value = body(i)
        results.withLock { $0[i] = value }
      }
    }
    let done = results.withLock { $0 }
    return (0..<count).map { done[$0]! }
  }
}
