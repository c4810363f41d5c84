// Reference rows for the MPO family (MPO, WeightedMPOAbsolute, WeightedMPOSigned,
// WeightedMPOG1, PlackettLuce, BinnedPlackettLuce, InfoNCA, NCA): exact-binary inputs, the
// loss and ∂loss/∂(first variable) to 20 significant digits, computed independently with
// mpmath at 50 digits from the printed formulas (mp.diff of the loss, never this package's
// analytic gradient).
//
// Tolerance (error analysis): the inputs are exact binary numbers, so only float64 operations
// round. Each operation (the log-ratio, β·r, the logSumExps, softplus/σ, the sums over ≤ 5
// terms) adds a relative error ≤ ε/2 to an intermediate value, and no path through a loss
// has more than ~30 of them. To first order the result therefore moves by at most
// ~16ε·(|value| + Σ_j|∂f/∂x_j · x_j|): the sum is how rounding of arguments such as
// log π − log π_ref (relative ε to their inputs) propagates. So a row passes if
//   |observed − expected| ≤ 16ε·(|expected| + lossScale),
// with lossScale = |f| + Σ_j|∂f/∂x_j·x_j|, and the same for the gradient component with
// gradientScale = Σ_j|∂²f/∂x_0∂x_j · x_j| + max_j|∂f/∂x_j|.
//
// Provenance — the generator (python3, mpmath 1.3):
//   from mpmath import mp, mpf, log, exp, diff; mp.dps = 50
//   def lse(xs): m = max(xs); return m + log(sum(exp(x - m) for x in xs))
//   def sig(x): return 1/(1+exp(-x))
//   def row(f, xs):   # xs: the variables in variableNames order
//     g  = [diff(f, xs, e_i) for i]; S = sum(|g_j x_j|)
//     Sg = sum(|diff(f, xs, e_0 + e_j) x_j|)
//     return f(xs), |f| + S, g[0], Sg + max|g|       # printed with mp.nstr(x, 20)
// The objective's formula as given to `row` is pasted in each test file.
import Objectives
import Testing

struct MPOFamilyReferenceRow<O: Objective>: Sendable, CustomStringConvertible {
  var objective: O
  var input: O.Input
  var loss: Double
  var lossScale: Double
  var gradient0: Double
  var gradientScale: Double

  init(
    _ objective: O, _ input: O.Input, loss: Double, lossScale: Double, gradient0: Double,
    gradientScale: Double
  ) {
    self.objective = objective
    self.input = input
    self.loss = loss
    self.lossScale = lossScale
    self.gradient0 = gradient0
    self.gradientScale = gradientScale
  }

  var description: String { "\(objective.name) at \(input.variables)" }

  func check(sourceLocation: SourceLocation = #_sourceLocation) {
    let eps = Double.ulpOfOne
    do {
      let l = try objective.loss(input)
      let g = try objective.gradient(input)
      let tl = 16 * eps * (abs(loss) + lossScale)
      let tg = 16 * eps * (abs(gradient0) + gradientScale)
      #expect(
        abs(l - loss) <= tl,
        "loss \(l) vs mpmath \(loss): |Δ| = \(abs(l - loss)) > 16ε(|v| + scale) = \(tl)",
        sourceLocation: sourceLocation)
      #expect(
        abs(g[0] - gradient0) <= tg,
        "∂/∂\(input.variableNames[0]) \(g[0]) vs mpmath \(gradient0): |Δ| = \(abs(g[0] - gradient0)) > \(tg)",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("threw \(error)", sourceLocation: sourceLocation)
    }
  }
}
