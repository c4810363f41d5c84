// pro.dpo-weight-vanishes — PRO (002_74b446355a07bf4a.txt) §2, the sentence after Eq. (1):
// the importance weight w = σ(r_l − r_w) → 0 as Δ = log π(y_w) − log π(y_l) → +∞, whatever
// the absolute level a = log π(y_w) (claims/pro.md). log w = logSigmoid(−margin) with the
// margin of Objectives' DPO, on the entry's grid.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let dpoWeightVanishesProvenance = ClaimProvenance.reconstructed(
    "Eq. (1), S5; the gap expression is verbatim in S2")

  static let dpoWeightVanishes = Claim(
    id: "pro.dpo-weight-vanishes", paper: .pro, source: "§2, the sentence after Eq. (1)",
    kind: .limit,
    statement: "w = σ(r_θ(y_l) − r_θ(y_w)) → 0 as Δ = log π_θ(y_w) − log π_θ(y_l) → +∞, "
      + "uniformly in the absolute level a = log π_θ(y_w).",
    provenance: dpoWeightVanishesProvenance
  ) { _ in
    PRODecTol.stamp(dpoWeightGrid(logWeight: dpoLogWeight), dpoWeightVanishesProvenance)
  }

  /// log w at (a, Δ, Δ_ref, β) through Objectives' DPO margin; π_ref(y_l) = e^{−1 − max(0, Δ_ref)}.
  static func dpoLogWeight(a: Double, delta: Double, deltaRef: Double, beta: Double) -> Double {
    let refL = -1 - max(0, deltaRef)
    let pair = PreferencePair(
      logProbChosen: a, logProbRejected: a - delta, refLogProbChosen: refL + deltaRef,
      refLogProbRejected: refL)
    return logSigmoid(-DPO(beta: beta).margin(pair))
  }

  static let weightBetas: [Double] = [0.01, 0.1, 1, 3]
  static let weightDeltaRefs: [Double] = [-20, 0, 20]
  static let weightLevels: [Double] = [-1e-3, -1, -10, -1e2, -1e3, -1e4]
  static let weightBetaDeltas: [Double] = [0, 1, 10, 100, 700, 1e4]

  /// (a) level independence and (b) strict decrease and log w < −300 log 10, on the grid;
  /// `logWeight` is injectable for the mutation test.
  static func dpoWeightGrid(
    logWeight: (_ a: Double, _ delta: Double, _ deltaRef: Double, _ beta: Double) -> Double
  ) -> CheckOutcome {
    var tally = Tally()
    var slopes: [String] = []
    for beta in weightBetas {
      for dref in weightDeltaRefs {
        let refL = -1 - max(0, dref)
        for a in weightLevels {
          var prev = Double.infinity
          var reached = false
          var xs: [Double] = []
          var ys: [Double] = []
          for bd in weightBetaDeltas {
            let delta = bd / beta
            let lw = logWeight(a, delta, dref, beta)
            let inputs = [
              NamedValue("β", beta), NamedValue("Δ_ref", dref), NamedValue("a", a), NamedValue("βΔ", bd),
            ]
            // (a) against the level a₀ = −10⁻³. C: |d log σ(x)/dx| · M for each side, with
            // M = β(|a| + |a − Δ| + |log π_ref(y_w)| + |log π_ref(y_l)|).
            let l0 = logWeight(weightLevels[0], delta, dref, beta)
            let m: (Double) -> Double = { lv in
              beta * (abs(lv) + abs(lv - delta) + abs(refL + dref) + abs(refL))
            }
            // |d log σ(−m)/dm| = σ(m) = 1 − w.
            let tol = PRODecTol.round(
              terms: 4, termSum: abs(lw) + abs(l0),
              conditioning: -expm1(lw) * m(a) - expm1(l0) * m(weightLevels[0]))
            tally.record(
              "(a) log w independent of the level a", residual: abs(lw - l0), tolerance: tol,
              inputs: inputs, detail: "log w(a) = \(lw), log w(a₀ = −10⁻³) = \(l0)")
            // (b) strict decrease in Δ.
            tally.record(
              "(b) log w strictly decreasing in Δ", passed: lw < prev, inputs: inputs,
              detail: "log w = \(lw) is not below the previous grid value \(prev)")
            prev = lw
            if lw < -300 * log(10.0) { reached = true }
            if bd >= 10 {
              xs.append(bd)
              ys.append(lw)
            }
          }
          tally.record(
            "(b) log w < −300 log 10 at a finite Δ", passed: reached,
            inputs: [NamedValue("β", beta), NamedValue("Δ_ref", dref), NamedValue("a", a)],
            detail: "log w stays above −300 log 10 on the grid")
          if a == weightLevels[0] {
            slopes.append("β = \(formatNumber(beta)), Δ_ref = \(formatNumber(dref)): \(format3(linearSlope(xs, ys)))")
          }
        }
      }
    }
    return tally.outcome(
      claim: "importance weight on the grid",
      notes: ["least-squares slope of log w against βΔ for βΔ ≥ 10 (a = −10⁻³): "
        + slopes.joined(separator: "; ")
        + ". Reading: the slope is an ordinary least-squares fit in Swift (no gsl_fit_linear wrapper in Numerics)."])
  }

  /// Ordinary least-squares slope.
  static func linearSlope(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
    }
    return sxy / sxx
  }
}
