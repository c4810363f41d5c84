// Property tests of the App. E (001_0ef3930bdbd6a134.txt) analytic code used by the MPO §2
// checks: samplers, dense linear algebra, the ball-constrained Newton MLE, eq. (17).
import Analytic
import Numerics
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MPOTVAnalyticPropertyTests {
  // Binomial(n, p) sample mean within 5 standard errors of np, for small and large n·p.
  @Test(arguments: [(10, 0.3), (1000, 0.02), (16384, 0.4), (16384, 0.97)])
  func binomialMean(n: Int, p: Double) {
    var r = RandomStream(seed: 42)
    let draws = 20_000
    var s = 0.0
    var s2 = 0.0
    for _ in 0..<draws {
      let x = Double(MPOTVSampler.binomial(n, p, &r))
      s += x
      s2 += x * x
    }
    let mean = s / Double(draws)
    let variance = s2 / Double(draws) - mean * mean
    let np = Double(n) * p
    let sd = (np * (1 - p)).squareRoot()
    // Sampling tolerance: 5 standard errors of the mean (false-failure rate ≈ 6e-7).
    #expect(abs(mean - np) <= 5 * sd / Double(draws).squareRoot())
    // Variance within 10% (its relative SE is ≈ √(2/20000) = 1% for near-normal counts).
    #expect(abs(variance / (sd * sd) - 1) < 0.1)
  }

  @Test func multinomialSumsToN() {
    var r = RandomStream(seed: 1)
    let p = [0.5, 0.25, 0.125, 0.125]
    for n in [0, 1, 7, 16384] {
      let c = MPOTVSampler.multinomial(n, p, &r)
      #expect(c.reduce(0, +) == n)
      #expect(c.allSatisfy { $0 >= 0 })
    }
  }

  @Test func choleskyAndJacobiAgreeWithTheMatrix() {
    // A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]] (positive definite).
    let a: [Double] = [4, 1, 0, 1, 3, 1, 0, 1, 2]
    let b: [Double] = [1, 2, 3]
    let x = MPOTVLinearAlgebra.choleskySolve(a, b, k: 3) ?? []
    #expect(x.count == 3)
    for i in 0..<3 {
      let ax = (0..<3).reduce(0) { $0 + a[i * 3 + $1] * x[$1] }
      // Roundoff: a 3×3 solve with condition number < 10 is exact to ~1e-15.
      #expect(abs(ax - b[i]) < 1e-13)
    }
    let (vals, vecs) = MPOTVLinearAlgebra.symmetricEigen(a, k: 3)
    let gsl = (try? SymmetricEigen.eigenvalues(a, n: 3)) ?? []
    for i in 0..<3 {
      #expect(abs(vals[i] - gsl[i]) < 1e-13)
      for r in 0..<3 {
        let av = (0..<3).reduce(0) { $0 + a[r * 3 + $1] * vecs[$1 * 3 + i] }
        #expect(abs(av - vals[i] * vecs[r * 3 + i]) < 1e-13)
      }
    }
    #expect(MPOTVLinearAlgebra.choleskySolve([0, 0, 0, 0], [1, 1], k: 2) == nil)
  }

  // The interior MLE satisfies ∇A(θ̂) = μ̂ (KKT ≤ 1e-10); data on one response force the
  // constraint to be active, with the KKT residual of the sphere.
  @Test func mleIsAKKTPoint() {
    var r = RandomStream(seed: 3)
    let fam = MPOTVFamily.random(k: 3, m: 16, &r)
    let counts = MPOTVSampler.multinomial(4096, fam.probabilities(fam.thetaStar), &r)
    let fit = MPOTVExpFamilyMLE.fit(fam, counts: counts)
    #expect(fit.converged && !fit.active)
    let mu = fam.mean(fam.probabilities(fit.theta))
    let muHat = MPOTVExpFamilyMLE.empiricalMean(fam, counts: counts)
    #expect(MPOTVLinearAlgebra.norm(zip(mu, muHat).map { $0 - $1 }) <= 1e-10)
    var one = [Int](repeating: 0, count: 16)
    one[0] = 10
    let edge = MPOTVExpFamilyMLE.fit(fam, counts: one)
    #expect(edge.converged && edge.active)
    #expect(abs(MPOTVLinearAlgebra.norm(edge.theta) - MPOTVExpFamilyMLE.radius(fam)) < 1e-9)
  }

  // KL by Σ p log(p/q) and by the Bregman form agree; KL(θ, θ) = 0.
  @Test func klFormsAgree() {
    var r = RandomStream(seed: 4)
    let fam = MPOTVFamily.random(k: 4, m: 32, &r)
    let b = fam.thetaStar.map { $0 + 0.3 }
    #expect(abs(fam.klDirect(fam.thetaStar, b) - fam.klBregman(fam.thetaStar, b)) < 1e-13)
    #expect(abs(fam.klDirect(b, b)) < 1e-15)
  }

  // Eq. (17): √1·4·1/0.5·√((2 + ln 10)/100), from mpmath (mp.dps = 50):
  //   sqrt(1)*4*1/mpf('0.5')*sqrt((2+log(10))/100) = 1.6594138903589391245
  //   mpf('0.3')/(sqrt(1)*1*1/mpf('0.5')*sqrt((2+log(10))/100)) = 0.72314689359411972088
  @Test func eq17Reference() {
    let rhs = MPOTVTheorem3Bound.rhs(l0: 1, c1: 4, r: 1, m0: 0.5, k: 2, n: 100, delta: 0.1)
    #expect(abs(rhs - 1.6594138903589391245) <= 8 * Double.ulpOfOne * rhs)
    let c = MPOTVTheorem3Bound.impliedC1(tv: 0.3, l0: 1, r: 1, m0: 0.5, k: 2, n: 100, delta: 0.1)
    #expect(abs(c - 0.72314689359411972088) <= 8 * Double.ulpOfOne * c)
  }
}
