import Testing

// The `verify loss` stream splitter and oracle loop in process: JSON Lines, a pretty-printed
// object, strings holding brackets, a broken line that must not swallow the next record,
// chunk boundaries anywhere (every split point of a small stream gives the same records),
// and the SVG writer's determinism.
@testable import Claims

@Suite struct JSONRecordSplitterTests {
  static func split(_ text: String, chunk: Int) -> [JSONRecordChunk] {
    var s = JSONRecordSplitter()
    let bytes = Array(text.utf8)
    var out: [JSONRecordChunk] = []
    var i = 0
    while i < bytes.count {
      out += s.feed(bytes[i..<min(bytes.count, i + chunk)])
      i += chunk
    }
    if let last = s.finish() { out.append(last) }
    return out
  }

  static func texts(_ rs: [JSONRecordChunk]) -> [String] {
    rs.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  @Test("JSON Lines with a broken line: the next record survives, lines are right")
  func jsonLinesBroken() {
    let text = "{\"a\":1}\n{\"b\":\n{\"c\":\"}{[\"}\n\n{\"d\":[1,2]}\n"
    for chunk in 1...text.utf8.count {
      let rs = Self.split(text, chunk: chunk)
      #expect(Self.texts(rs) == ["{\"a\":1}", "{\"b\":", "{\"c\":\"}{[\"}", "{\"d\":[1,2]}"])
      #expect(rs.map(\.line) == [1, 2, 3, 5])
      #expect(rs.map(\.record) == [1, 2, 3, 4])
    }
  }

  @Test("a pretty-printed object is one record; garbage runs to the end of its line")
  func pretty() {
    let text = "{\n  \"a\": [1,\n 2],\n  \"s\": \"x\\\"}\"\n}\nnot json\n"
    let rs = Self.split(text, chunk: 3)
    #expect(rs.count == 2)
    #expect(rs.first?.line == 1)
    #expect(rs.last.map { String(decoding: $0.bytes, as: UTF8.self) } == "not json")
    #expect(rs.last?.line == 6)
  }

  @Test("the oracle loop: results and errors in record order, counts kept")
  func oracleLoop() throws {
    let o = try #require(OracleCatalog.objective(named: "dpo"))
    var loop = LossOracle(objective: o, gradient: false)
    let good =
      "{\"beta\":1,\"logProbChosen\":-1,\"logProbRejected\":-2,\"refLogProbChosen\":-1,"
      + "\"refLogProbRejected\":-2,\"lengthChosen\":1,\"lengthRejected\":1}"
    let lines = loop.run(good + "\n{\n" + good)
    #expect(loop.records == 3)
    #expect(loop.rejected == 1)
    // The margin is 0, so the loss is log 2 exactly as softplus(0) computes it.
    #expect(lines.first == .result("{\"record\":1,\"value\":\(softplusZero)}"))
    if case .error(let e) = lines[1] {
      #expect(e.hasPrefix("record 2 (line 2): the record must be valid JSON"))
    } else {
      Issue.record("record 2 should be an error, got \(lines[1])")
    }
  }

  /// log 2 as a Double, the DPO loss at zero margin.
  let softplusZero = 0.6931471805599453

  @Test("numbers print in shortest round-trip form")
  func numbers() {
    for x in [0.1, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1 / 3.0, -2.5e-17] {
      #expect(Double(OracleOutput.number(x))?.bitPattern == x.bitPattern)
    }
    #expect(OracleOutput.number(.nan) == "\"nan\"")
  }

  @Test("the SVG line plot is deterministic and well-formed enough to hold every series")
  func svg() {
    let p = ClaimReportPlots.plots(for: .alphapo)
    #expect(p.count == 2)
    let a = p.map { $0.render() }
    let b = ClaimReportPlots.plots(for: .alphapo).map { $0.render() }
    #expect(a == b)
    for s in a {
      #expect(s.hasPrefix("<svg"))
      #expect(s.hasSuffix("</svg>"))
      #expect(s.components(separatedBy: "<polyline").count - 1 == 3)
    }
  }
}
