// Where the pieces of a training grid are checkpointed (shared/design/TRAINING.md
// "Engineering": "a killed run resumes where it stopped"), one ``CheckpointFile`` each:
//   checkpoints/seed-<i>/sft-progress.ckpt  mid-SFT state (``SFTStage/Progress``)
//   checkpoints/seed-<i>/sft.ckpt           the SFT model and its ``SFTRecord``
//   checkpoints/seed-<i>/samples.ckpt       the shared training and held-out samples
//   checkpoints/seed-<i>/run-<label>.ckpt   each finished ``RunRecord``
// Every payload carries the fingerprint of the settings it was made with (all settings but
// the seed count, which only adds seeds), so a changed setting is reported instead of a
// stale piece being reused.
import Foundation

/// The checkpoint files of one output directory.
public struct CheckpointStore {
  public let directory: URL
  /// FNV-1a of the settings (seed count excluded), as hex.
  public let fingerprint: String
  /// Called after every checkpoint written (the grid's interruption hook counts them).
  var onWrite: () throws -> Void = {}

  public init(outDir: URL, settings: TrainingSettings) throws {
    directory = outDir.appendingPathComponent("checkpoints")
    var s = settings
    s.seeds = 0
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    fingerprint = String(format: "%016llx", CheckpointFile.checksum(try encoder.encode(s)))
  }

  /// A checkpoint payload tagged with the settings fingerprint.
  struct Tagged<T: Codable>: Codable {
    var fingerprint: String
    var value: T
  }

  func url(seed: Int, _ name: String) -> URL {
    directory.appendingPathComponent("seed-\(seed)").appendingPathComponent(name)
  }

  /// A file name for a run label (characters outside [A-Za-z0-9._-] become '_', with the
  /// label's checksum appended so distinct labels never collide).
  static func fileName(label: String) -> String {
    let safe = String(
      label.map { c -> Character in
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-") ? c : "_"
      })
    let h = CheckpointFile.checksum(Data(label.utf8)) & 0xFFFF_FFFF
    return "run-\(safe)-\(String(format: "%08llx", h)).ckpt"
  }

  func save<T: Codable>(_ value: T, kind: String, seed: Int, name: String) throws {
    try CheckpointFile.write(
      Tagged(fingerprint: fingerprint, value: value), kind: kind, to: url(seed: seed, name))
    try onWrite()
  }

  func load<T: Codable>(_ type: T.Type, kind: String, seed: Int, name: String) throws -> T? {
    let u = url(seed: seed, name)
    guard let t = try CheckpointFile.read(Tagged<T>.self, kind: kind, from: u) else {
      return nil
    }
    guard t.fingerprint == fingerprint else {
      throw PipelineError.mismatchedCheckpoint(
        path: u.path,
        reason: "written with settings \(t.fingerprint), this run has \(fingerprint)")
    }
    return t.value
  }

  func remove(seed: Int, name: String) {
    try? FileManager.default.removeItem(at: url(seed: seed, name))
  }
}

/// The SFT model of a seed as checkpointed.
struct SFTCheckpoint: Codable {
  var parameters: FloatBits
  var record: SFTRecord
}

/// The shared samples of a seed as checkpointed: response tokens per prompt (verified again
/// on load, which is deterministic).
struct SamplesCheckpoint: Codable {
  /// [train prompt][response][token]
  var train: [[[Int]]]
  /// [held-out prompt][response][token]
  var heldOut: [[[Int]]]
}

/// A finished run as checkpointed (with the spec, checked on load).
struct RunCheckpoint: Codable {
  var record: RunRecord
}

extension CheckpointStore {
  /// The finished runs of `specs` for one seed, in spec order (nil where a run has no
  /// checkpoint yet); a checkpoint that holds another spec or seed is an error naming it.
  func loadRuns(_ specs: [RunSpec], seed seedIndex: Int) throws -> [RunRecord?] {
    try specs.map { spec in
      let name = CheckpointStore.fileName(label: spec.label)
      guard let done = try load(RunCheckpoint.self, kind: "run", seed: seedIndex, name: name)
      else { return nil }
      guard done.record.spec == spec, done.record.seedIndex == seedIndex else {
        throw PipelineError.mismatchedCheckpoint(
          path: url(seed: seedIndex, name).path,
          reason: "holds run \(done.record.spec.label) of seed \(done.record.seedIndex) "
            + "with another spec")
      }
      return done.record
    }
  }
}
