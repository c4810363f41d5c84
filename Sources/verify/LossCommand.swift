// `verify loss <objective> [--gradient]` and `verify loss --list`: the float64 oracle. Reads
// JSON records from stdin in 64 KiB chunks (the work is in Claims/Oracle/LossOracle).
import ArgumentParser
import Claims
import Foundation

struct LossCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "loss",
    abstract: "Evaluate an objective (and its gradient) on JSON records read from stdin.",
    discussion: """
      Input: one JSON object, or JSON Lines (one object per line), each holding the \
      objective's hyperparameters and its input fields side by side (`--list` names them):
        verify loss dpo --gradient < pairs.jsonl
      with lines such as {"beta":0.1,"logProbChosen":-1,"logProbRejected":-2,…}.
      Output: one line per record, {"record":N,"value":v[,"gradient":{"name":g,…}]}, every \
      number in shortest round-trip float64 form. NaN/Infinity may be written bare \
      (Python's json.dumps) or as "nan"/"inf"/"-inf"; objectives reject them by name.
      A bad record prints one stderr line — record number, line, field, value, rule — and \
      nothing on stdout; later records are still evaluated. `--list` prints every objective \
      with its parameters and fields.
      Exit codes: 0 every record evaluated (also for an empty stream); 2 unknown objective, \
      usage error, or at least one bad record.
      """)

  @Argument(help: "Objective id (see --list), e.g. dpo, simpo, mpo, pro-b-printed.")
  var objective: String?

  @Flag(help: "Also print the gradient with respect to the input's variables.")
  var gradient = false

  @Flag(help: "List the objectives, their hyperparameters and input fields.")
  var list = false

  @Flag(help: "With --list: print JSON.")
  var json = false

  func validate() throws {
    if list { return }
    guard let objective else {
      throw ValidationError("missing <objective>; `verify loss --list` lists them")
    }
    if OracleCatalog.objective(named: objective) == nil {
      let ids = OracleCatalog.all.map(\.id)
      let near = ids.filter { $0.hasPrefix(String(objective.lowercased().prefix(2))) }
      throw ValidationError(
        "unknown objective '\(objective)'"
          + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
          + " (`verify loss --list` lists all \(ids.count))")
    }
  }

  func run() throws {
    if list {
      let rows = OracleCatalog.all.map(OracleListing.init)
      if json {
        print(try JSONOutput.string(rows))
      } else {
        print(rows.map(\.text).joined(separator: "\n\n"))
        print("\n" + OracleListing.responseSetNote)
      }
      return
    }
    guard let name = objective, let o = OracleCatalog.objective(named: name) else { return }
    var oracle = LossOracle(objective: o, gradient: gradient)
    var out = StandardStreams()
    let stdin = FileHandle.standardInput
    while true {
      let chunk = stdin.readData(ofLength: 1 << 16)
      if chunk.isEmpty { break }
      out.write(oracle.feed(chunk))
    }
    out.write(oracle.finish())
    out.flush()
    if oracle.rejected > 0 {
      throw ExitCode(ExitCodes.inputError)
    }
  }
}
