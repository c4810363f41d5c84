// pipa.value-head-param-fraction, pipa.table1.*, pipa.table2/3/4.*, pipa.tables.cross-consistency
// — PIPA's printed numbers (paper 004_fe2e5eb1635a4348.txt, §3.1, §3.2, §3.3.1, App. A.2.1,
// Tables 1–4), checked by PIPATableChecks under the printed-table rule.

extension PIPAClaims {
  /// The value head's parameter fraction as an interval over N_base ∈ [6.5e9, 8.0e9]:
  /// (fraction with biases, fraction without) for the given hidden width.
  static func headFraction(hidden: Double, nLow: Double, nHigh: Double, withBias: Bool) -> PrintedInterval {
    let head = hidden * hidden + hidden * 1 + (withBias ? hidden + 1 : 0)
    let h = PrintedInterval(exactly: head)
    let n = PrintedInterval(lower: nLow, upper: nHigh)
    // f = P/(N + P) is decreasing in N: the interval quotient encloses it (outward-rounded).
    return h / (n + h)
  }

  /// pipa.value-head-param-fraction with the layer width and threshold as parameters.
  public static func paramFractionOutcome(hidden: Double, threshold: Double) -> CheckOutcome {
    let with = headFraction(hidden: hidden, nLow: 6.5e9, nHigh: 8.0e9, withBias: true)
    let without = headFraction(hidden: hidden, nLow: 6.5e9, nHigh: 8.0e9, withBias: false)
    let upper = max(with.upper, without.upper)
    let lower = min(with.lower, without.lower)
    let verdict: Verdict = upper < threshold ? .confirmed : (lower >= threshold ? .refuted : .inconclusive)
    let p1 = hidden * hidden + hidden + hidden + 1
    let p0 = hidden * hidden + hidden
    return CheckOutcome(
      verdict: verdict,
      summary: "P_head = \(formatNumber(p1)) (with biases) / \(formatNumber(p0)) (without); "
        + "fraction ∈ \(with) / \(without), upper end \(format3(upper)) vs \(threshold)",
      notes: [
        "head: \(formatNumber(hidden)) → \(formatNumber(hidden)) → 1 MLP; N_base ∈ [6.5e9, 8.0e9]",
        "the memory/speed part is pipa.empirical.speed",
      ],
      counterexample: verdict == .refuted
        ? Counterexample(inputs: [NamedValue("lower fraction", lower)], detail: "≥ \(threshold)") : nil)
  }

  static let valueHeadParamFraction = Claim(
    id: "pipa.value-head-param-fraction", paper: .pipa, source: "§3.1; App. A.2.1",
    kind: .numericValue,
    statement: "The value head (4096 → 4096 → 1 MLP) adds less than 1 % to the parameters of the 7B base models."
  ) { _ in paramFractionOutcome(hidden: 4096, threshold: 0.01) }

  static let table1BestInAllSettings = Claim(
    id: "pipa.table1.best-in-all-settings", paper: .pipa, source: "§3.2; Table 1",
    kind: .numericValue,
    statement: "For all four settings and two models, PIPA achieves the best performance (Table 1)."
  ) { _ in try PIPATableChecks.bestInAllSettings(.printed) }

  static let table1GainRange = Claim(
    id: "pipa.table1.gain-range", paper: .pipa, source: "abstract; Table 1", kind: .numericValue,
    statement: "Both PIPA-M and PIPA-N show a 3∼10% enhancement across all configurations."
  ) { _ in try PIPATableChecks.gainRange(.printed) }

  static let table1MVsNByModel = Claim(
    id: "pipa.table1.m-vs-n-by-model", paper: .pipa, source: "§3.3.1; Table 1", kind: .numericValue,
    statement: "Neither variant wins everywhere; PIPA-N mostly wins for DS, PIPA-M for QW."
  ) { _ in try PIPATableChecks.mVsNByModel(.printed) }

  static let table1StepVsAnswer = Claim(
    id: "pipa.table1.step-vs-answer", paper: .pipa, source: "§3.3.2; Table 1", kind: .numericValue,
    statement: "Step-level labels help on MATH but not always on GSM8K."
  ) { _ in try PIPATableChecks.stepVsAnswer(.printed) }

  static let table2ValueModelAblation = Claim(
    id: "pipa.table2.value-model-ablation", paper: .pipa, source: "§3.3.1; Table 2",
    kind: .numericValue,
    statement: "Fixing the value model at 0.5 lowers (GSM8K, MATH) from (78.24, 51.82) to (73.54, 47.92)."
  ) { _ in try PIPATableChecks.table2(.table2) }

  static let table3PriorChoice = Claim(
    id: "pipa.table3.prior-choice", paper: .pipa, source: "§3.3.1; Table 3", kind: .numericValue,
    statement: "The (T) priors do not improve on the base priors."
  ) { _ in try PIPATableChecks.table3(.table3) }

  static let table4SFTLoss = Claim(
    id: "pipa.table4.sft-loss", paper: .pipa, source: "§3.3.1; Table 4", kind: .numericValue,
    statement: "An SFT term helps KTO more than PIPA-M, and KTO+SFT still trails PIPA-M."
  ) { _ in try PIPATableChecks.table4(.table4) }

  static let tablesCrossConsistency = Claim(
    id: "pipa.tables.cross-consistency", paper: .pipa, source: "Tables 2–4 vs Table 1; §3.3.1",
    kind: .numericValue,
    statement: "The base rows of the ablation tables are the corresponding Table 1 results."
  ) { _ in
    try PIPATableChecks.crossConsistency(.printed, table2: .table2, table3: .table3, table4: .table4)
  }
}
