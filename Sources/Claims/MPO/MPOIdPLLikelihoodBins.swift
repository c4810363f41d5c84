// mpo.pl.likelihood-and-bins — §3.2 (PL formula; "sequentially selecting items for n ordered
// bins"); §7 (Fig. 7: MPO = 2 bins, PL = k bins); App. I (MPO-1vsk) (001_0ef3930bdbd6a134.txt).
// (a) Σ over all n! rankings of P_PL = 1, each term in linear space from suffix sums;
// (b) L_b (b = n, Objectives.BinnedPlackettLuce) = −log P_PL (Objectives.PlackettLuce) and, for
// even n, L_2 = L_MPO (Objectives.MPO) top half vs bottom half; (c) −log of the first PL
// factor = L_MPO with 𝒴⁺ = {y_(1)}.
//
// Reading: the permutations are enumerated by a Swift lexicographic next-permutation (the
// algorithm of gsl_permutation_next, which Numerics does not wrap; only Numerics may name
// gsl_* symbols).
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

extension MPOIdentityClaims {
  static let plLikelihoodAndBins = Claim(
    id: "mpo.pl.likelihood-and-bins", paper: .mpo, source: "§3.2; §7, Fig. 7; App. I",
    kind: .identity,
    statement:
      "P_PL is a distribution over the n! rankings; PL and MPO are the k-bin and 2-bin members "
        + "of the "
      + "sequential bin-selection family; the first PL factor is the MPO probability with 𝒴⁺ = "
      + "{y_(1)}."
  ) { ctx in try plCheck(ctx, plProbability: plLinear) }

  /// P_PL of the ranking `order` (best first) in linear space from suffix sums of u.
  static func plLinear(_ u: [Double], _ order: [Int]) -> Double {
    var suffix = 0.0
    var p = 1.0
    for i in stride(from: order.count - 1, through: 0, by: -1) {
      suffix += u[order[i]]
      p *= u[order[i]] / suffix
    }
    return p
  }

  /// The next permutation in lexicographic order; false after the last.
  static func nextPermutation(_ a: inout [Int]) -> Bool {
    var i = a.count - 2
    while i >= 0 && a[i] >= a[i + 1] { i -= 1 }
    if i < 0 { return false }
    var j = a.count - 1
    while a[j] <= a[i] { j -= 1 }
    a.swapAt(i, j)
    a[(i + 1)...].reverse()
    return true
  }

  /// The check with the linear-space P_PL injectable (mutation tests).
  static func plCheck(_ ctx: CheckContext, plProbability: ([Double], [Int]) -> Double) throws
    -> CheckOutcome
  {
    var r = ctx.stream("mpo.pl.likelihood-and-bins")
    var ta = Tally()
    var tb = Tally()
    var tc = Tally()
    var smallest = MPOIdSmallest()
    var permutations = 0
    for n in 2...8 {
      let count = n <= 6 ? ctx.count(full: 1_000, quick: 60) : ctx.count(full: 100, quick: 3)
      for _ in 0..<count {
        let logU = (0..<n).map { _ in -20 + 40 * r.uniform() }
        // (a) Σ over all n! rankings.
        let u = logU.map { exp($0) }
        var perm = Array(0..<n)
        var sum = 0.0
        repeat {
          sum += plProbability(u, perm)
          permutations += 1
        } while nextPermutation(&perm)
        let inputsU =
          [NamedValue("n", Double(n))] + logU.enumerated().map { NamedValue("log u[\($0)]", $1) }
        if !ta.record(
          "(a) Σ_rankings P_PL = 1, n = \(n)", residual: abs(sum - 1),
          tolerance: MPOId.absolute(1e-12, "1e-12: ≤ n! terms each with relative rounding ≈ 3nε"),
          inputs: inputsU, detail: "Σ P_PL − 1 = \(sum - 1)")
        {
          smallest.offer(
            key: [Double(n)], Counterexample(inputs: inputsU, detail: "(a) Σ P_PL − 1 = \(sum - 1)")
          )
        }
        // (b), (c) on a random ranking. log π_θ = min(log u, 0), log π_ref = −max(log u, 0), so
        // r_θ = log u exactly and β = 1.
        let order = r.permutation(n)
        let lu = order.map { logU[$0] }  // best first
        let lp = lu.map { min($0, 0) }
        let lr = lu.map { -max($0, 0) }
        let ranking = Ranking(logProbs: lp, refLogProbs: lr)
        let pl = PlackettLuce(beta: 1)
        let plLoss = try pl.loss(ranking)
        let tau = MPOId.tauLSE(lu)
        let singles = BinPartition(
          bins: (0..<n).map { ResponseSet(logProbs: [lp[$0]], refLogProbs: [lr[$0]]) })
        let binned = try BinnedPlackettLuce(beta: 1).loss(singles)
        let inputsR =
          [NamedValue("n", Double(n))]
          + lu.enumerated().map { NamedValue("log u(y_(\($0 + 1)))", $1) }
        if !tb.record(
          "(b) L_b(b = n) = −log P_PL", residual: abs(binned - plLoss), tolerance: tau,
          inputs: inputsR,
          detail: "L_n = \(binned), −log P_PL = \(plLoss)")
        {
          smallest.offer(
            key: [Double(n)],
            Counterexample(inputs: inputsR, detail: "(b) L_n = \(binned), −log P_PL = \(plLoss)"))
        }
        if n % 2 == 0 {
          let h = n / 2
          let top = ResponseSet(logProbs: Array(lp[..<h]), refLogProbs: Array(lr[..<h]))
          let bottom = ResponseSet(logProbs: Array(lp[h...]), refLogProbs: Array(lr[h...]))
          let l2 = try BinnedPlackettLuce(beta: 1).loss(BinPartition(bins: [top, bottom]))
          let mpo = try MPO(beta: 1).loss(SetPair(positive: top, negative: bottom))
          if !tb.record(
            "(b) L_2 = L_MPO (top half vs bottom half)", residual: abs(l2 - mpo), tolerance: tau,
            inputs: inputsR,
            detail: "L_2 = \(l2), L_MPO = \(mpo)")
          {
            smallest.offer(
              key: [Double(n)],
              Counterexample(inputs: inputsR, detail: "(b) L_2 = \(l2), L_MPO = \(mpo)"))
          }
        }
        // (c) first factor vs MPO-1vsk.
        let first = try pl.factorLosses(ranking)[0]
        let oneVsK = try MPO(beta: 1).loss(
          SetPair(
            positive: ResponseSet(logProbs: [lp[0]], refLogProbs: [lr[0]]),
            negative: ResponseSet(logProbs: Array(lp[1...]), refLogProbs: Array(lr[1...]))))
        if !tc.record(
          "(c) −log first PL factor = L_MPO(𝒴⁺ = {y_(1)})", residual: abs(first - oneVsK),
          tolerance: tau,
          inputs: inputsR, detail: "−log factor₁ = \(first), L_MPO-1vsk = \(oneVsK)")
        {
          smallest.offer(
            key: [Double(n)],
            Counterexample(
              inputs: inputsR, detail: "(c) −log factor₁ = \(first), L_MPO-1vsk = \(oneVsK)"))
        }
      }
    }
    let out = combineParts(
      [
        ("(a)", ta.outcome(claim: "P_PL sums to 1")), ("(b)", tb.outcome(claim: "bins reductions")),
        ("(c)", tc.outcome(claim: "first factor = MPO-1vsk")),
      ],
      notes: ["(a) enumerated \(permutations) rankings"])
    var o = out
    if o.verdict != .confirmed, let cx = smallest.example { o.counterexample = cx }
    return o
  }
}
