// The registry as data for `verify list`: id, paper, source, kind, provenance, statement.

/// One registry record without its check, for listings.
public struct ClaimListing: Codable, Sendable {
  public var id: String
  public var paper: Paper
  public var paperFile: String
  public var source: String
  public var kind: ClaimKind
  public var provenance: String
  public var empirical: Bool
  public var statement: String

  /// A listing of a claim that is not in the analytic registry (the empirical claims, which
  /// `verify train` decides).
  public init(
    id: String, paper: Paper, source: String, kind: ClaimKind, provenance: ClaimProvenance,
    statement: String
  ) {
    self.id = id
    self.paper = paper
    paperFile = paper.file
    self.source = source
    self.kind = kind
    self.provenance = provenance.description
    empirical = kind == .empirical
    self.statement = statement
  }

  public init(_ c: Claim) {
    id = c.id
    paper = c.paper
    paperFile = c.paper.file
    source = c.source
    kind = c.kind
    provenance = c.provenance.description
    empirical = c.isEmpirical
    statement = c.statement
  }
}
