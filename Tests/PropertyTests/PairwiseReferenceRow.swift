// Reference rows for the pairwise objectives (DPO, SFT, IPO, CPO, SimPO, MaPPO and plugins,
// AlphaPO): exact-binary inputs, loss and full gradient to 21 significant digits computed
// independently with mpmath at 50 digits (mp.diff on the printed formula, never the Swift
// code's analytic gradient), and the first-order sensitivities used for the tolerance.
//
// Tolerance (error analysis): each input x_j and hyperparameter h_j enters the float64
// computation rounded (or as the result of a rounded sum) to relative ε/2, and each of the
// ≤ 30 operations of a loss adds a relative rounding ≤ ε/2 to an intermediate value. To
// first order the result moves by ≤ Σ_j |∂f/∂x_j · x_j|·ε/2 (the sensitivity S, pasted per
// row) plus ε/2 per operation relative to the value and to the intermediate terms. So a
// row passes if |observed − expected| ≤ 16ε·(|expected| + S) + 16ε·T, where T bounds the
// intermediate terms that cancel (stated per objective at the call site, 0 when none).
//
// Provenance — the generator (python3, mpmath 1.3), with `f` the objective's printed
// formula given in each test file:
//   from mpmath import mp, mpf, diff, nstr, fabs; mp.dps = 50
//   def nls(x): return log(1 + exp(-x))          # −log σ(x)
//   def run2(f, hyper, rows, nvars):            # rows: (variables, (|y_w|, |y_l|))
//     for v, n in rows:
//       allv = [mpf(x) for x in v] + [mpf(hyper[k]) for k in hyper]   # exact doubles
//       F = lambda *a: f(dict(zip(hyper, a[nvars:])), list(a[:nvars]), n)
//       g  = [diff(F, allv, e_i) for i]                                 # gradient
//       S  = sum(|g_j · allv_j|)                                        # loss sensitivity
//       Si = [sum(|diff(F, allv, e_i + e_j) · allv_j| over j) for i < nvars]
//       print(nstr(F(*allv), 21), [nstr(x, 21) for x in g[:nvars]], nstr(S, 3), Si)
// The inputs: (log π_θ(y_w), log π_θ(y_l), log π_ref(y_w), log π_ref(y_l)), lengths:
//   (−0.375, −1.5, −0.5, −1.25), (3, 5);   (−12.5, −1/128, −3, −0.25), (16, 2);
//   (−1/256, −40, −2, −37.5), (1, 8);      (−100, −100, −50, −75.5), (64, 64);
//   (0, −2.75, −6.5, 0), (10, 7);          (−99999.5, −0.5, −1, −20000), (10000, 1);
// and, for rewarded pairs, (r_w, r_l) = (0.75, 0.25), (1, 0), (0.5, 0.5), (0.875, 0.0625),
// (0.25, 0.75), (0.9375, 0.125) in the same order.
import Numerics
import Objectives
import Testing

struct PairwiseReferenceRow: Sendable, CustomStringConvertible {
  var variables: [Double]
  var lengths: [Int]
  var loss: Double
  var lossSensitivity: Double
  var gradient: [Double]
  var gradientSensitivity: [Double]

  var description: String { "\(variables) lengths \(lengths)" }

  var pair: PreferencePair {
    PreferencePair(
      logProbChosen: variables[0], logProbRejected: variables[1],
      refLogProbChosen: variables[2], refLogProbRejected: variables[3],
      lengthChosen: lengths[0], lengthRejected: lengths[1])
  }

  var rewardedPair: RewardedPreferencePair {
    RewardedPreferencePair(pair, rewardChosen: variables[4], rewardRejected: variables[5])
  }

  /// The tolerance of the file header: 16ε·(|expected| + S + T).
  static func tolerance(sensitivity s: Double, cancelling t: Double) -> Tolerance {
    Tolerance(
      absolute: 16 * Double.ulpOfOne * (s + t), relative: 16 * Double.ulpOfOne,
      reason: "16 ulps of value, first-order input sensitivity \(s) and cancelling terms \(t)")
  }

  /// Compares `objective` on `input` with the row; records one issue per mismatch.
  func check<O: Objective>(
    _ objective: O, _ input: O.Input, cancelling t: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      let l = try objective.loss(input)
      let tl = Self.tolerance(sensitivity: lossSensitivity, cancelling: t)
      #expect(
        tl.accepts(l, loss), "\(objective.name) loss: \(tl.explain(l, loss))",
        sourceLocation: sourceLocation)
      let g = try objective.gradient(input)
      for i in gradient.indices {
        let tg = Self.tolerance(sensitivity: gradientSensitivity[i], cancelling: t)
        #expect(
          tg.accepts(g[i], gradient[i]),
          "\(objective.name) ∂/∂\(input.variableNames[i]): \(tg.explain(g[i], gradient[i]))",
          sourceLocation: sourceLocation)
      }
    } catch {
      Issue.record("\(objective.name) threw \(error) on \(self)", sourceLocation: sourceLocation)
    }
  }
}
