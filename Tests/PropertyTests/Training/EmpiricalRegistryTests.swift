// The empirical registry against the catalog files (ids containing `empirical` or `.emp.`,
// or entries of Kind empirical, in ../shared/claims/*.md): per paper, what is missing; failing only for the papers whose
// empirical claims are complete. Also selection, the union of runs, and decideAll.
import Claims
import Foundation
import Testing
import Training

@Suite struct EmpiricalRegistryTests {
  /// Papers whose empirical claims are all registered.
  static let completePapers: Set<Paper> = Set(Paper.allCases)

  /// Empirical catalog ids per paper, in catalog order (nil when shared/ is not beside the
  /// checkout): by id, or by the entry's `- Kind: empirical` line (mappo.no-extra-compute),
  /// read by the analytic registry test's catalog parser.
  static func catalogEmpiricalIDs() -> [Paper: [String]]? {
    ClaimRegistryTests.catalogIDs()?.mapValues { $0.filter(ClaimRegistryTests.isEmpirical) }
  }

  @Test func registryMatchesTheCatalog() throws {
    guard let catalog = Self.catalogEmpiricalIDs() else { return }
    let registered = EmpiricalRegistry.all.map(\.id)
    #expect(Set(registered).count == registered.count, "duplicate empirical ids")
    let known = Set(catalog.values.joined())
    for id in registered {
      #expect(known.contains(id), "registered id \(id) is not in the catalog")
    }
    for p in Paper.allCases {
      let missing = (catalog[p] ?? []).filter { !registered.contains($0) }
      if Self.completePapers.contains(p) {
        #expect(missing.isEmpty, "\(p.rawValue): empirical claims not registered: \(missing)")
      } else if !missing.isEmpty {
        print(
          "empirical coverage: \(p.rawValue) misses \(missing.count): \(missing.joined(separator: ", "))"
        )
      }
    }
    // Catalog order within a paper.
    for p in Self.completePapers {
      let mine = EmpiricalRegistry.all.filter { $0.paper == p }.map(\.id)
      #expect(mine == (catalog[p] ?? []).filter { mine.contains($0) }, "\(p.rawValue) order")
    }
  }

  @Test func selectionByIdPaperAndGlob() throws {
    #expect(try EmpiricalRegistry.select(["pro"]).map(\.id) == PROEmpiricalClaims.all.map(\.id))
    let glob = try EmpiricalRegistry.select(["mappo.empirical.*-gain"]).map(\.id)
    #expect(glob == ["mappo.empirical.alignment-gain", "mappo.empirical.plugin-gain"])
    #expect(EmpiricalRegistry.claim(id: "pro.empirical-imbalanced-alpha") != nil)
    #expect(throws: EmpiricalSelectionError.self) { try EmpiricalRegistry.select(["mappo.nope*"]) }
  }

  @Test func runsAreTheDeduplicatedUnion() throws {
    let claims = try EmpiricalRegistry.select(["mappo"])
    let runs = EmpiricalRegistry.runs(for: claims)
    #expect(Set(runs.map(\.label)) == Set(claims.flatMap(\.runs).map(\.label)))
    #expect(Set(runs.map(\.label)).count == runs.count)
    // Every label means one spec across the whole registry (runs(for:) preconditions it).
    #expect(
      EmpiricalRegistry.runs(for: EmpiricalRegistry.all).count
        == Set(EmpiricalRegistry.all.flatMap(\.runs).map(\.label)).count)
  }

  @Test func decideAllRecordsEveryClaim() {
    let runs = EmpiricalRegistry.runs(for: EmpiricalRegistry.all)
    let results = EmpCoreFixtures.results(runs) { _ in EmpShift() }
    let decided = EmpiricalRegistry.decideAll(results)
    #expect(decided.map(\.id) == EmpiricalRegistry.all.map(\.id))
    #expect(decided.allSatisfy { $0.kind == .empirical && $0.seed == 7 && $0.seconds == 0 })
    // No effect anywhere: only the claims of no difference (equivalence by TOST,
    // non-inferiority, "no improvement") are confirmed, and exactly those.
    let noDifference: Set<String> = [
      "mpo.emp.reward-function-stability", "alphapo.empirical.reward-distribution",
      "pipa.empirical.prior-choice",
    ]
    let confirmed = decided.filter { $0.verdict == .confirmed }
    #expect(
      Set(confirmed.map(\.id)) == noDifference,
      "\(confirmed.map { "\($0.id): \($0.evidence)" })")
  }
}
