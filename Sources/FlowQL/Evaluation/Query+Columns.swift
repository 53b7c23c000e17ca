import FlowModel

/// Which columns a query reads, so stages before a `summarize` or `select` do not carry columns
/// nobody looks at: a `where` or `join` over a million rows then moves two columns, not ten.
extension Expr {
  /// Every name this expression may read as a column (including names that turn out to be
  /// `let` values or functions, which only widen the set).
  var columnReferences: Set<String> {
    var names = Set<String>()
    collectReferences(into: &names)
    return names
  }

  private func collectReferences(into names: inout Set<String>) {
    switch kind {
    case .number, .quantity, .string, .bool, .missing: break
    case .name(let name): names.insert(name)
    case .path(let parts):
      // `source.stage` reads the column `source_stage` if there is one, else `source`.
      names.insert(parts.map(\.text).joined(separator: "_"))
      if let first = parts.first { names.insert(first.text) }
    case .unary(_, let operand): operand.collectReferences(into: &names)
    case .binary(_, let lhs, let rhs, _):
      lhs.collectReferences(into: &names)
      rhs.collectReferences(into: &names)
    case .call(_, let arguments), .list(let arguments):
      for argument in arguments { argument.collectReferences(into: &names) }
    case .range(let low, let high):
      low.collectReferences(into: &names)
      high.collectReferences(into: &names)
    }
  }
}

extension Query {
  /// For each stage, the columns that it and the stages after it read from its input table, or
  /// nil when they may need every column (the query's own result, a `rename`, a verb …).
  ///
  /// Worked backwards: `summarize` and `select` name exactly what they read, and stages that
  /// pass rows through (`where`, `sort`, `join` …) add what they read to what follows needs.
  func neededColumns() -> [Set<String>?] {
    var needed = [Set<String>?](repeating: nil, count: stages.count)
    var after: Set<String>? = nil
    for index in stages.indices.reversed() {
      let before: Set<String>?
      switch stages[index].kind {
      case .summarize(let aggregates, let keys):
        before = (aggregates + keys).reduce(into: Set<String>()) { $0.formUnion($1.value.columnReferences) }
      case .select(let items):
        before = items.reduce(into: Set<String>()) { $0.formUnion($1.value.columnReferences) }
      case .where(let condition):
        before = after?.union(condition.columnReferences)
      case .derive(let items):
        let defined = Set(items.compactMap { $0.name?.text })
        before = after.map { needs in
          items.reduce(into: needs.subtracting(defined)) { $0.formUnion($1.value.columnReferences) }
        }
      case .sort(let keys):
        before = after.map { keys.reduce(into: $0) { $0.formUnion($1.value.columnReferences) } }
      case .top(let count, let keys, _):
        before = after.map {
          keys.reduce(into: $0.union(count.columnReferences)) { $0.formUnion($1.value.columnReferences) }
        }
      case .take(let count):
        before = after?.union(count.columnReferences)
      case .join(_, let right, let keys):
        // A right column clashing with a left one is called `name_<table>`: reading that name
        // needs the left `name` kept, or the right column would lose its suffix.
        let suffix = "_" + (right.tableName ?? "right")
        before = after.map { needs in
          let clashing = needs.filter { $0.hasSuffix(suffix) && $0.count > suffix.count }.map {
            String($0.dropLast(suffix.count))
          }
          return needs.union(keys.map(\.left.text)).union(clashing)
        }
      case .chart, .inModel:
        before = after
      case .drop, .rename, .pivot, .schema, .verb:
        before = nil
      }
      needed[index] = before
      after = before
    }
    return needed
  }
}

extension Source {
  /// The table a `join` names (`join processes on …`), nil for a verb or an expression.
  var tableName: String? {
    if case .name(let n) = self { return n.text }
    return nil
  }
}

extension Table {
  /// The table with only the columns named in `names` (all of them when nil); rows untouched.
  /// One column stays even when none is named, since it carries the row count (`count()`).
  func keeping(_ names: Set<String>?) -> Table {
    guard let names, columns.contains(where: { !names.contains($0.name) }) else { return self }
    let kept = columns.filter { names.contains($0.name) }
    return Table(kept.isEmpty ? Array(columns.prefix(1)) : kept, caption: caption)
  }
}
