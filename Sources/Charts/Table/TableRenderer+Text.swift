public import FlowModel

extension TableRenderer {
  /// The table as aligned plain text: caption, header with units, numbers right-aligned,
  /// the same truncation as the HTML with a "..." row and a footer; text cells longer than
  /// 40 characters end in "…" (the HTML shows them in full).
  ///
  /// - Complexity: O(shown rows × columns).
  public static func text(_ table: Table, options: DisplayOptions = DisplayOptions()) -> String {
    let formats = table.columns.map { ColumnFormat($0, options: options) }
    let (head, tail) = visibleRows(table.rowCount, options: options)
    let truncated = head.count + tail.count < table.rowCount
    var grid: [[String]] = [zip(table.columns, formats).map { $1.header($0.name) }]
    for row in head {
      grid.append(zip(table.columns, formats).map { $1.text($0[row: row]) })
    }
    if truncated {
      grid.append(formats.map { _ in "..." })
      for row in tail {
        grid.append(zip(table.columns, formats).map { $1.text($0[row: row]) })
      }
    }
    grid = grid.map { line in line.map { $0.count > 40 ? String($0.prefix(39)) + "…" : $0 } }
    var widths = [Int](repeating: 0, count: formats.count)
    for line in grid {
      for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    var out = ""
    if let caption = table.caption, !caption.isEmpty { out += caption + "\n" }
    for line in grid {
      var text = ""
      for (i, cell) in line.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        if i > 0 { text += "  " }
        text += formats[i].isNumeric ? pad + cell : cell + pad
      }
      while text.hasSuffix(" ") { text.removeLast() }
      out += text + "\n"
    }
    if truncated { out += footer(table, shown: head.count + tail.count) + "\n" }
    if out.hasSuffix("\n") { out.removeLast() }
    return out
  }
}
