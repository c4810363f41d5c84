// mpo.wmpo.alpha0-equals-mpo — §4.4 eq. (7)–(8); App. D eq. (15)–(16); App. G.1
// (w_i = e^{αδ_i}); App. K (`weights = zeros` unless `alpha > 0`) (001_0ef3930bdbd6a134.txt).
// Each W-MPO variant at α_w = 0 against Objectives.MPO on the mean-threshold partition.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let alpha0EqualsMPO = Claim(
    id: "mpo.wmpo.alpha0-equals-mpo", paper: .mpo,
    source: "§4.4 eq. (7)–(8); App. D eq. (15)–(16); App. G.1; App. K", kind: .equivalence,
    statement:
      "With α_w = 0, W-MPO equals the MPO loss (5) on the mean-threshold partition (12)–(13): "
        + "for (8), "
      + "(16), the G.1 loss with α = 0 at β = 1, and the App. K code with alpha = 0."
  ) { ctx in try alpha0Check(ctx, variants: alpha0Variants) }

  /// A W-MPO variant at α_w = 0: its loss on (x, β), and the β at which the MPO reference is
  /// taken (G.1 has no β, so it is compared with MPO at β = 1).
  struct Alpha0Variant {
    var name: String
    var tolerance: String
    var loss: (ScoredResponseSet, Double) throws -> Double
    var referenceBeta: (Double) -> Double
  }

  static var alpha0Variants: [Alpha0Variant] {
    [
      Alpha0Variant(
        name: "eq. (8) abs", tolerance: "τ_LSE",
        loss: { x, b in try WeightedMPOAbsolute(beta: b, alphaW: 0).loss(x) },
        referenceBeta: { $0 }),
      Alpha0Variant(
        name: "eq. (16) signed", tolerance: "τ_LSE",
        loss: { x, b in try WeightedMPOSigned(beta: b, alphaW: 0).loss(x) },
        referenceBeta: { $0 }),
      Alpha0Variant(
        name: "G.1 (α = 0, β = 1)", tolerance: "τ_LSE",
        loss: { x, _ in try WeightedMPOG1(alpha: 0).loss(x) },
        referenceBeta: { _ in 1 }),
      Alpha0Variant(
        name: "App. K code (alpha = 0)", tolerance: "code",
        loss: { x, b in
          MPOIdCodeK.rowLoss(
            piLogps: x.logProbs, refLogps: x.refLogProbs, rewards: x.scores, beta: b, alpha: 0)
        }, referenceBeta: { $0 }),
    ]
  }

  /// The check with the variants injectable (mutation tests).
  static func alpha0Check(_ ctx: CheckContext, variants: [Alpha0Variant]) throws -> CheckOutcome {
    let betas = [0.01, 0.1, 1]
    var r = ctx.stream("mpo.wmpo.alpha0-equals-mpo")
    var tally = Tally()
    var smallest = [String: MPOIdSmallest]()
    var skipped = 0
    var codeOutside = 0
    for i in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let n = r.uniformInt(in: 2...16)
      let kind: MPOId.ScoreKind = i % 2 == 0 ? .normal : .likert
      let (x, sk) = MPOId.scoredSet(&r, n: n, kind: kind, logProbRange: 100)
      skipped += sk
      let (beta, bi) = MPOId.pick(&r, betas)
      let pair = MPOId.meanSetPair(x)
      for v in variants {
        let rb = v.referenceBeta(beta)
        let mpo = MPO(beta: rb)
        let ref = try mpo.loss(pair)
        let val = try v.loss(x, beta)
        let tol: Tolerance
        if v.tolerance == "code" {
          guard ref <= 20 else {
            codeOutside += 1
            continue
          }
          tol = MPOId.absolute(
            1e-9, "1e-9 absolute for the code path: its eps terms add ≤ 3e-10 when pos ≥ 1e-10")
        } else {
          tol = MPOId.tauLSE(mpo.logits(pair).logits)
        }
        let res = abs(val - ref)
        if !tally.record(
          v.name, residual: res.isNaN ? .infinity : res, tolerance: tol,
          inputs: MPOId.describe(x) + [NamedValue("β", rb)],
          detail: "\(v.name) = \(val), L_MPO = \(ref)")
        {
          smallest[v.name, default: MPOIdSmallest()].offer(
            key: [Double(n), Double(bi)],
            Counterexample(
              inputs: MPOId.describe(x) + [NamedValue("β", rb)],
              detail: "\(v.name) = \(val), L_MPO = \(ref)",
              residual: res, tolerance: tol.absolute))
        }
      }
    }
    var notes = [
      "\(skipped) draws with 𝒴⁺ = ∅ were skipped (Algorithm 2)",
      "code path: \(codeOutside) instance-variant comparisons with L_MPO > 20 not compared "
        + "(clamping regime: mpo.code.matches-eq8)",
    ]
    for v in variants {
      if let s = smallest[v.name], let e = s.example {
        notes.append("\(v.name) smallest failure: \(e.line)")
      }
    }
    let first = variants.compactMap { smallest[$0.name]?.example }.first
    return tally.outcome(
      claim: "W-MPO(α_w = 0) = L_MPO on the mean partition", counterexample: first, notes: notes)
  }
}
