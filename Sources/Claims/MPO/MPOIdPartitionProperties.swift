// mpo.partition.properties — App. D.2 eq. (11)–(14) ("If 𝒴⁺ is empty, the sample … is
// typically skipped"; "ΔW(y) is positive for y ∈ 𝒴⁺ and non-positive for y ∈ 𝒴⁻"); §4.4;
// Algorithm 2 lines 7–12 (001_0ef3930bdbd6a134.txt). Five properties of the mean-threshold
// rule: (a) in exact rational arithmetic (base case), (b) in float64 as implemented
// (Objectives.MeanPartition: left-to-right sum divided by N).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let partitionProperties = Claim(
    id: "mpo.partition.properties", paper: .mpo,
    source: "App. D.2 eq. (11)–(14); §4.4; Algorithm 2 lines 7–12",
    kind: .identity,
    statement:
      "The mean-threshold rule (1) splits 𝒴_x into disjoint covering sets, (2) ΔW > 0 on 𝒴⁺, "
        + "(3) ΔW ≤ 0 "
      + "on 𝒴⁻, (4) 𝒴⁻ ≠ ∅ always, (5) 𝒴⁺ = ∅ exactly when all scores are equal."
  ) { ctx in
    try partitionPropertiesCheck(
      ctx, exactRule: exactMeanRule, floatPartition: { MeanPartition(scores: $0) })
  }

  /// Eq. (12)–(13) in exact arithmetic for S_i = n_i/d (d > 0): S_i > S_mean ⇔ N n_i > Σn and
  /// S_i ≤ S_mean ⇔ N n_i ≤ Σn, each set tested separately as printed.
  static func exactMeanRule(_ nums: [Int64]) -> (inPos: [Bool], inNeg: [Bool]) {
    let total = nums.reduce(0, +)
    let n = Int64(nums.count)
    return (nums.map { n * $0 > total }, nums.map { n * $0 <= total })
  }

  static let partitionPropertyNames = [
    "1 disjoint cover", "2 ΔW > 0 on 𝒴⁺", "3 ΔW ≤ 0 on 𝒴⁻", "4 𝒴⁻ ≠ ∅", "5 𝒴⁺ = ∅ ⇔ all equal",
  ]

  /// Which of the five properties fail, given the membership tests of 𝒴⁺ and 𝒴⁻ (evaluated
  /// separately, as eq. 12 and 13 are), the signs of ΔW, and whether all scores are equal.
  static func partitionFailures(inPos: [Bool], inNeg: [Bool], deltaSign: [Int], allEqual: Bool)
    -> [Int]
  {
    var f: [Int] = []
    if zip(inPos, inNeg).contains(where: { $0 == $1 }) { f.append(1) }
    if zip(inPos, deltaSign).contains(where: { $0 && $1 <= 0 }) { f.append(2) }
    if zip(inNeg, deltaSign).contains(where: { $0 && $1 > 0 }) { f.append(3) }
    if !inNeg.contains(true) { f.append(4) }
    if !inPos.contains(true) != allEqual { f.append(5) }
    return f
  }

  /// The check with the float64 partition injectable (mutation tests).
  static func partitionPropertiesCheck(
    _ ctx: CheckContext, exactRule: ([Int64]) -> (inPos: [Bool], inNeg: [Bool]),
    floatPartition: ([Double]) -> MeanPartition
  ) throws -> CheckOutcome {
    // (a) Exact: S_i = n_i/d with integers n_i ∈ [−1e6, 1e6] and a common denominator d ≥ 1;
    // ΔW_i = (N n_i − Σn)/(N d), so its sign and the comparisons with S_mean are exact in Int64.
    var ra = ctx.stream("mpo.partition.properties/exact")
    var ta = Tally()
    var aSmallest = MPOIdSmallest()
    for i in 0..<ctx.count(full: 100_000, quick: 3_000) {
      let n = ra.uniformInt(in: 1...64)
      let d = Int64(ra.uniformInt(in: 1...1_000_000))
      var nums: [Int64]
      let cls: String
      switch i % 3 {
      case 0:
        cls = "(a) exact: random integers / d"
        nums = (0..<n).map { _ in Int64(ra.uniformInt(in: -1_000_000...1_000_000)) }
      case 1:
        cls = "(a) exact: repeated values / d"
        let pool = (0..<ra.uniformInt(in: 1...3)).map { _ in
          Int64(ra.uniformInt(in: -1_000_000...1_000_000))
        }
        nums = (0..<n).map { _ in pool[ra.uniformInt(in: 0..<pool.count)] }
      default:
        cls = "(a) exact: all equal / d"
        nums = Array(repeating: Int64(ra.uniformInt(in: -1_000_000...1_000_000)), count: n)
      }
      let total = nums.reduce(0, +)
      let nn = Int64(n)
      // ΔW_i = (N n_i − Σn)/(N d): its sign is the numerator's.
      let (inPos, inNeg) = exactRule(nums)
      let sign = nums.map { v -> Int in
        let t = nn * v - total
        return t > 0 ? 1 : (t < 0 ? -1 : 0)
      }
      let allEqual = Set(nums).count == 1
      let f = partitionFailures(inPos: inPos, inNeg: inNeg, deltaSign: sign, allEqual: allEqual)
      let inputs = { () -> [NamedValue] in
        [NamedValue("N", Double(n)), NamedValue("d", Double(d))]
          + nums.enumerated().map { NamedValue("n[\($0)]", Double($1)) }
      }
      ta.record(
        cls, passed: f.isEmpty, inputs: inputs(),
        detail: "properties \(f.map { partitionPropertyNames[$0 - 1] }) fail")
      if !f.isEmpty {
        aSmallest.offer(
          key: [Double(n)],
          Counterexample(inputs: inputs(), detail: "exact arithmetic: properties \(f) fail"))
      }
    }
    // (b) Float64 as an implementation computes it.
    var rb = ctx.stream("mpo.partition.properties/float")
    var judge = ConditionalJudge(conditions: [
      "S_mean is the exact mean or its correct rounding (|ΣS − N·S_mean| ≤ N·ulp(S_mean)/2, "
        + "exact expansion arithmetic)"
    ])
    var tb = Tally()
    var byProperty = [Int](repeating: 0, count: 5)
    var bCx: Counterexample?
    let per = ctx.count(full: 30_000, quick: 1_000)
    let grid = ctx.count(full: 10_000, quick: 500)
    for i in 0..<(3 * per + grid) {
      let n = rb.uniformInt(in: 1...64)
      let cls: String
      let s: [Double]
      if i < per {
        cls = "(b) float64: uniform [−10, 10]"
        s = (0..<n).map { _ in -10 + 20 * rb.uniform() }
      } else if i < 2 * per {
        cls = "(b) float64: decimal Likert 1.0, 1.1, …, 10.0"
        s = (0..<n).map { _ in Double(rb.uniformInt(in: 10...100)) / 10 }
      } else if i < 3 * per {
        cls = "(b) float64: decimal Likert, repeated values"
        let pool = (0..<rb.uniformInt(in: 1...3)).map { _ in
          Double(rb.uniformInt(in: 10...100)) / 10
        }
        s = (0..<n).map { _ in pool[rb.uniformInt(in: 0..<pool.count)] }
      } else {
        cls = "(b) float64: all equal, value k/1000, k = 1…10⁴"
        let k = (i - 3 * per) * (10_000 / grid) + 1
        s = Array(repeating: Double(k) / 1000, count: n)
      }
      let p = floatPartition(s)
      let inPos = s.map { $0 > p.mean }
      let inNeg = s.map { $0 <= p.mean }
      let sign = p.deviations.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
      // The implementation's own partition must be eq. (12) with its own mean.
      let consistent = inPos == p.positive
      let allEqual = Set(s).count == 1
      var f = partitionFailures(
        inPos: p.positive, inNeg: inNeg, deltaSign: sign, allEqual: allEqual)
      if !consistent && !f.contains(1) { f.append(1) }
      for k in f { byProperty[k - 1] += 1 }
      let cr = MPOIdExact.isCorrectlyRoundedMean(p.mean, of: s)
      let describe = { () -> String in
        "N = \(n), S = \(s.count > 6 ? "\(Array(s.prefix(6))) …" : "\(s)"), computed S_mean = "
          + "\(p.mean)"
          + " (exact: \(cr.exact), correctly rounded: \(cr.correctlyRounded))"
          + (f.isEmpty
            ? ": all five properties hold"
            : ": properties \(f.map { partitionPropertyNames[$0 - 1] }) fail")
      }
      judge.record(holds: f.isEmpty, satisfies: [cr.correctlyRounded], describe: describe())
      let inputs = { () -> [NamedValue] in
        [NamedValue("N", Double(n)), NamedValue("computed S_mean", p.mean)]
          + s.prefix(8).enumerated().map { NamedValue("S[\($0)]", $1) }
      }
      tb.record(cls, passed: f.isEmpty, inputs: inputs(), detail: describe())
      if !f.isEmpty, bCx == nil || Double(n) < (bCx?.inputs.first?.value ?? .infinity) {
        bCx = Counterexample(inputs: inputs(), detail: describe())
      }
    }
    var notes = [
      "(b) violations by property: "
        + zip(partitionPropertyNames, byProperty).map { "\($0): \($1)" }.joined(separator: ", ")
    ]
    if ta.failures > 0 {
      let o = ta.outcome(claim: "(a) exact arithmetic", counterexample: aSmallest.example)
      return CheckOutcome(
        verdict: .refuted, summary: "(a) exact arithmetic fails: \(o.summary)",
        classes: ta.classes + tb.classes,
        notes: notes, counterexample: aSmallest.example)
    }
    if tb.failures == 0 {
      return CheckOutcome(
        verdict: .confirmed,
        summary:
          "all five properties hold in exact arithmetic (\(ta.cases) vectors) and in float64 "
            + "(\(tb.cases) vectors)",
        classes: ta.classes + tb.classes, notes: notes)
    }
    var (_, reports) = judge.verdict()
    if reports.isEmpty {
      notes.append(
        "the correctly-rounded-mean condition does not separate the float64 failures from the "
          + "passes"
      )
      // The entry's rule still makes this conditional ((a) holds): name the exact mean, with
      // (a) as the holding side.
      reports = [
        ConditionReport(
          condition: "an exact mean (part (a), rational arithmetic)", casesSatisfying: ta.cases,
          holdingCase: "all \(ta.cases) exact-arithmetic vectors satisfy properties 1–5",
          failingCase: bCx?.detail ?? "")
      ]
    }
    let failing = zip(partitionPropertyNames, byProperty).filter { $0.1 > 0 }.map(\.0).joined(
      separator: ", ")
    return CheckOutcome(
      verdict: .conditional,
      summary:
        "exact arithmetic: all five properties hold (\(ta.cases) vectors); float64: "
          + "\(tb.failures) of \(tb.cases) "
        + "vectors violate \(failing)"
        + (judge.qualifying().isEmpty ? "" : ", none of them with a correctly rounded mean")
        + "; e.g. \(bCx?.detail ?? "")",
      classes: ta.classes + tb.classes, notes: notes, counterexample: bCx, conditions: reports)
  }
}
