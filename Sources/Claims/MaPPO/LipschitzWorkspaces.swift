// The inner loops of mappo.lipschitz.bound (App. A.2, eqs. 25–29) in reused buffers: the
// quotient Q(θ, θ′) = ‖τ_θ − τ_θ′‖/‖θ − θ′‖ with its per-pair weights (10⁴ point pairs per
// dataset) and the objective functions of the M_g searches (10⁴ samples and 8 Nelder–Mead
// runs per dataset and reading). Goals, in order: 1) the same bits as the plain forms they
// replace — MaPPOClaims.lipschitzQuotient (τ through PairDataset.gradient, mappoWeights,
// `distance`, `norm`), ‖E_θφ − E_θ′φ‖ of clamped points, and the largest |λ| of
// SymmetricEigen.eigenvalues(featureCovariance) — pinned by LipschitzWorkspaceTests, so the
// plain forms stay the reference (the shrinker uses them); 2) no allocation per evaluation;
// 3) simplicity. Not thread-safe: one per dataset.
import Numerics
import Objectives

#if canImport(Glibc)
  import Glibc
#endif

/// `norm` (OptimizerRule.swift) of the n values `value(i)`: scaled by the largest |value|, the
/// squares summed from 0 in index order.
@inline(__always)
func scaledNorm(count n: Int, _ value: (Int) -> Double) -> Double {
  guard n > 0 else { return 0 }
  var m = abs(value(0))
  for i in 1..<n {
    let a = abs(value(i))
    if m < a { m = a }
  }
  if m == 0 || !m.isFinite { return m }
  var s = 0.0
  for i in 0..<n {
    let v = value(i)
    s = s + (v / m) * (v / m)
  }
  return m * s.squareRoot()
}

/// Q(θ, θ′) on one T2 dataset under the MaPPO pair loss, without allocation.
final class LipschitzQuotientWorkspace {
  let beta: Double
  let loss: PairLossFunction<Int>
  private let at: T2PairWorkspace
  private let atPrime: T2PairWorkspace
  /// The larger of σ(−u_i) at θ and θ′, per pair, as of the last ``evaluate(_:_:)``.
  private(set) var weightMax: [Double]
  let deltaR: [Double]

  init(_ data: PairDataset<LinearSoftmax>, beta: Double) {
    self.beta = beta
    loss = MaPPOClaims.mappoPairLoss(beta: beta)
    at = T2PairWorkspace(data)
    atPrime = T2PairWorkspace(data)
    weightMax = [Double](repeating: 0, count: data.pairs.count)
    deltaR = data.pairs.map(\.deltaR)
  }

  /// (Q, S) as MaPPOClaims.lipschitzQuotient computes them (nil when θ = θ′), with
  /// ``weightMax`` filled.
  func evaluate(_ theta: [Double], _ thetaPrime: [Double]) throws -> (value: Double, termSum: Double)? {
    let d = at.d
    let dist = scaledNorm(count: d) { theta[$0] - thetaPrime[$0] }
    guard dist > 0 else { return nil }
    try at.gradient(theta, loss)
    try atPrime.gradient(thetaPrime, loss)
    let t = at.gradient
    let tp = atPrime.gradient
    let model = MaPPO(beta: beta)
    for (i, p) in at.data.pairs.enumerated() {
      // σ(−u) at each point, u the MaPPO objective's margin (mappoWeights).
      let w = sigmoid(-model.margin(Self.pair(at, p)))
      let wp = sigmoid(-model.margin(Self.pair(atPrime, p)))
      weightMax[i] = max(w, wp)
    }
    let value = scaledNorm(count: d) { t[$0] - tp[$0] } / dist
    let termSum = (scaledNorm(count: d) { t[$0] } + scaledNorm(count: d) { tp[$0] }) / dist
    return (value, termSum)
  }

  private static func pair(_ ws: T2PairWorkspace, _ p: ModelPair<Int>) -> RewardedPreferencePair {
    RewardedPreferencePair(
      logProbChosen: ws.logProbability(p.chosen), logProbRejected: ws.logProbability(p.rejected),
      refLogProbChosen: p.refLogProbChosen, refLogProbRejected: p.refLogProbRejected, rewardChosen: p.deltaR,
      rewardRejected: 0)
  }

  /// The dataset constant (LipschitzQuotient.constant): the mean of the per-pair constants.
  func constant(_ f: (LipschitzConstantInputs) -> Double, mg: Double, diameter: Double) -> Double {
    var total = 0.0
    for i in weightMax.indices {
      total = total
        + f(LipschitzConstantInputs(beta: beta, weightMax: weightMax[i], deltaR: deltaR[i], mg: mg, featureDiameter: diameter))
    }
    return total / Double(weightMax.count)
  }
}

/// The objectives of the M_g searches on one T2 model: ‖E_θφ − E_θ′φ‖ and ‖Cov_θ(φ)‖_op at
/// points clamped to the ball of radius R (LipschitzPoints.clamp).
final class LipschitzSupWorkspace {
  let radius: Double
  let d: Int
  private let policy: T2PairWorkspace
  private let point: UnsafeMutableBufferPointer<Double>
  private let firstMean: UnsafeMutableBufferPointer<Double>
  private let eigen: SymmetricEigen.Workspace

  /// `data` supplies the model (its pairs are not used).
  init(_ data: PairDataset<LinearSoftmax>, radius: Double) throws {
    self.radius = radius
    policy = T2PairWorkspace(data)
    d = policy.d
    point = .allocate(capacity: d)
    firstMean = .allocate(capacity: d)
    eigen = try SymmetricEigen.Workspace(n: d)
  }

  deinit {
    point.deallocate()
    firstMean.deallocate()
  }

  /// Writes LipschitzPoints.clamp(x[offset..<offset + d], radius) into `point`.
  private func clamp(_ x: [Double], offset: Int) {
    let s = scaledNorm(count: d) { x[offset + $0] }
    if s > radius {
      for j in 0..<d { point[j] = x[offset + j] * radius / s }
    } else {
      for j in 0..<d { point[j] = x[offset + j] }
    }
  }

  /// distance(meanFeature(clamp(x[0..<d])), meanFeature(clamp(x[d...]))).
  func scoreDifference(_ x: [Double]) -> Double {
    precondition(x.count == 2 * d, "x must hold θ and θ′")
    clamp(x, offset: 0)
    policy.prepare(UnsafeBufferPointer(point))
    for j in 0..<d { firstMean[j] = policy.mean[j] }
    clamp(x, offset: d)
    policy.prepare(UnsafeBufferPointer(point))
    let m = policy.mean
    return scaledNorm(count: d) { firstMean[$0] - m[$0] }
  }

  /// max |λ(featureCovariance(clamp(x)))| (0 when the eigen-solver fails, as before).
  func covarianceNorm(_ x: [Double]) -> Double {
    precondition(x.count == d, "x must hold θ")
    clamp(x, offset: 0)
    policy.prepare(UnsafeBufferPointer(point))
    policy.formCovariance()
    return (try? eigen.spectralNorm(UnsafeBufferPointer(policy.covariance))) ?? 0
  }
}
