// MaPPO's reward-level closed forms (000_f3e0a040f5e536e0.txt §4.1, eqs. 4–6), written for
// general parametrised rewards a = r_φ(y_w, x), b = r_φ(y_l, x) and the prior gap Δr, in the
// stable log-space forms the catalog's checks compare.
//
// Implementation goals, in order: 1) the printed formulas exactly (no simplification that
// presumes the identities under test); 2) finite values for every finite input; 3) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// MaPPO's reward-level quantities.
public enum MaPPORewardLevel {
  /// log of the first printed form of eq. (4): log e^{r_w}/(e^{r_w} + e^{r_l}) =
  /// r_w − logsumexp(r_w, r_l).
  public static func logPreferenceSoftmaxForm(rewardChosen rw: Double, rewardRejected rl: Double) -> Double {
    rw - logSumExp(rw, rl)
  }

  /// log of the second printed form of eq. (4): log 1/(1 + e^{r_l − r_w}) = −softplus(r_l − r_w).
  public static func logPreferenceLogisticForm(rewardChosen rw: Double, rewardRejected rl: Double) -> Double {
    -softplus(rl - rw)
  }

  /// log p(r_φ) of eq. (5) as printed: logsumexp(a, Δr·b) − logsumexp(a, b).
  public static func logPrior(a: Double, b: Double, deltaR: Double) -> Double {
    logSumExp(a, deltaR * b) - logSumExp(a, b)
  }

  /// q = p(r_φ) − 1 from the exact rewriting q = (e^{Δr·b} − e^{b})/(e^{a} + e^{b})
  /// = −σ(b − a)·(−expm1(−(1 − Δr)·b)); keeps full relative accuracy when p is near 1.
  /// Its sign is exact: the sign of a product of a positive number and an expm1.
  public static func priorMinusOne(a: Double, b: Double, deltaR: Double) -> Double {
    -sigmoid(b - a) * (-expm1(-(1 - deltaR) * b))
  }

  /// The MLE loss of eq. (6), second line, first term: −log σ(a − b) = softplus(b − a).
  public static func mleLoss(a: Double, b: Double) -> Double { softplus(b - a) }

  /// The prior loss of eq. (6): −log p(r_φ).
  public static func priorLoss(a: Double, b: Double, deltaR: Double) -> Double {
    -logPrior(a: a, b: b, deltaR: deltaR)
  }

  /// The second line of eq. (6): L_MLE + L_p.
  public static func mapLossSum(a: Double, b: Double, deltaR: Double) -> Double {
    mleLoss(a: a, b: b) + priorLoss(a: a, b: b, deltaR: deltaR)
  }

  /// The third line of eq. (6): −log σ(a − Δr·b) = softplus(Δr·b − a).
  public static func mapLossClosed(a: Double, b: Double, deltaR: Double) -> Double {
    softplus(deltaR * b - a)
  }
}
