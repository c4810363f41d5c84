// The margin classes P, N, Z of claims/alphapo.md §2.2 (Theorem 3.1 entries,
// 003_5c1a521bcc07b90e.txt Theorem 3.1 and A.1), and the candidate side-conditions C1–C4.
import Analytic
import Numerics

#if canImport(Glibc)
  import Glibc
#endif

/// One draw of a margin class.
struct AlphaPOClassDraw: Sendable {
  var draw: AlphaPODraw
  var example: AlphaPOExample
  var index: Int
  var cls: String

  /// C1 ∂π_w/∂v ≠ 0, C2 ∂π_l/∂v ≠ 0, C3 not both zero, C4 Δ ≠ 0.
  var conditions: [Bool] {
    [example.aw != 0, example.al != 0, example.aw != 0 || example.al != 0, example.aw != example.al]
  }

  var inputs: [NamedValue] {
    draw.inputs + [NamedValue("g_w", draw.gW), NamedValue("g_l", draw.gL)]
  }

  var describe: String {
    "\(cls) draw \(index): " + inputs.map(\.description).joined(separator: ", ")
  }
}

let alphaPOConditionNames = [
  "(C1) ∂π_w/∂v ≠ 0", "(C2) ∂π_l/∂v ≠ 0", "(C3) not both derivatives zero", "(C4) Δ ≠ 0",
]

enum AlphaPOMarginClasses {
  /// Class P (sign = +1) or N (sign = −1): rejection from the default draw; 5 % g_w = 0,
  /// 5 % g_l = 0, 5 % both.
  static func signed(_ r: inout RandomStream, sign: Double, count: Int) -> [AlphaPOClassDraw] {
    var out: [AlphaPOClassDraw] = []
    while out.count < count {
      var d = AlphaPODraw.draw(&r)
      let m = d.lw - d.ll
      if !(m * sign > 0) { continue }
      let u = r.uniform()
      if u < 0.05 { d.gW = 0 } else if u < 0.10 { d.gL = 0 } else if u < 0.15 { d.gW = 0; d.gL = 0 }
      out.append(AlphaPOClassDraw(draw: d, example: d.example, index: out.count, cls: sign > 0 ? "P" : "N"))
    }
    return out
  }

  /// Class Z: c_l := c_w exactly; first half Δ ≠ 0 (independent g's), second half Δ = 0
  /// (A_w := A_l from the printed definition of Δ; 50 of them with ∂π_l/∂v = 0).
  static func zero(_ r: inout RandomStream, count: Int) -> [AlphaPOClassDraw] {
    var out: [AlphaPOClassDraw] = []
    let half = count / 2
    let zeroDerivatives = min(50, count - half)
    while out.count < count {
      var d = AlphaPODraw.draw(&r)
      let c = -d.logPiW / Double(d.lenW)
      let lpl = -c * Double(d.lenL)
      if lpl < -50 || lpl > -1e-3 { continue }
      d.logPiL = lpl
      var e = d.example
      e.cl = e.cw
      let i = out.count
      if i >= half {
        if i - half < zeroDerivatives { d.gL = 0 }
        e.al = d.gL / Double(d.lenL)
        // ∂π_w/∂v = π_w|y_w|(∂π_l/∂v)/(π_l|y_l|), i.e. A_w = A_l, g_w = |y_w|A_l.
        e.aw = e.al
        d.gW = Double(d.lenW) * e.al
      }
      out.append(AlphaPOClassDraw(draw: d, example: e, index: i, cls: i >= half ? "Z (Δ = 0)" : "Z (Δ ≠ 0)"))
    }
    return out
  }
}

/// The limit rules of the Theorem 3.1 entries on a tail of λ (or log T₂).
enum AlphaPOLimitRule {
  /// "Limit 0 observed": non-increasing over the last four points (slack 1e-12(1+|λ|)) and
  /// λ_K = −∞ or λ_K ≤ λ_{K−3} − 20.
  static func limitZero(_ tail: [Double]) -> Bool {
    let t = Array(tail.suffix(4))
    guard t.count == 4 else { return false }
    for k in 1..<4 {
      let a = t[k - 1]
      let b = t[k]
      if b == -.infinity { continue }
      if a == -.infinity { return false }
      if b > a + 1e-12 * (1 + abs(a)) { return false }
    }
    return t[3] == -.infinity || t[3] <= t[0] - 20
  }

  /// "Limit +∞ observed": non-decreasing over the last four points and λ_K ≥ λ_{K−3} + 20.
  static func limitInfinity(_ tail: [Double]) -> Bool {
    let t = Array(tail.suffix(4))
    guard t.count == 4, t.allSatisfy({ $0.isFinite }) else { return false }
    for k in 1..<4 where t[k] < t[k - 1] - 1e-12 * (1 + abs(t[k - 1])) { return false }
    return t[3] >= t[0] + 20
  }
}
