// The likelihood-displacement entries of claims/alphapo.md (§2.8 protocol):
// simpo-likelihood-displacement, alpha-controls-displacement,
// positive-alpha-less-displacement, large-alpha-regularization and early-preferred-increase.
// P̄_w(t), P̄_l(t) are the means over the tracking pairs of p_w = log π(y_w)/|y_w| and
// p_l = log π(y_l)/|y_l| at checkpoint t (MetricPoint.logProbChosenPerToken /
// logProbRejectedPerToken), M̄(t) = P̄_w(t) − P̄_l(t) the mean length-normalized margin, and
// D(α) = −ΔP_w(α) = −(P̄_w(1) − P̄_w(0)).
import Claims

enum AlphaPODisplacement {
  /// The tracking set of the pipeline differs from §2.8's (held-out prompts, not 512
  /// training pairs) and only means are logged.
  static let trackingReading =
    "reading: P̄_w, P̄_l, M̄ are means over the pipeline's tracking pairs (best-vs-worst of "
    + "the held-out prompts; §2.8 names 512 training pairs); MetricPoint logs means only, so "
    + "medians, quartiles and Tukey-fenced ranges are not reported"

  static func pw(_ run: RunRecord, _ t: Double) throws -> Double {
    try AlphaPIPAStatistics.point(run, at: t).logProbChosenPerToken
  }
  static func pl(_ run: RunRecord, _ t: Double) throws -> Double {
    try AlphaPIPAStatistics.point(run, at: t).logProbRejectedPerToken
  }
  static func margin(_ run: RunRecord, _ t: Double) throws -> Double {
    let p = try AlphaPIPAStatistics.point(run, at: t)
    return p.logProbChosenPerToken - p.logProbRejectedPerToken
  }
  /// D = −(P̄_w(1) − P̄_w(0)) of one run.
  static func displacement(_ run: RunRecord) throws -> Double {
    -(try pw(run, 1) - pw(run, 0))
  }
  /// D(α) by seed.
  static func displacement(_ results: TrainingResults, alpha a: Double) throws -> [Double] {
    try AlphaPIPAStatistics.perSeed(results, AlphaPORuns.alpha(a).label, displacement)
  }

  static let source31 =
    "§1; §3.1 (\"usually log π_l rapidly decreases while also dragging the preferred "
    + "likelihood log π_w down\"); Figure 2 (α = 0)"

  /// alphapo.empirical.simpo-likelihood-displacement.
  static let simpoLikelihoodDisplacement: EmpiricalClaim = {
    let run = AlphaPORuns.alpha(0)
    return EmpiricalClaim(
      id: "alphapo.empirical.simpo-likelihood-displacement", paper: .alphapo, source: source31,
      statement:
        "Under SimPO training the length-normalized preferred log-likelihood falls, the "
        + "dispreferred one falls faster, and the margin grows.",
      runs: [run], inDefaultGrid: false
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: [run.label]) { return m }
      let notes = [trackingReading]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        let runs = try AlphaPIPAStatistics.runs(results, run.label)
        let dw = try runs.map { try pw($0, 1) - pw($0, 0) }
        let dl = try runs.map { try pl($0, 1) - pl($0, 0) }
        let dm = try runs.map { try margin($0, 1) - margin($0, 0) }
        return EmpiricalDecision.decide(
          [
            ClaimedComparison(
              try AlphaPIPAStatistics.oneSample("ΔP_w(SimPO)", dw, comparisons: 3), .below),
            ClaimedComparison(
              try AlphaPIPAStatistics.oneSample(
                "ΔP_w − ΔP_l(SimPO)", AlphaPIPAStatistics.minus(dw, dl), comparisons: 3),
              .above),
            ClaimedComparison(
              try AlphaPIPAStatistics.oneSample("ΔM(SimPO)", dm, comparisons: 3), .above),
          ], notes: notes)
      }
    }
  }()

  /// alphapo.empirical.alpha-controls-displacement.
  static let alphaControlsDisplacement: EmpiricalClaim = {
    let runs = AlphaPORuns.sweep
    return EmpiricalClaim(
      id: "alphapo.empirical.alpha-controls-displacement", paper: .alphapo,
      source:
        "Abstract (\"fine-grained control over likelihood displacement\"); §3.3 (\"the "
        + "influence of α on dynamics is indeed non-monotonic ...\"); Figures 2, 7, 15, 16",
      statement:
        "The preferred-likelihood displacement depends on α, and not monotonically: it is "
        + "largest for α near 0 and smaller at α = ±2.",
      runs: runs, inDefaultGrid: false
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      let notes = [trackingReading]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        let grid = AlphaPORuns.alphaGrid
        let d = try grid.map { try displacement(results, alpha: $0) }
        // (i) Dependence: among the 28 pairs, at least one interval (level 1 − 0.05/28)
        // excludes 0.
        var dependence: [PairedComparison] = []
        for i in 0..<grid.count {
          for j in (i + 1)..<grid.count {
            dependence.append(
              try PairedComparison(
                name: "D(\(formatNumber(grid[i]))) − D(\(formatNumber(grid[j])))",
                differences: AlphaPIPAStatistics.minus(d[i], d[j]), comparisons: 28))
          }
        }
        let separated = dependence.filter { $0.above || $0.below }
        // (ii) Shape: D(0) − D(2) > 0 and D(0) − D(−2) > 0, Bonferroni over 2.
        let i0 = grid.firstIndex(of: 0)!
        let shape = try [2.0, -2.0].map { a in
          ClaimedComparison(
            try PairedComparison(
              name: "D(0) − D(\(formatNumber(a)))",
              differences: AlphaPIPAStatistics.minus(d[i0], d[grid.firstIndex(of: a)!]),
              comparisons: 2), .above)
        }
        let shapeOutcome = EmpiricalDecision.decide(shape)
        let verdict: Verdict
        if shape.contains(where: \.onOppositeSide) {
          verdict = .refuted
        } else if !separated.isEmpty && shape.allSatisfy(\.onClaimedSide) {
          verdict = .confirmed
        } else {
          verdict = .inconclusive
        }
        let means = d.map(AlphaPIPAStatistics.mean)
        let largest = grid[means.firstIndex(of: means.max()!)!]
        var reported = notes
        reported.append(
          "D(α) means: "
            + zip(grid, means).map { "D(\(formatNumber($0)))=\(formatNumber($1))" }.joined(
              separator: ", ") + "; largest mean D at α = \(formatNumber(largest))")
        reported.append(
          "(i) dependence on α: \(separated.count) of 28 pairwise intervals (level "
            + "\(formatNumber(1 - 0.05 / 28))) exclude 0"
            + (separated.isEmpty ? "" : " (e.g. \(AlphaPIPAStatistics.line(separated[0])))"))
        return CheckOutcome(
          verdict: verdict, summary: shapeOutcome.summary, classes: shapeOutcome.classes,
          notes: reported)
      }
    }
  }()

  /// alphapo.empirical.positive-alpha-less-displacement.
  static let positiveAlphaLessDisplacement: EmpiricalClaim = {
    let runs = AlphaPORuns.sweep
    return EmpiricalClaim(
      id: "alphapo.empirical.positive-alpha-less-displacement", paper: .alphapo,
      source:
        "§4.2 (\"a positive α results in less aggressive likelihood displacement when "
        + "compared to SimPO ... A negative α results in more aggressive likelihood placement "
        + "compared to positive values of α\")",
      statement: "D(α) < D(0) for α > 0, and D(−a) > D(a) for a > 0.",
      runs: runs, inDefaultGrid: false
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      let notes = [trackingReading]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        let d0 = try displacement(results, alpha: 0)
        var required: [ClaimedComparison] = []
        for a in [0.25, 0.5, 1, 2] {
          required.append(
            ClaimedComparison(
              try PairedComparison(
                name: "D(0) − D(\(formatNumber(a)))",
                differences: AlphaPIPAStatistics.minus(d0, try displacement(results, alpha: a)),
                comparisons: 7), .above))
        }
        for a in [0.5, 1, 2] {
          required.append(
            ClaimedComparison(
              try PairedComparison(
                name: "D(\(formatNumber(-a))) − D(\(formatNumber(a)))",
                differences: AlphaPIPAStatistics.minus(
                  try displacement(results, alpha: -a), try displacement(results, alpha: a)),
                comparisons: 7), .above))
        }
        return EmpiricalDecision.decide(required, notes: notes)
      }
    }
  }()

  /// alphapo.empirical.large-alpha-regularization.
  static let largeAlphaRegularization: EmpiricalClaim = {
    let runs = [-2.0, 0, 2].map(AlphaPORuns.alpha)
    return EmpiricalClaim(
      id: "alphapo.empirical.large-alpha-regularization", paper: .alphapo,
      source:
        "§3.3 (\"larger |α|s lead to smaller quartile values of margin toward the end of "
        + "training\"; \"For large absolute values of α (−2 and 2), we notice a clear "
        + "regularization effect for both margin and preferred likelihood\"); Figures 13–16",
      statement:
        "At the end of training (the paper's end of the epoch), α = ±2 gives smaller margin "
        + "quartiles and a narrower spread of margin and of preferred likelihood than α = 0, "
        + "and a smaller drift of the preferred likelihood.",
      runs: runs, inDefaultGrid: false
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      let notes = [
        trackingReading,
        "reading: of the five statistics only two are measurable from the logged means: the "
          + "mean margin M̄(1) stands for the median and upper quartile of m, and |ΔP_w|; the "
          + "IQRs of m and of p_w need per-pair values the results do not hold and are not "
          + "tested; each of the 4 intervals made keeps the entry's level (Bonferroni over "
          + "its 10)",
      ]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        func stats(_ a: Double) throws -> (margin: [Double], drift: [Double]) {
          let rs = try AlphaPIPAStatistics.runs(results, AlphaPORuns.alpha(a).label)
          return (
            try rs.map { try margin($0, 1) }, try rs.map { try abs(pw($0, 1) - pw($0, 0)) }
          )
        }
        let base = try stats(0)
        var required: [ClaimedComparison] = []
        for a in [-2.0, 2] {
          let s = try stats(a)
          required.append(
            ClaimedComparison(
              try PairedComparison(
                name: "M̄(1)(α=0) − M̄(1)(α=\(formatNumber(a)))",
                differences: AlphaPIPAStatistics.minus(base.margin, s.margin), comparisons: 10),
              .above))
          required.append(
            ClaimedComparison(
              try PairedComparison(
                name: "|ΔP_w|(α=0) − |ΔP_w|(α=\(formatNumber(a)))",
                differences: AlphaPIPAStatistics.minus(base.drift, s.drift), comparisons: 10),
              .above))
        }
        return EmpiricalDecision.decide(required, notes: notes)
      }
    }
  }()

  /// alphapo.empirical.early-preferred-increase.
  static let earlyPreferredIncrease: EmpiricalClaim = {
    let tested: [Double] = [-1, -0.5, 0, 0.25, 0.5, 1, 2]
    let runs = AlphaPORuns.sweep
    return EmpiricalClaim(
      id: "alphapo.empirical.early-preferred-increase", paper: .alphapo,
      source:
        "§3.3, last paragraphs (\"... selecting a sufficiently large α should lead to an "
        + "increase in π_w. This behavior is evident in epochs 0 to 0.1 ... (for α > −2)\")",
      statement:
        "For every α > −2, the mean length-normalized preferred log-likelihood rises between "
        + "epoch 0 and epoch 0.1 (here: between t = 0 and t = 0.1 of the shared step count).",
      runs: runs, inDefaultGrid: false
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      var notes = [
        trackingReading,
        "reading: t = 0.1 is the metric point nearest 0.1 of the steps; the fraction of pairs "
          + "with initial m < 0 and the restriction to them need per-pair values and are not "
          + "reported",
      ]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        func early(_ a: Double) throws -> [Double] {
          try AlphaPIPAStatistics.perSeed(results, AlphaPORuns.alpha(a).label) {
            try pw($0, 0.1) - pw($0, 0)
          }
        }
        let required = try tested.map { a in
          ClaimedComparison(
            try AlphaPIPAStatistics.oneSample(
              "Δ^0.1 P_w(α=\(formatNumber(a)))", try early(a), comparisons: 7), .above)
        }
        if let run = try AlphaPIPAStatistics.runs(results, runs[0].label).first {
          let p = try AlphaPIPAStatistics.point(run, at: 0.1)
          notes.append(
            "t = 0.1 read at step \(p.step) of \(run.steps) (fraction "
              + "\(formatNumber(Double(p.step) / Double(run.steps)))) in \(run.spec.label) seed 0")
        }
        let minusTwo = try AlphaPIPAStatistics.oneSample(
          "Δ^0.1 P_w(α=-2)", try early(-2), comparisons: 7)
        notes.append("reported, not part of the verdict: " + AlphaPIPAStatistics.line(minusTwo))
        return EmpiricalDecision.decide(required, notes: notes)
      }
    }
  }()
}
