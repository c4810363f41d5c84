// Runs checks: times them, and turns a thrown error (a numerical routine that did not
// converge, an input the check could not construct) into an `inconclusive` verdict with
// the error as its reason — never a pass.

/// Runs claims' checks.
public enum ClaimRunner {
  /// Runs one claim.
  public static func run(_ claim: Claim, seed: UInt64, mode: CheckContext.Mode) -> ClaimResult {
    let clock = ContinuousClock()
    let start = clock.now
    let outcome: CheckOutcome
    do {
      outcome = try claim.check(CheckContext(seed: seed, mode: mode))
    } catch {
      outcome = CheckOutcome(
        verdict: .inconclusive, summary: "check could not complete: \(error)",
        notes: ["the check threw \(error); no verdict is implied"])
    }
    let elapsed = clock.now - start
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return ClaimResult(claim: claim, outcome: outcome, seed: seed, mode: mode, seconds: seconds)
  }

  /// Runs several claims in registry order.
  public static func run(_ claims: [Claim], seed: UInt64, mode: CheckContext.Mode) -> [ClaimResult] {
    claims.map { run($0, seed: seed, mode: mode) }
  }
}
