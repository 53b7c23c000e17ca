import FlowModel
import FlowSQL

extension Evaluator {
  /// Compiles `stage` onto `c`; false (and `c` unchanged) when the stage has no SQL form, so it
  /// and the stages after it run in memory on the fetched result. The stage is first applied to
  /// the compiled schema (no rows), so a mistake gets the same diagnostic as in memory.
  mutating func compile(_ stage: Stage, onto c: inout SQLCompilation, _ database: any SQLDatabase)
    throws(Diagnostic) -> Bool
  {
    if case .sql = stage.kind { return false }
    let saved = (warnings, probing, nextStageColumns)
    probing = true
    nextStageColumns = nil
    defer { (warnings, probing, nextStageColumns) = saved }
    let after = try apply(stage, to: c.schema).0
    guard Self.isCompiled(stage), var next = try sqlStep(stage, c, after, database) else { return false }
    // A pivot's columns come from the data, which the probe (no rows) cannot see.
    if case .pivot = stage.kind {} else { next.schema = after }
    next.compiledStages += 1
    c = next
    return true
  }

  private static func isCompiled(_ stage: Stage) -> Bool {
    switch stage.kind {
    case .where, .select, .derive, .drop, .rename, .summarize, .sort, .top(_, _, false), .take, .join, .pivot: true
    default: false
    }
  }

  /// `c` with the stage's step(s) appended, or nil when an expression has no SQL form.
  private mutating func sqlStep(_ stage: Stage, _ c: SQLCompilation, _ after: Table, _ database: any SQLDatabase)
    throws(Diagnostic) -> SQLCompilation?
  {
    var c = c
    let schema = c.schema
    switch stage.kind {
    case .where(let condition):
      guard let filter = sql(condition, schema) else { return nil }
      c.append(c.passThrough, filter: filter)
    case .select(let items):
      guard let exprs = sqlItems(items, schema, names: after.columnNames) else { return nil }
      c.append(exprs)
    case .derive(let items):
      // One step per column: a later item may read an earlier one.
      for item in items {
        guard let e = sql(item.value, c.schema) else { return nil }
        let name = item.outputName
        var items = c.passThrough.map { $0.name == name ? (e, name) : $0 }
        if c.schema[name] == nil { items.append((e, name)) }
        c.append(items)
        let one = Stage(kind: .derive([item]), keyword: stage.keyword, range: stage.range)
        c.schema = try apply(one, to: c.schema).0
      }
    case .drop:
      c.append(after.columnNames.map { (.column($0), $0) })
    case .rename(let pairs):
      // The result keeps the input's column order; each new name reads its old column.
      let renamed = Dictionary(pairs.map { ($0.new.text, $0.old.text) }, uniquingKeysWith: { a, _ in a })
      c.append(after.columnNames.map { (.column(renamed[$0] ?? $0), $0) })
    case .summarize(let aggregates, let keys):
      guard let keyItems = sqlItems(keys, schema, names: Array(after.columnNames.prefix(keys.count))),
        let aggregateItems = sqlItems(
          aggregates, schema, names: Array(after.columnNames.dropFirst(keys.count)), grouped: true)
      else { return nil }
      c.ordered = false
      var step = SQLSelect(items: keyItems + aggregateItems, from: .previous)
      step.groupBy = keyItems.map(\.expression)
      c.pipeline.steps.append(step)
    case .sort(let keys), .top(_, let keys, _):
      guard let order = sqlOrder(keys, schema, previous: c.ordered) else { return nil }
      var step = SQLSelect(
        items: c.passThrough + [(.rowNumber(order), SQLCompilation.orderColumn)], from: .previous)
      if case .top(let count, _, _) = stage.kind {
        step.orderBy = order
        step.limit = try rowCount(count)
      }
      c.pipeline.steps.append(step)
      c.ordered = true
    case .take(let count):
      c.append(c.passThrough)
      if c.ordered {
        c.pipeline.steps[c.pipeline.steps.count - 1].orderBy = [
          .init(.column(SQLCompilation.orderColumn), descending: false)
        ]
      }
      c.pipeline.steps[c.pipeline.steps.count - 1].limit = try rowCount(count)
    case .join(let kind, let right, let keys):
      guard case .table(let table) = right, table.connection.text == c.connection else { return nil }
      return try sqlJoin(c, table, kind, keys, after, database)
    case .pivot(let columns, let values):
      return try sqlPivot(c, columns: columns, values: values, after, database)
    default:
      return nil
    }
    return c
  }

  private mutating func sqlItems(_ items: [Assignment], _ schema: Table, names: [String], grouped: Bool = false)
    -> [(expression: SQLExpression, name: String)]?
  {
    guard names.count == items.count else { return nil }
    var out: [(expression: SQLExpression, name: String)] = []
    for (item, name) in zip(items, names) {
      guard let e = sql(item.value, schema, grouped: grouped) else { return nil }
      out.append((e, name))
    }
    return out
  }

  private mutating func sqlOrder(_ keys: [SortKey], _ schema: Table, previous: Bool) -> [SQLOrder]? {
    var order: [SQLOrder] = []
    for key in keys {
      guard let e = sql(key.value, schema) else { return nil }
      order.append(SQLOrder(e, descending: key.descending))
    }
    // Ties keep the earlier order, as the in-memory sort is stable.
    if previous { order.append(SQLOrder(.column(SQLCompilation.orderColumn), descending: false)) }
    return order
  }

  /// Both sides on one connection: the right table becomes steps of the same statement.
  private mutating func sqlJoin(
    _ c: SQLCompilation, _ table: TableSyntax, _ kind: JoinKind, _ keys: [(left: Name, right: Name)],
    _ after: Table, _ database: any SQLDatabase
  ) throws(Diagnostic) -> SQLCompilation? {
    var c = c
    let left = c.pipeline.steps.count - 1
    let right = try sourceCompilation(table, database)
    c.pipeline.steps += right.pipeline.steps
    let dropped = Set(keys.map(\.right.text))
    var items: [(expression: SQLExpression, name: String)] = c.schema.columnNames.map { (.column($0, side: "l"), $0) }
    for name in right.schema.columnNames where !dropped.contains(name) {
      let clash = items.contains { $0.name == name }
      items.append((.column(name, side: "r"), clash ? "\(name)_\(table.parts.last ?? "")" : name))
    }
    guard items.map(\.name) == after.columnNames else { return nil }
    let step = SQLSelect(
      items: items,
      from: .join(
        left: left, right: c.pipeline.steps.count - 1, outer: kind == .left,
        on: keys.map { ($0.left.text, $0.right.text) }))
    c.pipeline.steps.append(step)
    c.ordered = false
    return c
  }
}
