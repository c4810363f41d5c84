// pipa.empirical.speed (claims/pipa.md; paper App. A.2.1): a PIPA-M training step does
// less work than a KTO step. The verdict rests on counted, reproducible work, never on
// wall-clock time (RunRecord.seconds is reported only).
import Claims

enum PIPASpeed {
  /// pipa.empirical.speed.
  static let speed: EmpiricalClaim = {
    let runs = [PIPARuns.kto, PIPARuns.pipaM]
    return EmpiricalClaim(
      id: "pipa.empirical.speed", paper: .pipa,
      source:
        "App. A.2.1 (\"resulting in no overhead in both memory and speed\"; \"KTO needs to "
        + "additionally estimate the KL term… PIPA remains faster in practice\"); abstract",
      statement:
        "Despite the value head, a PIPA training step is faster than a KTO step, because "
        + "KTO needs an extra KL estimate. The head adds no memory or speed overhead.",
      runs: runs, inDefaultGrid: true
    ) { results in
      if let m = EmpiricalDecision.missing(results, labels: runs.map(\.label)) { return m }
      let notes = [
        "reading: the work of a step is RunRecord.tokens / RunRecord.steps (sequence tokens "
          + "through forward + backward passes, counted by the trainer, summed over seeds); "
          + "floating-point operation counts, the value head's share of work and memory, and "
          + "peak memory are not in the results and are not reported",
        "reading: the ratio is deterministic, so there is no interval; a ratio of exactly 1 "
          + "(which the entry's rule leaves open) is inconclusive",
      ]
      func work(_ spec: RunSpec) throws -> Double {
        let rs = try AlphaPIPAStatistics.runs(results, spec.label)
        let steps = rs.reduce(0) { $0 + $1.steps }
        guard steps > 0 else {
          throw AlphaPIPAMissingMeasurement(reason: "run \(spec.label) took no steps")
        }
        return Double(rs.reduce(0) { $0 + $1.tokens }) / Double(steps)
      }
      return try AlphaPIPAStatistics.guarded(notes: notes) {
        let wKTO = try work(PIPARuns.kto)
        let wPIPA = try work(PIPARuns.pipaM)
        guard wPIPA > 0 else {
          throw AlphaPIPAMissingMeasurement(reason: "run \(PIPARuns.pipaM.label) counted no tokens")
        }
        let ratio = wKTO / wPIPA
        let verdict: Verdict = ratio > 1 ? .confirmed : (ratio < 1 ? .refuted : .inconclusive)
        let seconds = try runs.map { spec in
          let total = try AlphaPIPAStatistics.runs(results, spec.label).reduce(0) {
            $0 + $1.seconds
          }
          return "\(spec.label) \(formatNumber(total)) s"
        }
        return CheckOutcome(
          verdict: verdict,
          summary: "W_KTO/W_PIPA-M = \(formatNumber(ratio)) (tokens per step \(formatNumber(wKTO)) "
            + "vs \(formatNumber(wPIPA))), claimed > 1",
          classes: [
            CaseClass(
              name: "W_KTO/W_PIPA-M", cases: 1, failures: verdict == .confirmed ? 0 : 1,
              worstResidual: 1 - ratio, toleranceAtWorst: 0,
              worstRatio: verdict == .confirmed ? 0 : 1,
              toleranceReason: "counted work is deterministic: no tolerance")
          ],
          notes: notes + ["wall-clock, reported only: " + seconds.joined(separator: ", ")])
      }
    }
  }()
}
