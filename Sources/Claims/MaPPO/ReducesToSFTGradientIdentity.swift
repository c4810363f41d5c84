// mappo.reduces-to-sft.gradient-identity — §4.2 eq. (11): E[−∇log π_θ(y_w)/π_ref(y_w)] =
// E[−∇log π_θ(y_w)] = ∇L_SFT(θ), π_ref being independent of θ. The analytic SFT gradient (the
// SFT objective lifted to the model) is compared with the FD rule applied to eq. (10) (the
// SFTLogRatio objective lifted to the model) on T2 and A1; the two sides come from separate
// implementations.
import Numerics
import Objectives

extension MaPPOClaims {
  static let reducesToSFTGradientIdentity = Claim(
    id: "mappo.reduces-to-sft.gradient-identity", paper: .mappo, source: "§4.2, eq. (11)",
    kind: .gradientIdentity,
    statement: "E[−∇log π_θ(y_w)/π_ref(y_w)] = E[−∇log π_θ(y_w)] = ∇L_SFT(θ), L_SFT = E[−log π_θ(y_w)]."
  ) { ctx in
    try sftGradientIdentityCheck(ctx, claimedLoss: sftPairLoss())
  }

  /// The check, with the loss whose analytic gradient is claimed to equal ∇(10) injectable
  /// (the mutation test passes a loss with a wrong gradient).
  public static func sftGradientIdentityCheck(
    _ ctx: CheckContext, claimedLoss: @escaping PairLossFunction<Int>
  ) throws -> CheckOutcome {
    // T2 and A1 draw from their own streams: the two run on the runner's two cores and their
    // tallies are merged in the serial order (T2, then A1; Tally.merge), so the report is the
    // serial one; an error is the one the serial run would throw first.
    let parts = MPOParallelMap.map(2) { part in
      Result { try part == 0 ? sftGradientIdentityT2(ctx, claimedLoss: claimedLoss) : sftGradientIdentityA1(ctx, claimedLoss: claimedLoss) }
    }
    var tally = try parts[0].get()
    tally.merge(try parts[1].get())
    return tally.outcome(
      claim: "∇L_SFT against finite differences of eq. (10)",
      notes: ["β does not enter (10) or L_SFT; recorded as 1"])
  }

  /// The T2 half of the check: 1000 instances (quick 30) on its own stream.
  static func sftGradientIdentityT2(_ ctx: CheckContext, claimedLoss: @escaping PairLossFunction<Int>) throws -> Tally {
    var tally = Tally()
    let eq10: PairLossFunction<Int> = sftLogRatioPairLoss()
    var r = ctx.stream("mappo.reduces-to-sft.gradient-identity/T2")
    let n = ctx.count(full: 1000, quick: 30)
    for i in 0..<n {
      let (model, theta, ref) = sftInstanceT2(&r)
      let k = model.responses
      let pairs = (0..<Strata.integer(&r, 1...16)).map { _ -> ModelPair<Int> in
        let w = Strata.integer(&r, 0...(k - 1))
        var l = Strata.integer(&r, 0...(k - 2))
        if l >= w { l += 1 }
        return ModelPair(chosen: w, rejected: l, refLogProbChosen: ref[w], refLogProbRejected: ref[l], deltaR: 0)
      }
      let data = PairDataset(model: model, pairs: pairs)
      try recordFDComparison(
        &tally, "T2 (d ∈ 2..16, K ∈ 4..64, N ∈ 1..16)", instance: i, beta: 1, data: data, theta: theta,
        loss: eq10, claimed: try data.gradient(theta, claimedLoss), what: "∇L_SFT",
        inputRounding: eq10Rounding, random: &r)
    }
    return tally
  }

  /// The A1 half of the check: 1000 instances (quick 10) on its own stream.
  static func sftGradientIdentityA1(_ ctx: CheckContext, claimedLoss: @escaping PairLossFunction<Int>) throws -> Tally {
    var tally = Tally()
    // A1: lengths 1–64, V ∈ 4..16, batches of 1–16 pairs on one model; FD budget beyond 64
    // coordinates (the A1 gradient is taken through the model's generic chain rule, dense).
    var r2 = ctx.stream("mappo.reduces-to-sft.gradient-identity/A1")
    for i in 0..<ctx.count(full: 1000, quick: 10) {
      let v = Strata.integer(&r2, 4...16)
      let count = Strata.integer(&r2, 1...16)
      let yw = (0..<count).map { _ in SFTSequences.draw(&r2, vocabulary: v) }
      let yl = (0..<count).map { _ in SFTSequences.draw(&r2, vocabulary: v) }
      let model = AutoregressiveTabular(vocabulary: v, sequences: yw + yl)
      let theta = (0..<model.parameterCount).map { _ in r2.gaussian() }
      let thetaRef = (0..<model.parameterCount).map { _ in r2.gaussian() }
      let pairs = (0..<count).map { j in
        ModelPair(
          chosen: yw[j], rejected: yl[j], refLogProbChosen: model.logProbability(thetaRef, yw[j]),
          refLogProbRejected: model.logProbability(thetaRef, yl[j]), deltaR: 0)
      }
      let data = PairDataset(model: model, pairs: pairs)
      try recordFDComparison(
        &tally, "A1 (V ∈ 4..16, lengths 1–64, N ∈ 1..16)", instance: i, beta: 1, data: data, theta: theta,
        loss: sftLogRatioPairLoss(), claimed: try data.gradient(theta, claimedLossA1(claimedLoss)),
        what: "∇L_SFT", inputRounding: eq10Rounding, random: &r2)
    }
    return tally
  }

  /// A T2 instance of the §4.2 SFT checks (gradient-identity, learning-rate-factor): d ∈ 2..16,
  /// K ∈ 4..64, the model, θ ~ N(0, I_d) and the log-probabilities of a reference drawn the same way.
  static func sftInstanceT2(_ r: inout RandomStream) -> (model: LinearSoftmax, theta: [Double], ref: [Double]) {
    let d = Strata.integer(&r, 2...16)
    let k = Strata.integer(&r, 4...64)
    let model = LinearSoftmax(responses: k, dimension: d, random: &r)
    let theta = (0..<d).map { _ in r.gaussian() }
    return (model, theta, model.logProbabilities((0..<d).map { _ in r.gaussian() }))
  }

  /// |∂(10)/∂log π(y_w)| = 1: the rounding of log π_θ(y_w) and log π_ref(y_w) moves (10) by
  /// ε·(|log π_θ(y_w)| + |log π_ref(y_w)|).
  static func eq10Rounding<R>(_ p: ModelPair<R>, _ lw: Double, _ ll: Double) -> Double {
    Double.ulpOfOne * (abs(lw) + abs(p.refLogProbChosen))
  }

  /// SFT, E[−log π_θ(y_w)], as a pair loss, via the SFT objective.
  public static func sftPairLoss() -> PairLossFunction<Int> {
    { lw, ll, p in try sftPairValue(lw, ll, p.refLogProbChosen, p.refLogProbRejected) }
  }

  /// Eq. (10), −log π_θ(y_w)/π_ref(y_w), as a pair loss, via the SFTLogRatio objective.
  static func sftLogRatioPairLoss<R>() -> PairLossFunction<R> {
    { lw, ll, p in
      let x = PreferencePair(
        logProbChosen: lw, logProbRejected: ll, refLogProbChosen: p.refLogProbChosen,
        refLogProbRejected: p.refLogProbRejected)
      let g = try SFTLogRatio().gradient(x)
      return (try SFTLogRatio().loss(x), g[0], g[1])
    }
  }

  static func sftPairValue(_ lw: Double, _ ll: Double, _ rw: Double, _ rl: Double) throws
    -> (value: Double, dChosen: Double, dRejected: Double)
  {
    let x = PreferencePair(logProbChosen: lw, logProbRejected: ll, refLogProbChosen: rw, refLogProbRejected: rl)
    let g = try SFT().gradient(x)
    return (try SFT().loss(x), g[0], g[1])
  }

  /// The same pair loss on A1 responses (the loss reads only log-probabilities).
  static func claimedLossA1(_ f: @escaping PairLossFunction<Int>) -> PairLossFunction<[Int]> {
    { lw, ll, p in
      try f(
        lw, ll,
        ModelPair(
          chosen: 0, rejected: 1, refLogProbChosen: p.refLogProbChosen, refLogProbRejected: p.refLogProbRejected,
          deltaR: p.deltaR))
    }
  }
}

/// Token sequences of the A1 strata used by the SFT entries: lengths uniform on 1…64.
enum SFTSequences {
  static func draw(_ r: inout RandomStream, vocabulary v: Int) -> [Int] {
    (0..<Strata.length(&r, max: 64)).map { _ in Strata.integer(&r, 0...(v - 1)) }
  }
}
