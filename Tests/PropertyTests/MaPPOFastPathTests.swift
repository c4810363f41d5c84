// The reused-buffer twins of the MaPPO checks' inner loops against the plain forms they stand
// in for (T2PairWorkspace ↔ PairDataset<LinearSoftmax>; LipschitzQuotientWorkspace ↔
// lipschitzQuotient; LipschitzSupWorkspace ↔ the M_g objectives; A1's cached
// logProbabilityFunction ↔ logProbabilities; A1's one-pass batchEvaluation ↔ logProbabilities and
// two weightedScoreMean calls) and Tally.merge ↔ serial recording. Every comparison is exact: the
// twins form the same sums in the same order, so they change the checks' speed and nothing
// else; any difference is a defect.
@testable import Claims
import Numerics
import Testing

@Suite struct MaPPOFastPathTests {
  static func t2Case(_ r: inout RandomStream, pairs n: Int, near: Bool) -> T2PairCase {
    T2PairCase.draw(
      &r, k: r.uniformInt(in: 4...16), d: r.uniformInt(in: 2...6), pairs: n, radius: 3, near: near,
      deltaR: { Strata.deltaR(&$0) })
  }

  @Test(arguments: [1, 4])
  func t2PairWorkspaceIsPairDatasetBitForBit(pairs n: Int) throws {
    var r = RandomStream(seed: 41 + UInt64(n))
    for _ in 0..<30 {
      let c = Self.t2Case(&r, pairs: n, near: false)
      let data = c.dataset()
      let ws = T2PairWorkspace(data)
      for dpo in [false, true] {
        let f = dpo ? MaPPOClaims.pairLossDPO(beta: c.beta) : MaPPOClaims.pairLossMaPPO(beta: c.beta)
        let theta = (0..<c.d).map { _ in 3 * r.gaussian() }
        try ws.gradient(theta, f)
        #expect(Array(ws.gradient) == (try data.gradient(theta, f)))
        #expect(try ws.loss(theta, f) == data.loss(theta, f))
        let lp = data.model.logProbabilities(theta)
        #expect((0..<c.k).map { ws.logProbability($0) } == lp)
        ws.formCovariance()
        #expect(Array(ws.covariance) == data.model.featureCovariance(theta))
      }
    }
  }

  @Test(arguments: [1, 4])
  func lipschitzWorkspacesAreThePlainFormsBitForBit(pairs n: Int) throws {
    var r = RandomStream(seed: 53 + UInt64(n))
    for i in 0..<20 {
      let c = Self.t2Case(&r, pairs: n, near: i % 2 == 0)
      let data = c.dataset()
      let q = LipschitzQuotientWorkspace(data, beta: c.beta)
      let plain = try #require(try MaPPOClaims.lipschitzQuotient(c))
      let fast = try #require(try q.evaluate(c.theta, c.thetaPrime))
      #expect(fast.value == plain.value)
      #expect(fast.termSum == plain.termSum)
      #expect(q.weightMax == plain.weightMax)
      let f: (LipschitzConstantInputs) -> Double = { $0.beta * $0.weightMax * (1 + $0.deltaR) * $0.mg }
      #expect(q.constant(f, mg: 1.7, diameter: 2) == plain.constant(f, mg: 1.7, diameter: 2))
      #expect(try q.evaluate(c.theta, c.theta) == nil)
      // The M_g objectives at points inside and outside the ball (clamped).
      for radius in [1.0, 3.0] {
        let sup = try LipschitzSupWorkspace(data, radius: radius)
        let m = c.model
        for _ in 0..<10 {
          let x = (0..<(2 * c.d)).map { _ in 2 * r.gaussian() }
          let a = LipschitzPoints.clamp(Array(x[0..<c.d]), radius: radius)
          let b = LipschitzPoints.clamp(Array(x[c.d...]), radius: radius)
          #expect(sup.scoreDifference(x) == distance(m.meanFeature(a), m.meanFeature(b)))
          let e = try SymmetricEigen.eigenvalues(m.featureCovariance(a), n: c.d).map(abs).max()
          #expect(sup.covarianceNorm(Array(x[0..<c.d])) == e)
        }
      }
    }
  }

  @Test func autoregressiveCachedLogProbabilitiesAreLogProbabilities() {
    var r = RandomStream(seed: 67)
    for _ in 0..<10 {
      let v = r.uniformInt(in: 4...16)
      let ys = (0..<r.uniformInt(in: 2...8)).map { _ in SFTSequences.draw(&r, vocabulary: v) }
      let model = AutoregressiveTabular(vocabulary: v, sequences: ys)
      let f = model.logProbabilityFunction(of: ys)
      var theta = (0..<model.parameterCount).map { _ in r.gaussian() }
      // Repeated calls, one coordinate moved at a time (a finite difference), then all.
      for step in 0..<12 {
        if step > 0 && step < 11 { theta[r.uniformInt(in: 0...(model.parameterCount - 1))] += 1e-4 }
        if step == 11 { theta = theta.map { $0 + 0.01 } }
        #expect(f(theta) == model.logProbabilities(theta, of: ys))
      }
    }
  }

  @Test func autoregressiveBatchEvaluationIsTheSeparateFunctions() {
    var r = RandomStream(seed: 71)
    for _ in 0..<10 {
      let v = r.uniformInt(in: 4...16)
      let ys = (0..<r.uniformInt(in: 1...8)).map { _ in SFTSequences.draw(&r, vocabulary: v) }
      let batch = r.uniform() < 0.5 ? ys : ys.map { _ in ys[0] }
      let model = AutoregressiveTabular(vocabulary: v, sequences: batch)
      let theta = (0..<model.parameterCount).map { _ in r.gaussian() }
      let c = batch.map { _ in -r.uniform() }
      let c2 = batch.map { _ in -1.0 }
      let (lp, means) = model.batchEvaluation(theta, batch)
      #expect(lp == model.logProbabilities(theta, of: batch))
      let (a, b) = means(c, c2)
      #expect(a == model.weightedScoreMean(theta, batch, c))
      #expect(b == model.weightedScoreMean(theta, batch, c2))
    }
  }

  // A tally recorded in two parts and merged is the serial tally, including NaN residuals
  // (absorbing), a NaN first ratio, failures, and reasons switching between T_id and explicit.
  @Test(arguments: [0, 1, 7, 20, 39, 40])
  func tallyMergeIsSerialRecording(split: Int) {
    var r = RandomStream(seed: 83)
    var events: [(cls: String, residual: Double, identity: Bool, allowed: Double)] = []
    for i in 0..<40 {
      let cls = ["a", "b", "c"][r.uniformInt(in: 0...2)]
      var residual = r.uniform() * 2e-13
      if i == 3 || i == 25 { residual = .nan }
      events.append((cls, residual, r.uniform() < 0.5, 1e-13 * (1 + r.uniform())))
    }
    events.insert(("d", .nan, false, 1), at: 0)
    func record(_ t: inout Tally, _ e: (cls: String, residual: Double, identity: Bool, allowed: Double)) {
      if e.identity {
        t.record(e.cls, residual: e.residual, identityTermSum: e.allowed * 1e3, inputs: [NamedValue("x", e.residual)])
      } else {
        t.record(
          e.cls, residual: e.residual, tolerance: Tolerance(absolute: e.allowed, relative: 0, reason: "r\(e.allowed)"),
          inputs: [NamedValue("x", e.residual)])
      }
    }
    var serial = Tally()
    for e in events { record(&serial, e) }
    var first = Tally()
    var second = Tally()
    for (i, e) in events.enumerated() { if i < split { record(&first, e) } else { record(&second, e) } }
    first.merge(second)
    #expect("\(first.classes)" == "\(serial.classes)")
    #expect(first.cases == serial.cases && first.failures == serial.failures)
    #expect("\(String(describing: first.firstFailure))" == "\(String(describing: serial.firstFailure))")
  }
}
