import FlowModel
import FlowQL

extension FlowEngine.CellResult {
  /// One JSON document per result, for scripts (`flowql run --format json`): a table as
  /// `{"caption", "columns": [{"name", "type", "unit"}], "rows", "chart"}` (the same as
  /// `save "x.json"`), a bare value as `{"value", "type", "unit"}`, and the error that stopped
  /// the run as `{"error": {"code", "message", "traceback"}}`.
  public var dataDocuments: [String] {
    var documents: [String] = []
    for case .display(let display) in events {
      if let table = display.table {
        documents.append(Session.jsonDocument(table, chart: display.chart))
      } else if let value = display.value {
        documents.append(Self.document(value))
      }
    }
    if let error {
      let traceback = error.traceback.map(JSONText.string).joined(separator: ",")
      documents.append(
        "{\"error\":{\"code\":\(JSONText.string(error.code)),\"message\":\(JSONText.string(error.message)),"
          + "\"traceback\":[\(traceback)]}}")
    }
    return documents
  }

  private static func document(_ cell: Cell) -> String {
    let (value, type, unit): (String, String, String?) =
      switch cell {
      case .text(let s): (JSONText.string(s), "text", nil)
      case .number(let n, let dimension):
        (
          JSONText.number(n), "number",
          dimension == .none ? nil : dimension == .ratio ? "fraction" : dimension.baseSymbol
        )
      case .year(let y): (String(y), "year", nil)
      case .bool(let b): (b ? "true" : "false", "bool", nil)
      }
    return "{\"value\":\(value),\"type\":\"\(type)\",\"unit\":\(unit.map(JSONText.string) ?? "null")}"
  }
}
