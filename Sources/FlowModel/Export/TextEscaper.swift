/// Escapes text for a markup or data format: a table of replacements for ASCII characters and a
/// rule for the rest, so each format states only what it replaces.
///
/// ```
/// TextEscaper(["<": "&lt;"]).escaped("a<b")  // "a&lt;b"
/// ```
public struct TextEscaper: Sendable {
  /// What each ASCII character becomes, or nil to keep it.
  private let ascii: [String?]
  /// What a non-ASCII scalar becomes, or nil to keep it.
  private let other: @Sendable (Unicode.Scalar) -> String?

  /// An escaper that replaces the ASCII characters in `replacements`, the other ASCII control
  /// characters (below U+0020) by `control`, and any other scalar by what `other` returns.
  public init(
    _ replacements: [Unicode.Scalar: String], control: (@Sendable (Unicode.Scalar) -> String)? = nil,
    other: @escaping @Sendable (Unicode.Scalar) -> String? = { _ in nil }
  ) {
    var table = [String?](repeating: nil, count: 128)
    if let control {
      for value in 0..<0x20 { table[value] = control(Unicode.Scalar(UInt8(value))) }
    }
    for (scalar, replacement) in replacements where scalar.isASCII { table[Int(scalar.value)] = replacement }
    self.ascii = table
    self.other = other
  }

  /// Appends the escaped form of `text` to `out`.
  public func append(_ text: String, to out: inout String) {
    // Most text (numbers, path data, names) needs no escaping: it is appended whole.
    guard text.unicodeScalars.contains(where: { ($0.isASCII ? ascii[Int($0.value)] : other($0)) != nil }) else {
      out += text
      return
    }
    for scalar in text.unicodeScalars {
      let replacement = scalar.isASCII ? ascii[Int(scalar.value)] : other(scalar)
      if let replacement { out += replacement } else { out.unicodeScalars.append(scalar) }
    }
  }

  /// The escaped form of `text`.
  public func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    append(text, to: &out)
    return out
  }
}
