// The JSON fields of every objective input type, for `verify loss --list` and for rejecting
// unknown keys. Generated from the doc comments of Sources/Objectives/<Type>.swift (field
// name, JSON type, the doc line); the Codable synthesis of those types is the decoder, so a
// field listed here and missing there would fail the oracle tests.

/// One JSON field of an objective's input record.
public struct OracleField: Codable, Sendable, Hashable {
  /// The JSON key (the Swift property name).
  public var name: String
  /// The JSON type: number, integer, boolean, [number], [[number]], ResponseSet object, ….
  public var type: String
  /// What the field holds and its rule, from the input type's doc comment.
  public var doc: String

  public init(_ name: String, _ type: String, _ doc: String) {
    self.name = name
    self.type = type
    self.doc = doc
  }
}

/// The fields of each input type of Sources/Objectives.
public enum OracleInputSchema {
  /// Fields by input type name.
  public static let fields: [String: [OracleField]] = [
    "PreferencePair": [
      OracleField("logProbChosen", "number", "log π_θ(y_w | x) ≤ 0."),
      OracleField("logProbRejected", "number", "log π_θ(y_l | x) ≤ 0."),
      OracleField("refLogProbChosen", "number", "log π_ref(y_w | x) ≤ 0."),
      OracleField("refLogProbRejected", "number", "log π_ref(y_l | x) ≤ 0."),
      OracleField("lengthChosen", "integer", "|y_w| ≥ 1 tokens."),
      OracleField("lengthRejected", "integer", "|y_l| ≥ 1 tokens."),
    ],
    "RewardedPreferencePair": [
      OracleField("logProbChosen", "number", "log π_θ(y_w | x) ≤ 0."),
      OracleField("logProbRejected", "number", "log π_θ(y_l | x) ≤ 0."),
      OracleField("refLogProbChosen", "number", "log π_ref(y_w | x) ≤ 0."),
      OracleField("refLogProbRejected", "number", "log π_ref(y_l | x) ≤ 0."),
      OracleField(
        "rewardChosen", "number",
        "r_w = r(y_w, x), the prior reward of the chosen response (finite)."),
      OracleField(
        "rewardRejected", "number",
        "r_l = r(y_l, x), the prior reward of the rejected response (finite)."),
      OracleField("lengthChosen", "integer", "|y_w| ≥ 1 tokens."),
      OracleField("lengthRejected", "integer", "|y_l| ≥ 1 tokens."),
    ],
    "SetPair": [
      OracleField("positive", "ResponseSet object", "𝒴⁺, the preferred responses (non-empty)."),
      OracleField("negative", "ResponseSet object", "𝒴⁻, the dispreferred responses (non-empty)."),
    ],
    "ResponseSet": [
      OracleField("logProbs", "[number]", "log π_θ(y_i | x) ≤ 0."),
      OracleField(
        "refLogProbs", "[number]",
        "log π_ref(y_i | x) ≤ 0, one per entry of `logProbs`."),
    ],
    "BinPartition": [
      OracleField(
        "bins", "[ResponseSet object]",
        "B_1 (best), …, B_b (worst); b ≥ 2, each non-empty.")
    ],
    "Ranking": [
      OracleField("logProbs", "[number]", "log π_θ(y_(i) | x) ≤ 0, i = 1…K, best first."),
      OracleField("refLogProbs", "[number]", "log π_ref(y_(i) | x) ≤ 0, in the same order."),
    ],
    "RewardedResponseSet": [
      OracleField("logProbs", "[number]", "log π_θ(y_i | x) ≤ 0."),
      OracleField("refLogProbs", "[number]", "log π_ref(y_i | x) ≤ 0."),
      OracleField("rewards", "[number]", "r(x, y_i) (S_i in eq. 3), finite."),
    ],
    "ScoredResponseSet": [
      OracleField("logProbs", "[number]", "log π_θ(y_i | x) ≤ 0."),
      OracleField("refLogProbs", "[number]", "log π_ref(y_i | x) ≤ 0."),
      OracleField("scores", "[number]", "S(y_i), finite scalar scores (not differentiated)."),
    ],
    "PopulationPreferenceInput": [
      OracleField("logits", "[number]", "θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2."),
      OracleField("refLogits", "[number]", "θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref)."),
      OracleField(
        "mu", "[number]",
        "µ, the distribution responses are drawn from (may have zeros)."),
      OracleField(
        "preference", "[[number]]",
        "p[i][j] = p(y_i ≻ y_j) ∈ [0, 1], with p(i≻j) + p(j≻i) = 1 (so p(i≻i) = ½)."),
    ],
    "SampleEDPOInput": [
      OracleField("logits", "[number]", "θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2."),
      OracleField("refLogits", "[number]", "θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref)."),
      OracleField(
        "mu", "[number]",
        "µ, the regularizer's response distribution (full support in the paper's "
          + "analysis; zeros allowed, e.g. µ = µ̂ for the \"oversimplified\" regularizer)."),
      OracleField("muHat", "[number]", "µ̂, the empirical distribution of labeled responses."),
      OracleField(
        "scores", "[number]",
        "ŝ(y), the empirical score (pairwise or pointwise; used where µ̂(y) > 0)."),
    ],
    "PROInput": [
      OracleField("logits", "[number]", "θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2."),
      OracleField("refLogits", "[number]", "θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref)."),
      OracleField(
        "mu", "[number]",
        "µ on 𝒴, the regularizer's distribution before aggregation over ℋ."),
      OracleField(
        "muHat", "[number]",
        "µ̂ on 𝒴, the empirical distribution of labeled responses; 0 on ℋ."),
      OracleField("scores", "[number]", "ŝ(y), the empirical score (used where µ̂(y) > 0)."),
      OracleField(
        "hyperResponse", "[integer]",
        "The indices of the members of ℋ: non-empty, distinct, unlabeled."),
    ],
    "PROPInput": [
      OracleField("logits", "[number]", "θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2."),
      OracleField("refLogits", "[number]", "θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref)."),
      OracleField(
        "muHat", "[number]",
        "µ̂ on 𝒴, the empirical distribution of labeled responses; 0 on ℋ."),
      OracleField(
        "preference", "[[number]]",
        "p̂[i][j] = p̂(y_i ≻ y_j) for labeled i, j, with p̂(i≻j) + p̂(j≻i) = 1."),
      OracleField(
        "rho", "[number]",
        "ρ on 𝒴: a distribution over the unlabeled responses (0 where µ̂ > 0); its mass "
          + "on ℋ is aggregated by Eq. (6)."),
      OracleField(
        "hyperResponse", "[integer]",
        "The indices of the members of ℋ: non-empty, distinct, unlabeled."),
    ],
    "PROScalarSample": [
      OracleField("logProbs", "[number]", "log π_θ(y_n | x) ≤ 0, N ≥ 1 entries."),
      OracleField("refLogProbs", "[number]", "log π_ref(y_n | x) ≤ 0."),
      OracleField("scores", "[number]", "ŝ_n, finite."),
    ],
    "PROBinarySample": [
      OracleField(
        "logProb", "number",
        "log π_θ(y | x) ≤ 0 (< 0 for the exact hyper reward: π_θ(ℋ) = 1 − π_θ(y) > 0)."),
      OracleField("refLogProb", "number", "log π_ref(y | x) ≤ 0 (< 0 for the exact hyper reward)."),
      OracleField(
        "label", "number",
        "s, the label: most plausibly +½ (desired) or −½ (undesired) (PRO-formulas.md §8, "
          + "uncertain); any finite value is accepted."),
    ],
    "KTOPROInput": [
      OracleField("logProb", "number", "log π_θ(y | x) ≤ 0."),
      OracleField("refLogProb", "number", "log π_ref(y | x) ≤ 0."),
      OracleField(
        "desired", "boolean",
        "true for a desired response (weight λ_D), false for an undesired one (λ_U)."),
    ],
    "KTOPIPAInput": [
      OracleField(
        "logF", "number",
        "log p^θ(y|x, c=1) = log f^θ(y|x) ≤ 0 (Algorithm 2: Σ_t log f^θ(y_t|x, y<t))."),
      OracleField("logPrior", "number", "log p^prior(y|x) ≤ 0."),
      OracleField(
        "z", "number",
        "z(x) ≥ 0, the KL term (an estimate in practice; its θ-gradient is stopped, "
          + "§2.3)."),
      OracleField("label", "integer", "c ∈ {0, 1}."),
    ],
    "PIPAAnswerInput": [
      OracleField("logF", "number", "log f^θ(y|x) = log p^θ(y|x, c=1) ≤ 0."),
      OracleField("logitG", "number", "logit of g^θ(x) = p^θ(c=1|x); g = σ(logitG)."),
      OracleField("logPrior", "number", "log p^prior(y|x) ≤ 0 (the frozen prior model)."),
      OracleField("label", "integer", "c ∈ {0, 1}: 1 for a preferred/correct answer."),
    ],
    "PIPATokenInput": [
      OracleField("logF", "[number]", "log f_t ≤ 0, one per token."),
      OracleField("logitG", "[number]", "logit g_t, one per token (g_t = σ(logitG[t]))."),
      OracleField("logPrior", "[number]", "log p^prior_t ≤ 0, one per token."),
      OracleField(
        "labels", "[integer]",
        "c_t ∈ {0, 1}, one per token (answer-level labels are c_1 = … = c_T)."),
    ],
    "StepPairInput": [
      OracleField(
        "logProbsChosen", "[number]",
        "log p^θ(y⁺_t|x, y⁺<t, c_t=1) ≤ 0, one per token of y⁺."),
      OracleField(
        "logProbsRejected", "[number]",
        "log p^θ(y⁻_t|x, y⁻<t, c_t=1) ≤ 0, one per token of y⁻."),
      OracleField("refLogProbsChosen", "[number]", "log p^prior(y⁺_t|x, y⁺<t) ≤ 0."),
      OracleField("refLogProbsRejected", "[number]", "log p^prior(y⁻_t|x, y⁻<t) ≤ 0."),
      OracleField(
        "labelsRejected", "[integer]",
        "c⁻_t ∈ {0, 1}, one per token of y⁻ (1 = token of a correct step)."),
    ],
    "StepKTOInput": [
      OracleField("logProbs", "[number]", "log p^θ(y_t|x, y<t, c_t=1) ≤ 0, one per token."),
      OracleField("refLogProbs", "[number]", "log p^prior(y_t|x, y<t) ≤ 0, one per token."),
      OracleField("labels", "[integer]", "c_t ∈ {0, 1}, one per token."),
      OracleField(
        "stepStarts", "[integer]",
        "0-based first tokens of the K steps: stepStarts[0] = 0, strictly increasing, < "
          + "T. The printed s_{K+1} is not defined; step K runs to the last token (s_{K+1} := "
          + "T + 1)."),
      OracleField("z0", "number", "z₀ ≥ 0, KTO's reference point (a KL estimate)."),
    ],
    "PRORLHF.Input": [
      OracleField("logits", "[number]", "θ ∈ ℝ^|𝒴|, π_θ = softmax(θ); |𝒴| ≥ 2."),
      OracleField("refLogits", "[number]", "θ_ref ∈ ℝ^|𝒴|, π_ref = softmax(θ_ref)."),
      OracleField("rewards", "[number]", "r_φ(y), any finite reals."),
    ],
  ]
}
