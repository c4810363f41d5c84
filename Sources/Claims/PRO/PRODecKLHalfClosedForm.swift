// pro.kl-half-closed-form — PRO (002_74b446355a07bf4a.txt) App. B.4 (proof of Theorem 4.2) and
// App. C: K(δ) = D_KL(B(½) ‖ B(σ(δ))) = −log 2 − ½ log σ(δ) − ½ log σ(−δ) is ≥ 0, zero only at
// 0, even, increasing in |δ|, K′ = σ − ½, and D_KL(B(½)‖B(q)) → +∞ as q → 0 or 1
// (claims/pro.md). Parts (a)–(e) of the entry; the library K is Objectives' BernoulliHalfKL.
// Reading: (a3) uses libm's log1p where the entry names gsl_sf_log_1plusx (Numerics wraps no
// such function; both are correctly rounded to within an ulp or two on this range).
import Analytic
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension PRODecompositionClaims {
  static let klHalfClosedFormProvenance = ClaimProvenance.verbatim

  static let klHalfClosedForm = Claim(
    id: "pro.kl-half-closed-form", paper: .pro,
    source: "App. B.4, proof of Theorem 4.2; App. C", kind: .limit,
    statement: "K(δ) = −log 2 − ½ log σ(δ) − ½ log σ(−δ) is ≥ 0 with K = 0 only at 0, even, "
      + "increasing in |δ|, K′(δ) = σ(δ) − ½, and D_KL(B(½)‖B(q)) → +∞ as q → 0 or 1 (+∞ at q = 0).",
    provenance: klHalfClosedFormProvenance
  ) { ctx in
    var out = try klHalfSweep(
      ctx, k: BernoulliHalfKL.value, kPrime: BernoulliHalfKL.derivative, table: klReferenceRows)
    out.notes.append(
      "provenance: D_KL(B(½)‖B(0)) = +∞ is verbatim (S2); the closed form is standard "
        + "(PRO-formulas.md §0). Reading: (a3) uses libm log1p in place of gsl_sf_log_1plusx.")
    return PRODecTol.stamp(out, klHalfClosedFormProvenance)
  }

  /// (δ, K(δ)) to 20 digits, from the entry (log cosh(δ/2) in 60-digit arithmetic).
  static let klReferenceRows: [(Double, Double)] = [
    (0x1p-40, 1.0339757656912845936e-25),
    (0x1p-20, 1.1368683772161172151e-13),
    (0x1p-10, 1.1920928481382997943e-7),
    (0.375, 0.017476083579894734202),
    (1, 0.12011450695827752463),
    (5.5, 2.0609312627106254115),
    (9, 3.8069762216297779494),
    (40, 19.306852819440054695),
    (700, 349.30685281944005469),
    (100000, 49999.306852819440055),
  ]

  static let klGrid: [Double] = {
    let mags: [Double] = [0x1p-40, 0x1p-20, 0x1p-10, 0.375, 1, 5.5, 9, 20, 40, 700, 1e5]
    return [0] + mags.flatMap { [$0, -$0] }
  }()

  /// Parts (a)–(e) for the library K and K′ (injectable for the mutation test).
  static func klHalfSweep(
    _ ctx: CheckContext, k: @escaping (Double) -> Double, kPrime: (Double) -> Double,
    table: [(Double, Double)]
  ) throws -> CheckOutcome {
    var t = Tally()
    let eps = Double.ulpOfOne
    // (a1) reference rows (both signs; K is even), relative 16ε; K(0) = 0 exactly.
    t.record("(a1) K(0) = 0 exactly", passed: k(0) == 0, inputs: [NamedValue("δ", 0)], detail: "K(0) = \(k(0))")
    for (d, ref) in table {
      for x in [d, -d] {
        let tol = Tolerance(absolute: 16 * eps * abs(ref), relative: 0, reason: "16ε relative to the reference")
        t.record("(a1) reference rows", residual: abs(k(x) - ref), tolerance: tol,
                 inputs: [NamedValue("δ", x)], detail: "K = \(k(x)), reference \(ref)")
      }
    }
    for x in klGrid {
      // (a2) the first closed form, absolute T-round (N = 3).
      let a2 = PRORegularizer.divergenceDefinition(x)
      let s = log(2.0) + 0.5 * abs(logSigmoid(x)) + 0.5 * abs(logSigmoid(-x))
      t.record("(a2) first closed form", residual: abs(k(x) - a2), tolerance: PRODecTol.round(terms: 3, termSum: s),
               inputs: [NamedValue("δ", x)], detail: "K = \(k(x)), −log 2 − ½logσ(δ) − ½logσ(−δ) = \(a2)")
      // (a3) the definition in q = ½ + d, |δ| ≤ 20.
      if abs(x) <= 20 {
        let d = 0.5 * tanh(x / 2)
        let l1 = log1p(2 * d)
        let l2 = log1p(-2 * d)
        let a3 = -0.5 * l1 - 0.5 * l2
        let tol = Tolerance(
          absolute: 4 * eps * (abs(l1) + abs(l2)) + 4 * eps * abs(d) / (1 - 2 * abs(d)), relative: 0,
          reason: "4ε(|log1p(2d)| + |log1p(−2d)|) + 4ε|d|/(1 − 2|d|): conditioning of log1p(−2|d|)")
        t.record("(a3) definition ½log(½/q) + ½log(½/(1 − q))", residual: abs(k(x) - a3), tolerance: tol,
                 inputs: [NamedValue("δ", x)], detail: "K = \(k(x)), definition = \(a3)")
      }
      // (b) K′ against gsl_deriv_central (T-fd).
      let e = try Derivative.derivative(of: k, at: x, method: .central, step: 1e-4 * max(1, abs(x)))
      let kp = kPrime(x)
      t.record("(b) K′ = σ − ½ against central differences", residual: abs(kp - e.value),
               tolerance: PRODecTol.fd(abserr: e.error, round: PRODecTol.round(terms: 1, termSum: abs(kp))),
               inputs: [NamedValue("δ", x)], detail: "K′ = \(kp), central difference \(e)")
      // (b′) K′ against σ(δ) − ½ as printed (T-round, N = 2).
      let printed = sigmoid(x) - 0.5
      t.record("(b) K′ = σ(δ) − ½ as printed", residual: abs(kp - printed),
               tolerance: PRODecTol.round(terms: 2, termSum: sigmoid(x) + 0.5),
               inputs: [NamedValue("δ", x)], detail: "K′ = \(kp), σ(δ) − ½ = \(printed)")
      // (c) evenness.
      t.record("(c) K(δ) = K(−δ)", residual: abs(k(x) - k(-x)), tolerance: PRODecTol.round(terms: 1, termSum: abs(k(x))),
               inputs: [NamedValue("δ", x)], detail: "K(δ) = \(k(x)), K(−δ) = \(k(-x))")
      // K ≥ 0, zero only at 0.
      t.record("K > 0 for δ ≠ 0, K(0) = 0", passed: x == 0 ? k(x) == 0 : k(x) > 0,
               inputs: [NamedValue("δ", x)], detail: "K = \(k(x))")
    }
    // (d) monotonicity in |δ| on 10⁴ random pairs, magnitudes 2⁻⁴⁰ … 10⁵.
    var r = ctx.stream("pro.kl-half-closed-form/monotonicity")
    for _ in 0..<ctx.count(full: 10_000, quick: 1000) {
      let m1 = exp(Strata.uniform(&r, log(0x1p-40), log(1e5)))
      let m2 = exp(Strata.uniform(&r, log(0x1p-40), log(1e5)))
      let (lo, hi) = (min(m1, m2), max(m1, m2))
      let d1 = r.uniform() < 0.5 ? lo : -lo
      let d2 = r.uniform() < 0.5 ? hi : -hi
      let tol = PRODecTol.round(terms: 1, termSum: abs(k(d1)) + abs(k(d2)))
      t.record("(d) K(δ₂) ≥ K(δ₁) − T-round for |δ₂| ≥ |δ₁|", passed: k(d2) >= k(d1) - tol.absolute,
               inputs: [NamedValue("δ₁", d1), NamedValue("δ₂", d2)], detail: "K(δ₁) = \(k(d1)), K(δ₂) = \(k(d2))")
    }
    // (e) growth: in q through the definition, and in δ = −10^j through the library.
    var prev = -Double.infinity
    var over10 = false
    var over300 = false
    for j in 1...300 {
      let q = pow(10, -Double(j))
      let v = -log(2.0) - 0.5 * log(q) - 0.5 * log1p(-q)
      t.record("(e) D_KL(B(½)‖B(q)) increasing as q = 10^−j ↓ 0", passed: v > prev,
               inputs: [NamedValue("q", q)], detail: "value \(v) not above \(prev)")
      prev = v
      if v > 10 { over10 = true }
      if v > 300 { over300 = true }
    }
    t.record("(e) exceeds 10 and 300 along q = 10^−j", passed: over10 && over300, inputs: [],
             detail: "largest value \(prev)")
    prev = -Double.infinity
    var bounds = Set<Double>()
    for j in 1...8 {
      let v = k(-pow(10, Double(j)))
      t.record("(e) K(−10^j) increasing", passed: v > prev, inputs: [NamedValue("δ", -pow(10, Double(j)))],
               detail: "K = \(v) not above \(prev)")
      prev = v
      for b in [10.0, 1e3, 1e5] where v > b { bounds.insert(b) }
    }
    t.record("(e) K(−10^j) exceeds 10, 10³, 10⁵", passed: bounds.count == 3, inputs: [],
             detail: "largest value \(prev)")
    let atZero = k(-.infinity)
    t.record("(e) K at q = 0 (δ = −∞) is +∞, not NaN", passed: atZero == .infinity,
             inputs: [NamedValue("δ", -.infinity)], detail: "K(−∞) = \(atZero)")
    return t.outcome(claim: "K's closed form, symmetry, monotonicity and divergence")
  }
}
