// mappo.no-additional-hyperparameter — §4.1 Remark, §4.4 Remark, §5.3, abstract: MaPPO and its
// plugins take no setting beyond the base method's; Δr is data from the prior reward.
// (a) compares the stored settings of each implemented loss (by reflection, so a setting
// added to a type shows up here); (b) asks whether ℓ₈ depends on the reward normalisation
// N: ℝ → [0, 1], which the paper does not fix — if it does, N is a hidden setting.
import Numerics
import Objectives

extension MaPPOClaims {
  static let noAdditionalHyperparameter = Claim(
    id: "mappo.no-additional-hyperparameter", paper: .mappo,
    source: "§4.1 Remark; §4.4 Remark; §5.3; abstract", kind: .equivalence,
    statement: "The MaPPO loss and its plugins need no setting beyond those of the base method; Δr is data, "
      + "taken from the prior reward in [0, 1]."
  ) { ctx in
    // (a) Structural.
    let structural: [(String, [String], [String])] = [
      ("DPO vs MaPPO", settings(of: DPO(beta: 0.1)), settings(of: MaPPO(beta: 0.1))),
      ("SimPO vs SimPO+", settings(of: SimPO(beta: 0.1, gamma: 1)), settings(of: SimPOPlus(beta: 0.1, gamma: 1))),
      ("IPO vs IPO+", settings(of: IPO(beta: 0.1)), settings(of: IPOPlus(beta: 0.1))),
      ("CPO vs CPO+", settings(of: CPO(beta: 0.1, lambda: 0.2)), settings(of: CPOPlus(beta: 0.1, lambda: 0.2))),
    ]
    var notes = structural.map { "(a) \($0.0): {\($0.1.joined(separator: ", "))} vs {\($0.2.joined(separator: ", "))}" }
    let mismatches = structural.filter { Set($0.1) != Set($0.2) }
    if !mismatches.isEmpty {
      return CheckOutcome(
        verdict: .refuted, summary: "(a) settings differ: " + mismatches.map(\.0).joined(separator: ", "), notes: notes)
    }
    // (b) Invariance to the reward normalisation.
    var r = ctx.stream("mappo.no-additional-hyperparameter")
    let n = ctx.count(full: 10_000, quick: 1_000)
    var prompts: [(scores: [Double], best: Int, worst: Int, rhoW: Double, rhoL: Double, beta: Double)] = []
    for _ in 0..<n {
      let mu = 2 * r.gaussian()
      let s = (0..<8).map { _ in mu + r.gaussian() }
      let best = s.indices.max { s[$0] < s[$1] }!
      let worst = s.indices.min { s[$0] < s[$1] }!
      prompts.append((s, best, worst, Strata.logRatio(&r), Strata.logRatio(&r), Strata.beta(&r)))
    }
    let all = prompts.flatMap(\.scores)
    let gmin = all.min()!
    let gmax = all.max()!
    let maps: [(String, (Double, [Double]) -> Double)] = [
      ("N1 = σ(s)", { x, _ in sigmoid(x) }),
      ("N2 = σ(s/2)", { x, _ in sigmoid(x / 2) }),
      ("N3 = σ(2s)", { x, _ in sigmoid(2 * x) }),
      ("N4 = per-prompt min–max", { x, ss in (x - ss.min()!) / (ss.max()! - ss.min()!) }),
      ("N5 = dataset min–max", { x, _ in (x - gmin) / (gmax - gmin) }),
    ]
    var disagreements = 0
    var example: String?
    for (i, p) in prompts.enumerated() {
      let (pw, rw) = realise(logRatio: p.rhoW)
      let (pl, rl) = realise(logRatio: p.rhoL)
      let losses = maps.map { (name, map) -> (String, Double) in
        let pair = RewardedPreferencePair(
          logProbChosen: pw, logProbRejected: pl, refLogProbChosen: rw, refLogProbRejected: rl,
          rewardChosen: map(p.scores[p.best], p.scores), rewardRejected: map(p.scores[p.worst], p.scores))
        return (name, (try? MaPPO(beta: p.beta).loss(pair)) ?? .nan)
      }
      let lo = losses.min { $0.1 < $1.1 }!
      let hi = losses.max { $0.1 < $1.1 }!
      let tol = CatalogTolerance.identityAbsolute(termSum: p.beta * (abs(p.rhoW) + abs(p.rhoL)) + hi.1 + lo.1)
      if !(hi.1 - lo.1 <= tol) {
        disagreements += 1
        if example == nil {
          example = "prompt \(i) (β = \(formatNumber(p.beta)), ρ_w = \(formatNumber(p.rhoW)), ρ_l = \(formatNumber(p.rhoL))): "
            + "\(lo.0) gives ℓ₈ = \(lo.1), \(hi.0) gives ℓ₈ = \(hi.1)"
        }
      }
    }
    notes.append("(b) the five normalisation maps give different ℓ₈ on \(disagreements) of \(n) prompts")
    if disagreements == 0 {
      return CheckOutcome(verdict: .confirmed, summary: "(a) settings match; (b) ℓ₈ is the same under all five maps", notes: notes)
    }
    // This entry's own rule: conditional on the normalisation map being held fixed.
    let report = ConditionReport(
      condition: "the normalization map is held fixed", casesSatisfying: n,
      holdingCase: "any single map: ℓ₈ is a function of the data", failingCase: example ?? "")
    return CheckOutcome(
      verdict: .conditional,
      summary: "(a) settings match, but Δr depends on the unfixed reward normalisation: ℓ₈ differs across maps on \(disagreements) of \(n) prompts",
      notes: notes, conditions: [report])
  }

  /// The stored scalar settings of an objective, by reflection.
  static func settings(of objective: Any) -> [String] {
    Mirror(reflecting: objective).children.compactMap { c in (c.value is Double || c.value is Int) ? c.label : nil }
  }
}
