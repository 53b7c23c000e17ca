import FlowModel

extension Evaluator {
  /// Long → wide: one column per distinct value of `columns`, filled with the sum of `values`;
  /// every other column identifies a row. Missing cells are missing numbers.
  mutating func pivot(_ table: Table, columns: Name, values: Name) throws(Diagnostic) -> Table {
    guard let header = table[columns.text] else { throw unknownColumn(columns.text, columns.range, in: table) }
    guard let valueColumn = table[values.text] else { throw unknownColumn(values.text, values.range, in: table) }
    guard case .number(let x) = valueColumn.values else {
      throw Diagnostic(
        .invalidPivot,
        "`pivot` needs numbers in `\(values.text)`, found \(Vector.describe(valueColumn.values, valueColumn.dimension))",
        at: values.range, label: "not numeric", help: "pick a numeric column such as `mass` for `values`")
    }
    let rowKeys = table.columns.filter { $0.name != columns.text && $0.name != values.text }
    let range = columns.range
    let rows = try Grouping.make(keys: rowKeys.map(Vector.init(column:)), rowCount: table.rowCount) {
      () throws(Diagnostic) in
      try checkCancelled(range)
    }
    let cols = try Grouping.make(keys: [Vector(column: header)], rowCount: table.rowCount) { () throws(Diagnostic) in
      try checkCancelled(range)
    }
    var cells = [[Double]](repeating: [Double](repeating: .nan, count: rows.count), count: cols.count)
    for i in 0..<table.rowCount where !x[i].isNaN {
      let (r, c) = (rows.groupOf[i], cols.groupOf[i])
      cells[c][r] = cells[c][r].isNaN ? x[i] : cells[c][r] + x[i]
    }
    var out = rowKeys.map { $0.gathering(rows.firstRow) }
    for c in 0..<cols.count {
      let name: String
      switch header[row: cols.firstRow[c]] {
      case .text(let s): name = s
      case .year(let y): name = String(y)
      case .bool(let b): name = b ? "true" : "false"
      case .number(let v, _): name = Options.format(v, decimals: v.rounded() == v ? 0 : 2)
      }
      if out.contains(where: { $0.name == name }) { throw duplicate(name, columns.range) }
      out.append(Column(name, .number(cells[c]), dimension: valueColumn.dimension))
    }
    return Table(out, caption: table.caption)
  }
}
