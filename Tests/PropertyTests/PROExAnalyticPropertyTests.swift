// Properties of the Analytic pieces behind PRO's existence claims (Sources/Analytic/PRO/PROEx*):
// the closed-form thresholds on exact binary inputs, the M3 rate enumeration, the split slope
// along e_{y₀} against the closed form, and the profile f_{α,β} against its derivative.
import Analytic
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PROExAnalyticPropertyTests {
  // α_{y₀} = −2µ̂ŝ/(µ(y₀)µ(𝒴₊)) with µ̂ = 1, ŝ = −½, µ = (¼, ½, ¼): 1/(¼·¾) = 16/3 exactly up
  // to one rounding; α₀ (min µ = ¼) = 1/(¼·¼) = 16.
  @Test func thresholdsOnExactInputs() {
    let a = PROExThresholds.boundaryThreshold(
      y0: 0, muHat: [1, 0, 0], scores: [-0.5, 0, 0], mu: [0.25, 0.5, 0.25])
    #expect(abs(a - 16.0 / 3) <= 2 * Double.ulpOfOne * 16 / 3)
    #expect(PROExThresholds.alpha0Threshold(muHat: [1, 0, 0], scores: [-0.5, 0, 0], mu: [0.25, 0.5, 0.25]) == 16)
    #expect(PROExThresholds.alpha0Threshold(muHat: [1, 0], scores: [0.5, 0], mu: [0.5, 0.5]) == 0)
  }

  // 2^m − 2 vanishing sets, plus the {0,1,2}^m vectors with a 2 and a 0.
  @Test(arguments: 2...5) func rateEnumerationCounts(m: Int) {
    let ones = PROExBoundaryRays.rates(m: m, includeTwos: false)
    #expect(ones.count == (1 << m) - 2)
    let all = PROExBoundaryRays.rates(m: m, includeTwos: true)
    var pow3 = 1
    var pow2 = 1
    for _ in 0..<m {
      pow3 *= 3
      pow2 *= 2
    }
    // {0,1,2}^m with at least one 2 and one 0: 3^m − 2^m (no 2) − 2^m (no 0) + 1 (all 1).
    #expect(all.count == ones.count + pow3 - 2 * pow2 + 1)
  }

  // Along c = e_{y₀}: κ_O = −βµ̂ŝ and κ_R = −βµ(y₀)µ(𝒴₊)/2 (pair terms of both orders).
  @Test func splitSlopeMatchesClosedForm() throws {
    var r = RandomStream(seed: 7)
    for _ in 0..<50 {
      let m = 2 + Int(r.uniformInt(below: 5))
      let mu = r.dirichlet([Double](repeating: 1, count: m))
      let ref = r.dirichlet([Double](repeating: 1, count: m)).map { log($0) }
      let beta = 0.01 + 3 * r.uniform()
      let w = (0..<m).map { $0 == 0 ? -0.3 : 0.0 }
      let loss = PROExHyperLoss(beta: beta, mu: mu, refLogProbs: ref, weights: w)
      let s = try PROExBoundaryRays.slope(loss, base: ref, rates: (0..<m).map { $0 == 0 ? 1 : 0 })
      let plus = mu.dropFirst().reduce(0, +)
      #expect(abs(s.kappaO - beta * 0.3) <= 1e-12 * beta + s.toleranceO)
      #expect(abs(s.kappaR + beta * mu[0] * plus / 2) <= 1e-12 * beta + s.toleranceR)
    }
  }

  // ∇f_{α,β} is the derivative of f_{α,β} (GSL central difference, 2·abserr + rounding).
  @Test func profileGradientIsTheDerivative() throws {
    for (a, b) in [(1.0, 3.0), (3.0, 1.0), (2.5, 3e-3), (157.5, 3e-4)] {
      let f = PROExRegularizerProfile(alpha: a, beta: b)
      for d in [-40.0, -1, -0.1, 0.05, 2, 300] {
        let e = try Derivative.derivative(of: f.value, at: d, method: .central, step: 1e-4 * max(1, abs(d)))
        let tol = 2 * e.error + 64 * Double.ulpOfOne * (abs(f.value(d)) + 1) / (1e-4 * max(1, abs(d)))
        #expect(abs(e.value - f.gradient(d)) <= tol)
      }
    }
  }
}
