// Input builders and comparisons shared by the property tests of the pairwise objectives.
// Property inputs are plain [Double] arrays (so PropertyRunner's Shrinkers.doubles can
// shrink them): v[0..<4] log-probabilities (w, l, ref w, ref l), v[4], v[5] length seeds in
// [0, 9999] (length = 1 + ⌊v⌋, so shrinking to 0 gives length 1), v[6], v[7] rewards.
import Objectives
import PropertyBased
import TestSupport
import Testing

enum PairwiseProperty {
  /// 8 numbers: 4 log-probabilities ≥ `lowest`, 2 length seeds, 2 rewards in `rewards`.
  static func inputs(lowest: Double = -1e5, rewards: ClosedRange<Double> = 0...1)
    -> Generator<[Double], Shrink.None<[Double]>>
  {
    let lp = EdgeGen.logProbability(lowest: lowest)
    let len = EdgeGen.double(in: 0...9999)
    let r = EdgeGen.double(in: rewards, edges: [0.25, 0.75])
    return Generator { rng in
      var box = SeedBox(rng.next())
      var v = (0..<4).map { _ in lp.run(using: &box.rng) }
      v += (0..<2).map { _ in len.run(using: &box.rng) }
      v += (0..<2).map { _ in r.run(using: &box.rng) }
      return v
    }
  }

  static func length(_ v: Double) -> Int { 1 + Int(min(abs(v), 9999).rounded(.down)) }

  static func pair(_ v: [Double], lengths: Bool = true) -> PreferencePair {
    PreferencePair(
      logProbChosen: min(0, v[0]), logProbRejected: min(0, v[1]),
      refLogProbChosen: min(0, v[2]), refLogProbRejected: min(0, v[3]),
      lengthChosen: lengths ? length(v[4]) : 1, lengthRejected: lengths ? length(v[5]) : 1)
  }

  static func rewarded(_ v: [Double], lengths: Bool = true) -> RewardedPreferencePair {
    RewardedPreferencePair(pair(v, lengths: lengths), rewardChosen: v[6], rewardRejected: v[7])
  }

  /// nil if |a − b| ≤ ulps·ε·scale, else a message. Callers state why `scale` bounds the
  /// rounding of both computations.
  static func agree(_ what: String, _ a: Double, _ b: Double, ulps: Double, scale: Double)
    -> String?
  {
    let allowed = ulps * Double.ulpOfOne * scale
    if a == b || abs(a - b) <= allowed { return nil }
    return "\(what): \(a) vs \(b), |diff| \(abs(a - b)) > \(allowed) (\(ulps) ulps × \(scale))"
  }

  /// Compares two gradients componentwise (first `count` components).
  static func agree(
    _ what: String, _ a: [Double], _ b: [Double], count: Int, ulps: Double, scale: Double
  ) -> String? {
    for i in 0..<count {
      if let m = agree("\(what)[\(i)]", a[i], b[i], ulps: ulps, scale: scale) { return m }
    }
    return nil
  }

  /// Expects a finite loss and gradient at an extreme but valid input.
  static func expectFinite<O: Objective>(
    _ o: O, _ x: O.Input, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      let l = try o.loss(x)
      let g = try o.gradient(x)
      #expect(l.isFinite, "\(o.name) loss \(l) at \(x)", sourceLocation: sourceLocation)
      #expect(
        g.allSatisfy { $0.isFinite }, "\(o.name) gradient \(g) at \(x)",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("\(o.name) threw \(error) at \(x)", sourceLocation: sourceLocation)
    }
  }

  /// Expects both loss and gradient to throw an ObjectiveError naming `field`.
  static func expectRejects<O: Objective>(
    _ o: O, _ x: O.Input, field: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for which in ["loss", "gradient"] {
      do {
        if which == "loss" { _ = try o.loss(x) } else { _ = try o.gradient(x) }
        Issue.record("\(o.name).\(which) accepted \(x)", sourceLocation: sourceLocation)
      } catch let e as ObjectiveError {
        #expect(e.field == field, "\(o.name).\(which): \(e)", sourceLocation: sourceLocation)
      } catch {
        Issue.record("\(o.name).\(which) threw \(error)", sourceLocation: sourceLocation)
      }
    }
  }

  /// Bad pairs every pairwise objective must reject, with the field they must name.
  static let badPairs: [(PreferencePair, String)] = [
    (PreferencePair(logProbChosen: 0.3, logProbRejected: -1), "logProbChosen"),
    (PreferencePair(logProbChosen: -1, logProbRejected: .nan), "logProbRejected"),
    (
      PreferencePair(logProbChosen: -1, logProbRejected: -1, refLogProbChosen: -.infinity),
      "refLogProbChosen"
    ),
    (
      PreferencePair(logProbChosen: -1, logProbRejected: -1, refLogProbRejected: 1e-300),
      "refLogProbRejected"
    ),
    (PreferencePair(logProbChosen: -1, logProbRejected: -1, lengthChosen: 0), "lengthChosen"),
    (
      PreferencePair(logProbChosen: -1, logProbRejected: -1, lengthRejected: -3),
      "lengthRejected"
    ),
  ]

  /// Extreme valid pairs: log-probabilities −1e5 and 0, margins ±1e5, lengths 1 and 1e4.
  static let extremePairs: [PreferencePair] = [
    PreferencePair(logProbChosen: -1e5, logProbRejected: 0),
    PreferencePair(logProbChosen: 0, logProbRejected: -1e5),
    PreferencePair(
      logProbChosen: -1e5, logProbRejected: -1e5, refLogProbChosen: -1e5, refLogProbRejected: 0),
    PreferencePair(
      logProbChosen: 0, logProbRejected: -1e5, refLogProbChosen: -1e5, refLogProbRejected: 0,
      lengthChosen: 10_000, lengthRejected: 1),
    PreferencePair(
      logProbChosen: -1e5, logProbRejected: 0, refLogProbChosen: 0, refLogProbRejected: -1e5,
      lengthChosen: 1, lengthRejected: 10_000),
    PreferencePair(logProbChosen: -5e-324, logProbRejected: -1e4, lengthChosen: 10_000),
  ]

  /// The extreme pairs with rewards at the paper's ends and outside [0, 1].
  static var extremeRewardedPairs: [RewardedPreferencePair] {
    extremePairs.flatMap { p in
      [(1.0, 0.0), (0.0, 0.0), (0.5, 0.25), (0.0, 1.0), (3.0, -2.0)].map {
        RewardedPreferencePair(p, rewardChosen: $0.0, rewardRejected: $0.1)
      }
    }
  }

  static var badRewardedPairs: [(RewardedPreferencePair, String)] {
    badPairs.map { (RewardedPreferencePair($0.0, rewardChosen: 1, rewardRejected: 0), $0.1) } + [
      (
        RewardedPreferencePair(
          logProbChosen: -1, logProbRejected: -2, rewardChosen: .nan, rewardRejected: 0),
        "rewardChosen"
      ),
      (
        RewardedPreferencePair(
          logProbChosen: -1, logProbRejected: -2, rewardChosen: 1, rewardRejected: .infinity),
        "rewardRejected"
      ),
    ]
  }
}
