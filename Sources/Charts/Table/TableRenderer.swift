public import FlowModel

/// Renders tables as HTML and aligned text, and formats single values.
///
/// ```
/// let t = Table([.text("process", ["SEP"]), .number("mass", [1_234_567], .mass)])
/// TableRenderer.bundle(t, options: DisplayOptions())  // text/html + text/plain
/// TableRenderer.format(.number(0.4, .ratio))           // "40.0 %"
/// ```
public enum TableRenderer {
  /// The display bundle of a table: `text/html` and `text/plain`.
  public static func bundle(_ table: Table, options: DisplayOptions = DisplayOptions()) -> MimeBundle {
    MimeBundle(plain: text(table, options: options), data: ["text/html": html(table, options: options)])
  }

  /// One value as text with its unit, e.g. `"1,234.6 kt"`, `"40.0 %"`, `"11.507"`, `"2022"`.
  public static func format(_ cell: Cell, options: DisplayOptions = DisplayOptions()) -> String {
    guard case .number(let value, let dimension) = cell else {
      return ColumnFormat(unit: .base(.none), decimals: 0, isYear: false, isNumeric: false).text(cell)
    }
    let format = ColumnFormat(
      dimension: dimension,
      maxMagnitude: value.isFinite ? abs(value) : 0,
      integral: NumberText.allIntegral([value]),
      options: options
    )
    let number = format.text(cell)
    return format.unit.label.isEmpty || !value.isFinite ? number : "\(number) \(format.unit.label)"
  }

  /// The row indices to show, and whether rows were left out.
  static func visibleRows(_ count: Int, options: DisplayOptions) -> (head: Range<Int>, tail: Range<Int>) {
    guard let limit = options.rows, count > max(limit, 0) else { return (0..<count, count..<count) }
    let head = min(max(options.head, 0), max(limit, 1))
    let tail = min(max(options.tail, 0), max(limit - head, 0))
    return (0..<head, (count - tail)..<count)
  }

  /// The footer shown under a truncated table, e.g. "1,234 rows × 6 columns (showing 15)".
  static func footer(_ table: Table, shown: Int) -> String {
    let rows = NumberText.fixed(Double(table.rowCount), decimals: 0)
    let noun = table.rowCount == 1 ? "row" : "rows"
    let columns = table.columns.count == 1 ? "column" : "columns"
    return "\(rows) \(noun) × \(table.columns.count) \(columns) (showing \(shown))"
  }
}
