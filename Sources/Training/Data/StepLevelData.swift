// Step-level datasets (shared/design/TRAINING.md step 4, "step-level (PIPA step-level,
// Step-DPO, Step-KTO)"; claims/pipa.md "Empirical rule").
//
// Rules: unpaired — every response of every prompt with its token labels (nothing is
// skipped; labels come from the verifier, never from the noisy score). Paired — exactly
// the pairs of CorrectIncorrectPairs (same matching, same skipped prompts), each with the
// incorrect answer's token labels.

/// Builds step-labelled data.
public enum StepLevelData {
  /// Every response with its token labels (PIPA and Step-KTO, unpaired).
  public static func unpaired(_ source: ScoredSampleSet) -> FeedbackDataset<StepItem> {
    FeedbackDataset(kind: "unpaired step labels", source: source) { p in
      .success(p.responses.indices.map { StepItem(p, response: $0) })
    }
  }

  /// The samples of PIPA's pairs as unpaired step-labelled items (paired/step setting of
  /// PIPA-M/N and Step-KTO, claims/pipa.md pipa.empirical.accuracy-gain): per pair, chosen
  /// then rejected; prompts without a pair are skipped (noCorrectIncorrectPair).
  public static func unpairedFromPairs(_ source: ScoredSampleSet) -> FeedbackDataset<StepItem> {
    FeedbackDataset(kind: "step labels of the PIPA pairs' samples", source: source) { p in
      do throws(SkipError) {
        let pairs = try CorrectIncorrectPairs.pairs(p, seed: source.seed)
        return .success(
          pairs.flatMap { [StepItem(p, response: $0.chosen), StepItem(p, response: $0.rejected)] })
      } catch {
        return .failure(error)
      }
    }
  }

  /// PIPA's correct-vs-incorrect pairs with c⁻ (Step-DPO, PIPA paired step-level).
  public static func paired(_ source: ScoredSampleSet) -> FeedbackDataset<StepPairItem> {
    FeedbackDataset(kind: "step-labelled pairs (PIPA)", source: source) { p in
      do throws(SkipError) {
        let pairs = try CorrectIncorrectPairs.pairs(p, seed: source.seed)
        return .success(
          pairs.map { pair in
            let v = p.responses[pair.rejected].verdict
            return StepPairItem(
              promptIndex: p.promptIndex, chosen: pair.chosen, rejected: pair.rejected,
              rejectedLabels: v.stepLabels, rejectedStepStarts: v.stepStarts,
              rejectedFirstWrongStep: v.firstWrongStep)
          })
      } catch {
        return .failure(error)
      }
    }
  }
}
