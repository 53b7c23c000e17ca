import FoundationEssentials

/// Locale-independent number formatting (POSIX digits, "," grouping, "." decimal point).
enum NumberText {
  /// The minus sign for typeset output (SVG, HTML).
  static let typographicMinus = "\u{2212}"

  /// `value` with exactly `decimals` digits after the point, optionally grouped by thousands.
  ///
  /// ```
  /// NumberText.fixed(1234567.25, decimals: 1)  // "1,234,567.3"
  /// ```
  static func fixed(_ value: Double, decimals: Int, grouping: Bool = true, minus: String = "-") -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? minus + "∞" : "∞") }
    let d = max(0, min(decimals, 9))
    var scale: Double = 1
    for _ in 0..<d { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    var digits: String
    if scaled < 9.0e15 {
      digits = String(UInt64(scaled))
    } else {
      digits = Self.integerDigits(scaled)
    }
    if digits.count <= d {
      digits = String(repeating: "0", count: d - digits.count + 1) + digits
    }
    let intPart = digits.dropLast(d)
    let fracPart = digits.suffix(d)
    var out = ""
    if scaled != 0 && value < 0 { out += minus }
    if grouping {
      let chars = Array(intPart)
      for (i, c) in chars.enumerated() {
        if i > 0 && (chars.count - i) % 3 == 0 { out += "," }
        out.append(c)
      }
    } else {
      out += intPart
    }
    if d > 0 { out += "." + fracPart }
    return out
  }

  /// The digits of a whole number too large for `UInt64`, from its shortest decimal form
  /// (`1.2345e+20` → `123450000000000000000`).
  static func integerDigits(_ value: Double) -> String {
    let text = "\(value)"
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...])
    else { return text.hasSuffix(".0") ? String(text.dropLast(2)) : text }
    let parts = text[..<e].split(separator: ".")
    let fraction = parts.count > 1 ? parts[1].count : 0
    return parts.joined() + String(repeating: "0", count: max(0, exponent - fraction))
  }

  /// A coordinate for SVG: at most 2 decimals, trailing zeros dropped, never "-0".
  static func coordinate(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == 0 || !rounded.isFinite { return "0" }
    let hundredths = (abs(rounded) * 100).rounded()
    if hundredths < 9.0e15 {
      // What `fixed(rounded, decimals: 2, grouping: false)` gives, trimmed, without the string work.
      let whole = UInt64(hundredths)
      let (integer, fraction) = whole.quotientAndRemainder(dividingBy: 100)
      var text = rounded < 0 && whole != 0 ? "-" : ""
      text += String(integer)
      if fraction != 0 {
        text += fraction < 10 ? ".0" : "."
        text += String(fraction % 10 == 0 ? fraction / 10 : fraction)
      }
      return text
    }
    var text = fixed(rounded, decimals: 2, grouping: false)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// Whether every finite value is a whole number.
  static func allIntegral(_ values: some Sequence<Double>) -> Bool {
    values.allSatisfy { !$0.isFinite || $0.rounded() == $0 }
  }
}
