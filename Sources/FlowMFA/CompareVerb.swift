import FlowModel
import FlowQL

/// `compare a, b, …: query`: runs the query on each model and stacks the results with a
/// `scenario` column and, per numeric column, its difference from the first model.
struct CompareVerb: Verb {
  let signature = VerbSignature(
    name: "compare",
    summary: """
      Runs the query after `:` on each named model (`baseline`, scenarios, loaded models) and \
      stacks the results. Adds a first column `scenario` and, for every numeric column x, \
      `delta_x` = x − x of the first model on the matching row: the one with the same values in \
      the columns before the first numeric column (missing when there is none).
      Columns: scenario, the query's columns, delta_… .
      """,
    example: "compare baseline, more_ore: dependence years 2015..2022",
    clauses: [
      .init("", .list, summary: "the models to compare, the reference first", values: .models),
      .init(":", .query, summary: "the query to run on each"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let names = try (call.clause("")?.arguments ?? []).map { argument -> String in
      guard let text = argument.text else { throw VerbError("`compare` takes model names", clause: "") }
      return text
    }
    guard !names.isEmpty else {
      throw VerbError("`compare` needs model names", help: "e.g. `\(signature.example)`")
    }
    guard let query = call.clause(":")?.query else {
      throw VerbError("`compare` needs a query after `:`", help: "e.g. `\(signature.example)`")
    }
    // A final `| chart …` draws the stacked table (it may use `scenario` and `delta_…`).
    let (perModel, chart) = query.splittingFinalChart()
    var outputs: [(String, VerbOutput)] = []
    for name in names {
      guard let switched = catalog.using(model: name) else {
        throw VerbError(
          "unknown scenario or model `\(name)`",
          help: Suggestions.didYouMean(name, in: catalog.models.names)
            ?? "models: " + catalog.models.names.joined(separator: ", "),
          clause: "")
      }
      outputs.append((name, try perModel.run(catalog: switched, isCancelled: isCancelled)))
    }
    let table = try Self.stack(outputs.map { ($0.0, $0.1.table) })
    var warnings: [String] = []
    for (name, output) in outputs { warnings += output.warnings.map { "\(name): \($0)" } }
    var request = outputs.first?.1.chart
    if let chart { request = try chart.request(for: table, catalog: catalog) }
    return VerbOutput(table, chart: request, warnings: warnings)
  }

  /// Stacks the tables under a `scenario` column and adds deltas against the first.
  static func stack(_ results: [(String, Table)]) throws -> Table {
    guard let reference = results.first?.1 else { return Table([]) }
    let names = reference.columnNames
    for (name, table) in results.dropFirst() where table.columnNames != names {
      throw VerbError("the query gives other columns on `\(name)` than on `\(results[0].0)`", clause: ":")
    }
    // Rows match on the columns before the first numeric one (year, process, material …), so a
    // verdict or a note that differs between models does not break the match.
    let keys = reference.columns.prefix { if case .number = $0.values { false } else { true } }.map(\.name)
    func key(_ table: Table, _ row: Int) -> [Cell] { keys.map { table[row: row, column: $0]! } }
    var referenceRow: [[Cell]: Int] = [:]
    for row in 0..<reference.rowCount where referenceRow[key(reference, row)] == nil {
      referenceRow[key(reference, row)] = row
    }
    var scenario: [String] = []
    var columns: [String: ColumnValues] = [:]
    var deltas: [String: [Double]] = [:]
    for (name, table) in results {
      scenario += Array(repeating: name, count: table.rowCount)
      for column in table.columns {
        columns[column.name] = Self.append(columns[column.name], column.values)
        guard case .number(let values) = column.values, case .number(let base)? = reference[column.name]?.values
        else { continue }
        for row in 0..<table.rowCount {
          let r = referenceRow[key(table, row)]
          deltas[column.name, default: []].append(r.map { values[row] - base[$0] } ?? .nan)
        }
      }
    }
    var out: [Column] = [.text("scenario", scenario)]
    for column in reference.columns {
      out.append(Column(column.name, columns[column.name]!, dimension: column.dimension))
    }
    for column in reference.columns where deltas[column.name] != nil {
      out.append(.number("delta_" + column.name, deltas[column.name]!, column.dimension))
    }
    let caption = (reference.caption ?? "") + " · compared: " + results.map(\.0).joined(separator: ", ")
    return Table(out, caption: caption)
  }

  private static func append(_ a: ColumnValues?, _ b: ColumnValues) -> ColumnValues {
    switch (a, b) {
    case (.text(let x)?, .text(let y)): .text(x + y)
    case (.number(let x)?, .number(let y)): .number(x + y)
    case (.year(let x)?, .year(let y)): .year(x + y)
    case (.bool(let x)?, .bool(let y)): .bool(x + y)
    default: b
    }
  }
}
