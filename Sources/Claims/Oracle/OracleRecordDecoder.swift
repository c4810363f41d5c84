// Decoding one `verify loss` record: a JSON object holding the objective's hyperparameters
// and its input fields side by side, e.g.
//   {"beta": 0.1, "logProbChosen": -1.5, "logProbRejected": -2, "refLogProbChosen": -1.6,
//    "refLogProbRejected": -1.9, "lengthChosen": 1, "lengthRejected": 1}
// The input is decoded by the Objectives types' own Codable conformance. Goals, in order:
// 1) every failure names the field, the value and the rule; 2) unknown keys are errors (a
// misspelt optional hyperparameter must not silently take its default); 3) NaN and ±Infinity
// (as Python's json.dumps writes them, or as the strings "nan", "inf", "-inf") reach the
// objective's `Validate` rules, which name them, instead of failing as malformed JSON.
import Foundation
import Objectives

/// What a record of one objective may contain.
struct OracleRecordSpec: Sendable {
  var parameters: [OracleParameter]
  var allowedKeys: Set<String>
  var objectiveID: String
}

/// One decoded record: the hyperparameters and the input.
struct OracleRecord<Input: Decodable>: Decodable {
  var arguments: OracleArguments
  var input: Input

  init(from decoder: Decoder) throws {
    guard let key = OracleRecordDecoder.specKey,
      let spec = decoder.userInfo[key] as? OracleRecordSpec
    else {
      throw OracleInputError(field: nil, value: "no record spec", rule: "internal error")
    }
    let c = try decoder.container(keyedBy: OracleKey.self)
    let unknown = c.allKeys.map(\.stringValue).filter { !spec.allowedKeys.contains($0) }.sorted()
    if let first = unknown.first {
      let known = spec.allowedKeys.sorted().joined(separator: ", ")
      throw OracleInputError(
        field: first, value: "an unknown key",
        rule: "must be a field of \(spec.objectiveID) (\(known))")
    }
    var numbers: [String: Double] = [:]
    var mode = HyperRewardMode.exact
    for p in spec.parameters {
      let key = OracleKey(p.name)
      switch p.kind {
      case .number:
        if c.contains(key) {
          numbers[p.name] = try c.decode(Double.self, forKey: key)
        } else if let d = p.defaultValue, let v = Double(d) {
          numbers[p.name] = v
        } else {
          throw OracleInputError(field: p.name, value: "nothing (missing)", rule: "is required")
        }
      case .hyperReward:
        if c.contains(key) {
          let s = try c.decode(String.self, forKey: key)
          guard let m = HyperRewardMode(rawValue: s) else {
            let modes = HyperRewardMode.allCases.map { "\"\($0.rawValue)\"" }
              .joined(separator: ", ")
            throw OracleInputError(
              field: p.name, value: "\"\(s)\"", rule: "must be one of \(modes)")
          }
          mode = m
        }
      }
    }
    arguments = OracleArguments(numbers: numbers, hyperReward: mode)
    input = try Input(from: decoder)
  }
}

/// A JSON object key.
struct OracleKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(_ s: String) { stringValue = s }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    stringValue = "\(intValue)"
    self.intValue = intValue
  }
}

/// Decodes records and turns every decoding failure into an ``OracleInputError``.
enum OracleRecordDecoder {
  /// The userInfo key carrying the ``OracleRecordSpec`` (the initializer never fails for a
  /// non-empty literal; optional only because the standard library declares it failable).
  static let specKey = CodingUserInfoKey(rawValue: "alignCheckOracleSpec")

  static func decode<T: Decodable>(_ type: T.Type, from data: Data, spec: OracleRecordSpec)
    throws -> T
  {
    let d = JSONDecoder()
    d.allowsJSON5 = true  // for bare NaN / Infinity / -Infinity, as Python writes them
    d.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    if let specKey { d.userInfo[specKey] = spec }
    do {
      return try d.decode(type, from: data)
    } catch let e as OracleInputError {
      throw e
    } catch let e as DecodingError {
      throw translate(e, data: data)
    }
  }

  /// The field path of a coding path: `positive.logProbs[2]`.
  static func fieldName(_ path: [CodingKey]) -> String? {
    var s = ""
    for k in path {
      if let i = k.intValue {
        s += "[\(i)]"
      } else {
        s += s.isEmpty ? k.stringValue : "." + k.stringValue
      }
    }
    return s.isEmpty ? nil : s
  }

  static func translate(_ e: DecodingError, data: Data) -> OracleInputError {
    switch e {
    case .keyNotFound(let key, let ctx):
      let field = fieldName(ctx.codingPath + [key]) ?? key.stringValue
      return OracleInputError(field: field, value: "nothing (missing)", rule: "is required")
    case .valueNotFound(let type, let ctx):
      return OracleInputError(
        field: fieldName(ctx.codingPath), value: "null", rule: "must be \(jsonType(type))")
    case .typeMismatch(let type, let ctx):
      let field = fieldName(ctx.codingPath)
      let raw = rawValue(at: ctx.codingPath, in: data)
      if field == nil {
        return OracleInputError(field: nil, value: raw, rule: "must be a JSON object")
      }
      return OracleInputError(field: field, value: raw, rule: "must be \(jsonType(type))")
    case .dataCorrupted(let ctx):
      if let field = fieldName(ctx.codingPath) {
        return OracleInputError(
          field: field, value: rawValue(at: ctx.codingPath, in: data),
          rule: "must be a representable value (\(ctx.debugDescription))")
      }
      let underlying = ctx.underlyingError.map { " (\($0))" } ?? ""
      return OracleInputError(
        field: nil, value: snippet(data), rule: "must be valid JSON\(underlying)")
    @unknown default:
      return OracleInputError(field: nil, value: snippet(data), rule: "must decode (\(e))")
    }
  }

  static func jsonType(_ type: Any.Type) -> String {
    if type == Double.self { return "a number" }
    if type == Int.self { return "an integer" }
    if type == Bool.self { return "true or false" }
    if type == String.self { return "a string" }
    let t = String(describing: type)
    if t.hasPrefix("Array") { return "an array" }
    if t.contains("Dictionary") || t.contains("Keyed") { return "a JSON object" }
    return t
  }

  /// The first 60 characters of the record, on one line.
  static func snippet(_ data: Data) -> String {
    let s = String(decoding: data, as: UTF8.self)
      .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
    let cut = s.count > 60 ? String(s.prefix(59)) + "…" : s
    return "`\(cut)`"
  }

  /// The JSON text of the value at `path`, for messages (best effort).
  static func rawValue(at path: [CodingKey], in data: Data) -> String {
    guard
      var node = try? JSONSerialization.jsonObject(
        with: data, options: [.fragmentsAllowed])
    else { return snippet(data) }
    for k in path {
      if let i = k.intValue, let a = node as? [Any], a.indices.contains(i) {
        node = a[i]
      } else if let o = node as? [String: Any], let v = o[k.stringValue] {
        node = v
      } else {
        return "?"
      }
    }
    if let s = node as? String { return "\"\(s)\"" }
    if node is NSNull { return "null" }
    guard
      let d = try? JSONSerialization.data(
        withJSONObject: node, options: [.fragmentsAllowed, .sortedKeys])
    else { return "\(node)" }
    let s = String(decoding: d, as: UTF8.self)
    return s.count > 60 ? String(s.prefix(59)) + "…" : s
  }
}
