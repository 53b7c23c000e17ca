/// Writes expressions and selects as SQL text, collecting parameters in placeholder order.
struct SQLWriter {
  let dialect: SQLDialect
  private(set) var parameters: [SQLValue] = []

  init(dialect: SQLDialect) {
    self.dialect = dialect
  }

  static func stepName(_ index: Int) -> String { "s\(index + 1)" }

  mutating func select(_ step: SQLSelect, index: Int) -> String {
    // Parameters must be numbered in text order: items, FROM, WHERE, GROUP BY, ORDER BY.
    let items = step.items.map { item -> String in
      if case .column(let name, nil) = item.expression, name == item.name { return dialect.quote(name) }
      return expression(item.expression) + " AS " + dialect.quote(item.name)
    }
    var text = "SELECT " + (items.isEmpty ? "*" : items.joined(separator: ", "))
    switch step.from {
    case .table(let parts): text += "\nFROM " + dialect.quote(table: parts)
    case .previous: text += "\nFROM " + Self.stepName(index - 1)
    case .join(let left, let right, let outer, let keys):
      let on = keys.map { "l.\(dialect.quote($0.left)) = r.\(dialect.quote($0.right))" }
      text += "\nFROM \(Self.stepName(left)) AS l \(outer ? "LEFT" : "INNER") JOIN \(Self.stepName(right)) AS r ON "
      text += on.joined(separator: " AND ")
    }
    if let filter = step.filter { text += "\nWHERE " + expression(filter) }
    if !step.groupBy.isEmpty { text += "\nGROUP BY " + step.groupBy.map { expression($0) }.joined(separator: ", ") }
    if !step.orderBy.isEmpty { text += "\nORDER BY " + order(step.orderBy) }
    if let limit = step.limit { text += "\nLIMIT \(limit)" }
    return text
  }

  private mutating func order(_ keys: [SQLOrder]) -> String {
    keys.map { expression($0.expression) + ($0.descending ? " DESC" : " ASC") + " NULLS LAST" }
      .joined(separator: ", ")
  }

  mutating func expression(_ e: SQLExpression) -> String {
    switch e {
    case .column(let name, let side): return (side.map { $0 + "." } ?? "") + dialect.quote(name)
    case .value(let v):
      parameters.append(v)
      return dialect.placeholder(parameters.count)
    case .integer(let n): return String(n)
    case .binary(let op, let a, let b): return "(" + expression(a) + " \(op.rawValue) " + expression(b) + ")"
    case .not(let a): return "(NOT " + expression(a) + ")"
    case .negate(let a): return "(-" + expression(a) + ")"
    case .call(.round, let args) where dialect == .postgres && args.count == 2:
      // PostgreSQL rounds a double half to even; NUMERIC rounds half away from zero, as FlowQL does.
      return "CAST(round(CAST(" + expression(args[0]) + " AS NUMERIC), " + expression(args[1])
        + ") AS DOUBLE PRECISION)"
    case .call(let f, let args):
      return dialect.name(of: f) + "(" + args.map { expression($0) }.joined(separator: ", ") + ")"
    case .when(let c, let then, let otherwise):
      var text = "CASE WHEN " + expression(c) + " THEN " + expression(then)
      if let otherwise { text += " ELSE " + expression(otherwise) }
      return text + " END"
    case .isNull(let a): return "(" + expression(a) + " IS NULL)"
    case .inList(let a, let items):
      return "(" + expression(a) + " IN (" + items.map { expression($0) }.joined(separator: ", ") + "))"
    case .between(let a, let lo, let hi):
      return "(" + expression(a) + " BETWEEN " + expression(lo) + " AND " + expression(hi) + ")"
    case .cast(let a, let type): return "CAST(" + expression(a) + " AS " + dialect.name(of: type) + ")"
    case .countRows: return "COUNT(*)"
    case .totalOverGroups(let a): return "SUM(SUM(" + expression(a) + ")) OVER ()"
    case .rowNumber(let keys): return "ROW_NUMBER() OVER (ORDER BY " + order(keys) + ")"
    }
  }
}
