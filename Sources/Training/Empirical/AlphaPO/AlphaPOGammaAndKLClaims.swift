// alphapo.empirical.gamma-effect (the γ/β sweep: unimodal accuracy, length grows with γ)
// and alphapo.empirical.kl-trajectory (KL comparable to SimPO's, growing and levelling
// off), claims/alphapo.md §2.8 protocol.
import Claims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum AlphaPOGammaAndKL {
  /// γ/β grid of gamma-effect; 0.1 is the α-sweep run, 0.1 and 0.5 are interior.
  static let gammaRatios: [Double] = [0, 0.1, 0.5, 2]

  static func finalPoint(_ run: RunRecord) throws -> MetricPoint {
    guard let p = run.final else {
      throw AlphaPIPAMissingMeasurement(
        reason: "run \(run.spec.label) seed \(run.seedIndex) has no metric points")
    }
    return p
  }

  /// Least-squares slope of y on x (the `gsl_fit_linear` slope, written out: 4 points).
  static func slope(_ x: [Double], _ y: [Double]) -> Double {
    let mx = AlphaPIPAStatistics.mean(x)
    let my = AlphaPIPAStatistics.mean(y)
    var sxy = 0.0
    var sxx = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
    }
    return sxy / sxx
  }

  /// alphapo.empirical.gamma-effect.
  static let gammaEffect: EmpiricalClaim = {
    let runs = gammaRatios.map { AlphaPORuns.gamma(ratio: $0, alpha: AlphaPORuns.selectedAlpha) }
    return EmpiricalClaim(
      id: "alphapo.empirical.gamma-effect", paper: .alphapo,
      source:
        "§4.2 \"Effect of tuning γ\" (\"increasing γ improves AE2 performance to a certain "
        + "level, beyond which larger values hurt performance\"; \"increasing γ leads to "
        + "longer response lengths\"); Figure 3 (left); Figure 9",
      statement:
        "Performance is unimodal in γ with an interior optimum, and mean response length "
        + "increases with γ.",
      runs: runs, inDefaultGrid: false
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      let notes = [
        AlphaPORuns.selectionReading
          + " (so the most frequent α̂_s, the α of this sweep, is 0.25)"
      ]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        let acc = try runs.map { spec in
          try AlphaPIPAStatistics.perSeed(results, spec.label) { try finalPoint($0).testAccuracy }
        }
        let length = try runs.map { spec in
          try AlphaPIPAStatistics.perSeed(results, spec.label) { try finalPoint($0).meanLength }
        }
        let (share, distribution) = AlphaPIPAStatistics.bootstrapArgmaxShare(
          acc, target: [1, 2], seed: results.seed, stream: 0xA1FA_0002)
        let slopes = (0..<results.seedCount).map { s in
          slope(gammaRatios, length.map { $0[s] })
        }
        let b = ClaimedComparison(
          try AlphaPIPAStatistics.oneSample(
            "slope of meanLength on γ/β", slopes, comparisons: 1), .above)
        let bOutcome = EmpiricalDecision.decide([b])
        let verdict: Verdict
        if share <= 0.05 || b.onOppositeSide {
          verdict = .refuted
        } else if share >= 0.95 && b.onClaimedSide {
          verdict = .confirmed
        } else {
          verdict = .inconclusive
        }
        let dist = zip(gammaRatios, distribution).map {
          "γ/β=\(formatNumber($0)): \(formatNumber($1))"
        }
        return CheckOutcome(
          verdict: verdict,
          summary: "(a) bootstrap share of an interior argmax (γ/β ∈ {0.1, 0.5}): "
            + "\(formatNumber(share)) (confirm ≥ 0.95, refute ≤ 0.05); (b) " + bOutcome.summary,
          classes: bOutcome.classes,
          notes: notes + ["argmax distribution: " + dist.joined(separator: ", ")])
      }
    }
  }()

  /// alphapo.empirical.kl-trajectory.
  static let klTrajectory: EmpiricalClaim = {
    let alphaHat = AlphaPORuns.alpha(AlphaPORuns.selectedAlpha)
    let simpo = AlphaPORuns.alpha(0)
    let runs = [alphaHat, simpo]
    return EmpiricalClaim(
      id: "alphapo.empirical.kl-trajectory", paper: .alphapo,
      source:
        "§4.2 \"Evolution of KL Divergence with training\" (\"AlphaPO achieves a KL "
        + "divergence comparable to that of SimPO\"; \"KL divergence continues to increase "
        + "and eventually plateaus\"); Figures 10, 11",
      statement:
        "The KL divergence from the SFT model reached by AlphaPO is comparable to SimPO's; "
        + "the KL grows during training and levels off.",
      runs: runs, inDefaultGrid: false
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      var notes = [
        AlphaPORuns.selectionReading,
        "reading: KL_t is MetricPoint.kl at the metric point nearest fraction t of the steps",
      ]
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        func kl(_ spec: RunSpec, _ t: Double) throws -> [Double] {
          try AlphaPIPAStatistics.perSeed(results, spec.label) {
            try AlphaPIPAStatistics.point($0, at: t).kl
          }
        }
        // (a) Equivalence: 90% interval of log(KL_T(α̂)/KL_T(0)) within [log 0.8, log 1.25].
        let ka = try kl(alphaHat, 1)
        let ks = try kl(simpo, 1)
        let lower = log(0.8)
        let upper = log(1.25)
        enum Part { case holds, refuting, open }
        let partA: Part
        let aLine: String
        if zip(ka, ks).contains(where: { $0 <= 0 || $1 <= 0 }) {
          partA = .open
          aLine = "(a) a seed has KL_T ≤ 0, so its log ratio is undefined: (a) inconclusive"
        } else {
          let r = zip(ka, ks).map { log($0 / $1) }
          let ci = try AlphaPIPAStatistics.interval(r, level: 0.90)
          if ci.low >= lower && ci.high <= upper {
            partA = .holds
          } else if ci.high < lower || ci.low > upper {
            partA = .refuting
          } else {
            partA = .open
          }
          aLine =
            "(a) "
            + AlphaPIPAStatistics.line(
              "log(KL_T(AlphaPO(α̂))/KL_T(SimPO))", ci.mean, ci.low, ci.high, level: 0.90)
            + " vs [log 0.8, log 1.25]"
        }
        // (b) growth and (c) levelling off, both methods, Bonferroni over 4.
        var required: [ClaimedComparison] = []
        for (name, spec) in [("AlphaPO(α̂)", alphaHat), ("SimPO", simpo)] {
          let k0 = try kl(spec, 0)
          let k25 = try kl(spec, 0.25)
          let k75 = try kl(spec, 0.75)
          let kT = try kl(spec, 1)
          required.append(
            ClaimedComparison(
              try AlphaPIPAStatistics.oneSample(
                "KL_T − KL_0 (\(name))", AlphaPIPAStatistics.minus(kT, k0), comparisons: 4),
              .above))
          required.append(
            ClaimedComparison(
              try AlphaPIPAStatistics.oneSample(
                "(KL_0.25 − KL_0) − (KL_T − KL_0.75) (\(name))",
                AlphaPIPAStatistics.minus(
                  AlphaPIPAStatistics.minus(k25, k0), AlphaPIPAStatistics.minus(kT, k75)),
                comparisons: 4), .above))
        }
        let bc = EmpiricalDecision.decide(required)
        let verdict: Verdict
        if partA == .refuting || required.contains(where: \.onOppositeSide) {
          verdict = .refuted
        } else if partA == .holds && required.allSatisfy(\.onClaimedSide) {
          verdict = .confirmed
        } else {
          verdict = .inconclusive
        }
        notes.append(aLine)
        return CheckOutcome(
          verdict: verdict, summary: aLine + "; (b)–(c) " + bc.summary, classes: bc.classes,
          notes: notes)
      }
    }
  }()
}
