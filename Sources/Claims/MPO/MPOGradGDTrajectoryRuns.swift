// The TAB gradient-descent runs of `mpo.stationary.gd-trajectory` (../shared/claims/mpo.md §4;
// paper 001_0ef3930bdbd6a134.txt §5 Lemma 1, App. H.3), shared with
// `mpo.stationary.negatives-vanish-necessary` (which checks every iterate): GRAD-IN instances
// with weights α ∈ {0, 0.1, 1} (and α = 5, reported only), M ∈ {K, K+4}, π_ref ~ Dirichlet(1),
// θ(0) = θ_ref, and (β, η) ∈ {(1, 1e-2), (1, 1e-1), (0.1, 1), (0.1, 10)}.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One run's setting.
struct MPOGradGDSetting {
  var instance: Int
  var k: Int
  var m: Int
  var alpha: Double
  var beta: Double
  var eta: Double
  var positive: [Bool]
  var logWeights: [Double]
  var logRef: [Double]
  var description: String {
    "instance \(instance), K = \(k), M = \(m), α = \(alpha), β = \(beta), η = \(eta)"
  }
}

enum MPOGradGDTrajectoryRuns {
  static let betaEta: [(Double, Double)] = [(1, 1e-2), (1, 1e-1), (0.1, 1), (0.1, 10)]

  /// The settings: `instances` GRAD-IN draws × 8, with α from {0, 0.1, 1} (or `alpha` if given).
  static func settings(_ ctx: CheckContext, instances n: Int, alpha fixedAlpha: Double? = nil,
                       extraResponses: [Int] = [0, 4]) -> [MPOGradGDSetting] {
    var out: [MPOGradGDSetting] = []
    for i in 0..<n {
      let x = MPOGradInputs.instance(ctx, i, label: "GRAD-IN gd-trajectory")
      let alpha = fixedAlpha ?? [0, 0.1, 1][i % 3]
      let lw = MPOGradInputs.deviations(x.quality).delta.map { alpha * $0 }
      for m in extraResponses.map({ x.k + $0 }) {
        var r = ctx.stream("gd-trajectory reference", index: UInt64(i * 2 + (m == x.k ? 0 : 1)))
        let logRef = r.dirichlet([Double](repeating: 1, count: m)).map { log(max($0, 1e-300)) }
        for (beta, eta) in betaEta {
          out.append(MPOGradGDSetting(instance: i, k: x.k, m: m, alpha: alpha, beta: beta, eta: eta,
                                      positive: x.positive, logWeights: lw, logRef: logRef))
        }
      }
    }
    return out
  }

  /// Runs a setting for `steps` steps from θ(0) = θ_ref.
  static func run(_ s: MPOGradGDSetting, steps: Int, observe: (MPOGradTabState) -> Void) {
    MPOGradTabRun.run(theta0: s.logRef, logRef: s.logRef, k: s.k, beta: s.beta, logWeights: s.logWeights,
                      positive: s.positive, eta: s.eta, steps: steps, observe: observe)
  }
}
