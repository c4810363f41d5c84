// The evaluation sweep keys (``AlignmentObjectives/SweepKey``) of claims/mpo.md
// mpo.emp.decoding-temperature: "evaluation temperature T ∈ {0, 0.2, 0.5, 1.0}. For T > 0,
// accuracy is the exact-match rate averaged over 3 samples per test prompt (App. J), with
// sampling seeds fixed by the seed". A spec with `evaluationTemperature = T` (> 0) trains
// exactly as its base spec and reports, at every metric point, the test metrics of
// `evaluationSamples` (default 3, App. J) samples per test prompt at T instead of the greedy
// ones (``AlignmentLoop`` `evaluated`).

extension AlignmentObjectives {
  /// (T, samples per test prompt) of `spec`'s sampled evaluation, nil for greedy (no key).
  /// - Throws: ``UnsupportedSpec`` unless T is finite and > 0 and the count an integer in
  ///   1...64, or for a count without a temperature.
  public static func evaluationSampling(_ spec: RunSpec) throws
    -> (temperature: Double, samples: Int)?
  {
    let t = sweep(SweepKey.evaluationTemperature, of: spec)
    let n = sweep(SweepKey.evaluationSamples, of: spec)
    guard let t else {
      if n != nil {
        throw badSweep(
          spec, SweepKey.evaluationSamples, "come with \(SweepKey.evaluationTemperature)")
      }
      return nil
    }
    guard t.isFinite, t > 0 else {
      throw badSweep(
        spec, SweepKey.evaluationTemperature,
        "be finite and > 0 (T = 0 is the base run's greedy evaluation)")
    }
    let count = n ?? 3
    guard count == count.rounded(), count >= 1, count <= 64 else {
      throw badSweep(spec, SweepKey.evaluationSamples, "be an integer in 1...64")
    }
    return (t, Int(count))
  }
}
