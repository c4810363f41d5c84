// The exact probability that MPO's top-half/bottom-half split of k noisy scores is wrong
// (or right), under App. F's model (001_0ef3930bdbd6a134.txt eqs. 18–20), by one quadrature
// (claims/mpo.md §0.11, "Exact evaluation"). Scores are scaled by k: tᵢ = i + τZᵢ, τ = kσ.
//
//   Pr(fail) = ∫ g(t)[1 − Π_{j>n} Q((t − j)/τ)] dt,  Pr(correct) = ∫ g(t) Π_{j>n} Q((t − j)/τ) dt,
//   g(t) = τ⁻¹ (Π_{i≤n} Φ(zᵢ)) Σ_{i≤n} φ(zᵢ)/Φ(zᵢ),  zᵢ = (t − i)/τ (density of max_{i≤n} tᵢ).
//
// Implementation goals, in order: 1) the catalog's construction (log Φ, log Q from log erfc,
// φ/Φ as the hazard at −z, terms beyond ±40 skipped, qags with epsabs 10⁻¹⁵, epsrel 10⁻¹²,
// 1000 intervals over [n + ½ − L, n + ½ + L], L = 40τ + 10); 2) narrow peaks seen: the range
// is cut at n − ½, n + ½ and n + 3/2 and each piece integrated by the same qags (at τ ≲ 0.1
// the integrand is a spike of width τ near n that a 21-point rule over the whole range can
// step over); 3) the error estimates kept; 4) simplicity.
import Numerics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exact (quadrature) MPO probability with its error estimate and cost.
public struct MPORelExactValue: Sendable, Hashable {
  /// The probability with the summed qags error estimates.
  public var probability: Estimate
  /// Integrand evaluations.
  public var evaluations: Int
}

extension MPOReliability {
  /// Which of the two integrals of §0.11.
  public enum MPOEvent: Sendable, Hashable {
    case failure, success
  }

  /// The integrand of §0.11 at t for k responses and scaled noise τ.
  static func mpoIntegrand(_ t: Double, k: Int, tau: Double, event: MPOEvent) -> Double {
    let n = k / 2
    // Σ_{i≤n} log Φ(zᵢ) and Σ φ(zᵢ)/Φ(zᵢ), i descending (zᵢ increasing); zᵢ > 40 adds 0.
    var sumLogPhi = 0.0
    var hazardSum = 0.0
    var i = n
    while i >= 1 {
      let z = (t - Double(i)) / tau
      if z > 40 { break }
      sumLogPhi += (try? StandardNormal.logCDF(z).value) ?? -.infinity
      if sumLogPhi < -745 { return 0 }
      hazardSum += (try? StandardNormal.hazard(-z).value) ?? 0
      i -= 1
    }
    let g = exp(sumLogPhi) * hazardSum / tau
    if g == 0 { return 0 }
    // Σ_{j>n} log Q((t − j)/τ), j ascending (argument decreasing); below −40 adds 0.
    var sumLogQ = 0.0
    var j = n + 1
    while j <= k {
      let w = (t - Double(j)) / tau
      if w < -40 { break }
      sumLogQ += (try? StandardNormal.logUpperTail(w).value) ?? -.infinity
      if sumLogQ < -745 { break }
      j += 1
    }
    switch event {
    case .failure: return g * -expm1(sumLogQ)
    case .success: return g * exp(sumLogQ)
    }
  }

  /// Pr(MPO_corr^c) (`.failure`) or Pr(MPO_corr) (`.success`) by quadrature (§0.11).
  /// - Throws: `invalidArgument` unless k ≥ 2 is even and τ > 0; a qags ``GSLError`` otherwise
  ///   (the catalog makes such a cell inconclusive).
  public static func exactMPO(k: Int, tau: Double, event: MPOEvent) throws -> MPORelExactValue {
    guard k >= 2, k % 2 == 0, tau > 0, tau.isFinite else { throw GSLError.invalidArgument }
    let n = Double(k / 2)
    let centre = n + 0.5
    let half = 40 * tau + 10
    let cuts = [centre - half, n - 0.5, n + 0.5, n + 1.5, centre + half]
    var value = 0.0
    var error = 0.0
    var evaluations = 0
    for p in 0..<(cuts.count - 1) {
      let e = try Integrate.qags(
        { t in
          evaluations += 1
          return mpoIntegrand(t, k: k, tau: tau, event: event)
        }, over: cuts[p]...cuts[p + 1], absoluteTolerance: 1e-15, relativeTolerance: 1e-12,
        limit: 1000)
      value += e.value
      error += e.error
    }
    return MPORelExactValue(
      probability: Estimate(value: value, error: error), evaluations: evaluations)
  }

  /// Pr(MPO_corr) with relative accuracy at both ends: the success integral when it is below
  /// ½, otherwise 1 − Pr(MPO_corr^c) (§0.11). Cached per (k, τ).
  /// For τ ≥ 1 the success integral is computed first (it is usually the one kept there).
  public static func mpoCorrect(k: Int, tau: Double) throws -> Estimate {
    if tau >= 1 {
      let s = try cachedMPO(k: k, tau: tau, event: .success)
      if s.value < 0.5 { return s }
    }
    let f = try cachedMPO(k: k, tau: tau, event: .failure)
    if f.value > 0.5 { return try cachedMPO(k: k, tau: tau, event: .success) }
    return Estimate(value: 1 - f.value, error: f.error)
  }

  /// Pr(MPO_corr^c), cached per (k, τ).
  public static func mpoFailure(k: Int, tau: Double) throws -> Estimate {
    try cachedMPO(k: k, tau: tau, event: .failure)
  }

  static func cachedMPO(k: Int, tau: Double, event: MPOEvent) throws -> Estimate {
    let key = MPORelCacheKey(k: k, tauBits: tau.bitPattern, tag: event == .failure ? 0 : 1)
    if let v = MPORelCache.shared.get(key) { return v }
    let v = try exactMPO(k: k, tau: tau, event: event).probability
    MPORelCache.shared.set(key, v)
    return v
  }
}
