// pro.dpo-no-minimizer — PRO (002_74b446355a07bf4a.txt) §2, §1 and §3.2 (PRO-formulas.md,
// Checkable claims item 10): with deterministic pairwise labels on one prompt, L̂_DPO has no
// minimiser on the simplex (claims/pro.md). M4 on L̂_DPO over the logits of 𝒴 (Objectives'
// DPO per pair), per instance class, with the three recorded graph properties.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// L̂_DPO as a ray loss: L_O the loss, no α part.
struct PRODecDPORayLoss: PRODecRayLoss {
  var data: PRODecDPODataset
  var beta: Double { data.beta }
  var ref: [Double] { data.logRef }

  func parts(_ lp: [Double]) -> (o: Double, r: Double, nO: Int, sO: Double, nR: Int, sR: Double) {
    var s = 0.0
    var total = 0.0
    for p in data.pairs {
      let m = beta * ((lp[p.w] - ref[p.w]) - (lp[p.l] - ref[p.l]))
      let t = softplus(-m) / Double(data.pairs.count)
      total += t
      // S with the conditioning of the margin folded in: |t| + σ(−m)·M/I (M6's C, M = β·Σ|stored|).
      let mm = beta * (abs(lp[p.w]) + abs(lp[p.l]) + abs(ref[p.w]) + abs(ref[p.l]))
      s += abs(t) + sigmoid(-m) * mm / Double(data.pairs.count)
    }
    return (total, 0, data.pairs.count, s, 0, 0)
  }
}

extension PRODecompositionClaims {
  static let dpoNoMinimizerProvenance = ClaimProvenance.reconstructed("DPO loss, S5")

  static let dpoNoMinimizer = Claim(
    id: "pro.dpo-no-minimizer", paper: .pro,
    source: "§2; §1 and §3.2; PRO-formulas.md Checkable claims item 10", kind: .existence,
    statement: "With deterministic pairwise labels on one prompt, L̂_DPO has no minimiser on the "
      + "simplex; it approaches its infimum only as preferred–dispreferred gaps grow without bound.",
    provenance: dpoNoMinimizerProvenance
  ) { ctx in
    PRODecTol.stamp(dpoNoMinimizerSweep(ctx), dpoNoMinimizerProvenance)
  }

  /// Whether a converged point of L̂_DPO lies at numerical infinity: some pair's term
  /// softplus(−m)/I is below 8·T-round(L) there (T-round = 4Nε·S with S the terms' absolute sum
  /// and their margins' conditioning, as M3's tol_κ). Why 8: M4's rule 1 sees a separating ray
  /// from this point as strictly decreasing only if its first two samples (margins m + 1 and
  /// m + 10) differ by more than two T-rounds; their difference is ≥ (e^{−1} − e^{−10})·t ≈
  /// 0.37t for a term t, so t > 2/0.37 ≈ 5.4 T-round makes the decrease visible and t ≤ 8 T-round
  /// is where it may not be. A point whose term is below that is indistinguishable from the ray
  /// limit in float64 (the loss cannot tell whether the term is still there), so it is not
  /// counted as a converged point. This replaces a fixed margin cut (700): with a fixed cut the
  /// decision depended on how far BFGS and the Newton polish happened to push a separable
  /// margin (23…35 in reward units), i.e. on the seed.
  static func atNumericalInfinity(_ loss: PRODecDPORayLoss, _ lp: [Double]) -> Bool {
    let p = loss.parts(lp)
    let tr = 4 * Double(max(p.nO, 1)) * Double.ulpOfOne * p.sO
    let count = Double(loss.data.pairs.count)
    return loss.data.pairs.contains { q in
      let m = loss.beta * ((lp[q.w] - loss.ref[q.w]) - (lp[q.l] - loss.ref[q.l]))
      return softplus(-m) / count <= 8 * tr
    }
  }

  /// Graph properties of a comparison list on k labeled responses.
  static func graphProperties(_ pairs: [(w: Int, l: Int)], n: Int) -> (acyclic: Bool, allOnCycles: Bool) {
    var adj = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
    for p in pairs { adj[p.w][p.l] = true }
    // Transitive closure (Warshall).
    var reach = adj
    for k in 0..<n { for i in 0..<n where reach[i][k] { for j in 0..<n where reach[k][j] { reach[i][j] = true } } }
    let acyclic = !(0..<n).contains { reach[$0][$0] }
    let allOn = pairs.allSatisfy { reach[$0.l][$0.w] }
    return (acyclic, allOn)
  }

  static func dpoNoMinimizerSweep(_ ctx: CheckContext) -> CheckOutcome {
    let id = "pro.dpo-no-minimizer"
    var counts: [String: [PRODecRays.Existence: Int]] = [:]
    var detDecided: [(exists: Bool, props: [Bool], line: String)] = []
    var flatReports: [String] = []
    let total = ctx.count(full: 400, quick: 40)
    for j in 0..<total {
      var r = PRODecM1.stream(ctx, id, j)
      let n = PRODecM1.size(j, 2...8)
      let deterministic = j % 4 != 3
      let kind = j % 4  // 0: total order subset, 1: random orientation, 2: tournament, 3: fractional
      let kMin = kind == 2 ? min(3, n) : 2
      let k = Strata.integer(&r, kMin...n)
      let labeled = PRODecM1.subset(n, k, &r)
      let beta = PRODecM1.beta(j, &r)
      let ref = PRODecM1.logs(PRODecM1.distribution(n, concentration: PRODecM1.concentrations[j % 3], &r))
      var pairs: [(w: Int, l: Int)] = []
      var all: [(Int, Int)] = []
      for a in 0..<k { for b in (a + 1)..<k { all.append((labeled[a], labeled[b])) } }
      var order = labeled
      for i in 0..<k { order.swapAt(i, Strata.integer(&r, i...(k - 1))) }
      let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
      for (a, b) in all {
        switch kind {
        case 0:
          if Strata.integer(&r, 0...1) == 1 { pairs.append(rank[a]! < rank[b]! ? (a, b) : (b, a)) }
        case 1:
          if Strata.integer(&r, 0...1) == 1 { pairs.append(Strata.integer(&r, 0...1) == 0 ? (a, b) : (b, a)) }
        case 2:
          pairs.append(Strata.integer(&r, 0...1) == 0 ? (a, b) : (b, a))
        default:
          if Strata.integer(&r, 0...1) == 1 {
            for _ in 0..<Strata.integer(&r, 1...3) { pairs.append((a, b)) }
            for _ in 0..<Strata.integer(&r, 1...3) { pairs.append((b, a)) }
          }
        }
      }
      if pairs.isEmpty { pairs.append((labeled[0], labeled[1])) }
      let data = PRODecDPODataset(pairs: pairs, logRef: ref, beta: beta)
      let props = graphProperties(pairs, n: n)
      let unlabeled = n > k
      var starts = [ref.map { $0 - ref[0] }]
      for s in 0..<4 { starts.append(PRODecM1.logits(n, tau: s % 2 == 0 ? 1 : 5, &r)) }
      let runs = PRODecM2.run(
        f: { data.loss($0, logits: true) }, gradient: { (try? data.objectivesGradient($0, logits: true)) ?? [] },
        starts: starts, gradientTolerance: 1e-10 * beta
      ).filter { !atNumericalInfinity(PRODecDPORayLoss(data: data), logSoftmax($0.z)) }
      let best = runs.filter(\.converged).min { $0.value < $1.value }
      let bases = [ref] + (best.map { [logSoftmax($0.z)] } ?? []) + (0..<2).map { _ in logSoftmax(PRODecM1.logits(n, tau: 1, &r)) }
      let decision = PRODecRays.decide(PRODecDPORayLoss(data: data), alpha: 0, runs: runs, bases: bases)
      let cls = ["total order, subset of pairs", "random orientations", "complete tournament", "fractional (contrast)"][kind]
      counts[cls, default: [:]][decision, default: 0] += 1
      if let b = best {
        let flat = b.eigenvalues.filter { abs($0) <= b.hessianError }.count
        let ws = Set(pairs.map(\.w))
        let spread = ws.map { y in
          let v = runs.filter(\.converged).map { logSoftmax($0.z)[y] }
          return (v.max() ?? 0) - (v.min() ?? 0)
        }.max() ?? 0
        if flatReports.count < 4 {
          flatReports.append("case \(j) (\(cls)): \(flat) flat Hessian directions, log π(y_w) range \(format3(spread))")
        }
      }
      if deterministic && decision != .undecided {
        detDecided.append((decision == .exists, [props.acyclic, props.allOnCycles, unlabeled],
                           "case \(j), n = \(n), k = \(k), \(pairs.count) comparisons (\(cls)): \(decision.rawValue); acyclic \(props.acyclic), all pairs on cycles \(props.allOnCycles), unlabeled \(unlabeled)"))
      }
    }
    let names = ["comparison graph acyclic", "every compared pair lies on a directed cycle", "some response unlabeled (n > k)"]
    var notes = counts.sorted { $0.key < $1.key }.map { cls, m in
      "\(cls): EXISTS \(m[.exists] ?? 0), ABSENT \(m[.absent] ?? 0), UNDECIDED \(m[.undecided] ?? 0)"
    } + flatReports
    notes.append("reading: M2 runs BFGS2 then at most 8 Newton steps (PRODecMinimizer); a converged "
      + "point where some pair's term softplus(−m)/I is ≤ 8·T-round(L) is at numerical infinity (the "
      + "loss cannot resolve the term, so M4's rays could not tell it from the boundary limit) and is "
      + "not counted as converged; the fractional class does not enter the verdict")
    let exists = detDecided.filter(\.exists)
    let absent = detDecided.filter { !$0.exists }
    if exists.isEmpty {
      return CheckOutcome(
        verdict: .confirmed, summary: "every decided deterministic instance (\(absent.count)) is ABSENT", notes: notes)
    }
    if absent.isEmpty {
      return CheckOutcome(
        verdict: .refuted, summary: "all decided deterministic instances have a minimiser; e.g. \(exists[0].line)",
        notes: notes, counterexample: Counterexample(inputs: [], detail: exists[0].line))
    }
    var separating: [(i: Int, polarity: Bool)] = []
    for i in names.indices {
      for polarity in [true, false] where exists.allSatisfy({ $0.props[i] == polarity }) && absent.allSatisfy({ $0.props[i] != polarity }) {
        separating.append((i, polarity))
      }
    }
    if separating.count > 1 {
      notes.append("properties separating EXISTS from ABSENT in this sample: "
        + separating.map { ($0.polarity ? "" : "not ") + names[$0.i] }.joined(separator: "; "))
    }
    if let (i, polarity) = separating.first {
      let name = names[i]
      return CheckOutcome(
        verdict: .conditional,
        summary: "deterministic labels: \(absent.count) ABSENT, \(exists.count) EXISTS; a minimiser exists exactly when \(polarity ? "" : "not: ")\(name)",
        notes: notes,
        conditions: [ConditionReport(
          condition: "not (\(polarity ? "" : "not ")\(name))", casesSatisfying: absent.count,
          holdingCase: absent[0].line, failingCase: exists[0].line)])
    }
    // The instances that break the separation by "every compared pair lies on a cycle".
    let breakers = exists.filter { !$0.props[1] } + absent.filter { $0.props[1] }
    notes.append("instances breaking the cycle property's separation: "
      + breakers.prefix(3).map(\.line).joined(separator: " | "))
    return CheckOutcome(
      verdict: .refuted,
      summary: "deterministic EXISTS cases occur and no recorded property separates them; e.g. \(exists[0].line)",
      notes: notes, counterexample: Counterexample(inputs: [], detail: exists[0].line))
  }
}
