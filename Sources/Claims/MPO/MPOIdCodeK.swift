// App. K's PyTorch `mpo_loss` (001_0ef3930bdbd6a134.txt, App. K listing lines 3–56),
// transcribed line by line for one batch of rows, generic over the scalar (Double, Float,
// dual numbers). torch.softmax is exp(x − max x)/Σ exp(x − max x); torch.mean over the
// last dimension is transcribed as a left-to-right sum divided by N; clamp(min = eps) passes
// no gradient where it is active, as in autograd. This is the printed code, not a loss of
// the Objectives module: the Objectives hold the paper's formulas, the code is checked
// against them.
#if canImport(Glibc)
  import Glibc
#endif

/// The App. K code.
enum MPOIdCodeK {
  /// Per-row losses of `mpo_loss` (line 54) and their mean (line 56).
  static func loss<T: MPOIdScalar>(
    piLogps: [[T]], refLogps: [[T]], rewards: [[T]], beta: T, alpha: Double
  ) -> (mean: T, rows: [T]) {
    let rows = piLogps.indices.map { b in
      rowLoss(
        piLogps: piLogps[b], refLogps: refLogps[b], rewards: rewards[b], beta: beta, alpha: alpha)
    }
    var s = T(0)
    for l in rows { s = s + l }
    return (s / T(Double(rows.count)), rows)
  }

  /// Lines 15–54 for one row.
  static func rowLoss<T: MPOIdScalar>(
    piLogps: [T], refLogps: [T], rewards: [T], beta: T, alpha: Double
  ) -> T {
    let n = piLogps.count
    // 1. base_logits = pi_logps - ref_logps
    let base = (0..<n).map { piLogps[$0] - refLogps[$0] }
    // 2. mean_rewards = torch.mean(rewards, dim=-1, keepdim=True)
    var sum = T(0)
    for x in rewards { sum = sum + x }
    let mean = sum / T(Double(n))
    // weights = |rewards - mean| if alpha > 0 else zeros
    let weights =
      alpha > 0 ? rewards.map { ($0 - mean).absValue } : Array(repeating: T(0), count: n)
    // 3. pos_mask = (rewards > mean) * 1, neg_mask = (rewards <= mean) * 1
    let posMask = rewards.map { $0 > mean ? T(1) : T(0) }
    let negMask = rewards.map { $0 <= mean ? T(1) : T(0) }
    // 4. final_logits = base_logits * beta + weights * alpha
    let a = T(alpha)
    var final = (0..<n).map { base[$0] * beta + weights[$0] * a }
    // 5. eps = 1e-10; final_logits -= final_logits.max(dim=-1)[0]
    let eps = T(1e-10)
    var mx = final[0]
    for x in final where x > mx { mx = x }
    final = final.map { $0 - mx }
    // softmax_val = torch.softmax(final_logits + eps, dim=-1)
    let shifted = final.map { $0 + eps }
    var m2 = shifted[0]
    for x in shifted where x > m2 { m2 = x }
    let e = shifted.map { ($0 - m2).expValue }
    var z = T(0)
    for x in e { z = z + x }
    let p = e.map { $0 / z }
    // pos_sum, neg_sum = clamp(sum(softmax_val * mask), min=eps)
    var pos = T(0)
    var neg = T(0)
    for i in 0..<n {
      pos = pos + p[i] * posMask[i]
      neg = neg + p[i] * negMask[i]
    }
    if pos < eps { pos = eps }
    if neg < eps { neg = eps }
    // denominator = pos_sum + neg_sum + eps * 2; losses = -1 * log(pos_sum / denominator)
    let denominator = pos + neg + eps * T(2)
    return T(0) - (pos / denominator).logValue
  }

  /// Whether a clamp of line 46–49 is active in a row (pos or neg < 1e-10), in float64.
  static func clampActive(
    piLogps: [Double], refLogps: [Double], rewards: [Double], beta: Double, alpha: Double
  )
    -> Bool
  {
    let n = piLogps.count
    let mean = rewards.reduce(0, +) / Double(n)
    let f = (0..<n).map {
      beta * (piLogps[$0] - refLogps[$0]) + (alpha > 0 ? alpha * abs(rewards[$0] - mean) : 0)
    }
    let m = f.max() ?? 0
    let e = f.map { ($0 - m + 1e-10) }
    let m2 = e.max() ?? 0
    let w = e.map { exp($0 - m2) }
    let z = w.reduce(0, +)
    var pos = 0.0
    var neg = 0.0
    for i in 0..<n {
      if rewards[i] > mean { pos += w[i] / z } else { neg += w[i] / z }
    }
    return pos < 1e-10 || neg < 1e-10
  }

  /// The gradient of one row's code loss with respect to pi_logps, by dual numbers.
  static func rowGradient(
    piLogps: [Double], refLogps: [Double], rewards: [Double], beta: Double, alpha: Double
  )
    -> [Double]
  {
    let n = piLogps.count
    let ref = refLogps.map { MPOIdDual($0) }
    let rw = rewards.map { MPOIdDual($0) }
    return (0..<n).map { j in
      let pi = (0..<n).map { MPOIdDual(piLogps[$0], $0 == j ? 1 : 0) }
      return rowLoss(piLogps: pi, refLogps: ref, rewards: rw, beta: MPOIdDual(beta), alpha: alpha).d
    }
  }
}
