// The paired optima of L̂_eDPO (on 𝒴) and L̂_PRO (on 𝒴_ℋ) that pro.thm41-labeled-optimum and
// pro.thm41-hyper-mass share (claims/pro.md): M1 instances with n ∈ 4…8, k ∈ 2…n−2, ℋ a random
// subset of 𝒴 \ L with |ℋ| ≥ 2, pairwise ŝ, full-support µ; α = κ·max(α_T^eDPO, α_T^PRO, 0.1)
// with both thresholds from M5's P_ray and κ log-uniform on [1.5, 20]; M2 on Objectives'
// SampleEDPO (logits of 𝒴) and on Objectives' PRO.hyperSpaceTerms (logits of 𝒴_ℋ); both must
// be M4-EXISTS with a certified optimum.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

struct PRODecThm41Case {
  var j: Int
  var edpo: PRODecEDPOCase
  var hyper: [Int]
  var space: HyperResponseSpace
  /// The PRO optimum on 𝒴_ℋ (logits, z₀ = 0 pinned) and its M4 decision.
  var proOptimum: PRODecMinimum?
  var proDecision: PRODecRays.Existence
  var exclusion: String?

  var inputs: [NamedValue] { edpo.inputs + [NamedValue("|ℋ|", Double(hyper.count))] }
}

enum PRODecThm41Optima {
  static let id = "pro.thm41-labeled-optimum"

  static func solve(_ ctx: CheckContext, _ j: Int) -> PRODecThm41Case {
    var r = PRODecM1.stream(ctx, id, j)
    let n = PRODecM1.size(j, 4...8)
    let k = Strata.integer(&r, 2...(n - 2))
    let a = PRODecM1.concentrations[j % 3]
    let beta = PRODecM1.beta(j, &r)
    let mu = PRODecM1.distribution(n, concentration: a, &r)
    let ref = PRODecM1.logs(PRODecM1.distribution(n, concentration: a, &r))
    let L = PRODecM1.subset(n, k, &r)
    let w = r.dirichlet([Double](repeating: 1, count: k))
    var muHat = [Double](repeating: 0, count: n)
    for (i, y) in L.enumerated() { muHat[y] = w[i] }
    let p = PRODecM1.preference(n, .mixed, &r)
    let s = PRODecScore.score(mu: muHat, preference: p).s
    let unl = (0..<n).filter { muHat[$0] == 0 }
    let hyper = PRODecM1.subset(unl.count, Strata.integer(&r, 2...unl.count), &r).map { unl[$0] }
    let space = HyperResponseSpace(count: n, hyper: hyper)
    let m = space.elements.count
    let ws = (0..<n).map { muHat[$0] * s[$0] }
    let splitE = PRODecSplitLoss(
      w: ws, mu: mu, ref: ref, beta: beta, weightRounding: muHat.map { 4 * Double(n) * Double.ulpOfOne * $0 })
    let refH = space.aggregateLog(ref)
    let muH = space.aggregate(mu)
    let wH = space.elements.map { e in e.count == 1 ? ws[e[0]] : 0 }
    let splitP = PRODecSplitLoss(
      w: wH, mu: muH, ref: refH, beta: beta,
      weightRounding: space.elements.map { e in e.count == 1 ? 4 * Double(n) * Double.ulpOfOne * muHat[e[0]] : 0 })
    let basesE = [ref] + (0..<2).map { _ in logSoftmax(PRODecM1.logits(n, tau: 1, &r)) }
    let basesP = [refH] + (0..<2).map { _ in logSoftmax(PRODecM1.logits(m, tau: 1, &r)) }
    var edpo = PRODecEDPOCase(
      j: j, n: n, beta: beta, alpha: .nan, mu: mu, muHat: muHat, scores: s, ref: ref,
      evaluation: [], runs: [], optimum: nil, decision: .undecided, exclusion: nil)
    var c = PRODecThm41Case(j: j, edpo: edpo, hyper: hyper, space: space, proOptimum: nil,
                            proDecision: .undecided, exclusion: nil)
    guard let tE = PRODecRays.rayThreshold(splitE, bases: basesE),
      let tP = PRODecRays.rayThreshold(splitP, bases: basesP)
    else {
      c.exclusion = "no P_ray threshold"
      return c
    }
    let alpha = Strata.logUniform(&r, 1.5, 20) * max(tE, tP, 0.1)
    edpo.alpha = alpha
    let gtol = 1e-10 * beta * (1 + alpha)
    // eDPO.
    var startsE = [ref.map { $0 - ref[0] }]
    for q in 0..<4 { startsE.append(PRODecM1.logits(n, tau: q % 2 == 0 ? 1 : 5, &r)) }
    let ce = edpo
    edpo.runs = PRODecM2.run(f: { ce.loss($0) }, gradient: { ce.gradient($0) }, starts: startsE, gradientTolerance: gtol)
    edpo.optimum = PRODecM2.optimum(edpo.runs)
    edpo.decision = PRODecRays.decide(
      splitE, alpha: alpha, runs: edpo.runs,
      bases: basesE + (edpo.optimum.map { [logSoftmax($0.z)] } ?? []))
    c.edpo = edpo
    // PRO on 𝒴_ℋ through Objectives' PRO.hyperSpaceTerms.
    let pro = PRO(beta: beta, alpha: alpha)
    let fP: ([Double]) -> Double = { zeta in
      guard let t = try? pro.hyperSpaceTerms(logProbs: logSoftmax(zeta), refLogProbs: refH, mu: muH, optimizerWeights: wH)
      else { return .nan }
      return t.optimizer + t.regularizer
    }
    let gP: ([Double]) -> [Double] = { zeta in
      let u = logSoftmax(zeta)
      guard let t = try? pro.hyperSpaceTerms(logProbs: u, refLogProbs: refH, mu: muH, optimizerWeights: wH)
      else { return [Double](repeating: .nan, count: m) }
      let g = zip(t.optimizerGradient, t.regularizerGradient).map { $0 + $1 }
      let tot = g.reduce(0, +)
      return (0..<m).map { g[$0] - exp(u[$0]) * tot }
    }
    var startsP = [refH.map { $0 - refH[0] }]
    for q in 0..<4 { startsP.append(PRODecM1.logits(m, tau: q % 2 == 0 ? 1 : 5, &r)) }
    let runsP = PRODecM2.run(f: fP, gradient: gP, starts: startsP, gradientTolerance: gtol)
    c.proOptimum = PRODecM2.optimum(runsP)
    c.proDecision = PRODecRays.decide(
      splitP, alpha: alpha, runs: runsP, bases: basesP + (c.proOptimum.map { [logSoftmax($0.z)] } ?? []))
    if edpo.decision != .exists || edpo.optimum == nil {
      c.exclusion = "eDPO: \(edpo.optimum == nil ? "no certified minimiser" : "M4 " + edpo.decision.rawValue)"
    } else if c.proDecision != .exists || c.proOptimum == nil {
      c.exclusion = "PRO: \(c.proOptimum == nil ? "no certified minimiser" : "M4 " + c.proDecision.rawValue)"
    }
    return c
  }

  /// T-opt of log π(e) at a certified optimum with logits z (z₀ pinned): 2‖e_e − π‖e_z + T-round.
  static func toptLogProb(_ opt: PRODecMinimum, _ e: Int) -> Double {
    let u = logSoftmax(opt.z)
    let g = (1..<u.count).map { (e == $0 ? 1.0 : 0.0) - exp(u[$0]) }
    return 2 * norm(g) * opt.ez + PRODecTol.round(
      terms: 2, termSum: abs(u[e]), conditioning: abs(opt.z[e]) + abs(logSumExp(opt.z))).absolute
  }
}
