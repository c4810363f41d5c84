// Input generators shared by PIPA's checks (../shared/claims/pipa.md, "Input strata" and
// "Finite models"): log-probabilities from the token and sequence strata, the logit-g stratum
// with its 5 % at g ∈ {1e-12, 1 − 1e-12}, Dirichlet distributions with log-uniform
// concentrations on [0.05, 20], label patterns, and token-level answers and pairs. A1 token
// quantities are log-softmax entries of random per-history logits over V tokens; the
// histories of one answer are distinct (a prefix tree), so its tokens' inputs are
// independent unless a check shares a prefix on purpose.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// Draws for PIPA's checks.
enum PIPAInputs {
  /// Token log-probability stratum [−20, 0].
  static func tokenLogProb(_ r: inout RandomStream) -> Double { Strata.uniform(&r, -20, 0) }

  /// Sequence log-probability stratum [−50, 0].
  static func sequenceLogProb(_ r: inout RandomStream) -> Double { Strata.uniform(&r, -50, 0) }

  /// logit g ∈ [−30, 30], with 5 % of cases at g ∈ {1e-12, 1 − 1e-12} (logit ∓27.631…).
  static func logitG(_ r: inout RandomStream) -> Double {
    let u = r.uniform()
    if u < 0.025 { return log(1e-12) - log1p(-1e-12) }
    if u < 0.05 { return log1p(-1e-12) - log(1e-12) }
    return Strata.uniform(&r, -30, 30)
  }

  /// z, z₀ ∈ [0, 20].
  static func z(_ r: inout RandomStream) -> Double { Strata.uniform(&r, 0, 20) }

  /// A Dirichlet concentration, log-uniform on [0.05, 20].
  static func concentration(_ r: inout RandomStream) -> Double { Strata.logUniform(&r, 0.05, 20) }

  /// A distribution on k points from a symmetric Dirichlet with a drawn concentration, as
  /// logs; entries that underflow to 0 are raised to the smallest normal (a Dirichlet with
  /// concentration 0.05 puts mass < 1e-300 on some points).
  static func dirichletLog(_ r: inout RandomStream, k: Int) -> [Double] {
    let a = concentration(&r)
    let p = r.dirichlet([Double](repeating: a, count: k))
    let q = p.map { max($0, Double.leastNormalMagnitude) }
    let s = q.reduce(0, +)
    return q.map { log($0 / s) }
  }

  /// An A1 history's next-token law: log-softmax of N(0, 2²) logits over V tokens.
  static func historyLaw(_ r: inout RandomStream, v: Int) -> [Double] {
    Strata.logDistribution(&r, k: v, s: 2)
  }

  /// Label patterns of the catalog: i.i.d. Bernoulli(p), step-structured (steps of 1–8
  /// tokens, random step labels), first-wrong-step, all zeros, all ones.
  static func labels(_ r: inout RandomStream, count t: Int, pattern: Int) -> [Int] {
    switch pattern % 5 {
    case 0:
      let p = r.uniform()
      return (0..<t).map { _ in r.uniform() < p ? 1 : 0 }
    case 1:
      var out: [Int] = []
      while out.count < t {
        let len = r.uniformInt(in: 1...8)
        let c = r.uniform() < 0.5 ? 1 : 0
        out += [Int](repeating: c, count: min(len, t - out.count))
      }
      return out
    case 2:
      let first = r.uniformInt(in: 0...t)
      return (0..<t).map { $0 < first ? 1 : 0 }
    case 3: return [Int](repeating: 0, count: t)
    default: return [Int](repeating: 1, count: t)
    }
  }

  /// Per-token A1 log-probabilities (policy, prior) of an answer of length t over V tokens:
  /// each token's entry of its history's policy and prior law, capped at −0.01 (so that the
  /// FD rule's steps stay inside log p ≤ 0; it affects tokens of probability > 0.99 only).
  static func tokenPair(_ r: inout RandomStream, count t: Int, v: Int) -> (policy: [Double], prior: [Double]) {
    var a: [Double] = []
    var b: [Double] = []
    for _ in 0..<t {
      let y = r.uniformInt(in: 0...(v - 1))
      // Capped at −0.01 so that a finite-difference step never leaves log p ≤ 0.
      a.append(min(historyLaw(&r, v: v)[y], -0.01))
      b.append(min(historyLaw(&r, v: v)[y], -0.01))
    }
    return (a, b)
  }

  /// A Step-DPO pair: lengths T⁺, T⁻ ∈ 1…64, V ∈ {4…16}, c⁻ from `pattern`.
  static func stepPair(_ r: inout RandomStream, pattern: Int) -> StepPairInput {
    let v = r.uniformInt(in: 4...16)
    let tp = r.uniformInt(in: 1...64)
    let tm = r.uniformInt(in: 1...64)
    let p = tokenPair(&r, count: tp, v: v)
    let m = tokenPair(&r, count: tm, v: v)
    return StepPairInput(
      logProbsChosen: p.policy, logProbsRejected: m.policy, refLogProbsChosen: p.prior,
      refLogProbsRejected: m.prior, labelsRejected: labels(&r, count: tm, pattern: pattern))
  }

  /// Σ |x| over arrays (the S of T_id).
  static func absSum(_ xs: [Double]...) -> Double { xs.reduce(0) { $0 + $1.reduce(0) { $0 + abs($1) } } }
}
