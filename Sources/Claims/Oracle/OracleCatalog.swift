// The objectives `verify loss` evaluates: every loss of Sources/Objectives, under a stable
// kebab-case id, with its hyperparameters (JSON keys next to the input fields) and the
// library initializer that builds it. Adding an objective to the oracle is one entry here.
import Objectives

/// The oracle's catalogue of objectives.
public enum OracleCatalog {
  /// Every objective, in the order `verify loss --list` prints them.
  public static let all: [OracleObjective] = [
    entry(
      "dpo",
      "Direct Preference Optimization, MaPPO eq. (3).",
      [
        OracleParameter("beta", "β > 0, the KL-regularisation strength.")
      ]
    ) { a in DPO(beta: a.number("beta")) },
    entry(
      "ipo",
      "Identity Preference Optimization, MaPPO eq. (16).",
      [
        OracleParameter("beta", "β > 0; the target log-ratio gap is 1/(2β).")
      ]
    ) { a in IPO(beta: a.number("beta")) },
    entry(
      "ipo-token-averaged",
      "IPO on length-normalised log-ratios (a variant, not MaPPO eq. 16 itself).",
      [
        OracleParameter(
          "beta",
          "β > 0; the target gap of the length-normalised log-ratios is 1/(2β).")
      ]
    ) { a in TokenAveragedIPO(beta: a.number("beta")) },
    entry(
      "simpo",
      "Simple Preference Optimization, MaPPO eq. (14) = AlphaPO eq. (2).",
      [
        OracleParameter("beta", "β > 0, the reward scale."),
        OracleParameter("gamma", "γ ≥ 0, the target reward margin."),
      ]
    ) { a in SimPO(beta: a.number("beta"), gamma: a.number("gamma")) },
    entry(
      "simpo-with-reference",
      "SimPO with reference policy, AlphaPO Appendix A.4 (first printed line).",
      [
        OracleParameter("beta", "β > 0, the reward scale."),
        OracleParameter("gamma", "γ ≥ 0, the target reward margin."),
      ]
    ) { a in SimPOWithReference(beta: a.number("beta"), gamma: a.number("gamma")) },
    entry(
      "cpo",
      "Contrastive Preference Optimization, MaPPO eq. (18).",
      [
        OracleParameter("beta", "β > 0."),
        OracleParameter("lambda", "λ ≥ 0, the weight of the negative log-likelihood of y_w."),
      ]
    ) { a in CPO(beta: a.number("beta"), lambda: a.number("lambda")) },
    entry(
      "alphapo",
      "AlphaPO, eqs. (3)–(4).",
      [
        OracleParameter(
          "alpha",
          "α ∈ ℝ, the reward-shape parameter (α = 0 is SimPO's log reward)."),
        OracleParameter("beta", "β > 0, the reward scale."),
        OracleParameter("gamma", "γ ≥ 0, the target reward margin."),
      ]
    ) { a in
      AlphaPO(alpha: a.number("alpha"), beta: a.number("beta"), gamma: a.number("gamma"))
    },
    entry(
      "alphapo-with-reference",
      "AlphaPO with reference policy, AlphaPO Appendix A.4 (first printed line).",
      [
        OracleParameter(
          "alpha",
          "α ∈ ℝ, the reward-shape parameter (α = 0 is SimPO with reference)."),
        OracleParameter("beta", "β > 0, the reward scale."),
        OracleParameter("gamma", "γ ≥ 0, the target reward margin."),
      ]
    ) { a in
      AlphaPOWithReference(
        alpha: a.number("alpha"), beta: a.number("beta"), gamma: a.number("gamma"))
    },
    entry(
      "sft",
      "SFT negative log-likelihood of the chosen response, MaPPO eq. (11).",
      []
    ) { _ in SFT() },
    entry(
      "sft-log-ratio",
      "The reference-relative SFT loss of MaPPO eq. (10).",
      []
    ) { _ in SFTLogRatio() },
    entry(
      "sft-sigmoid",
      "The log-sigmoid SFT-like loss of MaPPO eq. (9).",
      [
        OracleParameter("beta", "β > 0.")
      ]
    ) { a in SFTSigmoid(beta: a.number("beta")) },
    entry(
      "mappo",
      "MaPPO, eq. (8).",
      [
        OracleParameter("beta", "β > 0, the KL weight.")
      ]
    ) { a in MaPPO(beta: a.number("beta")) },
    entry(
      "mappo-mle",
      "L_MLE of MaPPO eq. (6), with r_φ(y) = β log π_θ(y)/π_ref(y).",
      [
        OracleParameter("beta", "β > 0, the KL weight in r_φ = β log π/π_ref.")
      ]
    ) { a in MaPPOMLE(beta: a.number("beta")) },
    entry(
      "mappo-prior",
      "L_p = −log p(r_φ), the prior loss of MaPPO eqs. (5)–(6), with r_φ(y) = β log "
        + "π/π_ref.",
      [
        OracleParameter("beta", "β > 0, the KL weight in r_φ = β log π/π_ref.")
      ]
    ) { a in MaPPOPrior(beta: a.number("beta")) },
    entry(
      "mappo-mle-plus-prior",
      "L_MLE + L_p of MaPPO eq. (6), second line, with r_φ(y) = β log π_θ(y)/π_ref(y).",
      [
        OracleParameter("beta", "β > 0, the KL weight in r_φ = β log π/π_ref.")
      ]
    ) { a in MaPPOMLEPlusPrior(beta: a.number("beta")) },
    entry(
      "ipo-plus",
      "IPO+ (IPO with the MaPPO plugin), MaPPO eq. (17).",
      [
        OracleParameter("beta", "β > 0; the target gap is 1/(2β).")
      ]
    ) { a in IPOPlus(beta: a.number("beta")) },
    entry(
      "simpo-plus",
      "SimPO+ (SimPO with the MaPPO plugin), MaPPO eq. (15).",
      [
        OracleParameter("beta", "β > 0, the reward scale."),
        OracleParameter("gamma", "γ ≥ 0, the target reward margin."),
      ]
    ) { a in SimPOPlus(beta: a.number("beta"), gamma: a.number("gamma")) },
    entry(
      "cpo-plus",
      "CPO+ (CPO with the MaPPO plugin), MaPPO eq. (19).",
      [
        OracleParameter("beta", "β > 0."),
        OracleParameter("lambda", "λ ≥ 0, the weight of the negative log-likelihood of y_w."),
      ]
    ) { a in CPOPlus(beta: a.number("beta"), lambda: a.number("lambda")) },
    entry(
      "mpo",
      "Multi-Preference Optimization, MPO eq. (5) with the set probability of eq. (4).",
      [
        OracleParameter(
          "beta",
          "β > 0, the inverse temperature of the utility u(y) = exp(β r_θ(y|x)).")
      ]
    ) { a in MPO(beta: a.number("beta")) },
    entry(
      "weighted-mpo-absolute",
      "Weighted MPO, §4.4 eq. (8) with the absolute-deviation logits of eq. (6)–(7).",
      [
        OracleParameter("beta", "β > 0, the inverse temperature on r_θ."),
        OracleParameter(
          "alphaW",
          "α_w, the deviation scale: > 0 as printed in §4.4; 0 is also admitted (the α_w → "
            + "0 limit, where eq. (8) is MPO on the mean partition)."),
      ]
    ) { a in WeightedMPOAbsolute(beta: a.number("beta"), alphaW: a.number("alphaW")) },
    entry(
      "weighted-mpo-signed",
      "Weighted MPO, App. D.2 eq. (16) with the signed-deviation logits of eq. (14)–(15).",
      [
        OracleParameter("beta", "β > 0, the inverse temperature on r_θ."),
        OracleParameter("alphaW", "α_w, the deviation scale (any finite real in D.2)."),
      ]
    ) { a in WeightedMPOSigned(beta: a.number("beta"), alphaW: a.number("alphaW")) },
    entry(
      "weighted-mpo-g1",
      "W-MPO's weighted contrastive loss as printed in App. G.1.",
      [
        OracleParameter("alpha", "α, the deviation scale (unrestricted in G.1).")
      ]
    ) { a in WeightedMPOG1(alpha: a.number("alpha")) },
    entry(
      "plackett-luce",
      "The Plackett–Luce ranking loss, MPO §3.2, with utilities u = exp(β r_θ).",
      [
        OracleParameter("beta", "β > 0, the inverse temperature of the utilities.")
      ]
    ) { a in PlackettLuce(beta: a.number("beta")) },
    entry(
      "binned-plackett-luce",
      "Sequential choice of ordered bins with utilities u = exp(β r_θ).",
      [
        OracleParameter("beta", "β > 0, the inverse temperature of the utilities.")
      ]
    ) { a in BinnedPlackettLuce(beta: a.number("beta")) },
    entry(
      "infonca",
      "InfoNCA, MPO eq. (3) / App. G.1.",
      [
        OracleParameter("beta", "β > 0, the scale of the scores s_i = β r_θ(y_i)."),
        OracleParameter("tau", "τ > 0, the target temperature (G.1's α)."),
      ]
    ) { a in InfoNCA(beta: a.number("beta"), tau: a.number("tau")) },
    entry(
      "nca",
      "Noise Contrastive Alignment (Chen et al. 2024).",
      [
        OracleParameter("beta", "β > 0, the scale of the scores s_i = β r_θ(y_i)."),
        OracleParameter("tau", "τ > 0, the target temperature."),
      ]
    ) { a in NCA(beta: a.number("beta"), tau: a.number("tau")) },
    entry(
      "population-dpo",
      "Population DPO over a finite response set, PRO §3.1 (PRO-formulas.md §2).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature.")
      ]
    ) { a in PopulationDPO(beta: a.number("beta")) },
    entry(
      "edpo",
      "eDPO over a finite response set, PRO Theorem 3.1 (PRO-formulas.md §2).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature.")
      ]
    ) { a in EDPO(beta: a.number("beta")) },
    entry(
      "sample-edpo",
      "Sample-based eDPO over a finite response set, PRO §3.2 (PRO-formulas.md §3).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature (optimizer weight)."),
        OracleParameter("alpha", "α > 0, the regularizer weight (the regularizer carries α/2)."),
      ]
    ) { a in SampleEDPO(beta: a.number("beta"), alpha: a.number("alpha")) },
    entry(
      "pro",
      "PRO with a hyper response over a finite response set, PRO §4.1 (PRO-formulas.md §4).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature (optimizer weight)."),
        OracleParameter("alpha", "α > 0, the regularizer weight (the regularizer carries α/2)."),
      ]
    ) { a in PRO(beta: a.number("beta"), alpha: a.number("alpha")) },
    entry(
      "pro-rlhf",
      "The RLHF objective of PRO App. C on a finite 𝒴 (PRO-formulas.md §7); reconstructed, the "
        + "form of (27) is uncertain.",
      [
        OracleParameter("beta", "β > 0, the KL weight.")
      ]
    ) { a in PRORLHF(beta: a.number("beta")) },
    entry(
      "pro-s",
      "PRO-S, scalar feedback (PRO-formulas.md §8).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature (optimizer)."),
        OracleParameter(
          "alpha",
          "α > 0, the rescaled regularizer weight (pairs carry 2α/(N(N+1)))."),
        .hyperReward,
      ]
    ) { a in
      PROS(beta: a.number("beta"), alpha: a.number("alpha"), hyperReward: a.hyperReward)
    },
    entry(
      "pro-b-printed",
      "PRO-B with β on both terms, as printed (PRO-formulas.md §8).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature (multiplies both terms, as printed)."),
        OracleParameter("alpha", "α > 0, the re-denoted regularizer coefficient αη(1−η)."),
        .hyperReward,
      ]
    ) { a in
      PROBPrinted(beta: a.number("beta"), alpha: a.number("alpha"), hyperReward: a.hyperReward)
    },
    entry(
      "pro-b-beta-on-optimizer",
      "PRO-B with β on the optimizer only (PRO-formulas.md §8).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature (optimizer only)."),
        OracleParameter("alpha", "α > 0, the re-denoted regularizer coefficient αη(1−η)."),
        .hyperReward,
      ]
    ) { a in
      PROBBetaOnOptimizer(
        beta: a.number("beta"), alpha: a.number("alpha"), hyperReward: a.hyperReward)
    },
    entry(
      "pro-p-implemented",
      "PRO-P, App. D implemented form, on a PreferencePair (PRO-formulas.md §8).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature."),
        .hyperReward,
      ]
    ) { a in PROPImplemented(beta: a.number("beta"), hyperReward: a.hyperReward) },
    entry(
      "pro-p-theorem-4-3",
      "PRO-P, Theorem 4.3 form, over a finite response set (PRO-formulas.md §5).",
      [
        OracleParameter("beta", "β > 0, the DPO temperature."),
        OracleParameter("eta", "η ∈ (0, 1), the mixing weight of Eq. (9)."),
      ]
    ) { a in PROPTheorem43(beta: a.number("beta"), eta: a.number("eta")) },
    entry(
      "kto-pro-form",
      "KTO in the form PRO prints it (PRO-formulas.md §9); PIPA's form is KTOPIPAForm.",
      [
        OracleParameter("beta", "β > 0, inside r_θ."),
        OracleParameter("lambdaD", default: "1", "λ_D > 0, the weight of desired responses."),
        OracleParameter("lambdaU", default: "1", "λ_U > 0, the weight of undesired responses."),
        OracleParameter("z0", default: "0", "z₀ ≥ 0, the reference point."),
      ]
    ) { a in
      KTOPROForm(
        beta: a.number("beta"), lambdaD: a.number("lambdaD"), lambdaU: a.number("lambdaU"),
        z0: a.number("z0"))
    },
    entry(
      "kto-pipa-form",
      "KTO as printed in PIPA App. A.2, eq. (10) (loss = −integrand, Algorithm 2).",
      [
        OracleParameter("beta", default: "1", "β > 0; β = 1 is the printed eq. (10).")
      ]
    ) { a in KTOPIPAForm(beta: a.number("beta")) },
    entry(
      "kto-appendix-b-form",
      "L_KTO as printed in PIPA App. B (no leading minus), on token log-probabilities.",
      [
        OracleParameter("beta", default: "1", "β > 0; β = 1 is the printed form.")
      ]
    ) { a in KTOAppendixBForm(beta: a.number("beta")) },
    entry(
      "pipa-m",
      "PIPA-M at answer level, PIPA Algorithm 1 (T = 1) with the §2.6 clip on negatives.",
      [
        OracleParameter(
          "epsilon", default: "1e-10",
          "ε of the §2.6 clip [0, 1 − ε]; the paper uses 10⁻¹⁰. Must lie in (0, 1).")
      ]
    ) { a in PIPAM(epsilon: a.number("epsilon")) },
    entry(
      "pipa-n",
      "PIPA-N at answer level, PIPA §2.4 and Algorithm 1 (T = 1).",
      []
    ) { _ in PIPAN() },
    entry(
      "pipa-m-token-level",
      "PIPA-M with token labels, PIPA Algorithm 1 with the §2.6 clip.",
      [
        OracleParameter(
          "epsilon", default: "1e-10",
          "ε of the §2.6 clip; the paper uses 10⁻¹⁰. Must lie in (0, 1).")
      ]
    ) { a in PIPAMTokenLevel(epsilon: a.number("epsilon")) },
    entry(
      "pipa-n-token-level",
      "PIPA-N with token labels, PIPA Algorithm 1.",
      []
    ) { _ in PIPANTokenLevel() },
    entry(
      "pipa-pair-conditional",
      "−log p^θ(c|x, (y^c, y^{−c})) of PIPA Theorem A.1 (eqs. 7–9), on a PreferencePair "
        + "read as f = π_θ (logProbChosen = log f(y⁺), …) and p^prior = π_ref.",
      []
    ) { _ in PIPAPairConditional() },
    entry(
      "step-dpo-l0",
      "Step-DPO L₀ (PIPA App. B): DPO with the positive steps of the rejected answer masked "
        + "out.",
      [
        OracleParameter(
          "beta", default: "1",
          "β > 0 multiplying every r_t; β = 1 is the printed loss.")
      ]
    ) { a in StepDPOL0(beta: a.number("beta")) },
    entry(
      "step-dpo-l1",
      "Step-DPO L₁ (PIPA App. B), the loss the paper's Step-DPO experiments adopt.",
      [
        OracleParameter(
          "beta", default: "1",
          "β > 0 multiplying every r_t; β = 1 is the printed loss.")
      ]
    ) { a in StepDPOL1(beta: a.number("beta")) },
    entry(
      "step-kto",
      "Step-KTO (PIPA App. B): one KTO term per step.",
      [
        OracleParameter("beta", default: "1", "β > 0; β = 1 is the printed loss.")
      ]
    ) { a in StepKTO(beta: a.number("beta")) },
    entry(
      "step-kto-l1",
      "PIPA App. B's KTO L₁: KTO on positive answers, positive steps of negative answers "
        + "under a stop-gradient.",
      [
        OracleParameter("beta", default: "1", "β > 0; β = 1 is the printed loss.")
      ]
    ) { a in StepKTOL1(beta: a.number("beta")) },
  ]

  /// The objective with id `name` (case-insensitive), or with that Swift type name.
  public static func objective(named name: String) -> OracleObjective? {
    let n = name.lowercased()
    return all.first { $0.id == n || $0.typeName.lowercased() == n }
  }

  static func entry<O: Objective>(
    _ id: String, _ title: String, _ parameters: [OracleParameter],
    _ make: @escaping @Sendable (OracleArguments) -> O
  ) -> OracleObjective where O.Input: Codable {
    OracleObjective(id: id, title: title, parameters: parameters, make: make)
  }
}
