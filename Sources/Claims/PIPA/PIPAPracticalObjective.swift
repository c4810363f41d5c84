// The practical PIPA-M objective of pipa.no-additional-hyperparameters (paper
// 004_fe2e5eb1635a4348.txt §2.6, Algorithm 1 with the clip on negatives only) as an evaluator
// with preallocated buffers: one search calls it ~10⁴ times, and the entry runs 7 500 searches.
// Goals: 1) bit-for-bit the values of the array form (the same operations in the same order as
// PIPAClaims.practicalLogF and its sums); 2) no array allocated per evaluation except the
// gradient GSL is handed back; 3) simplicity.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// Σ_y d1 ℓ(log F, 1, ε) + d0 ℓ(log F, 0, ε), log F = log f + log σ(a) − log p^prior, over
  /// x = (pinned θ_f, a), with its gradient. Not thread-safe: one evaluator per search thread.
  final class PracticalObjective {
    let k: Int
    let d1: [Double]
    let d0: [Double]
    let logPrior: [Double]
    /// The clip at ε, its constants formed once for the search's many evaluations.
    let clip: PIPAM.Clip
    let loss: PracticalTokenLoss
    /// (0, θ_f), then log f = logSoftmax of it, then log F, and the slopes: written and read
    /// through pointers held in `let`s (a class's `var` arrays pay a dynamic exclusivity check
    /// on every element access, 15 % of this objective's time).
    private let logits: UnsafeMutableBufferPointer<Double>
    private let logf: UnsafeMutableBufferPointer<Double>
    private let logF: UnsafeMutableBufferPointer<Double>
    private let slopes: UnsafeMutableBufferPointer<Double>
    /// The point logf and logF were last filled at (GSL asks for ∇f where it just asked for f).
    private var filledAt: [Double] = []

    init(_ inst: EpsilonInstance, logPrior: [Double], epsilon: Double, loss: PracticalTokenLoss) {
      k = inst.prior.count
      d1 = inst.d1
      d0 = inst.d0
      self.logPrior = logPrior
      clip = PIPAM.Clip(epsilon: epsilon)
      self.loss = loss
      logits = .allocate(capacity: k)
      logf = .allocate(capacity: k)
      logF = .allocate(capacity: k)
      slopes = .allocate(capacity: k)
      for b in [logits, logf, logF, slopes] { b.initialize(repeating: 0) }
    }

    deinit {
      for b in [logits, logf, logF, slopes] { b.deallocate() }
    }

    static func inBox(_ x: [Double]) -> Bool { x.allSatisfy { abs($0) <= 30 } }

    /// Fills logf and logF at x: logSoftmax((0, θ_f)) as StableMath computes it, + log σ(a) − log p.
    private func fill(_ x: [Double]) {
      if x == filledAt { return }
      filledAt = x
      logits[0] = 0
      for i in 1..<k { logits[i] = x[i - 1] }
      let z = logSumExp(logits)
      let lg = logSigmoid(x[k - 1])
      for y in 0..<k {
        logf[y] = logits[y] - z
        logF[y] = logf[y] + lg - logPrior[y]
      }
    }

    /// The objective (NaN outside [−30, 30]ⁿ).
    func value(_ x: [Double]) -> Double {
      guard Self.inBox(x) else { return .nan }
      fill(x)
      var v = 0.0
      for y in 0..<k {
        v = v + d1[y] * loss.value(logF[y], 1, clip) + d0[y] * loss.value(logF[y], 0, clip)
      }
      return v
    }

    /// Its gradient: s_y − f_y Σs in θ_f, Σs·σ(−a) in a (s_y = dℓ_y/d log F).
    func gradient(_ x: [Double]) -> [Double] {
      guard Self.inBox(x) else { return [Double](repeating: .nan, count: k) }
      fill(x)
      var total = 0.0
      for y in 0..<k {
        slopes[y] = d1[y] * loss.slope(logF[y], 1, clip) + d0[y] * loss.slope(logF[y], 0, clip)
        total = total + slopes[y]
      }
      var g = [Double](repeating: 0, count: k)
      for y in 1..<k { g[y - 1] = slopes[y] - exp(logf[y]) * total }
      g[k - 1] = total * sigmoid(-x[k - 1])
      return g
    }
  }
}
