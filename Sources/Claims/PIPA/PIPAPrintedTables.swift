// PIPA's printed Tables 1–4 (paper 004_fe2e5eb1635a4348.txt, §3.2 and §3.3.1), transcribed
// digit for digit as strings (the printed-table rule reads the last printed digit). The
// checks take these values as parameters so a test can alter a cell.

/// Table 1 of PIPA: accuracy (%) on GSM8K and MATH for the Deepseek (DS) and Qwen (QW)
/// models, in four data settings.
public struct PIPATable1: Sendable {
  /// Column order of every row: GSM8K-DS, GSM8K-QW, MATH-DS, MATH-QW.
  public static let columns = ["GSM8K-DS", "GSM8K-QW", "MATH-DS", "MATH-QW"]

  /// One algorithm's row: its name and the four printed cells.
  public struct Row: Sendable {
    public var algorithm: String
    public var cells: [String]
    public init(_ algorithm: String, _ cells: [String]) {
      self.algorithm = algorithm
      self.cells = cells
    }
    /// Whether the row is one of PIPA's two variants (not a baseline).
    public var isPIPA: Bool { algorithm == "PIPA-M" || algorithm == "PIPA-N" }
  }

  /// One data setting (data × annotation) and its rows.
  public struct Setting: Sendable {
    public var name: String
    public var rows: [Row]
    public init(_ name: String, _ rows: [Row]) {
      self.name = name
      self.rows = rows
    }
    public func row(_ algorithm: String) -> Row? { rows.first { $0.algorithm == algorithm } }
    public var baselines: [Row] { rows.filter { !$0.isPIPA } }
  }

  public var settings: [Setting]
  public init(settings: [Setting]) { self.settings = settings }

  public func setting(_ name: String) -> Setting? { settings.first { $0.name == name } }

  /// Table 1 as printed.
  public static let printed = PIPATable1(settings: [
    Setting("Paired/Answer", [
      Row("DPO", ["68.39", "67.17", "46.94", "47.78"]),
      Row("IPO", ["69.14", "72.33", "46.94", "49.96"]),
      Row("KTO", ["76.72", "62.47", "47.38", "46.53"]),
      Row("PIPA-M", ["79.08", "73.77", "50.82", "51.60"]),
      Row("PIPA-N", ["80.29", "70.89", "52.32", "47.26"]),
    ]),
    Setting("Paired/Step", [
      Row("Step-DPO", ["68.54", "66.11", "46.96", "48.38"]),
      Row("Step-KTO", ["75.44", "62.47", "47.38", "45.64"]),
      Row("PIPA-M", ["79.15", "74.91", "51.94", "53.26"]),
      Row("PIPA-N", ["78.70", "73.84", "52.54", "49.06"]),
    ]),
    Setting("Unpaired/Answer", [
      Row("KTO", ["76.04", "64.44", "46.72", "47.08"]),
      Row("PIPA-M", ["79.08", "74.75", "51.04", "52.78"]),
      Row("PIPA-N", ["80.97", "74.22", "52.22", "52.00"]),
    ]),
    Setting("Unpaired/Step", [
      Row("Step-KTO", ["76.81", "64.14", "46.98", "45.64"]),
      Row("PIPA-M", ["78.24", "74.22", "51.82", "53.10"]),
      Row("PIPA-N", ["79.98", "72.86", "52.78", "52.52"]),
    ]),
  ])
}

/// A two-column (GSM8K, MATH) ablation table of PIPA (Tables 2–4).
public struct PIPAAblationTable: Sendable {
  /// (row name, GSM8K, MATH) as printed.
  public var rows: [(name: String, gsm8k: String, math: String)]
  public init(rows: [(name: String, gsm8k: String, math: String)]) { self.rows = rows }

  public func row(_ name: String) -> (gsm8k: String, math: String)? {
    rows.first { $0.name == name }.map { ($0.gsm8k, $0.math) }
  }

  /// Table 2: the value model learned (first row) vs p^θ(c_t|x, y_t) fixed at 0.5.
  public static let table2 = PIPAAblationTable(rows: [
    ("PIPA-M (learned g)", "78.24", "51.82"),
    ("g fixed at 0.5", "73.54", "47.92"),
  ])

  /// Table 3: PIPA with different priors.
  public static let table3 = PIPAAblationTable(rows: [
    ("PIPA-M", "78.24", "51.82"),
    ("PIPA-M(T)", "77.86", "50.60"),
    ("PIPA-N", "79.98", "52.78"),
    ("PIPA-N(T)", "79.83", "50.84"),
  ])

  /// Table 4: effect of an additional SFT loss on KTO and PIPA-M.
  public static let table4 = PIPAAblationTable(rows: [
    ("KTO", "76.04", "46.72"),
    ("KTO+SFT", "76.27", "47.96"),
    ("PIPA-M", "79.08", "50.82"),
    ("PIPA-M+SFT", "78.24", "50.12"),
  ])
}
