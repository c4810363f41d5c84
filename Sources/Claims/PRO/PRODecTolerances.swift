// The tolerances of claims/pro.md §2 M6 used by pro.dpo-gradient … pro.kl-half-closed-form,
// and the provenance stamp every PRO verdict carries (§ Provenance: a verdict on a
// reconstructed formula is printed as "… on the reconstructed form (source)").
import Numerics

/// M6 tolerances and the provenance stamp.
enum PRODecTol {
  static let eps = Double.ulpOfOne

  /// T-round: |a − b| ≤ 4Nε·S + 4ε·C (recursive summation of N terms with absolute sum S,
  /// few-ulp stable primitives; C the conditioning of arguments formed from stored values).
  static func round(terms n: Int, termSum s: Double, conditioning c: Double = 0) -> Tolerance {
    Tolerance(
      absolute: 4 * Double(max(n, 1)) * eps * abs(s) + 4 * eps * abs(c), relative: 0,
      reason: "T-round = 4Nε·S + 4ε·C (N = \(n), S = \(format3(s)), C = \(format3(c)))")
  }

  /// T-fd: |g − g_fd| ≤ 2·abserr + T-round(g).
  static func fd(abserr: Double, round: Tolerance) -> Tolerance {
    Tolerance(
      absolute: 2 * abserr + round.absolute, relative: 0,
      reason: "T-fd = 2·abserr(gsl_deriv_central) + T-round(g)")
  }

  /// T-fd plus the rounding of f's own evaluation (`evaluationRounding`, the T-round of its
  /// value) propagated through GSL's 5-point stencil, 3·rounding/h: GSL's abserr estimates
  /// rounding from |f| alone, which understates it when f is a difference of larger terms
  /// (reading of T-fd; cf. Engine/FDRule's inputRounding).
  static func fd(abserr: Double, round: Tolerance, evaluationRounding: Double, step: Double) -> Tolerance {
    Tolerance(
      absolute: 2 * abserr + round.absolute + 3 * evaluationRounding / step, relative: 0,
      reason: "T-fd = 2·abserr + T-round(g) + 3·T-round(f)/h (f a difference of larger terms)")
  }

  /// gsl_deriv_central of f along coordinate i at x, step h = 1e-4·max(1, |x_i|) (M6 T-fd).
  static func centralPartial(_ f: ([Double]) -> Double, at x: [Double], _ i: Int) throws -> Estimate {
    var p = x
    return try Derivative.derivative(
      of: { t in
        p[i] = t
        return f(p)
      }, at: x[i], method: .central, step: 1e-4 * max(1, abs(x[i])))
  }

  /// The outcome with its provenance stated: the summary of a verdict on a reconstructed
  /// formula ends with "on the reconstructed form (source)", and a note repeats it.
  static func stamp(_ o: CheckOutcome, _ p: ClaimProvenance) -> CheckOutcome {
    var out = o
    switch p {
    case .verbatim:
      out.notes.append("provenance: verbatim (the formulas were seen in print)")
    case .reconstructed(let from):
      out.summary += " — on the reconstructed form (\(from))"
      out.notes.append(
        "provenance: reconstructed (\(from)); this verdict is on the reconstructed form, not on "
          + "the printed paper")
    }
    return out
  }

  /// M7's control rule: a control that did not fail anywhere makes the check insensitive, so
  /// its verdict becomes inconclusive.
  static func applyControl(_ o: CheckOutcome, controlFailed: Bool, control: String) -> CheckOutcome {
    var out = o
    if controlFailed {
      out.notes.append("control (\(control)) failed as it must")
    } else {
      out.verdict = .inconclusive
      out.summary = "control (\(control)) passed, so the check is insensitive — " + out.summary
    }
    return out
  }
}
