// `verify list [--paper P] [--json]`: the registered claims.
import ArgumentParser
import Claims
import Training

struct ListClaims: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List claim ids, papers, sources, kinds and provenance.")

  @Option(help: "Only this paper's claims (mappo, mpo, pro, alphapo, pipa).")
  var paper: String?

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func validate() throws {
    if let paper, Paper(rawValue: paper) == nil {
      let papers = Paper.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("--paper must be one of \(papers), got '\(paper)'")
    }
  }

  func run() throws {
    // The analytic registry, then the empirical claims `verify train` decides.
    let analytic = ClaimRegistry.all.map(ClaimListing.init)
    let empirical = EmpiricalRegistry.all.map {
      ClaimListing(
        id: $0.id, paper: $0.paper, source: $0.source, kind: .empirical,
        provenance: .verbatim, statement: $0.statement)
    }
    let rows = (analytic + empirical).filter { paper == nil || $0.paper.rawValue == paper }
    if json {
      print(try JSONOutput.string(rows))
      return
    }
    for r in rows {
      let tag = r.empirical ? " [empirical]" : ""
      print("\(r.id)\t\(r.paper.rawValue)\t\(r.kind.rawValue)\t\(r.provenance)\t\(r.source)\(tag)")
    }
  }
}
