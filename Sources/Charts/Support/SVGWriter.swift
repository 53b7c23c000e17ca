/// Builds SVG markup into one string: elements with attributes in a fixed order,
/// numbers with at most 2 decimals, all text escaped.
struct SVGWriter {
  /// The markup so far.
  private(set) var output = ""
  /// How deep the next element is indented (open elements, plus the start depth).
  private(set) var depth = 0

  init(depth: Int = 1) {
    self.depth = depth
    output.reserveCapacity(16_384)
  }

  /// An attribute value: text (escaped) or a number (2 decimals).
  enum Value: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case number(Double)
    init(stringLiteral value: String) { self = .text(value) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
  }

  private mutating func indent() {
    output += String(repeating: " ", count: depth * 2)
  }

  private mutating func attributes(_ attrs: KeyValuePairs<String, Value>) {
    for (key, value) in attrs {
      output += " "
      output += key
      output += "=\""
      switch value {
      case .text(let s): HTML.append(s, to: &output)
      case .number(let d): output += NumberText.coordinate(d)
      }
      output += "\""
    }
  }

  /// Appends markup another writer wrote, whole elements starting at this writer's ``depth``.
  mutating func append(markup: String) {
    output += markup
  }

  /// Opens `<name …>` on its own line; close it with ``close(_:)``.
  mutating func open(_ name: String, _ attrs: KeyValuePairs<String, Value> = [:]) {
    indent()
    output += "<" + name
    attributes(attrs)
    output += ">\n"
    depth += 1
  }

  /// Writes `</name>`.
  mutating func close(_ name: String) {
    depth -= 1
    indent()
    output += "</" + name + ">\n"
  }

  /// Writes an empty element `<name …/>`.
  mutating func element(_ name: String, _ attrs: KeyValuePairs<String, Value>) {
    indent()
    output += "<" + name
    attributes(attrs)
    output += "/>\n"
  }

  /// Writes `<name …>text</name>` with the text escaped.
  mutating func element(_ name: String, _ attrs: KeyValuePairs<String, Value>, text: String) {
    indent()
    output += "<" + name
    attributes(attrs)
    output += ">"
    HTML.append(text, to: &output)
    output += "</" + name + ">\n"
  }
}

/// Builds a path's `d` attribute with coordinates rounded to 2 decimals.
struct PathData {
  private(set) var text = ""

  mutating func move(_ x: Double, _ y: Double) { command("M", [x, y]) }
  mutating func line(_ x: Double, _ y: Double) { command("L", [x, y]) }
  mutating func horizontal(_ x: Double) { command("H", [x]) }
  mutating func vertical(_ y: Double) { command("V", [y]) }
  mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double, _ y: Double) {
    command("C", [x1, y1, x2, y2, x, y])
  }
  mutating func arc(radius r: Double, large: Bool, sweep: Bool, _ x: Double, _ y: Double) {
    command("A", [r, r, 0])
    text += large ? " 1" : " 0"
    text += sweep ? " 1 " : " 0 "
    text += NumberText.coordinate(x) + " " + NumberText.coordinate(y)
  }
  mutating func closePath() { text += text.isEmpty ? "Z" : " Z" }

  private mutating func command(_ c: String, _ numbers: [Double]) {
    if !text.isEmpty { text += " " }
    text += c
    for (i, n) in numbers.enumerated() {
      text += i == 0 ? "" : " "
      text += NumberText.coordinate(n)
    }
  }
}
