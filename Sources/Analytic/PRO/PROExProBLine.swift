// The one-sample PRO-B loss (PRO 002_74b446355a07bf4a.txt App. D, binary feedback; PRO-formulas.md
// §8) as a function of its only free variable w = logit π(y) (𝒴_ℋ = {y, ℋ}, exact-H):
//   L(w) = −β s log σ(w) + c·α_B (K(δ) + log 2),  δ = β(log σ(w) − log π_ref(y))
//                                                    − β(log σ(−w) − log π_ref(ℋ)),
// with c = β for PRO-B/print (β on both terms, verbatim) and c = 1 for PRO-B/βopt
// (reconstructed); and the catalog's M3–M5 in one dimension: rays w → −∞ (π(y) → 0) and
// w → +∞ (π(ℋ) → 0), split slopes, Brent's interior minimum, the M4 decision and thresholds.
// Goals, in order: 1) the Objectives PROB losses exactly (same display; the check compares
// them at moderate w); 2) representable at any depth (log σ(±w) directly, never 1 − π(y));
// 3) simplicity.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One-sample PRO-B in w = logit π(y), both variants.
///
/// Provenance: PRO-B/print verbatim (S2); PRO-B/βopt reconstructed (PRO-formulas.md §8).
public struct PROExProBLine: Sendable, Hashable {
  public var beta: Double
  /// α_B (the re-denoted αη(1−η)).
  public var alphaB: Double
  /// s ∈ {±½}.
  public var label: Double
  /// log π_ref(y) < 0.
  public var refLogProb: Double
  /// true: β on both terms (printed); false: β on the optimizer only.
  public var printed: Bool

  public init(beta: Double, alphaB: Double, label: Double, refLogProb: Double, printed: Bool) {
    self.beta = beta
    self.alphaB = alphaB
    self.label = label
    self.refLogProb = refLogProb
    self.printed = printed
  }

  /// log π_ref(ℋ) = log(1 − π_ref(y)).
  public var refLogHyper: Double { log1mExp(refLogProb) }
  /// c: the factor in front of α_B.
  var c: Double { printed ? beta : 1 }

  /// (L_O, R) at w: L_O = −βs log σ(w), R = c(K(δ) + log 2) per unit α_B.
  public func parts(_ w: Double) -> (optimizer: Double, regularizer: Double) {
    let a = logSigmoid(w)
    let b = logSigmoid(-w)
    let d = beta * (a - refLogProb) - beta * (b - refLogHyper)
    return (-beta * label * a, c * (BernoulliHalfKL.value(d) + log(2.0)))
  }

  public func value(_ w: Double) -> Double {
    let p = parts(w)
    return p.optimizer + alphaB * p.regularizer
  }

  /// The base point w_ref = logit π_ref(y).
  public var referenceLogit: Double { refLogProb - refLogHyper }

  /// The M3 split slopes along w → −∞ (`toPlus` false; t = w) or w → +∞ (t = −w), from w₀, with
  /// tol_κ (N = 3 terms: optimizer, K, log 2).
  public func slope(from w0: Double, toPlus: Bool) -> (kO: Double, kR: Double, tolO: Double, tolR: Double) {
    let base = [logSigmoid(w0), logSigmoid(-w0)]
    let ref = [refLogProb, refLogHyper]
    let s = zip(base, ref).map { abs($0) + abs($1) }.max() ?? 0
    let t = 800 / beta + 2 * s
    let w1 = toPlus ? w0 + t : w0 - t
    let w2 = toPlus ? w0 + 2 * t : w0 - 2 * t
    let p1 = parts(w1)
    let p2 = parts(w2)
    let eps = Double.ulpOfOne
    return (
      (p2.optimizer - p1.optimizer) / -t, (p2.regularizer - p1.regularizer) / -t,
      4 * eps * (abs(p1.optimizer) + abs(p2.optimizer)) / t,
      4 * 2 * eps * (abs(p1.regularizer) + abs(p2.regularizer)) / t
    )
  }

  /// The M5 ray threshold on α_B (nil: some ray diverges for no α_B).
  public func rayThreshold() -> Double? {
    var best = 0.0
    for plus in [false, true] {
      let k = slope(from: referenceLogit, toPlus: plus)
      if k.kR < -k.tolR {
        best = max(best, max(0, k.kO) / -k.kR)
      } else if !(k.kO < -k.tolO) {
        return nil
      }
    }
    return best
  }

  /// The M4 decision.
  public enum Decision: String, Sendable { case exists, absent, undecided }

  /// M4 in one dimension: ABSENT if a ray descends (or is flat, decreasing, and ends below the
  /// interior minimum); EXISTS if Brent finds an interior minimum with f″ ≥ −(error) and every
  /// ray diverges (or is flat and never below it); UNDECIDED otherwise. Returns the minimiser.
  public func decide() -> (decision: Decision, argmin: Double?, ray: String) {
    var flat: [Bool] = []
    for plus in [false, true] {
      let k = slope(from: referenceLogit, toPlus: plus)
      let kappa = k.kO + alphaB * k.kR
      let tol = k.tolO + alphaB * k.tolR
      if kappa > tol { return (.absent, nil, plus ? "w → +∞ (π(ℋ) → 0)" : "w → −∞ (π(y) → 0)") }
      flat.append(kappa >= -tol)
    }
    // Bracket: expand from w_ref until both ends exceed an interior value.
    let w0 = referenceLogit
    var lo = w0 - 1
    var hi = w0 + 1
    var mid = w0
    var fm = value(mid)
    var found = false
    for _ in 0..<200 {
      let fl = value(lo)
      let fh = value(hi)
      if fl > fm, fh > fm {
        found = true
        break
      }
      if fl <= fm {
        mid = lo
        fm = fl
        lo = w0 - 2 * (w0 - lo)
      }
      if fh <= fm {
        mid = hi
        fm = fh
        hi = w0 + 2 * (hi - w0)
      }
    }
    guard found,
      let m = try? Minimize.brent(
        value, a: lo, guess: mid, b: hi, relativeTolerance: 1e-7, maxIterations: 1000)
    else { return (.undecided, nil, "no interior bracket") }
    let x = m.argmin.value
    // f″ at x by a second difference with h = 10⁻³·max(1, |x|); its rounding is ≤ 4ε|f|/h².
    let h = 1e-3 * max(1, abs(x))
    let f0 = value(x)
    let s2 = (value(x + h) - 2 * f0 + value(x - h)) / (h * h)
    if s2 < -16 * Double.ulpOfOne * (abs(f0) + 1) / (h * h) {
      return (.undecided, x, "negative curvature")
    }
    if flat.contains(true) { return (.undecided, x, "flat ray") }
    return (.exists, x, "")
  }

  /// The optimal log-ratio log(π*(y)/π_ref(y)) at the minimiser w*.
  public func optimalLogRatio(_ w: Double) -> Double { logSigmoid(w) - refLogProb }
}
