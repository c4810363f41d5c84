// How the factory reads the loss-level sweep keys (``AlignmentObjectives/SweepKey``): PIPA's
// fixed value head (claims/pipa.md pipa.empirical.value-head-ablation) and additional SFT
// term (pipa.empirical.sft-loss). MPO's reference-free logit (claims/mpo.md
// mpo.emp.reference-free) is a flag read where MPO is bound.

extension AlignmentObjectives {
  /// g of `fixedValue = g` (0 < g < 1), nil when absent (the learned value head).
  static func fixedValue(_ spec: RunSpec) throws -> Double? {
    guard let g = sweep(SweepKey.fixedValue, of: spec) else { return nil }
    guard g > 0, g < 1 else { throw badSweep(spec, SweepKey.fixedValue, "lie in (0, 1)") }
    return g
  }

  /// `base` with the SFT term of coefficient `sftCoefficient` (finite, ≥ 0) over the
  /// correct answers of `data`; `base` itself when the key is absent.
  static func withSFTTerm<B: SemiGradientObjective>(
    _ spec: RunSpec, _ base: B, _ data: FeedbackDataset<BinaryItem>
  ) throws -> any AlignmentObjective {
    guard let c = sweep(SweepKey.sftCoefficient, of: spec) else { return base }
    guard c.isFinite, c >= 0 else {
      throw badSweep(spec, SweepKey.sftCoefficient, "be finite and ≥ 0")
    }
    return try SFTTermAdapter(base, coefficient: c, data: data)
  }
}
