/// Reads known stock levels: a stocks file (`year, process, material, stock`) and the optional
/// `initial_stock` column of a processes file.
enum StockCSV {
  /// The stocks file's rows: each the stock (t) of a `stock` process at the end of `year`.
  ///
  /// - Throws: ``CSVLoadError`` for a missing column, a bad number or year, a negative stock, a
  ///   process that is not of kind `stock`, or a second row for the same process and material.
  static func parse(_ records: CSVRecords, processes: [Process]) throws -> [StockAnchor] {
    let year = try records.requiredColumn("year")
    let process = try records.requiredColumn("process")
    let material = try records.requiredColumn("material")
    let stock = try records.requiredColumn("stock")
    let stockIDs = Set(processes.filter { $0.kind == .stock }.map(\.id))
    var seen: [[String]: Int] = [:]
    var anchors: [StockAnchor] = []
    for (line, fields) in records.rows {
      let row = Row(records: records, line: line, fields: fields)
      try row.checkFieldCount()
      let id = try row.text(process)
      guard stockIDs.contains(id) else {
        throw row.fail(process, .notAStock(id, stockProcesses: stockIDs.sorted()))
      }
      let materialName = try row.text(material)
      if let first = seen[[id, materialName]] {
        throw CSVLoadError(file: records.file, line: line, problem: .duplicateRow(firstLine: first))
      }
      seen[[id, materialName]] = line
      let yearText = try row.text(year)
      guard let anchorYear = Int(yearText) else { throw row.fail(year, .notAYear(yearText)) }
      anchors.append(
        StockAnchor(process: id, material: materialName, year: anchorYear, stock: try row.mass(stock)))
    }
    return anchors
  }

  /// The `initial_stock` column of a processes file (t at the start of the first year), for
  /// processes of kind `stock` in a model of one material.
  ///
  /// - Throws: ``CSVLoadError`` for a bad or negative number, a process that is not a stock, or
  ///   a model of several materials (which needs a stocks file).
  static func initialStocks(_ records: CSVRecords, processes: [Process], materials: [String]) throws
    -> [StockAnchor]
  {
    guard let column = records.column("initial_stock"), let id = records.column("id") else { return [] }
    let kinds = Dictionary(processes.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
    var anchors: [StockAnchor] = []
    for (line, fields) in records.rows {
      let row = Row(records: records, line: line, fields: fields)
      try row.checkFieldCount()
      guard !fields[column].trimmedWhitespace.isEmpty else { continue }
      let processID = fields[id].trimmedWhitespace
      guard kinds[processID] == .stock else {
        throw row.fail(column, .notAStock(processID, stockProcesses: []))
      }
      guard materials.count == 1 else { throw row.fail(column, .initialStockNeedsOneMaterial(materials)) }
      anchors.append(StockAnchor(process: processID, material: materials[0], year: nil, stock: try row.mass(column)))
    }
    return anchors
  }

  /// One data row, for field access with located errors.
  private struct Row {
    let records: CSVRecords
    let line: Int
    let fields: [String]

    func checkFieldCount() throws {
      guard fields.count == records.header.count else {
        throw CSVLoadError(
          file: records.file, line: line,
          problem: .wrongFieldCount(expected: records.header.count, found: fields.count))
      }
    }

    func fail(_ column: Int, _ problem: CSVLoadError.Problem) -> CSVLoadError {
      CSVLoadError(
        file: records.file, line: line, column: column + 1, columnName: records.header[column], problem: problem)
    }

    func text(_ column: Int) throws -> String {
      let value = fields[column].trimmedWhitespace
      guard !value.isEmpty else { throw fail(column, .emptyField) }
      return value
    }

    /// A finite mass of 0 or more.
    func mass(_ column: Int) throws -> Double {
      let raw = try text(column)
      guard let value = Double(raw), value.isFinite else { throw fail(column, .notANumber(raw)) }
      guard value >= 0 else { throw fail(column, .negativeMass(value)) }
      return value
    }
  }
}
