// The SFT model of one seed at a model width other than the settings' (claims/mappo.md
// mappo.empirical.scale-trend: "its SFT accuracy is reported"), trained by
// ``ModelWidthStage`` for the step count of the same seed's default-width SFT.

/// The SFT model of seed `sft.seedIndex` at width `modelWidth`.
public struct WidthSFTRecord: Hashable, Sendable, Codable {
  /// The model width d of this SFT model (the settings' depth and heads).
  public var modelWidth: Int
  /// Its SFT record: `steps` equals the default-width SFT's of the seed; `inBand` says
  /// whether the final validation accuracy happens to lie in the band (it does not stop
  /// the stage); `stopRule` says so in words.
  public var sft: SFTRecord

  public init(modelWidth: Int, sft: SFTRecord) {
    self.modelWidth = modelWidth
    self.sft = sft
  }
}
