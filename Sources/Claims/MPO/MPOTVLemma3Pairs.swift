// The parameter pairs of claims/mpo.md mpo.lemma3.kl-identity / kl-quadratic / pinsker
// (001_0ef3930bdbd6a134.txt App. E.2 Lemma 3): (θ⋆, θ⋆ + ρv) with v a random unit vector and
// ρ ∈ {1e-3, 1e-2, 0.1, 1, 3, 10} on the TV-SIM families, and (θ⋆, θ̂n) from TV-SIM fits.
import Analytic
import Numerics

/// One pair (a = θ⋆, b) on a family.
struct MPOTVPair: Sendable {
  var fam: MPOTVFamily
  var label: String
  var k: Int
  var rho: Double
  var b: [Double]
  var a: [Double] { fam.thetaStar }
  var delta: [Double] { zip(b, a).map { $0 - $1 } }

  var inputs: [NamedValue] {
    [NamedValue("k", Double(k)), NamedValue("ρ = ‖θ − θ⋆‖", MPOTVLinearAlgebra.norm(delta))]
  }
}

enum MPOTVLemma3Pairs {
  static let radii = [1e-3, 1e-2, 0.1, 1, 3, 10]

  /// `count` random-direction pairs, cycling over the families and the radii.
  static func random(_ ctx: CheckContext, count: Int) -> [MPOTVPair] {
    var fams: [(Int, Int, MPOTVFamily)] = []
    for k in MPOTVSim.ks(ctx) {
      for f in 0..<MPOTVSim.familyCount(ctx) { fams.append((k, f, MPOTVSim.family(ctx, k: k, index: f))) }
    }
    var r = ctx.stream("mpo.lemma3/pairs")
    var out: [MPOTVPair] = []
    for i in 0..<count {
      let (k, f, fam) = fams[i % fams.count]
      let rho = radii[(i / fams.count) % radii.count]
      var v = [Double](repeating: 0, count: k)
      r.fillGaussian(&v)
      let nv = MPOTVLinearAlgebra.norm(v)
      let b = zip(fam.thetaStar, v).map { $0 + rho * $1 / nv }
      out.append(MPOTVPair(fam: fam, label: "k=\(k) family \(f) ρ=\(formatNumber(rho)) #\(i)", k: k, rho: rho, b: b))
    }
    return out
  }

  /// A seeded sample of `count` converged MLE pairs (θ⋆, θ̂n) from TV-SIM.
  static func mle(_ ctx: CheckContext, count: Int) -> [MPOTVPair] {
    let sim = MPOTVSim.shared(ctx)
    var all: [MPOTVPair] = []
    for c in sim.cells {
      guard let fam = sim.families[c.k]?[c.family] else { continue }
      for (i, rep) in c.reps.enumerated() where rep.converged {
        all.append(MPOTVPair(fam: fam, label: "MLE k=\(c.k) family \(c.family) n=\(c.n) rep \(i)",
          k: c.k, rho: .nan, b: rep.thetaHat))
      }
    }
    var r = ctx.stream("mpo.lemma3/mle-sample")
    var out: [MPOTVPair] = []
    for _ in 0..<min(count, all.count) { out.append(all.remove(at: Int(r.uniformInt(below: UInt64(all.count))))) }
    return out
  }
}
