// Seeded, edge-biased generators of pairwise inputs (PreferencePair, RewardedPreferencePair)
// for the gradient checks of the pairwise objectives (DPO, SFT, IPO, CPO, SimPO, MaPPO and
// its plugins, AlphaPO). Built on EdgeGen so zeros, ties, −1e5 and lengths 1 and 1e4 occur.
import Objectives
import PropertyBased
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum PairwiseGen {
  /// Lengths in 1...10⁴: a quarter at the edges {1, 2, 10⁴}, the rest log-uniform.
  static func length(_ rng: inout Xoshiro) -> Int {
    let u = rng.next()
    if u % 4 == 0 { return [1, 2, 10_000][Int((u >> 8) % 3)] }
    let d = 4 * Double(rng.next() >> 11) * 0x1.0p-53
    return max(1, min(10_000, Int(pow(10, d).rounded())))
  }

  /// Pairs with log-probabilities in [lowest, 0] and, if `lengths`, random lengths.
  static func pair(lowest: Double = -1e5, lengths: Bool = false) -> Generator<
    PreferencePair, Shrink.None<PreferencePair>
  > {
    let lp = EdgeGen.logProbability(lowest: lowest)
    return Generator { rng in
      var box = SeedBox(rng.next())
      let v = (0..<4).map { _ in lp.run(using: &box.rng) }
      let nw = lengths ? length(&box.rng) : 1
      let nl = lengths ? length(&box.rng) : 1
      return PreferencePair(
        logProbChosen: v[0], logProbRejected: v[1], refLogProbChosen: v[2],
        refLogProbRejected: v[3], lengthChosen: nw, lengthRejected: nl)
    }
  }

  /// Pairs with rewards drawn edge-biased from `rewards` (default the paper's [0, 1]).
  static func rewardedPair(
    lowest: Double = -1e5, lengths: Bool = false, rewards: ClosedRange<Double> = 0...1
  ) -> Generator<RewardedPreferencePair, Shrink.None<RewardedPreferencePair>> {
    let p = pair(lowest: lowest, lengths: lengths)
    let r = EdgeGen.double(in: rewards, edges: [0.25, 0.75])
    return Generator { rng in
      var box = SeedBox(rng.next())
      let x = p.run(using: &box.rng)
      let rw = r.run(using: &box.rng)
      // A tenth of the cases are reward ties (Δ_r = 0 exactly).
      let rl = box.rng.next() % 10 == 0 ? rw : r.run(using: &box.rng)
      return RewardedPreferencePair(x, rewardChosen: rw, rewardRejected: rl)
    }
  }

  /// Initial finite-difference steps for a loss −log σ(u) (or a square) whose argument u
  /// moves at rate |∂u/∂x_i| = `slopes[i]`: the loss bends on the scale |Δu| ≈ 1, so a
  /// step that moves u by more than ~1e-3 (Ridders starts at 10×; GSL's one-sided rules near
  /// a domain edge are only first/second order) leaves the region where
  /// the difference quotient is the derivative, and GSL's error estimate, computed from
  /// the same values, does not notice. h_i = min(default, 1e-3/slope_i).
  /// With `uncapped`, a slow rate (< 1) also lengthens the step beyond the default, to
  /// min(1e-3/slope_i, 0.1): the quantisation ε·|x| of large inputs then weighs less.
  static func steps(_ x: [Double], slopes: [Double], uncapped: Bool = false) -> [Double] {
    zip(x, slopes).map { xi, s in
      let h = GradientCheck.defaultStep(xi)
      guard s > 0 && s.isFinite else { return h }
      return uncapped ? max(min(1e-3 / s, 0.1), 1e-7 * abs(xi)) : min(h, 1e-3 / s)
    }
  }
}
