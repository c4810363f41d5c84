// The errors of the training pipeline a user can cause or meet: a bad setting (named by
// field, value and rule), a checkpoint that fails its checksum or cannot be read (named by
// file), and the test hook's deliberate interruption.

/// What went wrong in `verify train`'s pipeline.
public enum PipelineError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A setting breaks its rule.
  case setting(field: String, value: String, rule: String)
  /// A checkpoint file is corrupt, truncated or from another format; delete it to recompute.
  case corruptCheckpoint(path: String, reason: String)
  /// A checkpoint was written for other settings or another piece than the one asked for.
  case mismatchedCheckpoint(path: String, reason: String)
  /// ``TrainingGrid/Hooks/interruptAfterCheckpoints`` stopped the run (tests only).
  case interrupted(afterCheckpoints: Int)

  public var description: String {
    switch self {
    case .setting(let field, let value, let rule): "\(field) \(rule), got \(value)"
    case .corruptCheckpoint(let path, let reason):
      "corrupt checkpoint \(path): \(reason) (delete the file to recompute it)"
    case .mismatchedCheckpoint(let path, let reason):
      "checkpoint \(path) does not match this run: \(reason) (use another --out or delete it)"
    case .interrupted(let n): "interrupted after \(n) checkpoints (test hook)"
    }
  }
}
