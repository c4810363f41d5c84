// The registry of every checked claim, keyed by catalog id. Adding a paper's claims is
// adding one file `Sources/Claims/<Paper>/<Paper>Claims.swift` with a static `all` list
// and naming it here.

/// All registered claims and how to select them.
public enum ClaimRegistry {
  /// Every registered claim, in catalog order per paper.
  public static let all: [Claim] =
    MaPPOClaims.all + MPOClaims.all + PROClaims.all + AlphaPOClaims.all + PIPAClaims.all

  /// The claim with this id, if registered.
  public static func claim(id: String) -> Claim? { all.first { $0.id == id } }

  /// Claims selected by ids, paper names (`mappo`) or globs (`mappo.reduces-*`), in
  /// registry order, without duplicates.
  /// - Throws: ``SelectionError`` naming a pattern that matches nothing.
  public static func select(_ patterns: [String]) throws -> [Claim] {
    if patterns.isEmpty { return all }
    var chosen = Set<String>()
    for p in patterns {
      let matches = all.filter { c in
        c.id == p || c.paper.rawValue == p || globMatch(p, c.id)
      }
      if matches.isEmpty { throw SelectionError(pattern: p) }
      for m in matches { chosen.insert(m.id) }
    }
    return all.filter { chosen.contains($0.id) }
  }
}

/// A selection pattern that matched no claim.
public struct SelectionError: Error, CustomStringConvertible {
  public var pattern: String
  public var description: String {
    let empirical = pattern.contains("empirical") || pattern.contains(".emp.")
    return "claim selector '\(pattern)' matches no registered analytic claim id, paper or glob "
      + (empirical
        ? "(empirical claims are decided by `verify train --claims \(pattern)`)"
        : "(see `verify list`)")
  }
}

/// Shell-style glob match supporting `*` and `?`.
public func globMatch(_ pattern: String, _ text: String) -> Bool {
  let p = Array(pattern)
  let t = Array(text)
  var pi = 0
  var ti = 0
  var star = -1
  var mark = 0
  while ti < t.count {
    if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
      pi += 1
      ti += 1
    } else if pi < p.count && p[pi] == "*" {
      star = pi
      mark = ti
      pi += 1
    } else if star >= 0 {
      pi = star + 1
      mark += 1
      ti = mark
    } else {
      return false
    }
  }
  while pi < p.count && p[pi] == "*" { pi += 1 }
  return pi == p.count
}
