// Accumulates the cases of a check by class: counts, failures, the worst residual against
// its tolerance, and the first failing case of each class (kept for shrinking). Most
// identity, inequality and bound checks are a loop that records into a Tally and then asks
// it for the outcome.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Case statistics of a check, by class.
public struct Tally: Sendable {
  struct Acc: Sendable {
    var name: String
    var cases = 0
    var failures = 0
    var worstResidual = 0.0
    var toleranceAtWorst = 0.0
    var worstRatio = 0.0
    var reason = ""
    var firstFailure: Counterexample?
  }

  private var order: [String] = []
  private var accs: [String: Acc] = [:]

  public init() {}

  /// Records one case of `cls`: residual |A − B| against `tolerance`. Returns whether it
  /// passed. `inputs` and `detail` are evaluated only for the first failure of the class.
  @discardableResult
  public mutating func record(
    _ cls: String, residual: Double, tolerance: Tolerance,
    inputs: @autoclosure () -> [NamedValue], detail: @autoclosure () -> String = ""
  ) -> Bool {
    let allowed = tolerance.absolute
    let ok = residual.isFinite && residual <= allowed
    record(
      cls, passed: ok, residual: residual, allowed: allowed, reason: tolerance.reason,
      inputs: inputs(), detail: detail())
    return ok
  }

  /// Records one case of `cls` with an explicit pass/fail (inequalities, signs).
  public mutating func record(
    _ cls: String, passed: Bool, residual: Double = 0, allowed: Double = 0, reason: String = "",
    inputs: @autoclosure () -> [NamedValue], detail: @autoclosure () -> String = ""
  ) {
    if accs[cls] == nil {
      order.append(cls)
      accs[cls] = Acc(name: cls)
    }
    var a = accs[cls]!
    a.cases += 1
    let ratio = allowed > 0 ? abs(residual) / allowed : (passed ? 0 : .infinity)
    if abs(residual) > a.worstResidual || residual.isNaN { a.worstResidual = abs(residual) }
    if ratio > a.worstRatio || a.cases == 1 {
      a.worstRatio = ratio
      a.toleranceAtWorst = allowed
    }
    if !reason.isEmpty { a.reason = reason }
    if !passed {
      a.failures += 1
      if a.firstFailure == nil {
        a.firstFailure = Counterexample(
          inputs: inputs(), detail: detail(), residual: residual.isFinite ? residual : nil,
          tolerance: allowed)
      }
    }
    accs[cls] = a
  }

  /// Total cases and failures.
  public var cases: Int { accs.values.reduce(0) { $0 + $1.cases } }
  public var failures: Int { accs.values.reduce(0) { $0 + $1.failures } }

  /// The first failure (in class order), if any.
  public var firstFailure: Counterexample? {
    for c in order { if let f = accs[c]?.firstFailure { return f } }
    return nil
  }

  /// Failures in one class.
  public func failures(in cls: String) -> Int { accs[cls]?.failures ?? 0 }

  /// The per-class statistics, in first-recorded order.
  public var classes: [CaseClass] {
    order.compactMap { accs[$0] }.map {
      CaseClass(
        name: $0.name, cases: $0.cases, failures: $0.failures, worstResidual: $0.worstResidual,
        toleranceAtWorst: $0.toleranceAtWorst, worstRatio: $0.worstRatio, toleranceReason: $0.reason)
    }
  }

  /// The confirmed/refuted outcome: confirmed when no case failed, otherwise refuted with
  /// `counterexample` (typically the shrunk first failure) or the first failure.
  public func outcome(
    claim what: String, counterexample: Counterexample? = nil, notes: [String] = []
  ) -> CheckOutcome {
    if failures == 0 {
      let worst = classes.map(\.worstRatio).max() ?? 0
      return CheckOutcome(
        verdict: .confirmed,
        summary: "\(what): \(cases) cases in \(classes.count) classes, all within tolerance "
          + "(worst residual/tolerance \(String(format3(worst))))",
        classes: classes, notes: notes)
    }
    let cx = counterexample ?? firstFailure
    return CheckOutcome(
      verdict: .refuted,
      summary: "\(what): \(failures) of \(cases) cases fail; e.g. \(cx?.line ?? "")",
      classes: classes, notes: notes, counterexample: cx)
  }
}

/// Three significant digits for summaries.
func format3(_ x: Double) -> String {
  if !x.isFinite { return formatNumber(x) }
  if x == 0 { return "0" }
  let e = Int((log10(abs(x))).rounded(.down))
  let scale = pow(10, Double(2 - e))
  let r = (x * scale).rounded() / scale
  return abs(e) > 4 ? "\(r)" : formatNumber(r)
}
