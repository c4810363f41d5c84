// Reference rows for the PRO family (PopulationDPO, EDPO, SampleEDPO, PRO, PROPTheorem43,
// PROPImplemented, PROBPrinted, PROBBetaOnOptimizer, PROS, KTOPROForm): exact-binary inputs,
// the loss and ∂loss/∂(first variable) to 20 significant digits, computed independently with
// mpmath at 50 digits from the formulas of PRO-formulas.md (mp.diff of the loss, never this
// package's analytic gradient).
//
// Tolerance (error analysis): the inputs are exact binary numbers, so only float64 operations
// round. Each operation (logSoftmax, r = β(u − v), log σ, K, the products and sums over at
// most 36 pairs) adds a relative error ≤ ε/2 to an intermediate value, and no path through a
// loss has more than ~30 of them. To first order the result therefore moves by at most
// ~16ε·(|value| + Σ|intermediate terms| + Σ_j|∂f/∂x_j · x_j|): the last sum is how rounding of
// arguments such as u − v (relative ε to |u| + |v|) propagates. `lossScale` pastes
// Σ_j|∂f/∂x_j · x_j| + Σ|terms| per row (terms: the optimizer counted twice — it can cancel
// against the regularizer — plus the value), so a row passes if
//   |observed − expected| ≤ 16ε·(|expected| + lossScale),
// and the same for the gradient component with gradientScale = Σ_j|∂²f/∂x_0∂x_j · x_j| +
// max_j|∂f/∂x_j| (the chain rule through logSoftmax sums all partials).
//
// Provenance — the generator (python3, mpmath 1.3; the objective's formula is pasted in each
// test file):
//   from mpmath import mp, mpf, log, exp; mp.dps = 50
//   def sig(x): return 1/(1+exp(-x))
//   def lsig(x): return log(sig(x))
//   def K(d): return -log(2) - lsig(d)/2 - lsig(-d)/2
//   def lsm(t): z = log(sum(exp(mpf(a)) for a in t)); return [mpf(a)-z for a in t]
//   def agg(u, H): return [u[i] for i not in H] + [log(sum(exp(u[i]) for i in H))]   # Eq. (6)
//   def aggp(q, H): return [q[i] for i not in H] + [sum(q[i] for i in H)]
//   def rh_exact(b, lps, refs):
//     return b*(log(1-sum(exp(a) for a in lps)) - log(1-sum(exp(c) for c in refs)))
//   def sens(F, allv, nv):     # allv: the variables, in variableNames order
//     g  = [mp.diff(F, allv, e_j) for j < nv]
//     S  = sum(|g[j]*allv[j]|);  Sg = sum(|mp.diff(F, allv, e_0 + e_j)*allv[j]|)
//     return g[0], S, Sg, max(|g|)
//   for each row: loss = F(*allv); lossScale = S + T; gradient0 = g[0];
//                 gradientScale = Sg + max|g|;  printed with mp.nstr(x, 20)
import Numerics
import Objectives
import Testing

struct PROReferenceRow<O: Objective>: Sendable, CustomStringConvertible {
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

  /// The header's tolerance 16ε·(|expected| + scale).
  static func tolerance(scale: Double) -> Tolerance {
    Tolerance(
      absolute: 16 * Double.ulpOfOne * scale, relative: 16 * Double.ulpOfOne,
      reason: "16ε·(|expected| + Σ|∂f/∂x·x| + Σ|terms|): first-order float64 rounding, exact inputs"
    )
  }

  func check(sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      let l = try objective.loss(input)
      let tl = Self.tolerance(scale: lossScale)
      #expect(
        tl.accepts(l, loss), "\(self) loss: \(tl.explain(l, loss))",
        sourceLocation: sourceLocation)
      let g = try objective.gradient(input)[0]
      let tg = Self.tolerance(scale: gradientScale)
      #expect(
        tg.accepts(g, gradient0), "\(self) \(input.variableNames[0]): \(tg.explain(g, gradient0))",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("\(self) threw \(error)", sourceLocation: sourceLocation)
    }
  }
}
