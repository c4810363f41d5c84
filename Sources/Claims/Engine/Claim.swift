// A registry record: one checkable claim of one paper, keyed by its catalog id
// (../shared/claims/<paper>.md), with the function that checks it.

/// A claim and its check.
public struct Claim: Sendable {
  /// The catalog id, e.g. `mappo.reduces-to-dpo`; stable once published.
  public var id: String
  public var paper: Paper
  /// Where in the paper: section, equation, theorem.
  public var source: String
  public var kind: ClaimKind
  /// The claim as printed (in the catalog's words, formulas as printed).
  public var statement: String
  public var provenance: ClaimProvenance
  /// Runs the check. Throwing (e.g. a numerical routine failing to converge) makes the
  /// verdict `inconclusive` with the error as its reason — never a pass.
  public var check: @Sendable (CheckContext) throws -> CheckOutcome

  public init(
    id: String, paper: Paper, source: String, kind: ClaimKind, statement: String,
    provenance: ClaimProvenance = .verbatim,
    check: @escaping @Sendable (CheckContext) throws -> CheckOutcome
  ) {
    self.id = id
    self.paper = paper
    self.source = source
    self.kind = kind
    self.statement = statement
    self.provenance = provenance
    self.check = check
  }

  /// Empirical claims (ids containing `empirical` or `.emp.`) belong to the training run.
  public var isEmpirical: Bool {
    kind == .empirical || id.contains("empirical") || id.contains(".emp.")
  }
}
