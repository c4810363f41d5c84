// A printed-table check fed a cell that is not a printed decimal: the check throws (its
// verdict becomes inconclusive with this reason), never guesses a value.

/// A malformed printed cell.
public struct PrintedTableError: Error, CustomStringConvertible, Sendable {
  public var cell: String
  public var text: String
  public var description: String { "\(cell) must be a printed decimal, got \"\(text)\"" }
}

extension DecimalInterval {
  /// The printed interval of `text`, or an error naming the cell.
  public static func printedCell(_ text: String, _ cell: String) throws -> DecimalInterval {
    guard let x = DecimalInterval(printed: text) else { throw PrintedTableError(cell: cell, text: text) }
    return x
  }

  /// The exact (degenerate) interval of a threshold written as a decimal.
  public static func threshold(_ text: String) throws -> DecimalInterval {
    guard let x = DecimalInterval(exactly: text) else {
      throw PrintedTableError(cell: "threshold", text: text)
    }
    return x
  }
}
