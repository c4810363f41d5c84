// Compensated summation for the PIPA-family losses (PIPA, 004_fe2e5eb1635a4348.txt, App. B
// r_t sums; Algorithm 1's log F). Their arguments are sums of log-probabilities in which terms
// of magnitude M (up to 1e5) cancel — Σ_t (log p^θ_t − log p^prior_t) — so a naive sum carries
// an absolute error ε·M that no later stable form can remove, and a finite-difference check
// with step h amplifies it by 1/h. Neumaier's variant of Kahan summation over the individual
// log-probabilities (each difference split into its two terms) returns the sum to within
// 2ε·|sum| + O(nε²)·Σ|terms|.
//
// Implementation goals, in order: 1) the exact sum to ≈ 1 ulp when terms cancel; 2) no
// allocation beyond the caller's terms; 3) simplicity.

/// Neumaier-compensated sums.
enum PIPASum {
  /// Σ terms with Neumaier's compensation.
  static func sum<S: Sequence>(_ terms: S) -> Double where S.Element == Double {
    var s = 0.0
    var c = 0.0
    for x in terms {
      let t = s + x
      if abs(s) >= abs(x) { c += (s - t) + x } else { c += (x - t) + s }
      s = t
    }
    return s + c
  }

  /// Σ_{t ∈ indices} (a[t] − b[t]), each difference entering as its two terms.
  static func differences<I: Sequence>(_ a: [Double], _ b: [Double], _ indices: I) -> [Double]
  where I.Element == Int {
    var out: [Double] = []
    for t in indices {
      out.append(a[t])
      out.append(-b[t])
    }
    return out
  }
}
