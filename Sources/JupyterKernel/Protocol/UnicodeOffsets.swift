/// Converts between protocol cursor positions and `String` indices.
///
/// Since protocol 5.2, `cursor_pos`, `cursor_start` and `cursor_end` count Unicode code points
/// (`String.unicodeScalars`), not grapheme clusters (`String.count`) and not UTF-16 units.
public enum UnicodeOffsets {
  /// The index `offset` code points into `text`, clamped to its ends.
  public static func index(in text: String, codePoint offset: Int) -> String.Index {
    let scalars = text.unicodeScalars
    let clamped = min(max(0, offset), scalars.count)
    return scalars.index(scalars.startIndex, offsetBy: clamped)
  }

  /// How many code points precede `index` in `text`.
  public static func codePoints(in text: String, upTo index: String.Index) -> Int {
    text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
  }

  /// The number of code points in `text`.
  public static func length(of text: String) -> Int {
    text.unicodeScalars.count
  }
}
