// The i.i.d. MLE of App. E (A4–A5; 001_0ef3930bdbd6a134.txt) from multinomial counts:
// (1/n)Σ log p_θ(Y_i) = θᵀμ̂_n − A(θ), gradient μ̂_n − ∇A(θ), negative Hessian Cov_θ φ,
// maximised on Θ = {‖θ‖ ≤ ‖θ⋆‖ + 5} from θ⋆ (claims/mpo.md §2 TV-SIM) by projected Newton
// with backtracking, the Armijo search skipped where it reads only rounding noise
// (MPOTVBallNewton's `skipArmijoInRounding`).
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// The A5 maximum-likelihood fit.
public enum MPOTVExpFamilyMLE {
  /// Θ's radius for a family: ‖θ⋆‖ + 5.
  public static func radius(_ f: MPOTVFamily) -> Double { MPOTVLinearAlgebra.norm(f.thetaStar) + 5 }

  /// μ̂_n from the counts of n = Σcounts draws.
  public static func empiricalMean(_ f: MPOTVFamily, counts: [Int]) -> [Double] {
    let n = Double(counts.reduce(0, +))
    return f.mean(counts.map { Double($0) / n })
  }

  /// θ̂_n for the given counts.
  public static func fit(_ f: MPOTVFamily, counts: [Int]) -> MPOTVFit {
    let muHat = empiricalMean(f, counts: counts)
    let k = f.k
    // The line search's f: the logits go to one buffer reused by every call of the fit.
    var z = [Double](repeating: 0, count: f.m)
    func value(_ th: [Double]) -> Double {
      f.logits(th, into: &z)
      var val = -logSumExp(z)
      for j in 0..<k { val += th[j] * muHat[j] }
      return val
    }
    return MPOTVBallNewton.maximize(start: f.thetaStar, radius: radius(f), value: value,
      skipArmijoInRounding: true) { th in
      let mo = f.moments(th, withCovariance: true)
      var val = -mo.logPartition
      for j in 0..<k { val += th[j] * muHat[j] }
      let g = (0..<k).map { muHat[$0] - mo.mean[$0] }
      return (val, g, mo.covariance)
    }
  }
}
