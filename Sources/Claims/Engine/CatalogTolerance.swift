// The tolerance rules the catalogs share (see the "Conventions shared by the checks" of
// ../shared/claims/*.md), each with its derivation in its reason string.
import Numerics

/// Tolerance rules of the claim catalogs.
public enum CatalogTolerance {
  /// ε_m = 2⁻⁵², the float64 machine epsilon.
  public static let machineEpsilon = Double.ulpOfOne

  /// `T_id`: |A − B| ≤ 64·ε_m·(1 + S), S the sum of the absolute values of the terms
  /// entering either side. Bounds the accumulated rounding of ≤ ~30 operations in stable
  /// forms (each ≤ ε/2 relative to its operands, amplified by at most 2 per stable
  /// primitive), with the 1 covering results that cancel to near zero.
  public static func identity(termSum s: Double) -> Tolerance {
    Tolerance(
      absolute: identityAbsolute(termSum: s), relative: 0,
      reason: "T_id = 64·ε·(1 + S), S = \(formatNumber(abs(s))): rounding of ≤ 30 stable-form operations")
  }

  /// `T_id`'s allowed difference alone, 64·ε_m·(1 + |S|), for loops that need no reason string
  /// per case (formatting S costs more than the case itself; see ``Tally/record(_:passed:residual:identityTermSum:inputs:detail:)``).
  @inline(__always)
  public static func identityAbsolute(termSum s: Double) -> Double { 64 * machineEpsilon * (1 + abs(s)) }

  /// The FD rule: |analytic − FD| ≤ 8·abserr + 64·ε_m·(1 + |analytic|), with abserr GSL's
  /// own error estimate of gsl_deriv_central.
  public static func finiteDifference(abserr: Double, analytic: Double) -> Tolerance {
    Tolerance(
      absolute: 8 * abserr + 64 * machineEpsilon * (1 + abs(analytic)), relative: 0,
      reason: "FD rule: 8 × GSL abserr + 64·ε·(1 + |analytic|)")
  }

  /// The FD rule's step: h = 1e-4·max(1, |θ_i|).
  public static func finiteDifferenceStep(_ x: Double) -> Double { 1e-4 * max(1, abs(x)) }
}
