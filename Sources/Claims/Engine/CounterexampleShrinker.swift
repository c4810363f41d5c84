// The catalogs' shrinking rule: move each real input toward 0 or the nearest stratum
// endpoint, and round it to the fewest decimal digits that still fail — so a reader can
// recompute the counterexample by hand.
#if canImport(Glibc)
  import Glibc
#endif

/// Shrinks failing inputs toward simple round numbers.
public enum CounterexampleShrinker {
  /// Returns the simplest failing input found from `values`.
  /// - Parameters:
  ///   - targets: per input, the simple values to try first (0 and the stratum endpoints).
  ///   - fails: whether an input still violates the claim (must hold for `values`).
  ///   - budget: the maximum number of evaluations of `fails` (bounded: never hangs).
  public static func shrink(
    _ values: [Double], targets: [[Double]], budget: Int = 4000, fails: ([Double]) -> Bool
  ) -> [Double] {
    precondition(targets.count == values.count, "one target list per input")
    var best = values
    var evaluations = 0
    func tryCandidate(_ c: [Double]) -> Bool {
      guard evaluations < budget else { return false }
      evaluations += 1
      return fails(c)
    }
    var improved = true
    while improved && evaluations < budget {
      improved = false
      for i in best.indices {
        // 1. Jump to 0, else to the nearest target (the catalogs' rule: toward 0 or the
        //    nearest stratum endpoint), when that is simpler to write and still fails.
        let nearest = ([0] + targets[i]).min(by: { abs($0 - best[i]) < abs($1 - best[i]) }) ?? 0
        for t in [0, nearest] where t != best[i] && simplicity(t) < simplicity(best[i]) {
          var c = best
          c[i] = t
          if tryCandidate(c) {
            best = c
            improved = true
            break
          }
        }
        // 2. Halve the distance to 0, then to the nearest target, while it still fails (a
        //    jump to a distant endpoint is followed by a walk back toward 0). After a halving
        //    toward 0 the nearest target is 0 and the second walk is skipped; the budget bounds
        //    the rest.
        for phase in 0..<2 {
          let t = phase == 0 ? 0 : ([0] + targets[i]).min(by: { abs($0 - best[i]) < abs($1 - best[i]) }) ?? 0
          if phase == 1 && t == 0 { break }
          for _ in 0..<20 {
            let mid = best[i] + (t - best[i]) / 2
            if mid == best[i] { break }
            var c = best
            c[i] = mid
            if tryCandidate(c) {
              best = c
              improved = true
            } else {
              break
            }
          }
        }
        // 3. Round to the fewest decimal digits that still fail.
        for digits in 0...15 {
          let r = roundTo(best[i], digits: digits)
          if r == best[i] { break }
          var c = best
          c[i] = r
          if tryCandidate(c) {
            best = c
            improved = true
            break
          }
        }
      }
    }
    return best
  }

  /// x rounded to `digits` decimal places.
  static func roundTo(_ x: Double, digits: Int) -> Double {
    let s = pow(10, Double(digits))
    let r = (x * s).rounded() / s
    return r.isFinite ? r : x
  }

  /// A measure of how simple a number is to write: decimal digits needed, then magnitude.
  static func simplicity(_ x: Double) -> Double {
    if x == 0 { return 0 }
    for d in 0...17 where roundTo(x, digits: d) == x { return Double(d) + log10(1 + abs(x)) / 400 }
    return 18 + log10(1 + abs(x)) / 400
  }
}
