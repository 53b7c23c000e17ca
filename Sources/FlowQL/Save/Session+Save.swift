public import FlowModel

extension Session {
  /// Carries out a statement's `save`: CSV and JSON are written here; SVG and HTML are rendered
  /// by the host, so an `Output.save` after the table asks it to write them.
  func save(
    _ target: SaveTarget, _ table: Table, chart: ChartRequest?, shown: Bool, into result: inout RunResult
  ) throws(Diagnostic) {
    switch target.format {
    case .csv:
      let message = try target.write(Array(table.csvText().utf8), what: SaveTarget.describe(table))
      result.outputs.append(.stdout(message))
    case .json:
      let message = try target.write(
        Array(Self.jsonDocument(table, chart: chart).utf8), what: SaveTarget.describe(table))
      result.outputs.append(.stdout(message))
    case .svg, .html:
      guard shown else { throw target.missingChart }
      if target.format == .svg, chart == nil || chart?.kind == .table { throw target.missingChart }
      result.outputs.append(.save(target))
    }
  }

  /// A result table as one JSON document: caption, columns, rows and the chart request (or
  /// `null`); `save "x.json"` and `flowql run --format json` write the same.
  public static func jsonDocument(_ table: Table, chart: ChartRequest?) -> String {
    table.jsonText(extra: [("chart", chart.map(\.jsonText) ?? "null")])
  }
}

extension ChartRequest {
  /// `{"kind":"bar","options":{"x":"year",…}}`, options in written order.
  var jsonText: String {
    let members = options.map { option, value in JSONText.string(option.rawValue) + ":" + value.jsonText }
    return "{\"kind\":\(JSONText.string(kind.rawValue)),\"options\":{\(members.joined(separator: ","))}}"
  }
}

extension ChartOptionValue {
  /// The option's value as JSON.
  var jsonText: String {
    switch self {
    case .text(let s), .name(let s): JSONText.string(s)
    case .number(let n): JSONText.number(n)
    case .names(let names): "[" + names.map(JSONText.string).joined(separator: ",") + "]"
    case .bool(let b): b ? "true" : "false"
    }
  }
}
