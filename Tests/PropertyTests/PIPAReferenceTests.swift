import Numerics
import Objectives
import TestSupport
import Testing

// Reference tables for the PIPA-family objectives: exact-binary inputs, expected values to
// 20 significant digits computed independently with mpmath at 50 digits from the printed
// formulas (PIPA, 004_fe2e5eb1635a4348.txt: Algorithm 1, §2.4, §2.6, App. A.1, A.2, B).
//
// Provenance (python3, mpmath; abridged from the generating script, all at mp.dps = 50):
//   sig = lambda x: 1/(1+exp(-x)); logsig = lambda x: -log(1+exp(-x))
//   B = -log(1 - mpf(1 - 1e-10))            # −log1p(−fl(1 − ε)), fl(1 − ε) the python float
//   pipam(lf,w,lp,c): l = lf + logsig(w) - lp; c=1: (-l, -sig(-w));
//     c=0: F = exp(l); F >= 1-1e-10 -> (B, 0) else (-log(1-F), F/(1-F)*sig(-w))
//   pipan(lf,w,lp,c): g = sig(w); x = exp(lf)*g/(exp(lp)*(1-g)); F = x/(x+1)   # τ literally
//     c=1: (-log(F), -(1-F)); c=0: (-log(1-F), F)                 # (loss, ∂/∂logitG)
//   stepdpo: R = Σ(lc-rc); R0 = Σ_{c⁻=0}(lr-rr); R1 = Σ_{c⁻=1}(lr-rr)
//     u = β(R - R0) (L0) or β(R - R0 - R1) (L1); (−logsig(u), −β·sig(−u))  # ∂/∂logProbsChosen[0]
//   stepkto: v_k = β(Σ_{t∈k}(lp-rp) - z0); L = −Σ_k (c σ(v_k) + (1−c) σ(−v_k));
//     ∂/∂logProbs[0] = β(−σ'(v_1) if c_1 = 1 else σ'(v_1))
//   appb: v = β(Σ(lp-rp) - z0); (σ(v) if c_T = 1 else σ(−v)); ∂/∂lp0 = β(σ' if c_T=1 else −σ')
//   ktol1: positive (all 1): v = β(R - z0), (−σ(v), −βσ', ∂z0 = βσ');
//     negative: v = β(−R + z0), (−σ(v), βσ' if c_0 = 0 else 0, ∂z0 = −βσ')
//   ktopipa: v = β(lf − lp − z); (−σ(v) or −σ(−v), β(−σ' or σ'))      # ∂/∂logF
//   pair: P = e^lc e^rr/(e^lc e^rr + e^rc e^lr); (−log P, −(1 − P))    # ∂/∂logProbChosen
// Tolerance: 64 ulps relative, plus the rounding of the log-space argument (≤ 2ε·|terms|)
// propagated through the loss's slope (stated per table).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct PIPAAnswerRow: Sendable, CustomStringConvertible {
  var logF: Double, logitG: Double, logPrior: Double, label: Int
  var loss: Double, dLogitG: Double
  var description: String { "(\(logF), \(logitG), \(logPrior), c=\(label))" }
}

struct StepPairRow: Sendable, CustomStringConvertible {
  var x: StepPairInput, beta: Double, loss: Double, dChosen0: Double
  var description: String { "\(x.labelsRejected) β=\(beta)" }
}

struct StepKTORow: Sendable, CustomStringConvertible {
  var x: StepKTOInput, beta: Double
  var stepKTO: Double, stepKTOd0: Double, appB: Double, appBd0: Double
  var l1: Double, l1d0: Double, l1dz: Double
  var description: String { "\(x.labels) \(x.stepStarts) β=\(beta)" }
}

enum PIPARef {
  static let eps = Double.ulpOfOne
  static func close(_ a: Double, _ e: Double, extra: Double = 0) -> Bool {
    abs(a - e) <= 64 * eps * abs(e) + extra
  }

  static let pipam: [PIPAAnswerRow] = [
    .init(
      logF: -0.375, logitG: 0.5, logPrior: -1.25, label: 1,
      loss: -0.40092301581989331913, dLogitG: -0.37754066879814543536),
    .init(
      logF: -0.375, logitG: 0.5, logPrior: -1.25, label: 0,
      loss: 23.025850847200089264, dLogitG: 0),
    .init(
      logF: -2.5, logitG: -0.00390625, logPrior: -0.125, label: 0,
      loss: 0.047528191563580434302, dLogitG: 0.024385417122866900797),
    .init(
      logF: -12.5, logitG: 3, logPrior: -0.375, label: 1,
      loss: 12.173587351573742059, dLogitG: -0.047425873177566780879),
    .init(
      logF: -0.00390625, logitG: 30, logPrior: -0.00390625, label: 0,
      loss: 23.025850847200089264, dLogitG: 0),
    .init(
      logF: -0.5, logitG: 20, logPrior: -0.5, label: 0,
      loss: 20.00000000206115362, dLogitG: 0.99999999793884638181),
    .init(
      logF: -0.75, logitG: -2.5, logPrior: -0.0625, label: 0,
      loss: 0.038890411605413015181, dLogitG: 0.036648269928833291961),
  ]

  static let pipan: [PIPAAnswerRow] = [
    .init(
      logF: -0.375, logitG: 0.5, logPrior: -1.25, label: 1,
      loss: 0.22541265160164792686, dLogitG: -0.20181322226037883008),
    .init(
      logF: -0.375, logitG: 0.5, logPrior: -1.25, label: 0,
      loss: 1.6004126516016479269, dLogitG: 0.79818677773962116992),
    .init(
      logF: -2.5, logitG: -0.00390625, logPrior: -0.125, label: 0,
      loss: 0.088607640692256214367, dLogitG: 0.084795407822068279061),
    .init(
      logF: -12.5, logitG: 3, logPrior: -0.375, label: 1,
      loss: 9.1251089028397255489, dLogitG: -0.99989110308997344556),
    // −log σ(−52) = 52 + log1p(e^{−52}) = 52.000000000000000000000026…
    .init(logF: -40, logitG: -12.5, logPrior: -0.5, label: 1, loss: 52, dLogitG: -1),
    .init(
      logF: -0.5, logitG: 20, logPrior: -0.5, label: 0,
      loss: 20.00000000206115362, dLogitG: 0.99999999793884638181),
  ]

  static func pair(
    _ lc: [Double], _ lr: [Double], _ rc: [Double], _ rr: [Double], _ lab: [Int]
  ) -> StepPairInput {
    StepPairInput(
      logProbsChosen: lc, logProbsRejected: lr, refLogProbsChosen: rc, refLogProbsRejected: rr,
      labelsRejected: lab)
  }
  static let pairs: [(StepPairInput, Double)] = [
    (
      pair(
        [-0.375, -1.25], [-2.5, -0.125, -3.0], [-0.5, -1.0], [-1.5, -0.25, -0.75], [0, 1, 1]), 1
    ),
    (pair([-12.5], [-0.0625], [-0.375], [-7.5], [1]), 0.5),
    (
      pair([-0.00390625, -0.5], [-30.0, -0.5], [-0.00390625, -0.25], [-0.125, -0.75], [0, 0]), 1
    ),
    (pair([-3.0], [-0.25, -4.5], [-1.0], [-2.0, -0.5], [1, 0]), 0.125),
    (pair([-50.0, -0.5, -0.25], [-1.0], [-0.5, -0.5, -0.5], [-80.0], [1]), 2),
  ]
  static let l0: [(Double, Double)] = [
    (0.34844458100505571244, -0.29421497216298877428),
    (6.0648258652514147606, -0.49883841873868435875),
    (1.7482341282709039342e-13, -1.7482341282707511181e-13),
    (0.57593941987884356221, -0.054727937389275236997),
    (98.5, -2.0),
  ]
  static let l1: [(Double, Double)] = [
    (0.048587351573742058759, -0.047425873177566780879),
    (9.7813064995293521123, -0.49997175103335811853),
    (1.7482341282709039342e-13, -1.7482341282707511181e-13),
    (0.67764424590571493006, -0.061523516965099445925),
    (256.5, -2.0),
  ]
  static var stepDPO: [(StepPairRow, StepPairRow)] {
    pairs.indices.map { i in
      (
        StepPairRow(x: pairs[i].0, beta: pairs[i].1, loss: l0[i].0, dChosen0: l0[i].1),
        StepPairRow(x: pairs[i].0, beta: pairs[i].1, loss: l1[i].0, dChosen0: l1[i].1)
      )
    }
  }

  static func kto(
    _ lp: [Double], _ rp: [Double], _ lab: [Int], _ st: [Int], _ z0: Double
  ) -> StepKTOInput {
    StepKTOInput(logProbs: lp, refLogProbs: rp, labels: lab, stepStarts: st, z0: z0)
  }
  static let stepKTO: [StepKTORow] = [
    .init(
      x: kto([-0.375, -1.25, -2.5], [-0.5, -1.0, -0.125], [1, 1, 0], [0, 2], 0.25), beta: 1,
      stepKTO: -1.3397867089063011369, stepKTOd0: -0.24141290125295239858,
      appB: 0.93991334982599237798, appBd0: -0.056476244644874051826,
      l1: -0.93991334982599237798, l1d0: 0, l1dz: -0.056476244644874051826),
    .init(
      x: kto([-0.0625], [-3.0], [0], [0], 1.5), beta: 1,
      stepKTO: -0.19193278644723680126, stepKTOd0: 0.15509459193383619453,
      appB: 0.19193278644723680126, appBd0: -0.15509459193383619453,
      l1: -0.19193278644723680126, l1d0: 0.15509459193383619453,
      l1dz: -0.15509459193383619453),
    .init(
      x: kto(
        [-12.5, -0.5, -0.25, -1.0], [-0.375, -0.5, -4.0, -2.0], [0, 1, 1, 0], [0, 1, 3],
        0), beta: 0.5,
      stepKTO: -2.2422532660776848992, stepKTOd0: 0.0011588827192623619765,
      appB: 0.97557690994589279111, appBd0: -0.011913301363158089209,
      l1: -0.97557690994589279111, l1d0: 0.011913301363158089209,
      l1dz: -0.011913301363158089209),
    .init(
      x: kto([-0.00390625, -30.0], [-0.5, -0.75], [1, 1], [0], 7.5), beta: 0.125,
      stepKTO: -0.010647366056007316822, stepKTOd0: -0.0013167499565095875021,
      appB: 0.010647366056007316822, appBd0: 0.0013167499565095875021,
      l1: -0.010647366056007316822, l1d0: -0.0013167499565095875021,
      l1dz: 0.0013167499565095875021),
    .init(
      x: kto([-2.0, -2.0, -2.0], [-1.0, -1.5, -3.0], [1, 0, 0], [0, 1], 2.0), beta: 2,
      stepKTO: -0.95504674997906799346, stepKTOd0: -0.0049330185827200956366,
      appB: 0.99330714907571514444, appBd0: -0.013296113341580309828,
      l1: -0.99330714907571514444, l1d0: 0, l1dz: -0.013296113341580309828),
  ]

  /// (input, β, loss, ∂/∂logF)
  static let ktoPIPA: [(KTOPIPAInput, Double, Double, Double)] = [
    (
      .init(logF: -0.375, logPrior: -1.25, z: 0.5, label: 1), 1,
      -0.59266659995406975877, -0.24141290125295239858
    ),
    (
      .init(logF: -0.375, logPrior: -1.25, z: 0.5, label: 0), 1,
      -0.40733340004593024123, 0.24141290125295239858
    ),
    (
      .init(logF: -12.5, logPrior: -0.125, z: 3, label: 1), 0.125,
      -0.12765262532179066558, -0.013919679071280649269
    ),
    (
      .init(logF: -0.00390625, logPrior: -40, z: 0, label: 0), 1,
      -4.2649818437168982725e-18, 4.2649818437168982543e-18
    ),
    (
      .init(logF: -2.5, logPrior: -2.5, z: 0.00390625, label: 1), 10,
      -0.4902356165739840095, -2.4990465681630974423
    ),
    (
      .init(logF: -60, logPrior: -0.5, z: 12.5, label: 0), 0.5,
      -0.99999999999999976805, 1.1597614151217841561e-16
    ),
  ]

  /// (pair, loss, ∂/∂logProbChosen)
  static let pipaPair: [(PreferencePair, Double, Double)] = [
    (
      .init(
        logProbChosen: -0.375, logProbRejected: -1.25, refLogProbChosen: -0.5,
        refLogProbRejected: -1.0), 0.52312326413984004362, -0.40733340004593024123
    ),
    (
      .init(
        logProbChosen: -12.5, logProbRejected: -0.0625, refLogProbChosen: -0.375,
        refLogProbRejected: -7.5), 19.562500003192377175, -0.99999999680762282962
    ),
    (
      .init(
        logProbChosen: -0.00390625, logProbRejected: -30, refLogProbChosen: -0.25,
        refLogProbRejected: -0.125), 8.2903944705432065697e-14, -8.2903944705428629165e-14
    ),
    (
      .init(
        logProbChosen: -3, logProbRejected: -3, refLogProbChosen: -3,
        refLogProbRejected: -3), 0.69314718055994530942, -0.5
    ),
    (
      .init(
        logProbChosen: -50, logProbRejected: -0.5, refLogProbChosen: -80,
        refLogProbRejected: -0.75), 1.201542573177106389e-13, -1.2015425731770342038e-13
    ),
  ]
}

@Suite struct PIPAReferenceTests {
  static let eps = Double.ulpOfOne

  /// δℓ ≤ 2ε·(|log F| + |logσ(w)|): the rounding of log F = log f + logσ(w) − log p^prior (a
  /// compensated sum of exact inputs, logσ(w) rounded once), propagated by the slope s of
  /// the loss in log F into the loss (s·δℓ) and by (1 + |s|) relatively into the gradient.
  @Test(arguments: PIPARef.pipam)
  func pipam(row: PIPAAnswerRow) throws {
    let x = PIPAAnswerInput(
      logF: row.logF, logitG: row.logitG, logPrior: row.logPrior, label: row.label)
    let l = PIPAM.logRatio(x)
    let dl = 2 * Self.eps * (abs(l) + abs(logSigmoid(row.logitG)))
    let s = abs(PIPAM.tokenSlope(logRatio: l, label: row.label, epsilon: 1e-10))
    let loss = try PIPAM().loss(x)
    let g = try PIPAM().gradient(x)
    #expect(PIPARef.close(loss, row.loss, extra: s * dl), "loss \(loss) vs \(row.loss)")
    #expect(
      PIPARef.close(g[1], row.dLogitG, extra: (1 + s) * abs(row.dLogitG) * dl),
      "∂/∂logitG \(g[1]) vs \(row.dLogitG)")
  }

  @Test(arguments: PIPARef.pipan)
  func pipan(row: PIPAAnswerRow) throws {
    let x = PIPAAnswerInput(
      logF: row.logF, logitG: row.logitG, logPrior: row.logPrior, label: row.label)
    // u is a compensated sum of exact inputs: the loss and σ(±u) are within a few ulps.
    let loss = try PIPAN().loss(x)
    let g = try PIPAN().gradient(x)
    #expect(PIPARef.close(loss, row.loss), "loss \(loss) vs \(row.loss)")
    #expect(PIPARef.close(g[1], row.dLogitG), "∂/∂logitG \(g[1]) vs \(row.dLogitG)")
  }

  @Test func tokenLevel() throws {
    // Tokens = the rows (−0.375, 0.5, −1.25, 1), (−2.5, −1/256, −0.125, 0), (−0.5, 20, −0.5, 0):
    // mpmath sums of the per-token terms above.
    let x = PIPATokenInput(
      logF: [-0.375, -2.5, -0.5], logitG: [0.5, -0.00390625, 20], logPrior: [-1.25, -0.125, -0.5],
      labels: [1, 0, 0])
    let m = try PIPAMTokenLevel().loss(x)
    let n = try PIPANTokenLevel().loss(x)
    // The third token's term carries s·δℓ ≈ 5e8 · 2ε·2e-9 (see `pipam`): negligible.
    #expect(PIPARef.close(m, 19.646605177804840735), "PIPA-M token \(m)")
    #expect(PIPARef.close(n, 20.314020294355057762), "PIPA-N token \(n)")
    #expect(PIPARef.close(try PIPAMTokenLevel().gradient(x)[4], 0.024385417122866900797))
    #expect(PIPARef.close(try PIPANTokenLevel().gradient(x)[4], 0.084795407822068279061))
  }

  /// Margins are compensated sums of exact inputs; softplus and σ add a few ulps.
  @Test(arguments: PIPARef.stepDPO.map { $0.0 })
  func stepDPOL0(row: StepPairRow) throws {
    let o = StepDPOL0(beta: row.beta)
    let v = try o.loss(row.x)
    #expect(PIPARef.close(v, row.loss), "L0 \(v) vs \(row.loss)")
    #expect(PIPARef.close(try o.gradient(row.x)[0], row.dChosen0))
  }

  @Test(arguments: PIPARef.stepDPO.map { $0.1 })
  func stepDPOL1(row: StepPairRow) throws {
    let o = StepDPOL1(beta: row.beta)
    let v = try o.loss(row.x)
    #expect(PIPARef.close(v, row.loss), "L1 \(v) vs \(row.loss)")
    #expect(PIPARef.close(try o.gradient(row.x)[0], row.dChosen0))
    #expect(PIPARef.close(try o.fullGradient(row.x)[0], row.dChosen0))
  }

  @Test(arguments: PIPARef.stepKTO)
  func stepKTOFamily(row: StepKTORow) throws {
    let n = row.x.logProbs.count
    let s = StepKTO(beta: row.beta)
    let b = KTOAppendixBForm(beta: row.beta)
    let l1 = StepKTOL1(beta: row.beta)
    let vs = try s.loss(row.x)
    #expect(PIPARef.close(vs, row.stepKTO), "Step-KTO \(vs)")
    #expect(PIPARef.close(try s.gradient(row.x)[0], row.stepKTOd0))
    let vb = try b.loss(row.x)
    #expect(PIPARef.close(vb, row.appB), "App. B KTO \(vb)")
    #expect(PIPARef.close(try b.gradient(row.x)[0], row.appBd0))
    let vl = try l1.loss(row.x)
    #expect(PIPARef.close(vl, row.l1), "KTO L1 \(vl)")
    #expect(PIPARef.close(try l1.gradient(row.x)[0], row.l1d0))
    #expect(PIPARef.close(try l1.gradient(row.x)[2 * n], row.l1dz))
  }

  @Test(arguments: PIPARef.ktoPIPA.indices)
  func ktoPIPAForm(i: Int) throws {
    let (x, beta, loss, d) = PIPARef.ktoPIPA[i]
    let o = KTOPIPAForm(beta: beta)
    // The (x, 0, 0)-rows with tiny σ: σ(v) for v ≈ −40 keeps full relative accuracy.
    let v = try o.loss(x)
    let g = try o.gradient(x)[0]
    #expect(PIPARef.close(v, loss), "row \(i): \(v) vs \(loss)")
    #expect(PIPARef.close(g, d), "row \(i): \(g) vs \(d)")
  }

  @Test(arguments: PIPARef.pipaPair.indices)
  func pairConditional(i: Int) throws {
    let (x, loss, d) = PIPARef.pipaPair[i]
    let o = PIPAPairConditional()
    let v = try o.loss(x)
    let g = try o.gradient(x)[0]
    #expect(PIPARef.close(v, loss), "row \(i): \(v) vs \(loss)")
    #expect(PIPARef.close(g, d), "row \(i): \(g) vs \(d)")
  }
}
