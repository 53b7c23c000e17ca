public import FlowModel

extension TableRenderer {
  /// The table as self-contained HTML: caption, units in headers, numbers right-aligned,
  /// long tables truncated with a "⋯" row and a footer. Every name and value is escaped.
  /// Rows whose Boolean `ok` column is false (a failed check, such as a balance beyond its
  /// tolerance) are highlighted.
  ///
  /// - Complexity: O(shown rows × columns).
  public static func html(_ table: Table, options: DisplayOptions = DisplayOptions()) -> String {
    let formats = table.columns.map { ColumnFormat($0, options: options) }
    let (head, tail) = visibleRows(table.rowCount, options: options)
    // `tex2jax_ignore mathjax_ignore`: dollar signs in names and units are not TeX math.
    var out = "<div class=\"flowql-table tex2jax_ignore mathjax_ignore\">\n<table class=\"dataframe flowql\">\n"
    if let caption = table.caption, !caption.isEmpty {
      out += "<caption style=\"text-align: left; font-weight: bold; white-space: nowrap;\">"
      HTML.append(caption, to: &out)
      out += "</caption>\n"
    }
    out += "<thead>\n<tr>"
    for (column, format) in zip(table.columns, formats) {
      out += format.isNumeric ? "<th style=\"text-align: right;\">" : "<th style=\"text-align: left;\">"
      HTML.append(format.header(column.name), to: &out)
      out += "</th>"
    }
    out += "</tr>\n</thead>\n<tbody>\n"
    var failing: [Bool] = []
    if case .bool(let ok)? = table["ok"]?.values { failing = ok.map { !$0 } }
    func appendRow(_ row: Int) {
      out +=
        row < failing.count && failing[row] ? "<tr class=\"flowql-failed\" style=\"background: #fde2e1;\">" : "<tr>"
      for (column, format) in zip(table.columns, formats) {
        out +=
          format.isNumeric
          ? "<td style=\"text-align: right; font-variant-numeric: tabular-nums;\">"
          : "<td style=\"text-align: left;\">"
        HTML.append(format.text(column[row: row], minus: NumberText.typographicMinus), to: &out)
        out += "</td>"
      }
      out += "</tr>\n"
    }
    head.forEach(appendRow)
    if !tail.isEmpty || head.count < table.rowCount {
      out += "<tr class=\"ellipsis\">"
      for format in formats {
        out += format.isNumeric ? "<td style=\"text-align: right;\">⋯</td>" : "<td style=\"text-align: left;\">⋯</td>"
      }
      out += "</tr>\n"
      tail.forEach(appendRow)
    }
    out += "</tbody>\n</table>\n"
    if head.count + tail.count < table.rowCount {
      out += "<p class=\"flowql-footer\">"
      HTML.append(footer(table, shown: head.count + tail.count), to: &out)
      out += "</p>\n"
    }
    out += "</div>\n"
    return out
  }
}
