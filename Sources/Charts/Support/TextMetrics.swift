/// Estimated text widths for a Helvetica/Arial-like sans-serif (AFM advance widths).
///
/// There is no font engine to ask, so widths are estimated per character and padded by 12 % (DejaVu Sans, a common fallback, is that much wider).
enum TextMetrics {
  /// Advance widths in thousandths of an em for ASCII 32…126.
  private static let ascii: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
  ]

  /// The estimated width of `text` in pixels at `size` px; bold text is 7 % wider.
  static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
    var units = 0
    for scalar in text.unicodeScalars {
      let v = Int(scalar.value)
      if v >= 32 && v <= 126 {
        units += ascii[v - 32]
      } else if v == 0x2026 || v == 0x2192 || v == 0x2014 {
        units += 1000
      } else if v == 0x2212 || v == 0xD7 || v == 0x2013 {
        units += 584
      } else if v >= 0x1100 {
        units += 1000  // CJK and other wide scripts
      } else {
        units += 600
      }
    }
    return Double(units) / 1000 * size * (bold ? 1.07 : 1) * 1.12
  }

  /// `text` shortened with "…" so it fits `maxWidth` px at `size` px.
  static func truncate(_ text: String, maxWidth: Double, size: Double, bold: Bool = false) -> String {
    if width(text, size: size, bold: bold) <= maxWidth { return text }
    var chars = Array(text)
    while !chars.isEmpty && width(String(chars) + "…", size: size, bold: bold) > maxWidth {
      chars.removeLast()
    }
    return chars.isEmpty ? "…" : String(chars) + "…"
  }
}

extension TextMetrics {
  /// `text` broken at spaces into at most `maxLines` lines of `maxWidth` px; the last line is
  /// shortened with "…" when words remain.
  static func wrap(_ text: String, maxWidth: Double, size: Double, maxLines: Int) -> [String] {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    var lines: [String] = []
    var current = ""
    var k = 0
    while k < words.count {
      if lines.count >= maxLines - 1 {
        let rest = (current.isEmpty ? [] : [current]) + words[k...]
        lines.append(truncate(rest.joined(separator: " "), maxWidth: maxWidth, size: size))
        return lines
      }
      let candidate = current.isEmpty ? words[k] : current + " " + words[k]
      if current.isEmpty || width(candidate, size: size) <= maxWidth {
        current = candidate
        k += 1
      } else {
        lines.append(truncate(current, maxWidth: maxWidth, size: size))
        current = ""
      }
    }
    if !current.isEmpty { lines.append(truncate(current, maxWidth: maxWidth, size: size)) }
    return lines
  }
}
