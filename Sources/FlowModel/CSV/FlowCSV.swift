/// Reads a flows file straight into columns: years, ids and materials numbered as they are read
/// (one `String` per distinct value), numbers parsed from the bytes, duplicates found on packed
/// integer keys. No per-row struct or per-field `String` is made. With `sigma` or `uncertainty`
/// columns an empty mass is an unmeasured flow (NaN).
///
/// Columns: `year, source, target, material, mass` required; `cost, value` (US$), `sigma` (t)
/// and `uncertainty` (%) optional; others are ignored. A header may carry a unit in brackets
/// (`mass [kt]`, as `save` writes them); numbers are converted to base units.
struct FlowCSV {
  let file: String
  let header: FlowHeader

  /// The flows of the CSV file in `buffer` (changed in place while reading).
  ///
  /// - Parameter processes: the ids a flow may name (from a processes file), or `nil` to accept any.
  /// - Throws: ``CSVLoadError`` at the first bad field, naming file, line and column.
  static func read(
    _ buffer: UnsafeMutableBufferPointer<UInt8>, file: String, processes: [String]?
  ) throws -> (columns: FlowColumns, hasCost: Bool) {
    do {
      var header: FlowHeader?
      let body = try CSVParser.scan(buffer, until: 1) { header = try FlowHeader($0, buffer, file: file) }
      guard let header else { throw CSVLoadError(file: file, line: 1, problem: .unreadable("no header row")) }
      let reader = try FlowRowsRead(buffer: buffer, file: file, header: header, processes: processes)
        .rows(from: body.index, line: body.line)
      try reader.checkDuplicates()
      return (reader.columns, header.cost != nil)
    } catch let failure as CSVParser.Failure {
      throw CSVLoadError(file: file, line: failure.line, problem: .unreadable(failure.message))
    }
  }
}

/// Where the columns of a flows file are, and the unit factor of each number column.
struct FlowHeader {
  var names: [String] = []
  var year = 0, source = 0, target = 0, material = 0, mass = 0
  var cost: Int?, value: Int?, sigma: Int?, uncertainty: Int?
  /// Per field: what one unit of the file's numbers is in base units.
  var factors: [Double] = []

  init(_ record: CSVParser.Record, _ buffer: UnsafeMutableBufferPointer<UInt8>, file: String) throws {
    var units: [String?] = []
    for k in 0..<record.count {
      let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[record.range(k)]), as: UTF8.self)
        .trimmedWhitespace
      let (name, unit) = Self.split(text)
      names.append(name)
      units.append(unit)
    }
    func required(_ name: String) throws -> Int {
      if let i = names.firstIndex(of: name) { return i }
      if names.count == 1, let delimiter = ([";", "\t", "|"] as [String]).first(where: { names[0].contains($0) }) {
        throw CSVLoadError(file: file, line: 1, problem: .wrongDelimiter(delimiter))
      }
      throw CSVLoadError(file: file, line: 1, columnName: name, problem: .missingColumn(name))
    }
    year = try required("year")
    source = try required("source")
    target = try required("target")
    material = try required("material")
    mass = try required("mass")
    cost = names.firstIndex(of: "cost")
    value = names.firstIndex(of: "value")
    sigma = names.firstIndex(of: "sigma")
    uncertainty = names.firstIndex(of: "uncertainty")
    let expected: [(Int?, Dimension)] = [(mass, .mass), (cost, .money), (value, .money), (sigma, .mass)]
    factors = [Double](repeating: 1, count: names.count)
    for (column, dimension) in expected {
      guard let column, let symbol = units[column] else { continue }
      guard let unit = Unit.named(symbol), unit.dimension == dimension else {
        throw CSVLoadError(
          file: file, line: 1, column: column + 1, columnName: names[column],
          problem: .unknownUnit(symbol, expected: dimension.baseSymbol))
      }
      factors[column] = unit.factor
    }
    if let uncertainty, let symbol = units[uncertainty], symbol != "%" {
      throw CSVLoadError(
        file: file, line: 1, column: uncertainty + 1, columnName: "uncertainty",
        problem: .unknownUnit(symbol, expected: "%"))
    }
  }

  /// `mass [kt]` → (`mass`, `kt`); a name without brackets has no unit.
  static func split(_ text: String) -> (name: String, unit: String?) {
    guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return (text, nil) }
    let name = String(text[..<open]).trimmedWhitespace
    let unit = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmedWhitespace
    return (name, unit)
  }
}
