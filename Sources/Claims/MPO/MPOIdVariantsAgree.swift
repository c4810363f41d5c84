// mpo.wmpo.variants-agree — §4.4 eq. (6)–(8); App. D eq. (14)–(16) and Algorithm 2; App. G.1;
// App. K (001_0ef3930bdbd6a134.txt). The four printed W-MPO definitions, pairwise, with a
// 4×4 agreement matrix. G.1 has no β: it is compared at β = 1 (its α is α_w); the pairs not
// involving G.1 are also compared at β ∈ {0.01, 0.1}.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let variantsAgree = Claim(
    id: "mpo.wmpo.variants-agree", paper: .mpo,
    source:
      "§4.4 eq. (6)–(8); App. D eq. (14)–(16), Algorithm 2; App. G.1; App. K; §1 contribution 2",
    kind: .equivalence,
    statement:
      "The four printed W-MPO definitions (wmpo.abs, wmpo.signed, wmpo.g1, wmpo.code) define "
        + "the same "
      + "loss of (r_θ, S, β, α_w); G.1 (no β) is compared at β = 1 with its α = α_w."
  ) { ctx in try variantsAgreeCheck(ctx, variants: wmpoVariants) }

  /// A W-MPO variant: its loss at (x, β, α_w), whether it is the code, whether it has a β.
  struct WMPOVariant {
    var name: String
    var isCode: Bool
    var hasBeta: Bool
    var loss: (ScoredResponseSet, Double, Double) throws -> Double
  }

  static var wmpoVariants: [WMPOVariant] {
    [
      WMPOVariant(name: "abs (8)", isCode: false, hasBeta: true) { x, b, a in
        try WeightedMPOAbsolute(beta: b, alphaW: a).loss(x)
      },
      WMPOVariant(name: "signed (16)", isCode: false, hasBeta: true) { x, b, a in
        try WeightedMPOSigned(beta: b, alphaW: a).loss(x)
      },
      WMPOVariant(name: "G.1", isCode: false, hasBeta: false) { x, _, a in
        try WeightedMPOG1(alpha: a).loss(x)
      },
      WMPOVariant(name: "code (K)", isCode: true, hasBeta: true) { x, b, a in
        MPOIdCodeK.rowLoss(
          piLogps: x.logProbs, refLogps: x.refLogProbs, rewards: x.scores, beta: b, alpha: a)
      },
    ]
  }

  /// The check with the variants injectable (mutation tests).
  static func variantsAgreeCheck(_ ctx: CheckContext, variants: [WMPOVariant]) throws
    -> CheckOutcome
  {
    let alphas = [0.01, 0.1, 1, 10]
    let betas = [1, 0.01, 0.1]
    let k = variants.count
    var r = ctx.stream("mpo.wmpo.variants-agree")
    var tally = Tally()
    var compared = Array(repeating: Array(repeating: 0, count: k), count: k)
    var failed = compared
    var smallest = [[MPOIdSmallest]](
      repeating: [MPOIdSmallest](repeating: MPOIdSmallest(), count: k), count: k)
    var codeOutside = 0
    for idx in 0..<ctx.count(full: 10_000, quick: 1_000) {
      let n = r.uniformInt(in: 2...16)
      let kind: MPOId.ScoreKind = idx % 2 == 0 ? .normal : .likert
      let (x, _) = MPOId.scoredSet(&r, n: n, kind: kind, logProbRange: 50)
      let (alpha, ai) = MPOId.pick(&r, alphas)
      let absDev = x.partition.absoluteDeviations
      for (bi, beta) in betas.enumerated() {
        let losses = try variants.map { v -> Double? in
          (v.hasBeta || beta == 1) ? try v.loss(x, beta, alpha) : nil
        }
        // τ_LSE on the bound |β r| + |α_w||ΔW| of every variant's logits.
        let bound = zip(x.logRatios, absDev).map { abs(beta * $0) + abs(alpha) * $1 }
        for i in 0..<k {
          for j in (i + 1)..<k {
            guard let li = losses[i], let lj = losses[j] else { continue }
            let tol: Tolerance
            if variants[i].isCode || variants[j].isCode {
              let formula = variants[i].isCode ? lj : li
              guard formula <= 20 else {
                codeOutside += 1
                continue
              }
              tol = MPOId.absolute(
                1e-9, "1e-9 absolute for pairs with the code (its eps terms add ≤ 3e-10)")
            } else {
              tol = MPOId.tauLSE(bound)
            }
            let res = abs(li - lj)
            compared[i][j] += 1
            let inputs = MPOId.describe(x) + [NamedValue("β", beta), NamedValue("α_w", alpha)]
            let pairName = "\(variants[i].name) vs \(variants[j].name)"
            if !tally.record(
              pairName, residual: res.isNaN ? .infinity : res, tolerance: tol, inputs: inputs,
              detail: "\(variants[i].name) = \(li), \(variants[j].name) = \(lj)")
            {
              failed[i][j] += 1
              smallest[i][j].offer(
                key: [Double(n), Double(ai), Double(bi)],
                Counterexample(
                  inputs: inputs,
                  detail: "\(pairName): \(variants[i].name) = \(li), \(variants[j].name) = \(lj)",
                  residual: res, tolerance: tol.absolute))
            }
          }
        }
      }
    }
    // The 4×4 agreement matrix: agreeing/compared per pair, "=" on the diagonal.
    var notes: [String] = ["agreement matrix (agreeing / compared; upper triangle):"]
    let width = 16
    func pad(_ s: String) -> String {
      s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
    notes.append(pad("") + variants.map { pad($0.name) }.joined())
    for i in 0..<k {
      var row = pad(variants[i].name)
      for j in 0..<k {
        if i == j {
          row += pad("=")
        } else if j < i {
          row += pad("")
        } else {
          row += pad("\(compared[i][j] - failed[i][j])/\(compared[i][j])")
        }
      }
      notes.append(row)
    }
    var agreeing: [String] = []
    var cx: Counterexample?
    for i in 0..<k {
      for j in (i + 1)..<k {
        let pairName = "\(variants[i].name) vs \(variants[j].name)"
        if failed[i][j] == 0 {
          agreeing.append(pairName)
        } else if let e = smallest[i][j].example {
          notes.append("smallest counterexample, \(pairName): \(e.line)")
          if cx == nil { cx = e }
        }
      }
    }
    notes.append(
      "pairs that agree on every instance: "
        + (agreeing.isEmpty ? "none" : agreeing.joined(separator: "; ")))
    notes.append(
      "\(codeOutside) code-pair comparisons with loss > 20 not compared (clamping regime: "
        + "mpo.code.matches-eq8)"
    )
    return tally.outcome(
      claim: "the four W-MPO definitions agree pairwise", counterexample: cx, notes: notes)
  }
}
