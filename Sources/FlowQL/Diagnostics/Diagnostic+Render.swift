extension Diagnostic {
  /// The annotated block shown to users, without colours:
  ///
  /// ```text
  /// error[E201]: unknown column `yaer`
  ///  --> 2:10
  ///   |
  /// 2 |   | where yaer == 2020
  ///   |           ^^^^ not a column of this table
  ///   |
  ///   = help: did you mean `year`?
  /// ```
  ///
  /// Lines and columns are 1-based; columns count Unicode scalars.
  public func render(source: String) -> String {
    render(SourceText(source), colored: false)
  }

  /// The same block with ANSI colours (bold red or yellow code, blue gutter), for a terminal.
  public func renderColored(source: String) -> String {
    render(SourceText(source), colored: true)
  }

  /// The `line:column` where the diagnostic starts.
  public func location(in source: String) -> SourceLocation {
    SourceText(source).location(of: range.start)
  }

  /// The most columns of a source line quoted under a diagnostic.
  static let quotedWidth = 100

  func render(_ text: SourceText, colored: Bool) -> String {
    func paint(_ s: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    let accent = severity == .error ? "1;31" : "1;33"
    let start = text.location(of: range.start)
    var endOffset = range.end
    // Underline at least one column, and never past the end of the first line.
    let lineText = text.lineText(start.line)
    let lineLength = lineText.unicodeScalars.count
    if endOffset <= range.start { endOffset = range.start + 1 }
    let end = text.location(of: min(endOffset, text.scalars.count))
    let lastColumn = end.line == start.line ? max(end.column, start.column + 1) : lineLength + 1
    var width = max(1, lastColumn - start.column)
    // A long line is quoted around the caret only, with … where it is cut.
    var quoted = lineText
    var padding = start.column - 1
    if lineLength > Self.quotedWidth {
      let scalars = Array(lineText.unicodeScalars)
      let from = max(0, min(start.column - 1 - Self.quotedWidth / 3, lineLength - Self.quotedWidth))
      let to = min(lineLength, from + Self.quotedWidth)
      var view = String(String.UnicodeScalarView(scalars[from..<to]))
      if to < lineLength { view += "…" }
      if from > 0 { view = "…" + view }
      quoted = view
      padding = start.column - 1 - from + (from > 0 ? 1 : 0)
      width = max(1, min(width, to - (start.column - 1)))
    }
    let gutter = String(repeating: " ", count: String(start.line).count)
    var out = paint("\(severity.rawValue)[\(code.rawValue)]", accent) + ": " + message + "\n"
    out += "\(gutter)--> \(start.line):\(start.column)\n"
    out += "\(gutter) |\n"
    out += "\(start.line) | \(quoted)\n"
    let pad = String(repeating: " ", count: padding)
    let carets = paint(String(repeating: "^", count: width), accent)
    out += "\(gutter) | \(pad)\(carets)" + (label.map { " " + $0 } ?? "") + "\n"
    if !help.isEmpty || !notes.isEmpty { out += "\(gutter) |\n" }
    for h in help { out += "\(gutter) = \(paint("help", "1")): \(h)\n" }
    for n in notes { out += "\(gutter) = \(paint("note", "1")): \(n)\n" }
    return out
  }
}
