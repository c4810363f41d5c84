// Properties of the MPO §4 closed forms (Sources/Analytic/MPO/MPOGrad*.swift; paper
// 001_0ef3930bdbd6a134.txt App. G.2–H.2) and of the check's own gradient code paths:
// mpmath reference values for Lemma 5 and Lemma 6, the Lemma 8/9 update rules against the
// loss's gradient at their premises, the dual numbers against central differences, and the
// FS/TAB gradient drivers against Objectives.WeightedMPOG1.
import Analytic
@testable import Claims
import Numerics
import Objectives
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MPOGradAnalyticTests {
  // from mpmath import mp, mpf, exp; mp.dps = 50
  // s = [1.5, -2.25, 0.75]; t = [0.2, 0.5, 0.3]; z = Σ exp(s); [exp(s_i)/z − t_i]
  static let lemma5Reference = [0.46850090006151601577, -0.48427836572783992271, 0.015777465666323906942]
  // w = [2, 0.5, 1], Y⁺ = {0, 2}: Z = Σ w e^s, A = Σ_{Y⁺} w e^s, w_i e^{s_i}(1/Z − 𝕀/A)
  static let lemma6Reference = [-0.0038292111361497180397, 0.0047336067681999913571, -0.0009043956320502733174]

  @Test func lemma5MatchesMpmath() {
    let g = MPOGradLemmas.infoNCAGradient(scores: [1.5, -2.25, 0.75], target: [0.2, 0.5, 0.3])
    // Softmax of three O(1) logits: a few ulps of the largest entry.
    for (a, b) in zip(g, Self.lemma5Reference) { #expect(abs(a - b) <= 16 * Double.ulpOfOne) }
  }

  @Test func lemma6FormsMatchMpmath() {
    let s = [1.5, -2.25, 0.75]
    let w = [2, 0.5, 1.0]
    let pos = [true, false, true]
    let g40 = MPOGradLemmas.weightedGradient(scores: s, weights: w, positive: pos)
    let g48 = MPOGradLemmas.weightedGradientEq48(scores: s, weights: w, positive: pos)
    // Differences of O(1) probabilities: 16 ulps absolute.
    for i in 0..<3 {
      #expect(abs(g40[i] - Self.lemma6Reference[i]) <= 16 * Double.ulpOfOne)
      #expect(abs(g48[i] - Self.lemma6Reference[i]) <= 16 * Double.ulpOfOne)
    }
  }

  @Test func lemma8IsTheGradientStepAtEqualScores() {
    var r = RandomStream(seed: 11)
    for _ in 0..<200 {
      let np = r.uniformInt(in: 1...8), nn = r.uniformInt(in: 1...8)
      let wp = exp(Strata.uniform(&r, -3, 3)), wn = exp(Strata.uniform(&r, -3, 3))
      let c = Strata.uniform(&r, -5, 5)
      let pos = Array(repeating: true, count: np) + Array(repeating: false, count: nn)
      let w = Array(repeating: wp, count: np) + Array(repeating: wn, count: nn)
      let g = MPOGradLemmas.weightedGradient(scores: Array(repeating: c, count: np + nn), weights: w, positive: pos)
      let inc = MPOGradDynamics.lemma8Increment(nPos: np, nNeg: nn, wPos: wp, wNeg: wn)
      // O(1) probabilities: 64 ulps.
      #expect(abs(-g[0] - inc) <= 64 * Double.ulpOfOne)
      #expect(MPOGradDynamics.corollary2Score(step: 1, eta: 0.5, nPos: np, nNeg: nn, wPos: wp, wNeg: wn) == 0.5 * inc)
    }
    #expect(MPOGradDynamics.lemma8Increment(nPos: 1, nNeg: 1, wPos: 1, wNeg: 1) == 0.5)
  }

  @Test func lemma9IsTheGradientAtZero() {
    var r = RandomStream(seed: 12)
    for _ in 0..<200 {
      let k = r.uniformInt(in: 2...12)
      let npos = r.uniformInt(in: 1...(k - 1))
      let pos = (0..<k).map { $0 < npos }
      let w = (0..<k).map { _ in exp(Strata.uniform(&r, -2, 2)) }
      let g = MPOGradLemmas.weightedGradient(scores: Array(repeating: 0, count: k), weights: w, positive: pos)
      let wp = Array(w.prefix(npos)), wn = Array(w.dropFirst(npos))
      for i in 0..<npos {
        let f = MPOGradDynamics.lemma9InitialGradient(weight: w[i], positiveWeights: wp, negativeWeights: wn)
        #expect(abs(g[i] - f) <= 64 * Double.ulpOfOne)
      }
    }
  }

  @Test func dualNumbersMatchCentralDifferences() throws {
    var r = RandomStream(seed: 13)
    for _ in 0..<50 {
      let k = r.uniformInt(in: 2...8)
      let s = (0..<k).map { _ in Strata.uniform(&r, -5, 5) }
      let lw = (0..<k).map { _ in Strata.uniform(&r, -1, 1) }
      let pos = (0..<k).map { $0 == 0 || r.uniform() < 0.4 }
      guard pos.contains(false) else { continue }
      let d = MPOGradReference.weightedGradient(s, logWeights: lw, positive: pos)
      for i in 0..<k {
        let e = try Derivative.derivative(of: { t in
          var x = s
          x[i] = t
          return MPOGradModels.weightedLoss(x, logWeights: lw, positive: pos)
        }, at: s[i], method: .central, step: 1e-4)
        // GSL's error estimate with the usual factor 8, plus rounding of an O(10) loss over h.
        #expect(abs(e.value - d[i]) <= 8 * e.error + 1e-9)
      }
    }
  }

  @Test func gradientDriversAgreeWithTheObjective() throws {
    var r = RandomStream(seed: 14)
    for _ in 0..<100 {
      let k = r.uniformInt(in: 2...10)
      let s = (0..<k).map { _ in Strata.uniform(&r, -20, 20) }
      let quality = (0..<k).map { _ in r.gaussian() }
      let (delta, pos) = MPOGradInputs.deviations(quality)
      guard pos.contains(true), pos.contains(false) else { continue }
      let alpha = 0.7
      let lw = delta.map { alpha * $0 }
      let og = Array(try WeightedMPOG1(alpha: alpha).gradient(MPOGradInputs.scoredSet(scores: s, quality: quality)).prefix(k))
      let fs = MPOGradModels.fsGradient(s, logWeights: lw, positive: pos)
      var fast = s
      MPOGradTrajectory.gradient(s, logWeights: lw, positive: pos, into: &fast)
      for i in 0..<k {
        #expect(abs(fs[i] - og[i]) <= 64 * Double.ulpOfOne)
        #expect(abs(fast[i] - og[i]) <= 64 * Double.ulpOfOne)
      }
      // TAB: the lean run's score gradient and step agree with MPOGradModels.tabGradient.
      let m = k + 2
      let theta = (0..<m).map { _ in r.gaussian() }
      let lref = logSoftmax((0..<m).map { _ in r.gaussian() })
      let st = MPOGradTabRun.evaluate(theta: theta, logRef: lref, k: k, beta: 0.5, logWeights: lw, positive: pos, t: 0)
      let gt = MPOGradModels.tabGradient(theta: theta, logRef: lref, k: k, beta: 0.5, logWeights: lw, positive: pos)
      let sg = st.scoreGradient.reduce(0, +)
      for j in 0..<m {
        let lean = 0.5 * ((j < k ? st.scoreGradient[j] : 0) - st.pi[j] * sg)
        #expect(abs(lean - gt[j]) <= 1e-14)
      }
    }
  }
}
