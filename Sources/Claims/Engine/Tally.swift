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
    /// The largest non-NaN ratio and the tolerance of its first case (−∞ when none): what
    /// `worstRatio` would be had this class's first case not been NaN; kept for ``merge(_:)``.
    var finiteWorstRatio = -Double.infinity
    var toleranceAtFiniteWorst = 0.0
    var reason = ""
    /// S of the last case's tolerance when that was T_id recorded by its term sum: the reason is
    /// then `CatalogTolerance.identity(termSum: S).reason`, formatted only when it is read.
    var identityTermSum: Double?
    var firstFailure: Counterexample?
  }

  /// The classes in first-recorded order, their statistics at the same index, and the index of
  /// each name. Checks record their classes in a fixed cycle, so the class after the last one
  /// used (or the last one itself) is tried by string equality before the name is hashed:
  /// hashing a non-ASCII class name costs a Unicode normalisation on every record.
  private var order: [String] = []
  private var accs: [Acc] = []
  private var index: [String: Int] = [:]
  private var last = 0

  public init() {}

  /// The index of `cls` in `accs`, appending a new class when it is unseen.
  private mutating func slot(_ cls: String) -> Int {
    if !order.isEmpty {
      let next = last + 1 < order.count ? last + 1 : 0
      if order[next] == cls {
        last = next
        return next
      }
      if order[last] == cls { return last }
    }
    if let i = index[cls] {
      last = i
      return i
    }
    order.append(cls)
    accs.append(Acc(name: cls))
    last = accs.count - 1
    index[cls] = last
    return last
  }

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
    let i = slot(cls)
    accs[i].cases += 1
    let ratio = allowed > 0 ? abs(residual) / allowed : (passed ? 0 : .infinity)
    if abs(residual) > accs[i].worstResidual || residual.isNaN { accs[i].worstResidual = abs(residual) }
    if ratio > accs[i].worstRatio || accs[i].cases == 1 {
      accs[i].worstRatio = ratio
      accs[i].toleranceAtWorst = allowed
    }
    if ratio > accs[i].finiteWorstRatio {
      accs[i].finiteWorstRatio = ratio
      accs[i].toleranceAtFiniteWorst = allowed
    }
    if !reason.isEmpty {
      accs[i].reason = reason
      accs[i].identityTermSum = nil
    }
    if !passed {
      accs[i].failures += 1
      if accs[i].firstFailure == nil {
        accs[i].firstFailure = Counterexample(
          inputs: inputs(), detail: detail(), residual: residual.isFinite ? residual : nil,
          tolerance: allowed)
      }
    }
  }

  /// Records one case of `cls` against T_id with term sum `s`: the same as passing
  /// `allowed: T_id.absolute, reason: T_id.reason` of `CatalogTolerance.identity(termSum: s)`,
  /// but the reason (which only the class's last case supplies) is formatted when read.
  public mutating func record(
    _ cls: String, passed: Bool, residual: Double, identityTermSum s: Double,
    inputs: @autoclosure () -> [NamedValue], detail: @autoclosure () -> String = ""
  ) {
    record(
      cls, passed: passed, residual: residual, allowed: CatalogTolerance.identityAbsolute(termSum: s),
      inputs: inputs(), detail: detail())
    accs[last].identityTermSum = s
  }

  /// Records one case of `cls`: residual |A − B| against T_id with term sum `s`, as
  /// `record(cls, residual:, tolerance: CatalogTolerance.identity(termSum: s), …)` does.
  @discardableResult
  public mutating func record(
    _ cls: String, residual: Double, identityTermSum s: Double,
    inputs: @autoclosure () -> [NamedValue], detail: @autoclosure () -> String = ""
  ) -> Bool {
    let allowed = CatalogTolerance.identityAbsolute(termSum: s)
    let ok = residual.isFinite && residual <= allowed
    record(cls, passed: ok, residual: residual, identityTermSum: s, inputs: inputs(), detail: detail())
    return ok
  }

  /// Appends `other`'s cases as if they had been recorded into this tally after its own, in
  /// their order: the result equals the serial recording exactly (counts, first failures, the
  /// worst residual and ratio with NaN kept as `record` keeps it, the last reason), so a check
  /// may record its independent items on several threads and merge them in item order.
  public mutating func merge(_ other: Tally) {
    for b in other.accs {
      guard let i = index[b.name] else {
        order.append(b.name)
        accs.append(b)
        index[b.name] = accs.count - 1
        continue
      }
      var a = accs[i]
      // worstResidual: NaN is absorbing, otherwise the maximum.
      if !a.worstResidual.isNaN && (b.worstResidual.isNaN || b.worstResidual > a.worstResidual) {
        a.worstResidual = b.worstResidual
      }
      // worstRatio: the first case's ratio when NaN (nothing exceeds it), otherwise the first
      // case reaching the largest non-NaN ratio.
      if b.finiteWorstRatio > a.finiteWorstRatio {
        a.finiteWorstRatio = b.finiteWorstRatio
        a.toleranceAtFiniteWorst = b.toleranceAtFiniteWorst
      }
      if !a.worstRatio.isNaN {
        a.worstRatio = a.finiteWorstRatio
        a.toleranceAtWorst = a.toleranceAtFiniteWorst
      }
      // reason / identityTermSum: the state after the last case that set either.
      if b.identityTermSum != nil {
        a.identityTermSum = b.identityTermSum
        if !b.reason.isEmpty { a.reason = b.reason }
      } else if !b.reason.isEmpty {
        a.reason = b.reason
        a.identityTermSum = nil
      }
      a.cases += b.cases
      a.failures += b.failures
      if a.firstFailure == nil { a.firstFailure = b.firstFailure }
      accs[i] = a
    }
    last = other.accs.isEmpty ? last : index[other.order[other.last]] ?? last
  }

  /// Total cases and failures.
  public var cases: Int { accs.reduce(0) { $0 + $1.cases } }
  public var failures: Int { accs.reduce(0) { $0 + $1.failures } }

  /// The first failure (in class order), if any.
  public var firstFailure: Counterexample? {
    for a in accs { if let f = a.firstFailure { return f } }
    return nil
  }

  /// Failures in one class.
  public func failures(in cls: String) -> Int { index[cls].map { accs[$0].failures } ?? 0 }

  /// The per-class statistics, in first-recorded order.
  public var classes: [CaseClass] {
    accs.map {
      CaseClass(
        name: $0.name, cases: $0.cases, failures: $0.failures, worstResidual: $0.worstResidual,
        toleranceAtWorst: $0.toleranceAtWorst, worstRatio: $0.worstRatio,
        toleranceReason: $0.identityTermSum.map { CatalogTolerance.identity(termSum: $0).reason } ?? $0.reason)
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
