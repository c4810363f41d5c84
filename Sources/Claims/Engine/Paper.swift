// The five papers AlignCheck checks, named by their files in ../shared/papers/.

/// A paper whose claims are in the registry.
public enum Paper: String, Codable, Sendable, CaseIterable {
  case mappo, mpo, pro, alphapo, pipa

  /// The paper's file in ../shared/papers/.
  public var file: String {
    switch self {
    case .mappo: "000_f3e0a040f5e536e0.txt"
    case .mpo: "001_0ef3930bdbd6a134.txt"
    case .pro: "002_74b446355a07bf4a.txt"
    case .alphapo: "003_5c1a521bcc07b90e.txt"
    case .pipa: "004_fe2e5eb1635a4348.txt"
    }
  }

  /// The paper's short title.
  public var title: String {
    switch self {
    case .mappo: "MaPPO: Maximum a Posteriori Preference Optimization with Prior Knowledge"
    case .mpo: "MPO: multi-response preference optimization"
    case .pro: "PRO: Preference Optimization via Regularization"
    case .alphapo: "AlphaPO: reward shape matters"
    case .pipa: "PIPA: Prior-Informed Preference Alignment"
    }
  }
}
