extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  ///
  /// A CSV field is usually already trimmed, so this returns `self` without copying when both
  /// ends are not whitespace (Foundation's `trimmingCharacters(in:)` costs more than the rest
  /// of reading a flows file together).
  var trimmedWhitespace: String {
    let utf8 = self.utf8
    guard let first = utf8.first, let last = utf8.last else { return self }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    if !isSpace(first) && !isSpace(last) { return self }
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
    while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
    return String(self[start..<end])
  }
}
