import FlowModel

/// The table stages `apply` dispatches to: each takes the table and the stage's syntax.
extension Evaluator {
  /// `where condition`: the rows where it holds, with a caption that says how they were chosen.
  mutating func filter(_ table: Table, _ condition: Expr) throws(Diagnostic) -> Table {
    let picked = table.keeping(nextStageColumns)
    var filtered: Table
    if let positions = wherePositions(condition, in: table) {
      filtered = picked.gathering(positions)
    } else {
      let rows = Frame(table: table, rowCount: table.rowCount, grouping: nil)
      let v = try eval(condition, rows)
      let keep = try requireBool(v, condition, "the condition of `where`")
      filtered = v.isScalar ? (keep[0] ? picked : picked.gathering([])) : picked.gathering(Self.positions(of: keep))
    }
    // Keep the caption truthful: it names the source, so say how the rows were chosen.
    filtered.caption = table.caption.map { "\($0) · where \(source.text(condition.range))" }
    return filtered
  }

  /// `select items`: exactly the listed columns, each a new expression or an existing column.
  mutating func select(_ table: Table, _ items: [Assignment]) throws(Diagnostic) -> Table {
    let rows = Frame(table: table, rowCount: table.rowCount, grouping: nil)
    var columns: [Column] = []
    for item in items {
      let name = outputName(item)
      if columns.contains(where: { $0.name == name }) { throw duplicate(name, item.name?.range ?? item.value.range) }
      columns.append(try eval(item.value, rows).column(named: name, count: table.rowCount))
    }
    return Table(columns, caption: table.caption)
  }

  /// `derive items`: new or replaced columns, each able to use the ones before it.
  mutating func derive(_ table: Table, _ items: [Assignment]) throws(Diagnostic) -> Table {
    var result = table
    for item in items {
      let frame = Frame(table: result, rowCount: result.rowCount, grouping: nil)
      result.setColumn(try eval(item.value, frame).column(named: outputName(item), count: result.rowCount))
    }
    return result
  }

  /// `drop names`: every column but those named, each of which must exist.
  func drop(_ table: Table, _ names: [Name]) throws(Diagnostic) -> Table {
    var drop = Set<String>()
    for name in names {
      if table[name.text] == nil { throw unknownColumn(name.text, name.range, in: table) }
      drop.insert(name.text)
    }
    return Table(table.columns.filter { !drop.contains($0.name) }, caption: table.caption)
  }

  /// `rename new = old, …`: the same columns, renamed; no two may end with one name.
  func rename(_ table: Table, _ pairs: [(new: Name, old: Name)]) throws(Diagnostic) -> Table {
    var columns = table.columns
    for (new, old) in pairs {
      guard let i = columns.firstIndex(where: { $0.name == old.text }) else {
        throw unknownColumn(old.text, old.range, in: Table(columns))
      }
      if columns.contains(where: { $0.name == new.text }), new.text != old.text {
        throw duplicate(new.text, new.range)
      }
      columns[i].name = new.text
    }
    return Table(columns, caption: table.caption)
  }

  /// `top n by keys [with others]`: the first `n` rows in key order, the rest summed as `others`.
  mutating func top(_ table: Table, _ countExpr: Expr, _ keys: [SortKey], others: Bool) throws(Diagnostic) -> Table {
    let count = try rowCount(countExpr)
    let picked = table.keeping(nextStageColumns)
    guard others, count < table.rowCount else {
      return picked.gathering(try sortPermutation(table, keys, limit: count))
    }
    let order = try sortPermutation(table, keys)
    return Self.appendingOthers(
      picked.gathering(Array(order.prefix(count))), rest: picked.gathering(Array(order.dropFirst(count))))
  }

  /// `take n`: the first `n` rows.
  mutating func take(_ table: Table, _ countExpr: Expr) throws(Diagnostic) -> Table {
    let count = try rowCount(countExpr)
    return table.keeping(nextStageColumns).gathering(Array(0..<min(count, table.rowCount)))
  }

  /// `join [kind] right on keys`: the right source is evaluated here, pruned to what is needed.
  mutating func join(
    _ table: Table, _ kind: JoinKind, _ right: Source, _ keys: [(left: Name, right: Name)], at stage: Stage
  )
    throws(Diagnostic) -> Table
  {
    var (other, _) = try evaluateSource(right, input: nil)
    let rightName = right.tableName ?? "right"
    if let needed = nextStageColumns {
      // A right column is needed under its own name or, when it clashes, as `name_<table>`.
      let keys = Set(keys.map(\.right.text))
      other = other.keeping(
        Set(
          other.columnNames.filter { keys.contains($0) || needed.contains($0) || needed.contains("\($0)_\(rightName)") }
        ))
    }
    return try join(table, other, rightName: rightName, kind: kind, keys: keys, at: stage.keyword.range)
  }

  /// `sql` after stages that ran in memory.
  static func sqlAfterMemoryStages(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .notCompilable, "`sql` needs the stages before it to compile to SQL", at: range,
      label: "these stages run in memory",
      help: "start the query with `table \"schema.name\" in connection`; `sql` must follow only compiled stages "
        + "(where, select, derive, drop, rename, summarize, sort, top, take, join, pivot)")
  }
}
