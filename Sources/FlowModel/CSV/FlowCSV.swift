import FoundationEssentials

/// Parses a flows file into flows, checking every field.
enum FlowCSV {
  /// The flows of `records`.
  ///
  /// - Parameter knownProcesses: the ids a flow may name, or `nil` to accept any.
  static func parse(_ records: CSVRecords, knownProcesses: Set<String>?) throws -> [Flow] {
    let year = try records.requiredColumn("year")
    let source = try records.requiredColumn("source")
    let target = try records.requiredColumn("target")
    let material = try records.requiredColumn("material")
    let mass = try records.requiredColumn("mass")
    let cost = records.column("cost")
    let value = records.column("value")
    // Optional measurement columns (reconcile, uncertainty): σ in t, or a relative uncertainty in
    // %. With either present an empty mass means an unmeasured flow (NaN).
    let sigma = records.column("sigma")
    let uncertainty = records.column("uncertainty")
    let mayBeUnknown = sigma != nil || uncertainty != nil
    // Duplicate rows are found by (year, source, target, material); the texts are numbered first,
    // so the million-row check hashes four integers instead of three strings.
    struct Key: Hashable {
      var year: Int, source: Int, target: Int, material: Int
    }
    var ids: [String: Int] = [:]
    func id(of text: String) -> Int {
      if let n = ids[text] { return n }
      ids[text] = ids.count
      return ids.count - 1
    }
    var seen: [Key: Int] = [:]
    seen.reserveCapacity(records.rows.count)
    var flows: [Flow] = []
    flows.reserveCapacity(records.rows.count)
    for (line, fields) in records.rows {
      guard fields.count == records.header.count else {
        throw CSVLoadError(
          file: records.file, line: line,
          problem: .wrongFieldCount(expected: records.header.count, found: fields.count))
      }
      func fail(_ column: Int, _ problem: CSVLoadError.Problem) -> CSVLoadError {
        CSVLoadError(
          file: records.file, line: line, column: column + 1, columnName: records.header[column],
          problem: problem)
      }
      func text(_ column: Int) throws -> String {
        let value = fields[column].trimmedWhitespace
        guard !value.isEmpty else { throw fail(column, .emptyField) }
        return value
      }
      func number(_ column: Int) throws -> Double {
        let raw = try text(column)
        guard let value = Double(raw), value.isFinite else { throw fail(column, .notANumber(raw)) }
        return value
      }
      func process(_ column: Int) throws -> String {
        let id = try text(column)
        if let knownProcesses, !knownProcesses.contains(id) { throw fail(column, .unknownProcess(id)) }
        return id
      }
      let yearText = try text(year)
      guard let flowYear = Int(yearText) else { throw fail(year, .notAYear(yearText)) }
      let flowSource = try process(source)
      let flowTarget = try process(target)
      let flowMaterial = try text(material)
      func optionalNumber(_ column: Int?) throws -> Double {
        guard let column, !fields[column].trimmedWhitespace.isEmpty else { return 0 }
        return try number(column)
      }
      func measurement(_ column: Int?) throws -> Double? {
        guard let column, !fields[column].trimmedWhitespace.isEmpty else { return nil }
        let v = try number(column)
        guard v >= 0 else { throw fail(column, .negativeUncertainty(v)) }
        return v
      }
      let flowMass = mayBeUnknown && fields[mass].trimmedWhitespace.isEmpty ? Double.nan : try number(mass)
      guard !(flowMass < 0) else { throw fail(mass, .negativeMass(flowMass)) }
      let key = Key(
        year: flowYear, source: id(of: flowSource), target: id(of: flowTarget),
        material: id(of: flowMaterial))
      if let first = seen[key] {
        throw CSVLoadError(file: records.file, line: line, problem: .duplicateRow(firstLine: first))
      }
      seen[key] = line
      flows.append(
        Flow(
          year: flowYear, source: flowSource, target: flowTarget, material: flowMaterial,
          mass: flowMass, cost: try optionalNumber(cost), value: try optionalNumber(value),
          sigma: try measurement(sigma), uncertainty: try measurement(uncertainty)))
    }
    return flows
  }
}
