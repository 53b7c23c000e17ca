import FlowModel
import FlowQL

extension FlowEngine.Result {
  /// One JSON document per result, for scripts (`flowql run --format json`): a table as
  /// `{"caption", "columns": [{"name", "type", "unit"}], "rows", "chart"}` (the same as
  /// `save "x.json"`), a bare value as `{"value", "type", "unit"}`, and the error that stopped
  /// the run as `{"error": {"code", "message", "traceback"}}`.
  public var dataDocuments: [String] {
    var documents: [String] = []
    for output in outputs {
      switch output {
      case .table(let table, let chart): documents.append(Session.jsonDocument(table, chart: chart))
      case .value(let cell): documents.append(Self.document(cell))
      default: continue
      }
    }
    if let error {
      let traceback = error.traceback.map(JSONText.string).joined(separator: ",")
      documents.append(
        "{\"error\":{\"code\":\(JSONText.string(error.name)),\"message\":\(JSONText.string(error.value)),"
          + "\"traceback\":[\(traceback)]}}")
    }
    return documents
  }

  private static func document(_ cell: Cell) -> String {
    let (value, type, unit): (String, String, String?) =
      switch cell {
      case .text(let s): (JSONText.string(s), "text", nil)
      case .number(let n, let dimension):
        (JSONText.number(n), "number", dimension == .none ? nil : dimension == .ratio ? "fraction" : dimension.baseSymbol)
      case .year(let y): (String(y), "year", nil)
      case .bool(let b): (b ? "true" : "false", "bool", nil)
      }
    return "{\"value\":\(value),\"type\":\"\(type)\",\"unit\":\(unit.map(JSONText.string) ?? "null")}"
  }
}
