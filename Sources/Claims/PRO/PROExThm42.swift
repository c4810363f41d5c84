// pro.thm42-threshold-exists and pro.corb2-alpha0-sufficient — Theorem 4.2 (a threshold α₀
// exists above which L̂_PRO has a minimiser, for any ℋ and µ > 0 on 𝒴_ℋ) and Corollary B.2 (v2)
// (α₀ = max_{ŝ<0} −2µ̂ŝ/(µ(y) min µ) is such a threshold). M5 thresholds: the ray threshold α_T
// from split slopes and the P_exist threshold by bisection on log α with M4 (PROExExistence),
// with the monotonicity test; M4 at α = 10⁸; M4 at α₀(1 + 10⁻³), 1.1α₀, 2α₀, 10α₀.
// Reading: instances are drawn on 𝒴_ℋ directly (|𝒴_ℋ| = 2…6; the last element is ℋ), since
// L̂_PRO depends on 𝒴 only through the Eq. (6) aggregates.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PROExistenceClaims {
  /// One Theorem 4.2 instance with its M4 inputs.
  struct Thm42Case {
    var inst: PROExInstance
    var bases: [[Double]]
    var starts: [[Double]]
    func decide(_ alpha: Double) -> PROExExistence.Result {
      PROExExistence.decide(inst.loss, alpha: alpha, starts: starts, bases: bases)
    }
  }

  static func thm42Case(_ ctx: CheckContext, index j: Int) -> Thm42Case {
    var r = ctx.stream("pro.thm42-threshold-exists", index: UInt64(j))
    let m = 2 + j % 5
    let kind: PROExScoreKind = j % 2 == 0 && m >= 3 ? .pairwise : .uncentred
    let inst = PROExInstances.onHyperSpace(
      &r, case: j, m: m, kind: kind, labeledRange: kind == .pairwise ? 2...(m - 1) : nil)
    let bases =
      [inst.refLogProbs] + (0..<2).map { _ in PROExInstances.randomBase(&r, m: m, tau: 1) }
    let starts = PROExExistence.starts(refLogProbs: inst.refLogProbs, random: &r)
    return Thm42Case(inst: inst, bases: bases, starts: starts)
  }

  /// The M5 P_exist threshold: bracket from α_T (or 1) by factors of 4 within [1e-8, 1e8], then
  /// bisection on log α to a relative width 1e-3. Returns α_hi (0 when EXISTS down to 1e-8; nil
  /// when never EXISTS up to 1e8) and the number of UNDECIDED calls.
  static func pExistThreshold(_ c: Thm42Case, start: Double) -> (value: Double?, undecided: Int) {
    let t = pExistBracket(c, start: start)
    return (t.value, t.undecided)
  }

  /// `pExistThreshold` with the final lower end α_lo and whether M4 decided ABSENT there.
  static func pExistBracket(_ c: Thm42Case, start: Double) -> (
    value: Double?, undecided: Int, lo: Double, loAbsent: Bool
  ) {
    var undecided = 0
    var absentAt: Set<Double> = []
    func exists(_ a: Double) -> Bool {
      let d = c.decide(a).decision
      if d == .undecided { undecided += 1 }
      if d == .absent { absentAt.insert(a) }
      return d == .exists
    }
    var lo = max(start / 4, 1e-8)
    var hi = min(max(start * 4, 1e-8), 1e8)
    while exists(lo) {
      if lo <= 1e-8 { return (0, undecided, lo, false) }
      hi = lo
      lo = max(lo / 4, 1e-8)
    }
    while !exists(hi) {
      if hi >= 1e8 { return (nil, undecided, lo, false) }
      lo = hi
      hi = min(hi * 4, 1e8)
    }
    while hi / lo - 1 > 1e-3 {
      let mid = (lo * hi).squareRoot()
      if exists(mid) { hi = mid } else { lo = mid }
    }
    return (hi, undecided, lo, absentAt.contains(lo))
  }

  static let thm42ThresholdExists = Claim(
    id: "pro.thm42-threshold-exists", paper: .pro, source: "§4.2 Theorem 4.2; App. B.4 with Lemma 3.1",
    kind: .existence,
    statement: "For any ℋ ⊆ 𝒴 \\ supp(µ̂) and µ > 0 on 𝒴_ℋ there is α₀ such that L̂_PRO has an "
      + "optimal solution whenever α > α₀.",
    provenance: .reconstructed("L̂_PRO is reconstructed (PRO-formulas.md §4); the statement is verbatim S2")
  ) { ctx in thm42Outcome(ctx) }

  static func thm42Outcome(_ ctx: CheckContext) -> CheckOutcome {
    // Quick stays at 2 instances: one instance costs ≈ 3 s of debug CPU (≈ 25 M4 calls), so 10
    // would exceed the 2 s quick budget many times over.
    let count = ctx.count(full: 40, quick: 2)
    var tally = Tally()
    var ratios: [String] = []
    var undecidedTotal = 0
    var excluded = 0
    var lemma: [String] = []
    for j in 0..<count {
      let c = thm42Case(ctx, index: j)
      let aT = rayThreshold(c.inst.loss, bases: c.bases)
      let t = pExistBracket(c, start: max(aT ?? 1, 1e-8))
      undecidedTotal += t.undecided
      // An instance whose verdict premise is undecided (an UNDECIDED M4 call at a tested α above
      // α_T^exist or at 10⁸, or no threshold found with UNDECIDED calls in the bracket) is
      // excluded and counted (M7); its decided ABSENT calls still refute. UNDECIDED calls in the
      // bisection only make α_T^exist conservative (counted as not EXISTS) and are reported.
      var instanceUndecided = false
      let inputs = c.inst.inputs
      guard let te = t.value else {
        if t.undecided > 0 {
          excluded += 1
        } else {
          tally.record(
            "finite α_T^exist", passed: false, inputs: inputs, detail: "never EXISTS up to 1e8")
        }
        continue
      }
      ratios.append(aT.map { "\(format3(te / max($0, 1e-300)))" } ?? "α_T none")
      // Monotonicity: 8 log-spaced α above, 3 below, and α = 10⁸.
      let base = max(te, 1e-8)
      var above: [Double] = (1...8).map { base * pow(1e4, Double($0) / 8) } + [1e8]
      above = above.filter { $0 <= 1e8 }
      for a in above {
        let d = c.decide(a)
        if d.decision == .undecided {
          undecidedTotal += 1
          instanceUndecided = true
          continue
        }
        tally.record(
          "EXISTS above α_T^exist (and at 1e8)", passed: d.decision == .exists,
          inputs: inputs + [NamedValue("alpha", a)], detail: "ABSENT at α = \(a): \(d.reason)")
      }
      for k in 1...3 where te > 1e-8 {
        let a = te * pow(1e-2, Double(k) / 3)
        let d = c.decide(a)
        if d.decision == .undecided { undecidedTotal += 1 }
        // EXISTS at a < α_lo while M4 decided ABSENT at α_lo: ABSENT above an EXISTS α.
        if d.decision == .exists, t.loAbsent, a < t.lo {
          tally.record(
            "no ABSENT above an EXISTS α", passed: false,
            inputs: inputs + [NamedValue("alpha", a), NamedValue("alphaAbsent", t.lo)],
            detail: "EXISTS at α = \(a) but ABSENT at α = \(t.lo)")
        }
      }
      if instanceUndecided { excluded += 1 }
      // Lemma 3.1 diagnostic at α_T^exist/2 on ABSENT instances: the minimiser's loss along its
      // iterates and min_y log π there (a descent sequence that reaches the boundary).
      if te > 1e-8, lemma.count < 3 {
        let a = te / 2
        if c.decide(a).decision == .absent {
          let trace = PROExLemma31.descentTrace(c.inst.loss, alpha: a, start: c.starts[0])
          lemma.append(
            "case \(j): α = \(format3(a)), loss decreasing \(trace.decreasing), "
              + "min_y log π \(format3(trace.minLogPiFirst)) → \(format3(trace.minLogPiLast)) "
              + "over \(trace.iterations) iterates")
        }
      }
    }
    var out = tally.outcome(
      claim: "a finite α₀ with minimisers above it (M5/M4), on the reconstructed L̂_PRO "
        + "(PRO-formulas.md §4)",
      notes: [
        "α_T^exist/α_T per instance: " + ratios.joined(separator: ", "),
        "excluded instances (M4 UNDECIDED at a tested α above α_T^exist or at 10⁸): "
          + "\(excluded) of \(count); undecided M4 calls in all \(undecidedTotal) (counted as not "
          + "EXISTS in the bisection)",
        "Lemma 3.1 diagnostic (α_T^exist/2, ABSENT instances): "
          + (lemma.isEmpty ? "none evaluated" : lemma.joined(separator: "; ")),
      ])
    if Double(excluded) > 0.2 * Double(count) {
      out.verdict = .inconclusive
      out.summary = "more than 20% of instances excluded (M7): " + out.summary
    }
    return out
  }

  static let corb2Alpha0Sufficient = Claim(
    id: "pro.corb2-alpha0-sufficient", paper: .pro, source: "Corollary B.2 (v2)", kind: .bound,
    statement: "α₀ = max_{ŝ(y)<0} −2µ̂(y)ŝ(y)/(µ(y) min_{y′} µ(y′)) is a valid threshold in Theorem "
      + "4.2: for every α > α₀ a minimiser exists (every α > 0 when no ŝ < 0).",
    provenance: .reconstructed(
      "the formula for α₀ including the factor 2 of the α/2 convention, PRO-formulas.md §5")
  ) { ctx in corb2Outcome(ctx) }

  static func corb2Outcome(
    _ ctx: CheckContext,
    alpha0: @escaping @Sendable (PROExInstance) -> Double = {
      PROExThresholds.alpha0Threshold(muHat: $0.muHat, scores: $0.scores, mu: $0.mu)
    }
  ) -> CheckOutcome {
    let count = ctx.count(full: 40, quick: 2)
    var tally = Tally()
    var dist: [String] = []
    var undecided = 0
    for j in 0..<count {
      let c = thm42Case(ctx, index: j)
      let a0 = alpha0(c.inst)
      let alphas = a0 > 0 ? [a0 * (1 + 1e-3), 1.1 * a0, 2 * a0, 10 * a0] : [1e-6, 1e-3, 1]
      let inputs = c.inst.inputs + [NamedValue("alpha0", a0)]
      for a in alphas {
        let d = c.decide(a)
        if d.decision == .undecided {
          undecided += 1
          continue
        }
        tally.record(
          "EXISTS at α > α₀", passed: d.decision == .exists, inputs: inputs + [NamedValue("alpha", a)],
          detail: "ABSENT at α = \(a): \(d.reason)")
      }
      let aT = rayThreshold(c.inst.loss, bases: c.bases) ?? .infinity
      tally.record(
        "α_T ≤ α₀ (T-bisect)", passed: aT <= a0 * (1 + 1e-9) + 1e-12, residual: max(0, aT - a0),
        reason: "T-bisect", inputs: inputs, detail: "α_T = \(aT) > α₀ = \(a0)")
      let te = pExistThreshold(c, start: max(aT.isFinite ? aT : 1, 1e-8))
      undecided += te.undecided
      if let v = te.value {
        tally.record(
          "α_T^exist ≤ α₀ (T-bisect 1e-3)", passed: v <= a0 * 1.001 || v <= 1e-8,
          residual: max(0, v - a0), reason: "T-bisect", inputs: inputs,
          detail: "α_T^exist = \(v) > α₀ = \(a0)")
        dist.append(
          a0 > 0 ? "\(format3(aT / a0))/\(format3(v / a0))" : "α₀ = 0: \(format3(aT))/\(format3(v))")
      }
    }
    return tally.outcome(
      claim: "Corollary B.2's α₀ suffices (M4, M5), on the reconstructed α₀ (PRO-formulas.md §5)",
      notes: [
        "α_T/α₀ and α_T^exist/α₀ per instance: " + dist.joined(separator: ", "),
        "undecided M4 calls: \(undecided)",
      ])
  }
}
