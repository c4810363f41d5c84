// A generated block of a docs chapter: the text between a begin line and an end line that
// `verify docs --write` rewrites and `verify docs --check` compares (the per-paper verdict
// tables, the training chapter's empirical verdict table).

/// The markers of one kind of generated block, and finding and replacing its content.
public struct DocsGeneratedBlock: Sendable {
  /// The line that opens the block.
  public let begin: String
  /// The line that closes it.
  public let end: String

  public init(begin: String, end: String) {
    self.begin = begin
    self.end = end
  }

  /// A chapter that lacks the markers, or has them out of order.
  public struct MissingMarkers: Error, CustomStringConvertible {
    public var chapter: String
    public var begin: String
    public var end: String
    public var description: String {
      "\(chapter) has no generated block: add a line '\(begin)' followed by a line '\(end)'"
    }
  }

  /// The block's content in `text` (between the markers), if present.
  public func extract(from text: String) -> String? {
    guard let b = text.range(of: begin + "\n"),
      let e = text.range(of: end, range: b.upperBound..<text.endIndex)
    else { return nil }
    return String(text[b.upperBound..<e.lowerBound])
  }

  /// `text` with the block's content replaced by `content`.
  /// - Throws: ``MissingMarkers`` naming `chapter` when the block is absent.
  public func replacing(in text: String, chapter: String, with content: String) throws -> String {
    guard let b = text.range(of: begin + "\n"),
      let e = text.range(of: end, range: b.upperBound..<text.endIndex)
    else { throw MissingMarkers(chapter: chapter, begin: begin, end: end) }
    return String(text[..<b.upperBound]) + content + String(text[e.lowerBound...])
  }
}
