// Multi-part entries: the verdict is the worst part (refuted < inconclusive < conditional <
// approximate < confirmed); the evidence lists every part.

/// Combines named part outcomes into one outcome by the catalogs' multi-part rule.
public func combineParts(_ parts: [(name: String, outcome: CheckOutcome)], notes: [String] = []) -> CheckOutcome {
  let verdict = Verdict.worst(parts.map(\.outcome.verdict))
  let worst = parts.first { $0.outcome.verdict == verdict }
  let summary = parts.map { "\($0.name): \($0.outcome.verdict.rawValue)" }.joined(separator: "; ")
    + (verdict == .confirmed ? "" : " — \(worst?.name ?? ""): \(worst?.outcome.summary ?? "")")
  return CheckOutcome(
    verdict: verdict, summary: summary,
    classes: parts.flatMap { p in p.outcome.classes.map { c in
      var c = c
      c.name = "\(p.name): \(c.name)"
      return c
    } },
    notes: notes + parts.flatMap { p in p.outcome.notes.map { "\(p.name): \($0)" } },
    counterexample: worst?.outcome.counterexample,
    conditions: parts.flatMap(\.outcome.conditions))
}
