// Thresholds: where a function of one parameter changes sign (a bound stops being
// meaningful, a gradient flow changes direction). Found by scanning for a bracket and
// bracketed Brent (Numerics.Roots), and compared with a claimed value within the root's
// error estimate plus the claim's printed precision.
import Numerics

/// A located threshold and its comparison with a claimed value.
public struct ThresholdResult: Sendable {
  public var root: Estimate
  public var claimed: Double
  /// The allowed distance: the root's error estimate plus `claimTolerance`.
  public var allowed: Double
  public var matches: Bool { abs(root.value - claimed) <= allowed }
}

/// Threshold location.
public enum ThresholdSearch {
  /// The sign change of `f` on [lo, hi] (scanned on `points` equispaced points for a
  /// bracket, then Brent to relative 1e-14), compared with `claimed` within the root's
  /// error plus `claimTolerance` (e.g. half a unit of the claimed value's last digit).
  /// - Throws: ``GSLError`` when no sign change is found or Brent fails.
  public static func locate(
    _ f: @escaping (Double) -> Double, in lo: Double, _ hi: Double, points: Int = 200,
    claimed: Double, claimTolerance: Double
  ) throws -> ThresholdResult {
    let bracket = try Roots.scanForBracket(f, in: lo...hi, subdivisions: points)
    let root = try Roots.brent(f, in: bracket, absoluteTolerance: 0, relativeTolerance: 1e-14)
    return ThresholdResult(root: root, claimed: claimed, allowed: root.error + claimTolerance)
  }
}
