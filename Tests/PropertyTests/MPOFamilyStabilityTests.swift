// Stability of the MPO family: extreme valid inputs (log-probabilities −1e5, logit gaps
// ±1e4 and beyond, α up to ±1e3, large sets) give a finite value and gradient, and bad
// inputs throw ObjectiveError naming the offending field.
import Objectives
import Testing

@Suite struct MPOFamilyStabilityTests {
  static func finite(_ l: Double, _ g: [Double]) -> Bool { l.isFinite && g.allSatisfy(\.isFinite) }

  static let extremeSets: [SetPair] = [
    SetPair(
      positive: ResponseSet(logProbs: [-1e5, 0], refLogProbs: [0, -1e5]),
      negative: ResponseSet(logProbs: [0, -1e5, -1e4], refLogProbs: [-1e5, 0, 0])),
    SetPair(
      positive: ResponseSet(logProbs: [-1e5], refLogProbs: [0]),
      negative: ResponseSet(logProbs: [0], refLogProbs: [-1e5])),
    SetPair(
      positive: ResponseSet(logProbs: Array(repeating: -5e-324, count: 1000)),
      negative: ResponseSet(logProbs: Array(repeating: -1e4, count: 1000))),
  ]

  @Test(arguments: [0.001, 1.0, 10.0])
  func mpoFiniteAtExtremes(beta: Double) throws {
    for x in Self.extremeSets {
      let l = try MPO(beta: beta).loss(x)
      let g = try MPO(beta: beta).gradient(x)
      #expect(Self.finite(l, g), "MPO β=\(beta) \(l) at \(x.positive.logProbs.prefix(2))")
      #expect(l >= 0)
    }
  }

  @Test(arguments: [-1e3, 0.0, 1e3])
  func weightedVariantsFiniteAtExtremes(alpha: Double) throws {
    let x = ScoredResponseSet(
      logProbs: [-1e5, 0, -1e4, -0.5], refLogProbs: [0, -1e5, 0, -1e5], scores: [1e3, -1e3, 0, 5])
    if alpha >= 0 {
      let o = WeightedMPOAbsolute(beta: 10, alphaW: alpha)
      #expect(Self.finite(try o.loss(x), try o.gradient(x)))
    }
    let s = WeightedMPOSigned(beta: 10, alphaW: alpha)
    #expect(Self.finite(try s.loss(x), try s.gradient(x)))
    let g = WeightedMPOG1(alpha: alpha)
    #expect(Self.finite(try g.loss(x), try g.gradient(x)))
  }

  @Test(arguments: [0.001, 1.0, 10.0])
  func rankingsFiniteAtExtremes(beta: Double) throws {
    let r = Ranking(logProbs: [-1e5, 0, -1e4, -5e-324, -1e5], refLogProbs: [0, -1e5, 0, 0, -1e5])
    #expect(Self.finite(try PlackettLuce(beta: beta).loss(r), try PlackettLuce(beta: beta).gradient(r)))
    let long = Ranking(logProbs: (0..<2000).map { -Double($0 % 7) * 1e4 })
    #expect(Self.finite(try PlackettLuce(beta: beta).loss(long), try PlackettLuce(beta: beta).gradient(long)))
    let b = BinPartition(bins: [
      ResponseSet(logProbs: [-1e5, 0], refLogProbs: [0, -1e5]), ResponseSet(logProbs: [0]),
      ResponseSet(logProbs: [-1e4, -1e5, 0], refLogProbs: [0, 0, -1e5]),
    ])
    let bp = BinnedPlackettLuce(beta: beta)
    #expect(Self.finite(try bp.loss(b), try bp.gradient(b)))
  }

  @Test(arguments: [(0.001, 1e-3), (1.0, 1.0), (10.0, 1e3)])
  func contrastiveFiniteAtExtremes(beta: Double, tau: Double) throws {
    let xs = [
      RewardedResponseSet(
        logProbs: [-1e5, 0, -1e4], refLogProbs: [0, -1e5, 0], rewards: [1e4, -1e4, 0]),
      RewardedResponseSet(logProbs: [-1e5, -1e5], rewards: [1e300, -1e300]),
      RewardedResponseSet(logProbs: Array(repeating: -1, count: 500), rewards: (0..<500).map(Double.init)),
    ]
    for x in xs {
      let i = InfoNCA(beta: beta, tau: tau)
      let n = NCA(beta: beta, tau: tau)
      #expect(Self.finite(try i.loss(x), try i.gradient(x)), "InfoNCA at \(x.rewards.prefix(3))")
      #expect(Self.finite(try n.loss(x), try n.gradient(x)), "NCA at \(x.rewards.prefix(3))")
    }
  }

  static func field(_ body: () throws -> Any) -> String? {
    do {
      _ = try body()
      return nil
    } catch let e as ObjectiveError {
      return e.field
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func badInputsNameTheField() {
    let ok = ResponseSet(logProbs: [-1])
    #expect(Self.field { try MPO(beta: 0).loss(SetPair(positive: ok, negative: ok)) } == "beta")
    #expect(
      Self.field { try MPO(beta: 1).loss(SetPair(positive: ResponseSet(logProbs: [0.3]), negative: ok)) }
        == "positive.logProbs[0]")
    #expect(
      Self.field { try MPO(beta: 1).gradient(SetPair(positive: ok, negative: ResponseSet(logProbs: []))) }
        == "negative.logProbs")
    #expect(
      Self.field {
        try MPO(beta: 1).loss(
          SetPair(positive: ok, negative: ResponseSet(logProbs: [-1], refLogProbs: [-1, -2])))
      } == "negative.refLogProbs")
    #expect(
      Self.field {
        try MPO(beta: 1).loss(SetPair(positive: ResponseSet(logProbs: [.nan]), negative: ok))
      } == "positive.logProbs[0]")
    let tied = ScoredResponseSet(logProbs: [-1, -2], scores: [3, 3])
    #expect(Self.field { try WeightedMPOAbsolute(beta: 1, alphaW: 1).loss(tied) } == "scores")
    #expect(Self.field { try WeightedMPOSigned(beta: 1, alphaW: 1).gradient(tied) } == "scores")
    #expect(Self.field { try WeightedMPOG1(alpha: 1).loss(tied) } == "scores")
    let fine = ScoredResponseSet(logProbs: [-1, -2], scores: [3, 1])
    #expect(Self.field { try WeightedMPOAbsolute(beta: 1, alphaW: -1).loss(fine) } == "alphaW")
    #expect(Self.field { try WeightedMPOSigned(beta: 1, alphaW: .infinity).loss(fine) } == "alphaW")
    #expect(
      Self.field {
        try WeightedMPOSigned(beta: 1, alphaW: 1).loss(
          ScoredResponseSet(logProbs: [-1, -2], scores: [3, .nan]))
      } == "scores[1]")
    #expect(
      Self.field {
        try WeightedMPOSigned(beta: 1, alphaW: 1e300).loss(
          ScoredResponseSet(logProbs: [-1, -2], scores: [1e300, -1e300]))
      } == "logits[0]")
    #expect(Self.field { try PlackettLuce(beta: 1).loss(Ranking(logProbs: [-1])) } == "logProbs.count")
    #expect(
      Self.field { try PlackettLuce(beta: 1).gradient(Ranking(logProbs: [-1, 2])) } == "logProbs[1]")
    #expect(
      Self.field { try BinnedPlackettLuce(beta: 1).loss(BinPartition(bins: [ok])) } == "bins.count")
    #expect(
      Self.field {
        try BinnedPlackettLuce(beta: 1).loss(BinPartition(bins: [ok, ResponseSet(logProbs: [])]))
      } == "bins[1].logProbs")
    let rs = RewardedResponseSet(logProbs: [-1, -2], rewards: [1, 0])
    #expect(Self.field { try InfoNCA(beta: 1, tau: 0).loss(rs) } == "tau")
    #expect(Self.field { try InfoNCA(beta: -1, tau: 1).gradient(rs) } == "beta")
    #expect(Self.field { try NCA(beta: 1, tau: -2).loss(rs) } == "tau")
    #expect(
      Self.field { try NCA(beta: 1, tau: 1).loss(RewardedResponseSet(logProbs: [-1, -2], rewards: [1])) }
        == "rewards")
    #expect(
      Self.field {
        try InfoNCA(beta: 1, tau: 1).loss(RewardedResponseSet(logProbs: [-1, -2], rewards: [1, .infinity]))
      } == "rewards[1]")
    #expect(
      Self.field { try NCA(beta: 1, tau: 1).loss(RewardedResponseSet(logProbs: [], rewards: [])) }
        == "logProbs")
  }
}
