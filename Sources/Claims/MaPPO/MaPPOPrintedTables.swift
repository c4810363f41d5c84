// The numbers MaPPO prints in Tables 1–5 (paper 000_f3e0a040f5e536e0.txt, Table 1 after
// Figure 2, Tables 2–3 in §5.2–5.3, Tables 4–5 in §5.4), typed as the strings printed, so
// that the printed-table rule (±½ unit of the last printed digit) applies to the printed
// digits. Transcribed from the paper text, not from the catalog; every cell was compared
// with the catalog's transcriptions (../shared/claims/mappo.md), which agree with it.
// The values are `var`s so that mutation tests can alter one cell.

/// Table 1: log-probabilities of the Figure 2 pair under IT, DPO and MaPPO.
public struct MaPPOTable1: Sendable {
  public enum Column: String, Sendable, CaseIterable {
    case logpW = "logp(y_w)"
    case logpL = "logp(y_l)"
    case difference = "logp(y_w) − logp(y_l)"
  }

  public struct Row: Sendable {
    public var model: String
    public var logpW: String
    public var logpL: String
    public var difference: String

    public subscript(_ c: Column) -> String {
      switch c {
      case .logpW: logpW
      case .logpL: logpL
      case .difference: difference
      }
    }
  }

  /// A number the text after Figure 2 quotes from the table.
  public struct TextQuote: Sendable {
    public var quoted: String
    public var model: String
    public var column: Column
  }

  public var rows: [Row]
  public var textQuotes: [TextQuote]

  public func row(_ model: String) -> Row? { rows.first { $0.model == model } }

  /// As printed.
  public static let printed = MaPPOTable1(
    rows: [
      Row(model: "IT", logpW: "-14.3", logpL: "-43.4", difference: "+29.1"),
      Row(model: "DPO", logpW: "-121.5", logpL: "-443.2", difference: "+321.7"),
      Row(model: "MaPPO", logpW: "-10.4", logpL: "-321.1", difference: "+310.7"),
    ],
    // "the log output probability of y_w decreases from -14.3 to -121.5, and y_l decreases
    // from -43.4 to -443.2. Although the gap indeed increases from 29.1 to 321.7"
    textQuotes: [
      TextQuote(quoted: "-14.3", model: "IT", column: .logpW),
      TextQuote(quoted: "-121.5", model: "DPO", column: .logpW),
      TextQuote(quoted: "-43.4", model: "IT", column: .logpL),
      TextQuote(quoted: "-443.2", model: "DPO", column: .logpL),
      TextQuote(quoted: "29.1", model: "IT", column: .difference),
      TextQuote(quoted: "321.7", model: "DPO", column: .difference),
    ])
}

/// A method row and its "+MaPPO" row with the printed deltas, on three benchmarks.
public struct PrintedMethodPair: Sendable {
  public var method: String
  public var base: [String]
  public var withMaPPO: [String]
  public var printedDelta: [String]
}

/// The three alignment benchmarks of Tables 2–3, in column order.
public let mappoAlignmentBenchmarks = ["AlpacaEval 2.0", "Arena-Hard", "MT-Bench"]

/// Table 2: main results, five models × (IT, DPO, +MaPPO, I-DPO, +MaPPO).
public struct MaPPOTable2: Sendable {
  public struct Block: Sendable {
    public var model: String
    public var it: [String]
    /// DPO and its +MaPPO row.
    public var offline: PrintedMethodPair
    /// I-DPO and its +MaPPO row.
    public var online: PrintedMethodPair
    public var settings: [PrintedMethodPair] { [offline, online] }
  }

  public var blocks: [Block]

  public func block(_ model: String) -> Block? { blocks.first { $0.model == model } }

  static func block(
    _ model: String, it: [String], dpo: [String], dpoMaPPO: [String], dpoDelta: [String],
    idpo: [String], idpoMaPPO: [String], idpoDelta: [String]
  ) -> Block {
    Block(
      model: model, it: it,
      offline: PrintedMethodPair(method: "DPO", base: dpo, withMaPPO: dpoMaPPO, printedDelta: dpoDelta),
      online: PrintedMethodPair(method: "I-DPO", base: idpo, withMaPPO: idpoMaPPO, printedDelta: idpoDelta))
  }

  /// As printed (columns AlpacaEval 2.0, Arena-Hard, MT-Bench).
  public static let printed = MaPPOTable2(blocks: [
    block(
      "Qwen2.5-1.5B-Instruct", it: ["11.10", "5.0", "7.06"],
      dpo: ["18.71", "11.6", "7.29"], dpoMaPPO: ["19.35", "15.3", "7.57"], dpoDelta: ["+0.64", "+3.7", "+0.28"],
      idpo: ["17.89", "12.1", "7.39"], idpoMaPPO: ["19.84", "15.7", "7.63"], idpoDelta: ["+1.95", "+3.6", "+0.24"]),
    block(
      "Qwen2.5-3B-Instruct", it: ["18.91", "24.0", "7.92"],
      dpo: ["20.16", "29.2", "8.02"], dpoMaPPO: ["26.68", "35.1", "8.13"], dpoDelta: ["+6.52", "+4.9", "+0.11"],
      idpo: ["19.69", "36.6", "8.10"], idpoMaPPO: ["25.99", "35.8", "8.01"], idpoDelta: ["+6.30", "-0.8", "-0.09"]),
    block(
      "Qwen2.5-7B-Instruct", it: ["27.03", "42.9", "8.61"],
      dpo: ["32.01", "45.5", "8.56"], dpoMaPPO: ["38.24", "59.2", "8.79"], dpoDelta: ["+6.23", "+13.7", "+0.23"],
      idpo: ["33.80", "46.9", "8.55"], idpoMaPPO: ["39.10", "61.6", "8.54"], idpoDelta: ["+5.30", "+14.7", "-0.01"]),
    block(
      "Mistral-7B-Instruct", it: ["15.35", "13.1", "5.40"],
      dpo: ["18.24", "14.2", "6.86"], dpoMaPPO: ["30.56", "18.4", "7.51"], dpoDelta: ["+12.32", "+4.2", "+0.65"],
      idpo: ["17.11", "14.3", "6.92"], idpoMaPPO: ["33.28", "19.6", "7.59"], idpoDelta: ["+16.14", "+5.3", "+0.67"]),
    block(
      "Llama-3-8B-Instruct", it: ["10.85", "10.2", "7.52"],
      dpo: ["22.48", "22.4", "8.07"], dpoMaPPO: ["28.37", "29.5", "8.18"], dpoDelta: ["+5.89", "+7.1", "+0.11"],
      idpo: ["29.47", "25.6", "8.01"], idpoMaPPO: ["32.68", "31.0", "8.04"], idpoDelta: ["+3.21", "+5.4", "+0.03"]),
  ])
}

/// Table 3: DPO variants with the MaPPO plugin, on Qwen2.5-7B-Instruct.
public struct MaPPOTable3: Sendable {
  public var rows: [PrintedMethodPair]

  public func row(_ method: String) -> PrintedMethodPair? { rows.first { $0.method == method } }

  /// As printed (columns AlpacaEval 2.0, Arena-Hard, MT-Bench).
  public static let printed = MaPPOTable3(rows: [
    PrintedMethodPair(
      method: "DPO", base: ["32.01", "45.5", "8.56"], withMaPPO: ["38.24", "59.2", "8.79"],
      printedDelta: ["+6.23", "+13.7", "+0.23"]),
    PrintedMethodPair(
      method: "I-DPO", base: ["33.80", "46.9", "8.55"], withMaPPO: ["39.10", "61.6", "8.54"],
      printedDelta: ["+5.30", "+14.7", "-0.01"]),
    PrintedMethodPair(
      method: "SimPO", base: ["25.15", "64.2", "9.02"], withMaPPO: ["32.75", "69.5", "8.94"],
      printedDelta: ["+7.60", "+5.3", "-0.08"]),
    PrintedMethodPair(
      method: "IPO", base: ["27.76", "53.0", "8.83"], withMaPPO: ["28.84", "64.4", "8.84"],
      printedDelta: ["+1.08", "+11.4", "+0.01"]),
    PrintedMethodPair(
      method: "CPO", base: ["32.94", "47.6", "8.62"], withMaPPO: ["33.71", "54.1", "8.68"],
      printedDelta: ["+0.77", "+6.5", "+0.06"]),
  ])
}

/// Tables 4–5: six academic benchmarks, one table per model.
public struct MaPPOAcademicTable: Sendable {
  public static let benchmarks = ["IFEval", "GPQA", "MMLU", "HellaSwag", "TruthfulQA", "GSM8K"]

  public var table: String
  public var model: String
  public var it: [String]
  public var dpo: [String]
  public var dpoMaPPO: [String]
  public var idpo: [String]
  public var idpoMaPPO: [String]

  /// Table 4 (Llama-3-8B-Instruct) and Table 5 (Qwen2.5-7B-Instruct), as printed.
  public static let printed: [MaPPOAcademicTable] = [
    MaPPOAcademicTable(
      table: "Table 4", model: "Llama-3-8B-Instruct",
      it: ["70.4", "30.2", "62.4", "78.6", "53.7", "73.4"],
      dpo: ["77.0", "27.5", "62.7", "79.5", "51.5", "75.5"],
      dpoMaPPO: ["82.0", "29.5", "63.2", "80.1", "58.2", "79.5"],
      idpo: ["74.6", "29.8", "63.1", "80.5", "60.7", "81.3"],
      idpoMaPPO: ["76.4", "28.8", "63.5", "80.7", "63.7", "82.4"]),
    MaPPOAcademicTable(
      table: "Table 5", model: "Qwen2.5-7B-Instruct",
      it: ["73.5", "31.5", "71.8", "62.1", "56.4", "81.7"],
      dpo: ["73.2", "32.0", "71.9", "62.0", "57.1", "71.3"],
      dpoMaPPO: ["73.8", "33.1", "72.0", "62.1", "59.2", "80.1"],
      idpo: ["72.9", "33.0", "71.9", "62.2", "55.9", "73.2"],
      idpoMaPPO: ["72.6", "33.3", "72.9", "62.2", "56.2", "82.0"]),
  ]
}
