// The label rule shared by PIPA's inputs (PIPA, 004_fe2e5eb1635a4348.txt, §2.1 and §2.5):
// a preference/correctness label c ∈ {0, 1}, per answer or per token.

extension Validate {
  /// A PIPA label c ∈ {0, 1}.
  public static func zeroOrOne(_ c: Int, _ field: String) throws {
    if c != 0 && c != 1 {
      throw ObjectiveError(field: field, value: "\(c)", rule: "must be 0 or 1")
    }
  }
  /// Every element a label in {0, 1}.
  public static func zeroOrOneLabels(_ cs: [Int], _ field: String) throws {
    for (i, c) in cs.enumerated() { try zeroOrOne(c, "\(field)[\(i)]") }
  }
}
