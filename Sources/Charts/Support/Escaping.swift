import FlowModel

/// Escaping for HTML and SVG text: the only way text reaches markup in this module.
///
/// ```
/// HTML.text("<script>")  // "&lt;script&gt;"
/// ```
public enum HTML {
  /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces characters XML 1.0 forbids with U+FFFD,
  /// so the result is safe both as element content and inside a quoted attribute.
  public static func text(_ string: String) -> String {
    escaper.escaped(string)
  }

  /// Appends the escaped form of `string` to `out` (see ``text(_:)``).
  public static func append(_ string: String, to out: inout String) {
    escaper.append(string, to: &out)
  }

  private static let escaper = TextEscaper(
    ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\t": "\t", "\n": "\n", "\r": "\r"],
    control: { _ in "\u{FFFD}" },
    other: { (0xFFFE...0xFFFF).contains($0.value) ? "\u{FFFD}" : nil })
}
