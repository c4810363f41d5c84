// pro.dpo-gradient — PRO (002_74b446355a07bf4a.txt) §2, Eq. (1): the gradient of the sample
// DPO loss is −β E_D[σ(r_l − r_w)(∇log π_w − ∇log π_l)] (claims/pro.md). The right side is
// formed term by term on its own code path and compared with central differences of the
// Objectives DPO loss (T-fd) and with the Objectives gradient (T-round), at free
// log-probabilities u and at logits z.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// A one-prompt DPO dataset on a finite 𝒴: ordered pairs (y_w, y_l) of indices.
struct PRODecDPODataset {
  var pairs: [(w: Int, l: Int)]
  var logRef: [Double]
  var beta: Double

  /// log π from the variables: u itself (free) or logSoftmax(z).
  static func logProbs(_ x: [Double], logits: Bool) -> [Double] { logits ? logSoftmax(x) : x }

  /// L̂_DPO = (1/I) Σ_i DPO(pair_i) through Objectives `DPO` (NaN outside its domain).
  func loss(_ x: [Double], logits: Bool, extra: ([Double]) -> Double = { _ in 0 }) -> Double {
    let u = Self.logProbs(x, logits: logits)
    let dpo = DPO(beta: beta)
    var total = 0.0
    for p in pairs {
      let pair = PreferencePair(
        logProbChosen: u[p.w], logProbRejected: u[p.l], refLogProbChosen: logRef[p.w],
        refLogProbRejected: logRef[p.l])
      guard let v = try? dpo.loss(pair) else { return .nan }
      total += v
    }
    return total / Double(pairs.count) + extra(u)
  }

  /// The Objectives gradient: per-pair DPO partials in log π, averaged, then (for logits)
  /// the chain rule ∂/∂z_k = g_k − π_k Σ_j g_j.
  func objectivesGradient(_ x: [Double], logits: Bool) throws -> [Double] {
    let u = Self.logProbs(x, logits: logits)
    let dpo = DPO(beta: beta)
    var g = [Double](repeating: 0, count: u.count)
    let scale = 1 / Double(pairs.count)
    for p in pairs {
      let pair = PreferencePair(
        logProbChosen: u[p.w], logProbRejected: u[p.l], refLogProbChosen: logRef[p.w],
        refLogProbRejected: logRef[p.l])
      let gp = try dpo.gradient(pair)
      g[p.w] += scale * gp[0]
      g[p.l] += scale * gp[1]
    }
    guard logits else { return g }
    let total = g.reduce(0, +)
    return zip(g, u).map { $0 - exp($1) * total }
  }

  /// Eq. (1) term by term: −(β/I) Σ_i weight(r_l − r_w)(∇log π_w − ∇log π_l), with
  /// ∇_u log π(y) = e_y and ∇_z log π(y) = e_y − π. Also S (Σ|terms| per coordinate) and C
  /// (Σ |w_t weight′(x_t)| M_t, M_t = β(|u_w| + |u_l| + |v_w| + |v_l|)) for T-round.
  func eq1(_ x: [Double], logits: Bool, weight: (Double) -> Double)
    -> (g: [Double], termSum: [Double], conditioning: [Double])
  {
    let u = Self.logProbs(x, logits: logits)
    let n = u.count
    let pi = logits ? u.map { exp($0) } : [Double](repeating: 0, count: n)
    var g = [Double](repeating: 0, count: n)
    var s = [Double](repeating: 0, count: n)
    var c = [Double](repeating: 0, count: n)
    let scale = beta / Double(pairs.count)
    for p in pairs {
      let gap = beta * (u[p.l] - logRef[p.l]) - beta * (u[p.w] - logRef[p.w])
      let w = weight(gap)
      let m = beta * (abs(u[p.w]) + abs(u[p.l]) + abs(logRef[p.w]) + abs(logRef[p.l]))
      let cond = scale * sigmoid(gap) * sigmoid(-gap) * m
      for k in 0..<n {
        let dw = (k == p.w ? 1.0 : 0.0) - pi[k]
        let dl = (k == p.l ? 1.0 : 0.0) - pi[k]
        let t = -scale * w * (dw - dl)
        g[k] += t
        s[k] += scale * abs(w) * (abs(dw) + abs(dl))
        c[k] += cond * abs(dw - dl)
      }
    }
    return (g, s, c)
  }
}

extension PRODecompositionClaims {
  static let dpoGradientProvenance = ClaimProvenance.reconstructed(
    "the standard DPO loss and gradient, S5; PRO-formulas.md §1")

  static let dpoGradient = Claim(
    id: "pro.dpo-gradient", paper: .pro, source: "§2, Eq. (1), and the sample DPO loss before it",
    kind: .gradientIdentity,
    statement: "∇θ L̂_DPO = −β E_D[σ(r_θ(y_l) − r_θ(y_w))(∇θ log π_θ(y_w) − ∇θ log π_θ(y_l))]; "
      + "the first factor is the importance weight.",
    provenance: dpoGradientProvenance
  ) { ctx in
    let main = try dpoGradientSweep(ctx, weight: { sigmoid($0) })
    let control = try dpoGradientSweep(ctx, weight: { sigmoid(-$0) })
    let out = PRODecTol.applyControl(
      main, controlFailed: control.verdict == .refuted,
      control: "importance weight σ(r_w − r_l)")
    return PRODecTol.stamp(out, dpoGradientProvenance)
  }

  /// The DPO instances of pro.dpo-gradient (shared with pro.dpo-shift-invariance): case j
  /// has n cycling 2…10, π_ref Dirichlet, I ∈ 1…20 ordered pairs of distinct responses
  /// (repeats allowed), β by M1, logits when j is odd and free log-probabilities when even.
  static func dpoInstance(_ ctx: CheckContext, _ id: String, _ j: Int)
    -> (data: PRODecDPODataset, x: [Double], logits: Bool, n: Int, tau: Double)
  {
    var r = PRODecM1.stream(ctx, "pro.dpo-gradient", j)
    let n = PRODecM1.size(j, 2...10)
    let a = PRODecM1.concentrations[j % 3]
    let beta = PRODecM1.beta(j, &r)
    let ref = PRODecM1.distribution(n, concentration: a, &r)
    let count = Strata.integer(&r, 1...20)
    let pairs = (0..<count).map { _ -> (w: Int, l: Int) in
      let w = Strata.integer(&r, 0...(n - 1))
      var l = Strata.integer(&r, 0...(n - 2))
      if l >= w { l += 1 }
      return (w, l)
    }
    let tau = PRODecM1.taus[(j / 2) % 4]
    let logits = j % 2 == 1
    let x = logits ? PRODecM1.logits(n, tau: tau, &r) : PRODecM1.freeLogProbs(n, tau: tau, &r)
    return (PRODecDPODataset(pairs: pairs, logRef: PRODecM1.logs(ref), beta: beta), x, logits, n, tau)
  }

  /// Eq. (1) with the importance weight `weight` against FD (T-fd) and Objectives (T-round).
  static func dpoGradientSweep(_ ctx: CheckContext, weight: (Double) -> Double) throws -> CheckOutcome {
    var tally = Tally()
    for j in 0..<ctx.count(full: 2000, quick: 200) {
      let inst = dpoInstance(ctx, "pro.dpo-gradient", j)
      let d = inst.data
      let rhs = d.eq1(inst.x, logits: inst.logits, weight: weight)
      let obj = try d.objectivesGradient(inst.x, logits: inst.logits)
      let cls = inst.logits ? "logits z" : "free log-probabilities u"
      let terms = 2 * d.pairs.count
      for k in 0..<inst.n {
        let inputs = [
          NamedValue("case", Double(j)), NamedValue("n", Double(inst.n)), NamedValue("β", d.beta),
          NamedValue("I", Double(d.pairs.count)), NamedValue("coordinate", Double(k)),
        ]
        let round = PRODecTol.round(
          terms: terms, termSum: rhs.termSum[k] + abs(obj[k]), conditioning: rhs.conditioning[k])
        tally.record(
          "\(cls): Eq. (1) vs Objectives", residual: abs(rhs.g[k] - obj[k]), tolerance: round,
          inputs: inputs, detail: "Eq. (1) = \(rhs.g[k]), Objectives = \(obj[k])")
        let e = try PRODecTol.centralPartial({ d.loss($0, logits: inst.logits) }, at: inst.x, k)
        tally.record(
          "\(cls): Eq. (1) vs gsl_deriv_central", residual: abs(rhs.g[k] - e.value),
          tolerance: PRODecTol.fd(abserr: e.error, round: round), inputs: inputs,
          detail: "Eq. (1) = \(rhs.g[k]), central difference = \(e)")
      }
    }
    return tally.outcome(claim: "Eq. (1) against FD and the Objectives gradient")
  }
}
