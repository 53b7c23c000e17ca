/// Parses a processes file: `id` required; `name, stage, stage_order, kind, loss, description`
/// optional.
enum ProcessCSV {
  /// The processes listed in `records`.
  ///
  /// - Throws: ``CSVLoadError`` for an empty id, a duplicate id, a bad kind or stage order.
  static func parse(_ records: CSVRecords) throws -> [Process] {
    let id = try records.requiredColumn("id")
    let name = records.column("name")
    let stage = records.column("stage")
    let order = records.column("stage_order")
    let kind = records.column("kind")
    let loss = records.column("loss")
    let description = records.column("description")
    var seen: [String: Int] = [:]
    var result: [Process] = []
    for (line, fields) in records.rows {
      guard fields.count == records.header.count else {
        throw CSVLoadError(
          file: records.file, line: line,
          problem: .wrongFieldCount(expected: records.header.count, found: fields.count))
      }
      func field(_ i: Int?) -> String {
        guard let i else { return "" }
        return fields[i].trimmedWhitespace
      }
      let processID = field(id)
      guard !processID.isEmpty else {
        throw CSVLoadError(
          file: records.file, line: line, column: id + 1, columnName: "id", problem: .emptyField)
      }
      if let first = seen[processID] {
        throw CSVLoadError(
          file: records.file, line: line, column: id + 1, columnName: "id",
          problem: .duplicateRow(firstLine: first))
      }
      seen[processID] = line
      var processKind = ProcessKind.quantityCentre
      if let kind, !field(kind).isEmpty {
        guard let parsed = ProcessKind(rawValue: field(kind)) else {
          throw CSVLoadError(
            file: records.file, line: line, column: kind + 1, columnName: "kind",
            problem: .unknownKind(field(kind)))
        }
        processKind = parsed
      }
      var stageOrder = 0
      if let order, !field(order).isEmpty {
        guard let parsed = Int(field(order)) else {
          throw CSVLoadError(
            file: records.file, line: line, column: order + 1, columnName: "stage_order",
            problem: .notANumber(field(order)))
        }
        stageOrder = parsed
      }
      let displayName = field(name)
      result.append(
        Process(
          id: processID, name: displayName.isEmpty ? processID : displayName,
          stage: field(stage), stageOrder: stageOrder, kind: processKind,
          isLoss: ["true", "yes", "1"].contains(field(loss).lowercased()),
          description: field(description)))
    }
    return result
  }
}
