/// Escaping for HTML and SVG text: the only way text reaches markup in this module.
///
/// ```
/// HTML.text("<script>")  // "&lt;script&gt;"
/// ```
public enum HTML {
  /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces characters XML 1.0 forbids with U+FFFD,
  /// so the result is safe both as element content and inside a quoted attribute.
  public static func text(_ string: String) -> String {
    var out = ""
    out.reserveCapacity(string.utf8.count)
    append(string, to: &out)
    return out
  }

  /// Appends the escaped form of `string` to `out` (see ``text(_:)``).
  public static func append(_ string: String, to out: inout String) {
    for scalar in string.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
  }
}
