// claims/pro.md §2 M3 (boundary rays), M4 (existence decision) and M5 (P_ray threshold) for
// the sample-eDPO / PRO family on a response space with m elements:
//   L(log π) = L_O + α R,  L_O = −β Σ_y w_y log π(y),  R = ½ Σ_{a≠b} µ_a µ_b K(r_a − r_b),
// w = µ̂ŝ, r = β(log π − log π_ref). A ray has base π̃ and rates c ∈ ℤ^m_{≥0} (min 0, not
// constant): log π_ε = c log ε + log π̃ − logSumExp(c log ε + log π̃). κ = dL/d log ε by the
// difference quotient between log ε = −T and −2T, T = 800/β + 2 max(|log π̃| + |log π_ref|);
// κ = κ_O + α κ_R exactly; tolerances tol_κ = 4Nε(S(−T) + S(−2T))/T from the terms' sums.
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// A loss on m responses whose boundary behaviour M3/M4 examine, split as L_O + αR.
protocol PRODecRayLoss {
  var beta: Double { get }
  var ref: [Double] { get }
  /// (L_O, R) and their term counts and absolute sums at log-probabilities lp.
  func parts(_ lp: [Double]) -> (o: Double, r: Double, nO: Int, sO: Double, nR: Int, sR: Double)
}

extension PRODecRayLoss {
  func value(_ lp: [Double], alpha: Double) -> Double {
    let p = parts(lp)
    return p.o + alpha * p.r
  }
}

/// A loss of the family, split by its α-dependence.
struct PRODecSplitLoss: PRODecRayLoss {
  var w: [Double]
  var mu: [Double]
  var ref: [Double]
  var beta: Double
  /// Per response, the absolute rounding of w (ŝ = Σµ̂p̂ − ½ is formed against ½, so
  /// |Δw_y| ≤ 4nε·µ̂_y); it enters κ_O's tolerance as β Σ_y c_y |Δw_y|.
  var weightRounding: [Double] = []

  /// (L_O, R) and their term counts and absolute sums at log-probabilities lp.
  func parts(_ lp: [Double]) -> (o: Double, r: Double, nO: Int, sO: Double, nR: Int, sR: Double) {
    var o = 0.0
    var sO = 0.0
    var nO = 0
    for y in lp.indices where w[y] != 0 {
      let t = -beta * w[y] * lp[y]
      o += t
      sO += abs(t)
      nO += 1
    }
    let reg = PRORegularizer.value(logProbs: lp, refLogProbs: ref, mu: mu, beta: beta, weight: 1)
    return (o, reg.value, nO, sO, reg.terms, reg.termSum)
  }
}

/// One ray's split slopes.
struct PRODecRaySlope {
  var rates: [Int]
  var kappaO: Double
  var kappaR: Double
  var tolO: Double
  var tolR: Double
  var depth: Double

  /// κ(α) and its tolerance.
  func kappa(_ alpha: Double) -> (k: Double, tol: Double) {
    (kappaO + alpha * kappaR, tolO + alpha * tolR)
  }
}

enum PRODecRays {
  /// The enumerated rates: all proper nonempty 0/1 vectors, plus {0,1,2}^m for m ≤ 5.
  static func rates(_ m: Int) -> [[Int]] {
    var out: [[Int]] = []
    for mask in 1..<((1 << m) - 1) { out.append((0..<m).map { (mask >> $0) & 1 }) }
    if m <= 5 {
      var total = 1
      for _ in 0..<m { total *= 3 }
      for code in 0..<total {
        var c = [Int](repeating: 0, count: m)
        var x = code
        for i in 0..<m {
          c[i] = x % 3
          x /= 3
        }
        guard c.min() == 0, c.max() == 2 else { continue }  // 0/1 vectors are listed above
        out.append(c)
      }
    }
    return out
  }

  /// log π_ε along the ray at log ε = `le`.
  static func point(base: [Double], rates c: [Int], logEps le: Double) -> [Double] {
    let raw = base.indices.map { Double(c[$0]) * le + base[$0] }
    let z = logSumExp(raw)
    return raw.map { $0 - z }
  }

  /// κ_O, κ_R with their tolerances along one ray from log π̃ = `base`.
  static func slope<L: PRODecRayLoss>(_ loss: L, base: [Double], rates c: [Int]) -> PRODecRaySlope {
    let depthScale = zip(base, loss.ref).map { abs($0) + abs($1) }.max() ?? 0
    let t = 800 / loss.beta + 2 * depthScale
    let p1 = loss.parts(point(base: base, rates: c, logEps: -t))
    let p2 = loss.parts(point(base: base, rates: c, logEps: -2 * t))
    let eps = Double.ulpOfOne
    let ko = (p2.o - p1.o) / (-t)
    let kr = (p2.r - p1.r) / (-t)
    let tolO = 4 * Double(max(p1.nO, 1)) * eps * (p1.sO + p2.sO) / t
    let tolR = 4 * Double(max(p1.nR, 1)) * eps * (p1.sR + p2.sR) / t
    return PRODecRaySlope(rates: c, kappaO: ko, kappaR: kr, tolO: tolO, tolR: tolR, depth: t)
  }

  /// M5's P_ray threshold: the largest α_c over rays and bases; nil when some ray diverges for
  /// no α ("no threshold").
  static func rayThreshold(_ loss: PRODecSplitLoss, bases: [[Double]]) -> Double? {
    var alphaT = 0.0
    let m = loss.w.count
    let all = rates(m)
    for b in bases {
      for c in all {
        let s = slope(loss, base: b, rates: c)
        let wr = zip(c, loss.weightRounding).reduce(0.0) { $0 + Double($1.0) * $1.1 } * loss.beta
        if s.kappaR < -s.tolR {
          // κ_O within its tolerance of 0 counts as 0 (T-bisect): rounding noise in κ_O must
          // not produce a spurious tiny positive threshold.
          let ko = s.kappaO > s.tolO + wr ? s.kappaO : 0
          alphaT = max(alphaT, ko / -s.kappaR)
        } else if !(s.kappaO < -s.tolO) {
          return nil
        }
      }
    }
    return alphaT
  }

  /// M4's decision.
  enum Existence: String { case exists = "EXISTS", absent = "ABSENT", undecided = "UNDECIDED" }

  /// M4 for the loss at α with M2's runs (converged points) and the bases (log π_ref, the M2
  /// optimum, two random points).
  static func decide<L: PRODecRayLoss>(
    _ loss: L, alpha: Double, runs: [PRODecMinimum], bases: [[Double]]
  ) -> Existence {
    let converged = runs.filter(\.converged)
    let best = converged.min { $0.value < $1.value }
    var anyFlatBelow = false
    var allOK = true
    for b in bases {
      for c in rates(loss.ref.count) {
        let s = slope(loss, base: b, rates: c)
        let (k, tol) = s.kappa(alpha)
        if k > tol { return .absent }
        if k < -tol { continue }
        // Flat: sample the loss at log ε = −10^j/β (j = 0…3) and −2T.
        let depths = (0...3).map { -pow(10, Double($0)) / loss.beta } + [-2 * s.depth]
        let pts = depths.map { point(base: b, rates: c, logEps: $0) }
        let vals = pts.map { loss.value($0, alpha: alpha) }
        // T-round of each sampled value (4Nε·S over its terms).
        let tols = pts.map { p -> Double in
          let q = loss.parts(p)
          return 4 * Double(max(q.nO + q.nR, 1)) * Double.ulpOfOne * (q.sO + alpha * q.sR)
        }
        // Reading: "strictly decreases" is judged beyond T-round: non-increasing within T-round
        // at every sampled depth and decreasing by more than T-round between the first two,
        // since deeper samples of a loss tending to its infimum underflow to equal values
        // (e.g. softplus(−10³) = 0 in float64), and a constant loss differs by rounding.
        var decreasing = vals[1] < vals[0] - tols[0] - tols[1]
        for i in 1..<vals.count {
          let allowed: Double = tols[i] + tols[i - 1]
          if vals[i] > vals[i - 1] + allowed { decreasing = false }
        }
        let last = vals.last ?? .nan
        let lastTol = tols.last ?? 0
        if decreasing && (best == nil || last < best!.value - lastTol) { anyFlatBelow = true }
        if let bv = best?.value {
          for i in vals.indices {
            let floor: Double = bv - tols[i] - 4 * Double.ulpOfOne * abs(bv)
            if vals[i] < floor { allOK = false }
          }
        }
      }
    }
    if anyFlatBelow { return .absent }
    guard let opt = best, allOK else { return .undecided }
    if (opt.eigenvalues.first ?? -.infinity) < -opt.hessianError { return .undecided }
    return .exists
  }
}
