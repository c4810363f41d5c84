// The PRO loss with a hyper response, PRO (002_74b446355a07bf4a.txt) §4.1 (restored in
// PRO-formulas.md §4):
//   L̂_PRO = −β E_{y∼µ̂}[ŝ(y) log π_θ(y)]  +  (α/2) E_{y₁,y₂ ∼̇ µ}[K(r_θ(y₁) − r_θ(y₂))],
//   E_{y ∼̇ µ}[f(y)] = µ(ℋ) f(ℋ) + Σ_{y∉ℋ} µ(y) f(y),  q(ℋ) = Σ_{y∈ℋ} q(y)  (Eq. 6),
//   r_θ(ℋ) = β log π_θ(ℋ)/π_ref(ℋ).
// Implementation goals: 1) the display exactly, always through the Eq. (6) aggregation (a
// one-element ℋ takes the same path, so comparing PRO with SampleEDPO tests something);
// 2) finite value and gradient for all finite logits (log π(ℋ) by logSumExp); 3) simplicity.
import StableMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// PRO with a hyper response over a finite response set, PRO §4.1 (PRO-formulas.md §4).
///
/// Provenance: [reconstructed. Per the prose, its only difference from `L̂_eDPO` is
/// `y₁, y₂ ∼̇ µ` in the regularizer] (PRO-formulas.md §4); the ∼̇ expectation is
/// [verbatim S2]. The gradient is taken with respect to `logits`, `refLogits` and `scores`;
/// ``hyperSpaceTerms(logProbs:refLogProbs:mu:optimizerWeights:)`` gives the terms and their
/// gradients in free log-probabilities on 𝒴_ℋ.
public struct PRO: Objective {
  /// β > 0, the DPO temperature (optimizer weight).
  public var beta: Double
  /// α > 0, the regularizer weight (the regularizer carries α/2).
  public var alpha: Double

  public init(beta: Double, alpha: Double) {
    self.beta = beta
    self.alpha = alpha
  }

  public var name: String { "PRO" }

  /// The formula's provenance tag, quoted from PRO-formulas.md §4.
  public static let provenance: Provenance = .reconstructed(
    "per the prose, its only difference from L̂_eDPO is y₁, y₂ ∼̇ µ in the regularizer")

  /// The two terms on 𝒴_ℋ as functions of free log-probabilities u_e (not normalised) and
  /// reference log-probabilities v_e, with optimizer weights w_e = µ̂(e)ŝ(e):
  /// optimizer −β Σ_e w_e u_e, regularizer (α/2) Σ_{e,f} µ_e µ_f K(β(u_e − v_e) − β(u_f − v_f)),
  /// and their gradients with respect to u (those with respect to v are the negated
  /// regularizer gradient). Eq. (30): ∂(regularizer)/∂u_e = αβ Σ_f µ_e µ_f (σ(r_e − r_f) − ½).
  public func hyperSpaceTerms(
    logProbs u: [Double], refLogProbs v: [Double], mu: [Double], optimizerWeights w: [Double]
  ) throws -> (
    optimizer: Double, regularizer: Double, optimizerGradient: [Double],
    regularizerGradient: [Double]
  ) {
    try Validate.positive(beta, "beta")
    try Validate.positive(alpha, "alpha")
    let m = u.count
    try Validate.atLeast(m, 1, "logProbs.count")
    try FiniteResponseMath.validateCompanion(v, "refLogProbs", count: m, logitsField: "logProbs")
    try FiniteResponseMath.validateCompanion(mu, "mu", count: m, logitsField: "logProbs")
    try FiniteResponseMath.validateCompanion(
      w, "optimizerWeights", count: m, logitsField: "logProbs")
    try Validate.allFinite(u, "logProbs")
    var optimizer = 0.0
    var gOpt = [Double](repeating: 0, count: m)
    for e in 0..<m where w[e] != 0 {
      optimizer -= beta * w[e] * u[e]
      gOpt[e] = -beta * w[e]
    }
    let r = (0..<m).map { beta * (u[$0] - v[$0]) }
    var sum = 0.0
    var gReg = [Double](repeating: 0, count: m)
    for a in 0..<m where mu[a] != 0 {
      for b in 0..<m where mu[b] != 0 && b != a {
        let d = r[a] - r[b]
        sum += mu[a] * mu[b] * BernoulliHalfKL.value(d)
        gReg[a] += alpha * beta * mu[a] * mu[b] * BernoulliHalfKL.derivative(d)
      }
    }
    return (optimizer, 0.5 * alpha * sum, gOpt, gReg)
  }

  /// The optimizer −β Σ_y µ̂(y) ŝ(y) log π_θ(y).
  public func optimizerTerm(_ x: PROInput) throws -> Double { try parts(x).optimizer }

  /// The regularizer (α/2) E_{y₁,y₂ ∼̇ µ}[K(r_θ(y₁) − r_θ(y₂))].
  public func regularizerTerm(_ x: PROInput) throws -> Double { try parts(x).regularizer }

  /// ∂(optimizer)/∂(θ, θ_ref, ŝ).
  public func optimizerGradient(_ x: PROInput) throws -> [Double] {
    try parts(x).optimizerGradient
  }

  /// ∂(regularizer)/∂(θ, θ_ref, ŝ).
  public func regularizerGradient(_ x: PROInput) throws -> [Double] {
    try parts(x).regularizerGradient
  }

  public func loss(_ x: PROInput) throws -> Double {
    let p = try parts(x)
    return p.optimizer + p.regularizer
  }

  /// ∂L/∂(θ, θ_ref, ŝ): the 𝒴_ℋ gradients of ``hyperSpaceTerms``, pulled back through
  /// Eq. (6) (∂ log π(ℋ)/∂ log π(y) = π(y)/π(ℋ), y ∈ ℋ) and u = logSoftmax(θ);
  /// ∂/∂ŝ(y) = −β µ̂(y) log π_θ(y).
  public func gradient(_ x: PROInput) throws -> [Double] {
    let p = try parts(x)
    return zip(p.optimizerGradient, p.regularizerGradient).map { $0 + $1 }
  }

  private func parts(_ x: PROInput) throws -> (
    optimizer: Double, regularizer: Double, optimizerGradient: [Double],
    regularizerGradient: [Double]
  ) {
    try Validate.positive(beta, "beta")
    try Validate.positive(alpha, "alpha")
    try x.validate()
    let n = x.logits.count
    let zeros = [Double](repeating: 0, count: n)
    let space = x.space
    let u = logSoftmax(x.logits)
    let v = logSoftmax(x.refLogits)
    let ua = space.aggregateLog(u)
    let va = space.aggregateLog(v)
    let muA = space.aggregate(x.mu)
    // ℋ is unlabeled, so every labeled element of 𝒴_ℋ is a singleton.
    let wA = space.elements.map { e in e.count == 1 ? x.muHat[e[0]] * x.scores[e[0]] : 0 }
    let t = try hyperSpaceTerms(logProbs: ua, refLogProbs: va, mu: muA, optimizerWeights: wA)
    let gOptU = space.pullBack(t.optimizerGradient, logValues: u, aggregated: ua)
    let gRegU = space.pullBack(t.regularizerGradient, logValues: u, aggregated: ua)
    let gRegV = space.pullBack(t.regularizerGradient.map { -$0 }, logValues: v, aggregated: va)
    let gOptS = (0..<n).map { y in x.muHat[y] > 0 ? -beta * x.muHat[y] * u[y] : 0 }
    let optG = FiniteResponseMath.logitGradient(gOptU, logProbs: u) + zeros + gOptS
    let regG =
      FiniteResponseMath.logitGradient(gRegU, logProbs: u)
      + FiniteResponseMath.logitGradient(gRegV, logProbs: v) + zeros
    return (t.optimizer, t.regularizer, optG, regG)
  }
}
