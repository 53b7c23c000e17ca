import FlowModel

extension Evaluator {
  /// Applies one stage; a verb stage may also ask for its natural chart.
  mutating func apply(_ stage: Stage, to table: Table) throws(Diagnostic) -> (
    Table, ChartRequest?
  ) {
    switch stage.kind {
    case .where(let condition): return (try filter(table, condition), nil)
    case .select(let items): return (try select(table, items), nil)
    case .derive(let items): return (try derive(table, items), nil)
    case .drop(let names): return (try drop(table, names), nil)
    case .rename(let pairs): return (try rename(table, pairs), nil)
    case .summarize(let aggregates, let by): return (try summarize(table, aggregates, by, stage), nil)
    case .sort(let keys): return (table.keeping(nextStageColumns).gathering(try sortPermutation(table, keys)), nil)
    case .top(let count, let keys, let others): return (try top(table, count, keys, others: others), nil)
    case .take(let count): return (try take(table, count), nil)
    case .pivot(let columns, let values): return (try pivot(table, columns: columns, values: values), nil)
    case .join(let kind, let right, let keys): return (try join(table, kind, right, keys, at: stage), nil)
    case .schema: return (Self.schema(of: table), nil)
    case .verb(let syntax): return try runVerb(syntax, input: table)
    case .chart, .inModel, .save:
      // None changes the table: `evaluate` reads the chart stage, `enterModel` the model, the
      // session writes the file `save` names.
      return (table, nil)
    case .sql: throw Self.sqlAfterMemoryStages(at: stage.keyword.range)
    }
  }

  func outputName(_ item: Assignment) -> String {
    let n = item.outputName
    return n.isEmpty ? source.text(item.value.range) : n
  }

  func duplicate(_ name: String, _ range: SourceRange) -> Diagnostic {
    Diagnostic(
      .duplicateColumn, "two columns would be named `\(name)`", at: range, label: "a second `\(name)`",
      help: "give one of them another name, as in `\(name)_2 = …`")
  }

  /// A `take`/`top` count: a whole number ≥ 0.
  mutating func rowCount(_ expr: Expr) throws(Diagnostic) -> Int {
    let v = try eval(expr, .scalar)
    guard let n = v.numbers?.first, v.dimension == .none, n >= 0, n.rounded() == n, n < 1e15 else {
      throw Diagnostic(
        .invalidCount, "`\(source.text(expr.range))` is not a row count", at: expr.range,
        label: "expected a whole number, 0 or more", help: "e.g. `take 10`")
    }
    return Int(n)
  }

  /// `summarize aggregates by keys`.
  private mutating func summarize(_ table: Table, _ aggregates: [Assignment], _ by: [Assignment], _ stage: Stage)
    throws(Diagnostic) -> Table
  {
    if aggregates.isEmpty && by.isEmpty {
      throw Diagnostic(
        .misplacedAggregate, "`summarize` needs an aggregate or `by` keys", at: stage.keyword.range,
        help: "e.g. `summarize total = sum(mass) by year`")
    }
    let rows = Frame(table: table, rowCount: table.rowCount, grouping: nil)
    var keyVectors: [Vector] = []
    for key in by { keyVectors.append(try eval(key.value, rows)) }
    let range = stage.keyword.range
    let grouping = try Grouping.make(keys: keyVectors, rowCount: table.rowCount) { () throws(Diagnostic) in
      try checkCancelled(range)
    }
    var columns: [Column] = []
    var names = Set<String>()
    for (key, vector) in zip(by, keyVectors) {
      let name = outputName(key)
      guard names.insert(name).inserted else { throw duplicate(name, key.name?.range ?? key.value.range) }
      columns.append(Self.gather(vector, grouping.firstRow).column(named: name, count: grouping.count))
    }
    let groups = Frame(table: table, rowCount: grouping.count, grouping: grouping)
    for item in aggregates {
      let name = outputName(item)
      guard names.insert(name).inserted else { throw duplicate(name, item.name?.range ?? item.value.range) }
      columns.append(try eval(item.value, groups).column(named: name, count: grouping.count))
    }
    return Table(columns, caption: table.caption)
  }

  /// The row order for `sort`/`top` keys; stable, missing numbers last.
  mutating func sortPermutation(_ table: Table, _ keys: [SortKey], limit: Int? = nil) throws(Diagnostic)
    -> [Int]
  {
    let rows = Frame(table: table, rowCount: table.rowCount, grouping: nil)
    var vectors: [(Vector, Bool)] = []
    for key in keys {
      let v = try eval(key.value, rows)
      if !v.isScalar { vectors.append((v, key.descending)) }
    }
    try checkCancelled(keys.first?.value.range ?? .at(0))
    return Self.permutation(vectors, table.rowCount, limit: limit)
  }

  /// The `schema` table: one row per column with its type, unit and example values.
  static func schema(of table: Table) -> Table {
    var names: [String] = []
    var types: [String] = []
    var units: [String] = []
    var examples: [String] = []
    for column in table.columns {
      names.append(column.name)
      types.append(Vector.typeName(column.values))
      units.append(column.dimension.baseSymbol)
      examples.append(exampleValues(column).joined(separator: ", "))
    }
    return Table(
      [.text("column", names), .text("type", types), .text("unit", units), .text("examples", examples)],
      caption: "\(table.rowCount) rows × \(table.columns.count) columns")
  }

  /// Up to three distinct values of a column, formatted for display.
  static func exampleValues(_ column: Column, limit: Int = 3) -> [String] {
    var seen = Set<String>()
    var out: [String] = []
    for row in 0..<column.count {
      let text = Options().format(column[row: row])
      if seen.insert(text).inserted { out.append(text) }
      if out.count == limit || row > 10_000 { break }
    }
    return out
  }
}

extension Evaluator {
  /// The positions of the `true` values, found without a branch per row (a filter keeping rows
  /// at random would otherwise mispredict every other one).
  static func positions(of keep: [Bool]) -> [Int] {
    var indices = [Int](repeating: 0, count: keep.count)
    var k = 0
    indices.withUnsafeMutableBufferPointer { out in
      keep.withUnsafeBufferPointer { flags in
        for i in 0..<flags.count {
          out[k] = i
          k &+= flags[i] ? 1 : 0
        }
      }
    }
    indices.removeLast(keep.count - k)
    return indices
  }
}
