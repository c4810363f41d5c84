// The regularizer profile of PRO App. F (v1) / App. E (v2), Figure 3 (restored in
// PRO-formulas.md §10; catalog pro.md §1.13): with δ the log-ratio gap without β,
//   f_{α,β}(δ) = (α/(2β)) K(βδ),   ∇_δ f_{α,β}(δ) = (α/2)(σ(βδ) − ½),
// the per-pair regularizer divided by the optimizer weight β.
// Goals, in order: 1) the restored normalisation exactly; 2) full relative accuracy near 0
// (σ(x) − ½ = ½tanh(x/2), K by the library's log cosh); 3) simplicity.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// f_{α,β} and its derivative (PRO-formulas.md §10).
///
/// Provenance: reconstructed (the overall constant is uncertain; v1 may plot (α/β)K).
public struct PROExRegularizerProfile: Sendable, Hashable {
  public var alpha: Double
  public var beta: Double

  public init(alpha: Double, beta: Double) {
    self.alpha = alpha
    self.beta = beta
  }

  /// f_{α,β}(δ) = (α/(2β))K(βδ).
  public func value(_ delta: Double) -> Double {
    alpha / (2 * beta) * BernoulliHalfKL.value(beta * delta)
  }

  /// ∇_δ f = (α/2)(σ(βδ) − ½) = (α/4)tanh(βδ/2).
  public func gradient(_ delta: Double) -> Double {
    alpha / 2 * BernoulliHalfKL.derivative(beta * delta)
  }
}
