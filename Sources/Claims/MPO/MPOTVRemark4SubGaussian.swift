// mpo.remark4.subgaussian (001_0ef3930bdbd6a134.txt App. E Remark 4; App. E opening): with
// unbounded sub-Gaussian features the Õ(√(k/n)) TV rate holds. Gaussian location family
// p_θ = N(θ, I_k) (φ(y) = y): the MLE is the sample mean, drawn exactly as θ⋆ + n^{-1/2}Z, and
// TV = 2Φ(‖θ̂ − θ⋆‖/2) − 1 = erf(‖θ̂ − θ⋆‖/(2√2)) (erf avoids the cancellation of 2Φ − 1 at
// small distances). k ∈ {1, 4, 16, 64}, TV-SIM's n grid, 10^4 repetitions (1000 in quick mode).
// The n-slope rule of mpo.thm1.tv-rate-n per k (Bonferroni over 4) and the k-exponent at
// n = 2^14 (± 1.96·SE, bootstrap over repetitions, threshold 0.6).
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

extension MPOConvergenceClaims {
  static let remark4SubGaussian = Claim(
    id: "mpo.remark4.subgaussian", paper: .mpo,
    source: "App. E Remark 4; App. E opening (\"response space may be infinite\")", kind: .rate,
    statement: "With unbounded but sub-Gaussian features, the same Õ(√(k/n)) TV rate holds."
  ) { ctx in
    let ks = [1, 4, 16, 64]
    let reps = ctx.count(full: 10_000, quick: 1000)
    var series: [MPOTVSeries] = []
    for k in ks {
      var samples: [[Double]] = []
      for n in MPOTVSim.ns {
        var r = ctx.stream("mpo.remark4.subgaussian/k\(k)", index: UInt64(n))
        var z = [Double](repeating: 0, count: k)
        samples.append((0..<reps).map { _ in
          r.fillGaussian(&z)
          return gaussianLocationTV(distance: MPOTVLinearAlgebra.norm(z) / Double(n).squareRoot())
        })
      }
      series.append(MPOTVSeries(label: "k=\(k)", ns: MPOTVSim.ns, samples: samples,
        activeFractions: MPOTVSim.ns.map { _ in 0 }))
    }
    var r = ctx.stream("mpo.remark4.subgaussian/bootstrap")
    return try remark4Outcome(series, ks: ks, ctx: ctx, random: &r)
  }

  /// TV(N(a, I), N(b, I)) = 2Φ(‖a − b‖/2) − 1 = erf(‖a − b‖/(2√2)).
  static func gaussianLocationTV(distance d: Double) -> Double { erf(d / (2 * 2.0.squareRoot())) }

  /// Both criteria of mpo.remark4.subgaussian (injectable series for mutation tests).
  static func remark4Outcome(
    _ series: [MPOTVSeries], ks: [Int], ctx: CheckContext, random r: inout RandomStream
  ) throws -> CheckOutcome {
    let nOut = try nRateOutcome(series, ctx: ctx, random: &r, what: "mean TV")
    let last = series.map { $0.samples[$0.samples.count - 1] }
    let kFit = try MPOTVSlope.exponent(label: "k-exponent at n = \(series.first?.ns.last ?? 0)",
      x: ks.map(Double.init), samples: last, level: 0.95, resamples: ctx.count(full: 1000, quick: 200),
      random: &r)
    let kV = MPOTVSlope.upperRule([kFit], threshold: 0.6)
    let v: Verdict = (nOut.verdict == .refuted || kV == .refuted) ? .refuted
      : (nOut.verdict == .confirmed && kV == .confirmed) ? .confirmed : .inconclusive
    var cx = nOut.counterexample
    if kV == .refuted {
      cx = Counterexample(inputs: [NamedValue("lower end", kFit.lower)], detail: "\(kFit.line): lower end > 0.6")
    }
    return CheckOutcome(verdict: v,
      summary: "n-rule: \(nOut.verdict.rawValue) (\(nOut.summary)); \(kFit.line) (threshold 0.6): \(kV.rawValue)",
      notes: nOut.notes, counterexample: cx)
  }
}
