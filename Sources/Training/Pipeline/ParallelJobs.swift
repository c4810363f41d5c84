// The worker threads of ``TrainingGrid`` (TRAINING.md "Engineering": the default grid on two
// cores): jobs 0..<count run on up to `workers` threads, each job's result lands in its own
// slot, so the output is in job order whatever the thread count or timing. The first error
// stops the workers from taking new jobs and is rethrown.
import Foundation

/// Runs independent jobs on a few threads.
enum ParallelJobs {
  /// `body(i)` for every i in 0..<count on up to `workers` threads; the results in job order.
  /// `body` must be safe to call from several threads at once for different i.
  static func map<T>(
    count: Int, workers: Int, _ body: (Int) throws -> T
  ) throws -> [T] {
    precondition(workers >= 1, "workers must be ≥ 1, got \(workers)")
    if count == 0 { return [] }
    if workers == 1 || count == 1 { return try (0..<count).map(body) }
    return try withoutActuallyEscaping(body) { body in
      let state = State<T>(count: count, body: body)
      DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in state.work() }
      if let e = state.error { throw e }
      return state.results.map { $0! }
    }
  }

  /// The shared queue of job indices and result slots (guarded by `lock`).
  private final class State<T>: @unchecked Sendable {
    let count: Int
    let body: (Int) throws -> T
    let lock = NSLock()
    var next = 0
    var results: [T?]
    var error: (any Error)?

    init(count: Int, body: @escaping (Int) throws -> T) {
      self.count = count
      self.body = body
      results = [T?](repeating: nil, count: count)
    }

    func work() {
      while true {
        lock.lock()
        guard error == nil, next < count else {
          lock.unlock()
          return
        }
        let i = next
        next += 1
        lock.unlock()
        do {
          let r = try body(i)
          lock.lock()
          results[i] = r
          lock.unlock()
        } catch {
          lock.lock()
          if self.error == nil { self.error = error }
          lock.unlock()
        }
      }
    }
  }
}
