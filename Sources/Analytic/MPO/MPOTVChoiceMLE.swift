// The choice-data MLE of App. E Remark 3 (001_0ef3930bdbd6a134.txt; claims/mpo.md
// mpo.remark3.preference-data-rate): observations are top-1 choices from offered sets under
// the random-utility model P(y | S) = exp(θᵀφ(y)) / Σ_{y′∈S} exp(θᵀφ(y′)). A Bradley–Terry
// comparison is the choice from a 2-set (P(a | {a, b}) = σ(θᵀ(φ_a − φ_b))); a Plackett–Luce
// top-1 choice from a 4-set is the choice from that set. The likelihood depends on the data
// only through the winner counts per offered set, so a fit costs the same at every n:
//   ℓ(θ) = Σ_S Σ_{y∈S} w_{S,y} (θᵀφ(y) − LSE_{y′∈S} θᵀφ(y′)),
//   ∇ℓ = Σ_S (Σ_y w_{S,y} φ(y) − c_S μ_S(θ)),  −∇²ℓ = Σ_S c_S Cov_{S,θ}(φ),
// with c_S = Σ_y w_{S,y}, all divided by n = Σ_S c_S. Maximised on Θ = {‖θ‖ ≤ ‖θ⋆‖ + 5} from θ⋆ by MPOTVBallNewton, as
// TV-SIM's A5 fit.
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// Winner counts per offered set.
public struct MPOTVChoiceCounts: Sendable {
  /// The offered sets (response indices).
  public let sets: [[Int]]
  /// wins[s][j]: how often sets[s][j] was chosen from sets[s].
  public let wins: [[Int]]

  /// The sets and wins laid end to end (set s is members[offsets[s]..<offsets[s + 1]]), so
  /// the likelihood loop needs one buffer per array instead of two closures per set.
  let members: [Int]
  let flatWins: [Int]
  let offsets: [Int]
  /// The largest set size.
  let width: Int

  public init(sets: [[Int]], wins: [[Int]]) {
    precondition(sets.count == wins.count, "one win vector per set")
    for s in 0..<sets.count {
      precondition(sets[s].count == wins[s].count, "set \(s): one win count per member")
    }
    self.sets = sets
    self.wins = wins
    members = sets.flatMap { $0 }
    flatWins = wins.flatMap { $0 }
    var o = [0]
    for set in sets { o.append((o.last ?? 0) + set.count) }
    offsets = o
    width = sets.map { $0.count }.max() ?? 0
  }
}

/// Maximum likelihood for choice data.
public enum MPOTVChoiceMLE {
  /// log-likelihood, gradient and negative Hessian at θ (derivatives only when asked), all
  /// per observation. Unsafe-pointer loops: this runs ~10 times per fit and 10^4 fits per check.
  static func evaluate(_ f: MPOTVFamily, _ data: MPOTVChoiceCounts, _ theta: [Double],
    derivatives: Bool) -> MPOTVBallNewton.Evaluation {
    let k = f.k
    let z = f.logits(theta)
    var value = 0.0
    var g = [Double](repeating: 0, count: k)
    var h = [Double](repeating: 0, count: derivatives ? k * k : 0)
    var total = 0
    var q = [Double](repeating: 0, count: data.width)
    var mu = [Double](repeating: 0, count: k)
    var d = [Double](repeating: 0, count: k)
    f.phi.withUnsafeBufferPointer { ph in
      z.withUnsafeBufferPointer { zz in
        q.withUnsafeMutableBufferPointer { qq in
          mu.withUnsafeMutableBufferPointer { uu in
            d.withUnsafeMutableBufferPointer { dd in
              g.withUnsafeMutableBufferPointer { gg in
                h.withUnsafeMutableBufferPointer { hh in
                  data.members.withUnsafeBufferPointer { mem in
                    data.flatWins.withUnsafeBufferPointer { fw in
                      data.offsets.withUnsafeBufferPointer { off in
                        for s in 0..<(off.count - 1) {
                          let o = off[s]
                          let size = off[s + 1] - o
                          var c = 0
                          for j in 0..<size { c += fw[o + j] }
                          if c == 0 { continue }
                          total += c
                          var mx = -Double.infinity
                          for j in 0..<size where zz[mem[o + j]] > mx { mx = zz[mem[o + j]] }
                          var tot = 0.0
                          for j in 0..<size {
                            qq[j] = exp(zz[mem[o + j]] - mx)
                            tot += qq[j]
                          }
                          let lse = mx + log(tot)
                          for j in 0..<size where fw[o + j] != 0 {
                            value += Double(fw[o + j]) * (zz[mem[o + j]] - lse)
                          }
                          guard derivatives else { continue }
                          for i in 0..<k { uu[i] = 0 }
                          for j in 0..<size {
                            qq[j] /= tot
                            let row = mem[o + j] * k
                            let wj = Double(fw[o + j])
                            for i in 0..<k {
                              uu[i] += qq[j] * ph[row + i]
                              gg[i] += wj * ph[row + i]
                            }
                          }
                          let cd = Double(c)
                          for i in 0..<k { gg[i] -= cd * uu[i] }
                          for j in 0..<size {
                            let row = mem[o + j] * k
                            for i in 0..<k { dd[i] = ph[row + i] - uu[i] }
                            let wq = cd * qq[j]
                            for a in 0..<k {
                              let wa = wq * dd[a]
                              for b in 0...a { hh[a * k + b] += wa * dd[b] }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    if derivatives { for a in 0..<k { for b in 0..<a { h[b * k + a] = h[a * k + b] } } }
    // Per observation (as TV-SIM's (1/n)Σ log p), so the KKT tolerance means the same at every n.
    let n = Double(max(total, 1))
    return (value / n, g.map { $0 / n }, h.map { $0 / n })
  }

  /// θ̂ for the given choice counts, on the ball of radius ‖θ⋆‖ + 5, started at θ⋆; stopped
  /// when the KKT residual ≤ 1e-10, at most 50 Newton iterations in all.
  /// MPOTVBallNewton's Armijo test on f cannot certify a gradient below about
  /// √(ε·|f|·λ_min) ≈ 1e-9 here (the gain ½gᵀH⁻¹g falls under the rounding of f, and the
  /// search then accepts steps of ~1e-15), so the fit runs it to 1e-8 first, then takes full
  /// interior Newton steps while they lower the KKT residual, and only if that does not
  /// reach 1e-10 hands back to MPOTVBallNewton with the remaining iterations.
  public static func fit(_ f: MPOTVFamily, _ data: MPOTVChoiceCounts) -> MPOTVFit {
    let r = MPOTVExpFamilyMLE.radius(f)
    let tol = 1e-10
    let maxIterations = 50
    let value: ([Double]) -> Double = { evaluate(f, data, $0, derivatives: false).value }
    let eval: ([Double]) -> MPOTVBallNewton.Evaluation = { evaluate(f, data, $0, derivatives: true) }
    let first = MPOTVBallNewton.maximize(start: f.thetaStar, radius: r, tolerance: 1e-8,
      maxIterations: maxIterations, value: value, evaluate: eval)
    var theta = first.theta
    var ev = eval(theta)
    var kkt = first.kktResidual
    var it = first.iterations
    while kkt > tol && it < maxIterations && !first.active {
      guard let d = MPOTVLinearAlgebra.choleskySolve(ev.negHessian, ev.gradient, k: f.k) else { break }
      let next = zip(theta, d).map { $0 + $1 }
      guard MPOTVLinearAlgebra.norm(next) < r * (1 - 1e-9) else { break }
      let nextEv = eval(next)
      let nextKKT = MPOTVBallNewton.kktResidual(theta: next, gradient: nextEv.gradient, radius: r)
      guard nextKKT < kkt else { break }
      theta = next
      ev = nextEv
      kkt = nextKKT
      it += 1
    }
    if kkt <= tol {
      return MPOTVFit(theta: theta, converged: true,
        active: MPOTVLinearAlgebra.norm(theta) >= r * (1 - 1e-9), kktResidual: kkt, iterations: it)
    }
    var rest = MPOTVBallNewton.maximize(start: theta, radius: r, tolerance: tol,
      maxIterations: max(maxIterations - it, 0), value: value, evaluate: eval)
    rest.iterations += it
    return rest
  }
}
