// pipa.step.factorization, pipa.step.bayes and pipa.step.marginal-constraint (§2.5,
// Parameterization; Algorithm 1) — the token-level factorisation p(c|x,y) = Π_t p(c_t|x,y≤t),
// the per-token Bayes identities behind PIPA-M's and PIPA-N's F, and the token-level PIPA-M
// model's marginal and head meanings, all by exact enumeration of E1 joints (paper
// 004_fe2e5eb1635a4348.txt).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PIPAClaims {
  /// Per-token sums of an enumerable joint: acc[k][prefix y≤k (k+1 tokens) index][c_k].
  struct TokenMarginals {
    var acc: [[[Double]]]
    var v: Int

    init(_ j: EnumerableJoint) {
      v = j.v
      acc = (0..<j.t).map { k in [[Double]](repeating: [0, 0], count: EnumerableJoint.power(j.v, k + 1)) }
      for yi in 0..<j.p.count {
        for cm in 0..<(1 << j.t) {
          let w = j.p[yi][cm]
          if w == 0 { continue }
          for k in 0..<j.t {
            let pre = yi / EnumerableJoint.power(j.v, j.t - 1 - k)
            acc[k][pre][(cm >> (j.t - 1 - k)) & 1] += w
          }
        }
      }
    }

    /// p(y≤k, c_k) and p(y<k, c_k) (summing y_k) for the prefix index of y≤k.
    func upTo(_ k: Int, _ pre: Int, _ c: Int) -> Double { acc[k][pre][c] }
    func before(_ k: Int, _ pre: Int, _ c: Int) -> Double {
      let parent = pre / v
      return (0..<v).reduce(0) { $0 + acc[k][parent * v + $1][c] }
    }
  }

  /// Random tables for the labelling mechanisms: a law per history, a bit and a q per prefix.
  static func e1Joint(_ r: inout RandomStream, mechanism m: Int) -> (EnumerableJoint, String) {
    let v = r.uniformInt(in: 2...3)
    let t = r.uniformInt(in: 1...5)
    var law: [[[Double]]] = []  // law[length][prefix index] = next-token law
    var bit: [[Int]] = [[0]]
    var q: [[Double]] = [[0.5]]
    for len in 0...t {
      let n = EnumerableJoint.power(v, len)
      if len < t { law.append((0..<n).map { _ in r.dirichlet([Double](repeating: 1, count: v)) }) }
      if len > 0 {
        bit.append((0..<n).map { _ in r.uniform() < 0.5 ? 1 : 0 })
        q.append((0..<n).map { _ in
          let u = r.uniform()
          return u < 0.1 ? 0 : (u < 0.2 ? 1 : r.uniform())
        })
      }
    }
    let s = r.uniformInt(in: 2...3)
    let deterministic = r.uniform() < 0.5
    func prefixIndex(_ y: [Int], _ len: Int) -> Int { y.prefix(len).reduce(0) { $0 * v + $1 } }
    func py(_ y: [Int]) -> Double { (0..<t).reduce(1) { $0 * law[$1][prefixIndex(y, $1)][y[$1]] } }
    let name: String
    let joint: EnumerableJoint
    switch m {
    case 0:
      name = "M-a (c_t ~ Bernoulli(q(y≤t)))"
      joint = EnumerableJoint(v: v, t: t) { y, c in
        py(y) * (0..<t).reduce(1) { acc, k in
          let qk = q[k + 1][prefixIndex(y, k + 1)]
          return acc * (c[k] == 1 ? qk : 1 - qk)
        }
      }
    case 1:
      name = "M-b (step-constant labels, steps of \(s))"
      joint = EnumerableJoint(v: v, t: t) { y, c in
        let want = (0..<t).map { k in bit[min(t, (k / s + 1) * s)][prefixIndex(y, min(t, (k / s + 1) * s))] }
        return c == want ? py(y) : 0
      }
    case 2:
      name = "M-c (answer-level labels, \(deterministic ? "deterministic" : "Bernoulli") h(y))"
      joint = EnumerableJoint(v: v, t: t) { y, c in
        guard c.allSatisfy({ $0 == c[0] }) else { return 0 }
        let idx = prefixIndex(y, t)
        if deterministic { return c[0] == bit[t][idx] ? py(y) : 0 }
        return py(y) * (c[0] == 1 ? q[t][idx] : 1 - q[t][idx])
      }
    default:
      name = "M-d (first-wrong-step labels, steps of \(s))"
      joint = EnumerableJoint(v: v, t: t) { y, c in
        var firstWrong = t
        var start = 0
        while start < t {
          let end = min(t, start + s)
          if bit[end][prefixIndex(y, end)] == 1 {
            firstWrong = start
            break
          }
          start = end
        }
        let want = (0..<t).map { $0 < firstWrong ? 1 : 0 }
        return c == want ? py(y) : 0
      }
    }
    return (joint, name)
  }

  static let mechanismNames = ["M-a", "M-b", "M-c", "M-d"]

  public static func stepFactorization(_ ctx: CheckContext) -> CheckOutcome {
    var tallies = [Tally](repeating: Tally(), count: 4)
    var sanity = Tally()
    var examples: [String] = []
    var r = ctx.stream("step.factorization")
    let n = ctx.count(full: 200, quick: 8)
    for m in 0..<4 {
      for _ in 0..<n {
        let (j, name) = e1Joint(&r, mechanism: m)
        let tm = TokenMarginals(j)
        var firstFail: String?
        for yi in 0..<j.p.count {
          let py = j.marginal(yi)
          guard py > 0 else { continue }
          for cm in 0..<(1 << j.t) {
            let c = EnumerableJoint.digits(cm, base: 2, count: j.t)
            let lhs = j.p[yi][cm] / py
            var mid = 1.0
            for k in 0..<j.t {
              let den = j.massLabelsBelow(yi, labels: c, below: k)
              if den == 0 || mid == 0 {
                mid = 0
                break
              }
              mid *= j.massLabelsBelow(yi, labels: c, below: k + 1) / den
            }
            var rhs = 1.0
            for k in 0..<j.t {
              let pre = yi / EnumerableJoint.power(j.v, j.t - 1 - k)
              rhs *= tm.upTo(k, pre, c[k]) / (tm.upTo(k, pre, 0) + tm.upTo(k, pre, 1))
            }
            let tol = CatalogTolerance.identity(termSum: Double(2 * j.t + 2))
            let inputs = [NamedValue("V", Double(j.v)), NamedValue("T", Double(j.t)), NamedValue("y", Double(yi)), NamedValue("c", Double(cm))]
            sanity.record("MID = LHS (chain rule; a failure is a defect)", residual: abs(mid - lhs), tolerance: tol, inputs: inputs)
            let ok = tallies[m].record(
              "\(mechanismNames[m]): LHS = RHS", residual: abs(lhs - rhs), tolerance: tol, inputs: inputs,
              detail: "\(name): p(c|y) = \(lhs), Π p(c_t|y≤t) = \(rhs)")
            if !ok && firstFail == nil { firstFail = "\(name), V = \(j.v), T = \(j.t), y = \(EnumerableJoint.digits(yi, base: j.v, count: j.t)), c = \(c): LHS = \(lhs), RHS = \(rhs)" }
          }
        }
        if let f = firstFail, examples.count < 4, !examples.contains(where: { $0.hasPrefix(String(name.prefix(3))) }) {
          examples.append(f)
        }
      }
    }
    let failing = (1..<4).filter { tallies[$0].failures > 0 }.map { mechanismNames[$0] }
    let classes = tallies.flatMap(\.classes) + sanity.classes
    let verdict: Verdict
    if sanity.failures > 0 || tallies[0].failures > 0 {
      verdict = .refuted
    } else if failing.isEmpty {
      verdict = .confirmed
    } else {
      verdict = .conditional
    }
    let cx = tallies[0].firstFailure ?? sanity.firstFailure ?? tallies.compactMap(\.firstFailure).first
    return CheckOutcome(
      verdict: verdict,
      summary: "p(c|y) = Π_t p(c_t|y≤t): M-a \(tallies[0].failures == 0 ? "holds" : "fails"); fails for \(failing.isEmpty ? "none" : failing.joined(separator: ", "))"
        + (examples.isEmpty ? "" : "; e.g. \(examples[0])"),
      classes: classes, notes: examples,
      counterexample: verdict == .refuted ? cx : nil,
      conditions: verdict == .conditional
        ? [ConditionReport(
          condition: "labels satisfy the stated assumption (mechanism M-a: c_t depends on y≤t only)",
          casesSatisfying: tallies[0].cases, holdingCase: "every M-a cell",
          failingCase: examples.first ?? "")] : [])
  }

  static let stepFactorizationClaim = Claim(
    id: "pipa.step.factorization", paper: .pipa, source: "§2.5, Parameterization", kind: .identity,
    statement: "p(c|x,y) = Π_t p(c_t|x,y,c<t) = Π_t p(c_t|x,y≤t): the chain rule, then the stated "
      + "conditional independence, applied to step-constant and answer-level labels."
  ) { ctx in stepFactorization(ctx) }

  public static func stepBayes(_ ctx: CheckContext, tau: @escaping (Double) -> Double) -> CheckOutcome {
    var tally = Tally()
    var skipped = 0
    var r = ctx.stream("step.factorization")  // the same joints
    let n = ctx.count(full: 200, quick: 8)
    for m in 0..<4 {
      for _ in 0..<n {
        let (j, name) = e1Joint(&r, mechanism: m)
        let tm = TokenMarginals(j)
        for k in 0..<j.t {
          for pre in 0..<EnumerableJoint.power(j.v, k + 1) {
            let pUp = tm.upTo(k, pre, 0) + tm.upTo(k, pre, 1)
            let pBefore = tm.before(k, pre, 0) + tm.before(k, pre, 1)
            guard pUp > 0 else { continue }
            let inputs = [NamedValue("mechanism", Double(m)), NamedValue("t", Double(k + 1)), NamedValue("prefix", Double(pre))]
            let tol = CatalogTolerance.identity(termSum: 4)
            let post1 = tm.upTo(k, pre, 1) / pUp
            let prior = pUp / pBefore
            for c in 0...1 {
              guard tm.before(k, pre, c) > 0 else {
                skipped += 1
                continue
              }
              let lhs = tm.upTo(k, pre, c) / pUp
              let rhs = (tm.upTo(k, pre, c) / tm.before(k, pre, c)) * (tm.before(k, pre, c) / pBefore) / prior
              tally.record("(i) per-token Bayes", residual: abs(lhs - rhs), tolerance: tol, inputs: inputs,
                detail: "\(name): \(lhs) vs \(rhs)")
            }
            let g = tm.before(k, pre, 1) / pBefore
            guard g > 0 else {
              skipped += 1
              continue
            }
            let f = tm.upTo(k, pre, 1) / tm.before(k, pre, 1)
            tally.record("(ii) PIPA-M f·g/p^prior = p(c_t=1|y≤t)", residual: abs(f * g / prior - post1), tolerance: tol,
              inputs: inputs, detail: "\(name): f·g/p = \(f * g / prior), posterior \(post1)")
            guard g < 1 else {
              skipped += 1
              continue
            }
            let q = tm.upTo(k, pre, 0) / tm.before(k, pre, 0)
            let x = f * g / (q * (1 - g))
            let tauX = q == 0 ? 1 : tau(x)
            tally.record("(iii) PIPA-N τ(f·g/(q(1 − g))) = p(c_t=1|y≤t)", residual: abs(tauX - post1), tolerance: tol,
              inputs: inputs, detail: "\(name): τ = \(tauX), posterior \(post1)")
          }
        }
      }
    }
    return tally.outcome(
      claim: "per-token Bayes identities (i)–(iii)",
      notes: ["(history, label) pairs skipped because a factor conditions on a probability-0 event: \(skipped)",
        "the printed x_t in the denominator of §2.5's Bayes formula is read as x"])
  }

  static let stepBayesClaim = Claim(
    id: "pipa.step.bayes", paper: .pipa, source: "§2.5 (per-token Bayes' theorem)", kind: .identity,
    statement: "p(c_t|x,y≤t) = p(y_t|x,y<t,c_t)p(c_t|x,y<t)/p(y_t|x,y<t); with the true f_t, g_t, "
      + "p^prior_t it equals f_t g_t/p^prior_t (PIPA-M) and τ(f_t g_t/(q_t(1 − g_t))) (PIPA-N)."
  ) { ctx in stepBayes(ctx, tau: PIPAN.tau) }

  /// pipa.step.marginal-constraint; `clip(g0, p, f)` is the Theorem 2.1 clip (a test drops it).
  public static func stepMarginalConstraint(
    _ ctx: CheckContext, clip: @escaping (Double, Double, Double) -> Double
  ) -> CheckOutcome {
    var partA = Tally()
    var partB = Tally()
    var judge = ConditionalJudge(conditions: ["the clip is inactive at this history"])
    var r = ctx.stream("step.marginal-constraint")
    for _ in 0..<ctx.count(full: 200, quick: 30) {
      let v = r.uniformInt(in: 2...3)
      let t = r.uniformInt(in: 1...5)
      var f: [[[Double]]] = []
      var pr: [[[Double]]] = []
      var g0: [[Double]] = []
      for len in 0..<t {
        let n = EnumerableJoint.power(v, len)
        f.append((0..<n).map { _ in softmax((0..<v).map { _ in 2 * r.gaussian() }) })
        pr.append((0..<n).map { _ in softmax((0..<v).map { _ in 2 * r.gaussian() }) })
        g0.append((0..<n).map { _ in sigmoid(PIPAInputs.logitG(&r)) })
      }
      func idx(_ y: [Int], _ len: Int) -> Int { y.prefix(len).reduce(0) { $0 * v + $1 } }
      let joint = EnumerableJoint(v: v, t: t) { y, c in
        var p = 1.0
        for k in 0..<t {
          let h = idx(y, k)
          let fk = f[k][h][y[k]]
          let pk = pr[k][h][y[k]]
          let big = min(fk * clip(g0[k][h], pk, fk) / pk, 1)
          p *= pk * (c[k] == 1 ? big : 1 - big)
        }
        return p
      }
      var total = 0.0
      for (yi, y) in joint.sequences.enumerated() {
        let m = joint.marginal(yi)
        total += m
        let prior = (0..<t).reduce(1.0) { $0 * pr[$1][idx(y, $1)][y[$1]] }
        partA.record("(a) Σ_c p(y, c) = p^prior(y)", residual: abs(m - prior),
          identityTermSum: (2 * Double(t) + 2), inputs: [NamedValue("V", Double(v)), NamedValue("T", Double(t))],
          detail: "Σ_c p = \(m), p^prior(y) = \(prior)")
      }
      partA.record("(a) total mass 1", residual: abs(total - 1), identityTermSum: (2 * Double(joint.p.count)),
        inputs: [NamedValue("V", Double(v)), NamedValue("T", Double(t))], detail: "total = \(total)")
      let tm = TokenMarginals(joint)
      for k in 0..<t {
        for h in 0..<EnumerableJoint.power(v, k) {
          let pBefore = (0..<v).reduce(0.0) { $0 + tm.upTo(k, h * v + $1, 0) + tm.upTo(k, h * v + $1, 1) }
          guard pBefore > 0 else { continue }
          let g1 = (0..<v).reduce(0.0) { $0 + tm.upTo(k, h * v + $1, 1) }
          let gHat = g1 / pBefore
          var res = abs(gHat - g0[k][h])
          for y in 0..<v where g1 > 0 { res = max(res, abs(tm.upTo(k, h * v + y, 1) / g1 - f[k][h][y])) }
          let inactive = (0..<v).allSatisfy { g0[k][h] <= pr[k][h][$0] / f[k][h][$0] }
          let ok = partB.record("(b) p(y_t|y<t,c_t=1) = f_t and p(c_t=1|y<t) = g_t", residual: res,
            identityTermSum: (2 * Double(t) + 4), inputs: [NamedValue("t", Double(k + 1)), NamedValue("g0", g0[k][h])],
            detail: "ĝ = \(gHat), g₀ = \(g0[k][h]), max residual \(res)")
          judge.record(holds: ok, satisfies: [inactive], describe: "t = \(k + 1), g₀ = \(g0[k][h]), ĝ = \(gHat), clip inactive: \(inactive)")
        }
      }
    }
    let a = partA.outcome(claim: "marginal constraint")
    var b = partB.outcome(claim: "head meanings")
    let (vb, conds) = judge.verdict()
    b.verdict = vb
    b.conditions = conds
    return combineParts(
      [("(a)", a), ("(b)", b)],
      notes: ["reading: (b)'s condition is judged per history (g_t's meaning at a history depends on that history's clip only)"])
  }

  static let stepMarginalConstraintClaim = Claim(
    id: "pipa.step.marginal-constraint", paper: .pipa, source: "§2.5; Algorithm 1", kind: .identity,
    statement: "The token-level PIPA-M model Π_t p^prior_t F_t^{c_t}(1 − F_t)^{1−c_t} satisfies the marginal "
      + "constraint of (2), and its heads keep their meaning: p(y_t|y<t,c_t=1) = f_t, p(c_t=1|y<t) = g_t."
  ) { ctx in stepMarginalConstraint(ctx) { g0, p, f in min(g0, p / f) } }
}
