// The common shape of identity checks: draw cases from strata, evaluate both sides, compare
// under a tolerance (T_id by default), and on failure shrink the first counterexample by the
// catalogs' rule. Each stratum draws its own stream, so adding a stratum never changes the
// cases of another.
import Numerics

/// One stratum of an identity sweep.
public struct SweepStratum {
  /// The class name in the evidence.
  public var name: String
  /// Cases in full mode; quick mode uses a tenth (at least 100).
  public var count: Int
  /// Draws one case's real inputs.
  public var draw: (inout RandomStream) -> [Double]
  /// Per input, the stratum endpoints the shrinker tries (0 is always tried).
  public var endpoints: [[Double]]

  public init(
    _ name: String, count: Int, endpoints: [[Double]],
    draw: @escaping (inout RandomStream) -> [Double]
  ) {
    self.name = name
    self.count = count
    self.draw = draw
    self.endpoints = endpoints
  }
}

/// The two sides of an identity at one case, and the sum S of the absolute values of the
/// terms entering either side (for T_id).
public struct IdentitySides {
  public var lhs: Double
  public var rhs: Double
  public var termSum: Double
  public init(lhs: Double, rhs: Double, termSum: Double) {
    self.lhs = lhs
    self.rhs = rhs
    self.termSum = termSum
  }
}

/// Runs identity sweeps.
public enum IdentitySweep {
  /// Checks lhs = rhs under T_id on every case of every stratum. Returns confirmed, or
  /// refuted with the shrunk first failure.
  /// - Parameters:
  ///   - names: the names of the inputs, in draw order.
  ///   - evaluate: both sides at an input; nil when the input is outside the claim's domain
  ///     (counted as skipped, not judged).
  public static func run(
    _ ctx: CheckContext, claim: String, names: [String], strata: [SweepStratum],
    notes: [String] = [], evaluate: ([Double]) -> IdentitySides?
  ) -> CheckOutcome {
    var tally = Tally()
    var shrinkSource: (values: [Double], endpoints: [[Double]])?
    var skipped = 0
    for s in strata {
      var r = ctx.stream(claim + "/" + s.name)
      let n = ctx.count(full: s.count, quick: max(100, s.count / 10))
      for _ in 0..<n {
        let x = s.draw(&r)
        guard let sides = evaluate(x) else {
          skipped += 1
          continue
        }
        let residual = abs(sides.lhs - sides.rhs)
        let ok = tally.record(
          s.name, residual: residual.isNaN ? .infinity : residual, identityTermSum: sides.termSum,
          inputs: zip(names, x).map { NamedValue($0, $1) },
          detail: "LHS = \(sides.lhs), RHS = \(sides.rhs), |LHS − RHS| = \(residual) > T_id = \(CatalogTolerance.identityAbsolute(termSum: sides.termSum))")
        if !ok && shrinkSource == nil { shrinkSource = (x, s.endpoints) }
      }
    }
    var allNotes = notes
    if skipped > 0 { allNotes.append("\(skipped) drawn cases were outside the domain and skipped") }
    guard let src = shrinkSource else { return tally.outcome(claim: claim, notes: allNotes) }
    let fails: ([Double]) -> Bool = { v in
      guard let s = evaluate(v) else { return false }
      return !(abs(s.lhs - s.rhs) <= CatalogTolerance.identity(termSum: s.termSum).absolute)
    }
    let small = CounterexampleShrinker.shrink(src.values, targets: src.endpoints, fails: fails)
    let sides = evaluate(small)
    let tol = sides.map { CatalogTolerance.identity(termSum: $0.termSum).absolute } ?? .nan
    let cx = Counterexample(
      inputs: zip(names, small).map { NamedValue($0, $1) },
      detail: sides.map { "LHS = \($0.lhs), RHS = \($0.rhs), |LHS − RHS| = \(abs($0.lhs - $0.rhs)) > T_id = \(tol)" } ?? "",
      residual: sides.map { abs($0.lhs - $0.rhs) }, tolerance: tol)
    return tally.outcome(claim: claim, counterexample: cx, notes: allNotes)
  }
}
