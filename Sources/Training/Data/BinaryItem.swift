// An unpaired, binary-labelled answer (KTO; PRO-B, 002_*.txt App. D with s = ±½ —
// claims/pro.md M8; PIPA answer level, 004_*.txt §2.1 with c ∈ {0, 1}).

/// One response with its label: desirable ⇔ the verifier says correct.
public struct BinaryItem: FeedbackItem {
  public let promptIndex: Int
  /// Index of the response in the prompt's responses.
  public let response: Int
  /// The label c: true ⇔ correct.
  public let desirable: Bool
  /// The per-sample loss weight (1, or the majority:minority ratio after subsampling,
  /// PRO App. G).
  public let weight: Double

  public init(promptIndex: Int, response: Int, desirable: Bool, weight: Double = 1) {
    self.promptIndex = promptIndex
    self.response = response
    self.desirable = desirable
    self.weight = weight
  }

  /// c ∈ {0, 1} (PIPA, KTO).
  public var label: Int { desirable ? 1 : 0 }
  /// PRO-B's s: +½ desired, −½ undesired (claims/pro.md M8).
  public var proLabel: Double { desirable ? 0.5 : -0.5 }
}
