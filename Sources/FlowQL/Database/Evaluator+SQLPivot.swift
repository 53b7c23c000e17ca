import FlowModel
import FlowSQL

extension Evaluator {
  /// The most distinct values a compiled `pivot` turns into columns (PostgreSQL returns at most
  /// 1,664); more, and the pivot runs in memory on the fetched result.
  static let pivotColumnLimit = 1000

  /// `pivot columns = h, values = v` as conditional aggregation: one
  /// `SUM(CASE WHEN h = $n THEN v END)` per distinct value of `h`, grouped by the other columns.
  /// The distinct values come from a first small query (the stages so far, grouped by `h`); they
  /// are bound as parameters and the new columns' names are quoted, so any value is safe. The
  /// same SQL runs in every dialect: DuckDB's and Spark's `PIVOT` take literal values only.
  ///
  /// Only text and year headers compile (number and flag headers are named by formatting, which
  /// stays in memory). nil when it does not compile.
  mutating func sqlPivot(
    _ c: SQLCompilation, columns: Name, values: Name, _ after: Table, _ database: any SQLDatabase
  ) throws(Diagnostic) -> SQLCompilation? {
    guard let header = c.schema[columns.text], let valueColumn = c.schema[values.text],
      let distinct = try pivotValues(c, header, database, at: columns.range), !distinct.isEmpty
    else { return nil }
    let rowKeys = c.schema.columns.filter { $0.name != columns.text && $0.name != values.text }
    var items: [(expression: SQLExpression, name: String)] = rowKeys.map { (.column($0.name), $0.name) }
    var out = rowKeys
    for value in distinct {
      if out.contains(where: { $0.name == value.name }) { throw duplicate(value.name, columns.range) }
      let cell = SQLExpression.when(value.condition(header.name), then: .column(values.text), otherwise: nil)
      items.append((.call(.sum, [cell]), value.name))
      out.append(Column(value.name, .number([]), dimension: valueColumn.dimension))
    }
    var next = c
    var step = SQLSelect(items: items, from: .previous)
    step.groupBy = rowKeys.map { .column($0.name) }
    next.pipeline.steps.append(step)
    next.ordered = false
    next.schema = Table(out, caption: after.caption)
    return next
  }

  /// The distinct values of `header` in the result so far, in the order the in-memory `pivot`
  /// gives their columns (ascending); nil for a header that does not compile or too many values.
  private mutating func pivotValues(
    _ c: SQLCompilation, _ header: Column, _ database: any SQLDatabase, at range: SourceRange
  ) throws(Diagnostic) -> [PivotValue]? {
    let isYear: Bool
    switch header.values {
    case .text: isYear = false
    case .year: isYear = true
    case .number, .bool: return nil
    }
    var pipeline = c.pipeline
    var step = SQLSelect(items: [(.column(header.name), header.name)], from: .previous)
    step.groupBy = [.column(header.name)]
    pipeline.steps.append(step)
    let rows: SQLRows
    do {
      rows = try database.run(
        pipeline.render(database.dialect), rowLimit: Self.pivotColumnLimit, isCancelled: isCancelled)
    } catch .tooManyRows {
      return nil
    } catch {
      throw diagnostic(error, at: range)
    }
    let raw = rows.values.first ?? []
    if isYear {
      // A NULL year reads as 0 in memory (``Table/from(_:schema:)``).
      return Set(raw.map { $0.flatMap { Int($0) } ?? 0 }).sorted().map { .year($0) }
    }
    return Set(raw.map { $0 ?? "" }).sorted().map { .text($0) }
  }
}

/// One distinct value of a pivot's header column: the new column's name and the rows it sums.
private enum PivotValue {
  case text(String)
  case year(Int)

  var name: String {
    switch self {
    case .text(let s): s
    case .year(let y): String(y)
    }
  }

  /// The rows of this value; the missing value (a NULL read as "" or 0 in memory) includes NULL.
  func condition(_ column: String) -> SQLExpression {
    switch self {
    case .text(""): .binary(.equal, .call(.coalesce, [.column(column), .value(.text(""))]), .value(.text("")))
    case .text(let s): .binary(.equal, .column(column), .value(.text(s)))
    case .year(0): .binary(.equal, .call(.coalesce, [.column(column), .integer(0)]), .integer(0))
    case .year(let y): .binary(.equal, .column(column), .value(.integer(y)))
    }
  }
}
