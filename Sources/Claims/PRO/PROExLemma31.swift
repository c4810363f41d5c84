// The Lemma 3.1 (v1) / B.1 (v2) diagnostic of pro.thm42-threshold-exists: where L̂_PRO has no
// minimiser (an ABSENT instance at α = α_T^exist/2), M2's descent sequence reaches the boundary.
// BFGS2 (M2's settings) is run from the reference start; the accepted iterates are read as the
// successive new-best loss evaluations (BFGS2's line search only accepts decreases), and
// min_y log π is reported at the first and last of them. A diagnostic, not a verdict.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum PROExLemma31 {
  struct Trace {
    var iterations: Int
    /// The loss strictly decreased from the first to the last iterate.
    var decreasing: Bool
    var minLogPiFirst: Double
    var minLogPiLast: Double
  }

  static func descentTrace(_ loss: PROExHyperLoss, alpha: Double, start: [Double]) -> Trace {
    final class Box: @unchecked Sendable {
      var best = Double.infinity
      var values: [Double] = []
      var minLogPi: [Double] = []
    }
    let box = Box()
    let f: ([Double]) -> Double = { z in
      let v = (try? loss.loss(freeLogits: z, alpha: alpha)) ?? .infinity
      if v < box.best {
        box.best = v
        box.values.append(v)
        box.minLogPi.append(PROExHyperLoss.logProbs(freeLogits: z).min() ?? 0)
      }
      return v
    }
    let g: ([Double]) -> [Double] = { z in
      (try? loss.gradient(freeLogits: z, alpha: alpha)) ?? z.map { _ in .nan }
    }
    _ = try? Minimize.bfgs(
      f, gradient: g, from: start, gradientTolerance: 1e-10 * loss.beta * (1 + alpha),
      initialStep: 0.1, lineSearchTolerance: 0.1, maxIterations: 2000)
    return Trace(
      iterations: box.values.count,
      decreasing: (box.values.last ?? 0) < (box.values.first ?? 0),
      minLogPiFirst: box.minLogPi.first ?? .nan, minLogPiLast: box.minLogPi.last ?? .nan)
  }
}
