// One objective of the `verify loss` oracle: reads one JSON record (hyperparameters and input
// fields side by side), builds the objective with the library initializer, and returns the
// library's value and gradient untouched. Goals, in order: 1) the number printed is exactly
// the library's float64; 2) every bad record becomes one `OracleInputError` naming field,
// value and rule (the Objectives' own `ObjectiveError` text where the library rejects it);
// 3) no state shared between records.
import Foundation
import Objectives

/// The hyperparameters of one record, defaults applied.
public struct OracleArguments: Sendable {
  var numbers: [String: Double]
  /// The PRO hyper-reward mode (only read by the PRO App. D losses).
  public var hyperReward: HyperRewardMode

  /// The value of the number parameter `name` (present after decoding: required or default).
  public func number(_ name: String) -> Double {
    precondition(numbers[name] != nil, "oracle parameter \(name) was not decoded")
    return numbers[name] ?? .nan
  }
}

/// A loss value and (optionally) its gradient, named by the input's variable names.
public struct OracleEvaluation: Sendable, Equatable {
  public var value: Double
  /// (variable name, ∂ℓ/∂variable) in the library's order; nil when not requested.
  public var gradient: [OracleGradientEntry]?
}

/// One gradient component.
public struct OracleGradientEntry: Sendable, Equatable {
  public var name: String
  public var value: Double
}

/// An objective of the oracle.
public struct OracleObjective: Sendable {
  /// The CLI name, e.g. `dpo`, `pro-b-printed`.
  public let id: String
  /// The objective's paper and equation, from its doc comment.
  public let title: String
  /// The Swift type in Sources/Objectives.
  public let typeName: String
  /// The Swift input type (a key of ``OracleInputSchema/fields``).
  public let inputType: String
  public let parameters: [OracleParameter]
  let run: @Sendable (Data, Bool) throws -> OracleEvaluation

  init<O: Objective>(
    id: String, title: String, parameters: [OracleParameter],
    make: @escaping @Sendable (OracleArguments) -> O
  ) where O.Input: Codable {
    self.id = id
    self.title = title
    self.parameters = parameters
    typeName = String(describing: O.self)
    // Module-qualified name minus the module: "PreferencePair", "PRORLHF.Input".
    let qualified = String(reflecting: O.Input.self)
    inputType = qualified.hasPrefix("Objectives.") ? String(qualified.dropFirst(11)) : qualified
    let allowed = Set(
      parameters.map(\.name) + (OracleInputSchema.fields[inputType] ?? []).map(\.name))
    let spec = OracleRecordSpec(parameters: parameters, allowedKeys: allowed, objectiveID: id)
    run = { data, withGradient in
      let record = try OracleRecordDecoder.decode(
        OracleRecord<O.Input>.self, from: data, spec: spec)
      let objective = make(record.arguments)
      do {
        let value = try objective.loss(record.input)
        guard withGradient else { return OracleEvaluation(value: value, gradient: nil) }
        let g = try objective.gradient(record.input)
        let names = record.input.variableNames
        let entries = zip(names, g).map { OracleGradientEntry(name: $0.0, value: $0.1) }
        return OracleEvaluation(value: value, gradient: entries)
      } catch let e as ObjectiveError {
        throw OracleInputError(field: e.field, value: e.value, rule: e.rule)
      }
    }
  }

  /// The input fields of a record (besides the hyperparameters).
  public var inputFields: [OracleField] { OracleInputSchema.fields[inputType] ?? [] }

  /// Evaluates one JSON record (a UTF-8 JSON object).
  public func evaluate(json: Data, gradient: Bool) throws(OracleInputError) -> OracleEvaluation {
    do {
      return try run(json, gradient)
    } catch let e as OracleInputError {
      throw e
    } catch {
      throw OracleInputError(
        field: nil, value: "a value the oracle could not read", rule: "\(error)")
    }
  }
}
