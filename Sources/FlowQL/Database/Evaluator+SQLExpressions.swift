import FlowModel
import FlowSQL

extension Evaluator {
  /// `expr` as SQL over the columns of `schema`, or nil when it has no SQL form here (then the
  /// stage runs in memory). `grouped`: inside `summarize`, where aggregates are allowed.
  /// User values become parameters; column names are quoted by the dialect.
  mutating func sql(_ expr: Expr, _ schema: Table, grouped: Bool = false) -> SQLExpression? {
    switch expr.kind {
    case .number(let v): return .value(.number(v))
    case .quantity(let v, let unit): return .value(.number(v * unit.factor))
    case .string(let s): return .value(.text(s))
    case .bool(let b): return .value(.bool(b))
    case .name(let name):
      if schema[name] != nil { return grouped ? nil : .column(name) }
      return scalarBinding(name).map { .value(Self.sqlValue($0)) }
    case .unary(.negate, let a): return sql(a, schema, grouped: grouped).map { .negate($0) }
    case .unary(.not, let a): return sql(a, schema, grouped: grouped).map { .not($0) }
    case .binary(let op, let a, let b, _): return sqlBinary(op, a, b, schema, grouped)
    case .call(let name, let args): return sqlCall(name.text.lowercased(), args, schema, grouped)
    case .path, .list, .range, .missing: return nil
    }
  }

  static func sqlValue(_ cell: Cell) -> SQLValue {
    switch cell {
    case .text(let s): .text(s)
    case .number(let v, _): .number(v)
    case .year(let y): .integer(y)
    case .bool(let b): .bool(b)
    }
  }

  /// The type of `expr` over `schema` (no rows), as the in-memory evaluator sees it.
  private mutating func probe(_ expr: Expr, _ schema: Table, _ grouped: Bool) -> Vector? {
    let saved = warnings
    defer { warnings = saved }
    let grouping = Grouping(groupOf: [], count: 0, firstRow: [], lastRow: [])
    return try? eval(expr, Frame(table: schema, rowCount: 0, grouping: grouped ? grouping : nil))
  }

  private func isText(_ v: Vector?) -> Bool {
    if case .text? = v?.values { return true }
    return false
  }

  private mutating func sqlBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ schema: Table, _ grouped: Bool)
    -> SQLExpression?
  {
    guard let l = sql(a, schema, grouped: grouped) else { return nil }
    if op == .in {
      switch b.kind {
      case .list(let items):
        var values: [SQLExpression] = []
        for item in items {
          guard let v = sql(item, schema, grouped: grouped) else { return nil }
          values.append(v)
        }
        return .inList(l, values)
      case .range(let lo, let hi):
        guard let lo = sql(lo, schema), let hi = sql(hi, schema) else { return nil }
        return .between(l, lo, hi)
      default: return nil
      }
    }
    guard let r = sql(b, schema, grouped: grouped) else { return nil }
    let (lt, rt) = (probe(a, schema, grouped), probe(b, schema, grouped))
    // Text compared with a number converts in memory; that has no faithful SQL form.
    if isText(lt) != isText(rt) { return nil }
    switch op {
    case .and: return .binary(.and, l, r)
    case .or: return .binary(.or, l, r)
    case .equal: return .binary(.equal, l, r)
    case .notEqual: return .binary(.notEqual, l, r)
    case .less: return .binary(.less, l, r)
    case .lessEqual: return .binary(.lessEqual, l, r)
    case .greater: return .binary(.greater, l, r)
    case .greaterEqual: return .binary(.greaterEqual, l, r)
    case .contains: return Self.containsText(l, r)
    case .add: return isText(lt) ? .binary(.concat, l, r) : .binary(.add, l, r)
    case .subtract: return .binary(.subtract, l, r)
    case .multiply: return .binary(.multiply, l, r)
    case .divide: return .binary(.divide, l, .call(.nullif, [r, .value(.number(0))]))
    case .in: return nil
    }
  }

  /// Case-insensitive `text ~ part`.
  private static func containsText(_ text: SQLExpression, _ part: SQLExpression) -> SQLExpression {
    .binary(.greater, .call(.position, [.call(.lower, [text]), .call(.lower, [part])]), .integer(0))
  }

  private mutating func sqlCall(_ name: String, _ args: [Expr], _ schema: Table, _ grouped: Bool) -> SQLExpression? {
    guard let info = Functions.named(name) else { return nil }
    if info.kind == .aggregate { return grouped ? sqlAggregate(name, args, schema) : nil }
    var a: [SQLExpression] = []
    for arg in args {
      guard let x = sql(arg, schema, grouped: grouped) else { return nil }
      a.append(x)
    }
    switch (name, a.count) {
    case ("abs", 1): return .call(.abs, a)
    case ("floor", 1): return .call(.floor, a)
    case ("ceil", 1): return .call(.ceil, a)
    case ("sqrt", 1): return .call(.sqrt, a)
    case ("ln", 1): return .call(.ln, a)
    case ("log10", 1): return .call(.log10, a)
    case ("round", 1): return .call(.round, [a[0], .integer(0)])
    case ("round", 2):
      guard case .number(let d) = args[1].kind, d.rounded() == d, abs(d) <= 15 else { return nil }
      return .call(.round, [a[0], .integer(Int(d))])
    case ("lower", 1): return .call(.lower, a)
    case ("upper", 1): return .call(.upper, a)
    case ("len", 1): return .call(.length, a)
    case ("contains", 2): return Self.containsText(a[0], a[1])
    case ("startswith", 2): return .call(.startsWith, a)
    case ("endswith", 2): return .binary(.equal, .call(.right, [a[0], .call(.length, [a[1]])]), a[1])
    case ("if", 3): return .when(a[0], then: a[1], otherwise: a[2])
    case ("is_missing", 1):
      return isText(probe(args[0], schema, grouped))
        ? .binary(.equal, .call(.coalesce, [a[0], .value(.text(""))]), .value(.text(""))) : .isNull(a[0])
    default: return nil
    }
  }

  /// An aggregate; its arguments are row expressions.
  private mutating func sqlAggregate(_ name: String, _ args: [Expr], _ schema: Table) -> SQLExpression? {
    var a: [SQLExpression] = []
    for arg in args {
      guard let x = sql(arg, schema) else { return nil }
      a.append(x)
    }
    let zero = SQLExpression.value(.number(0))
    switch (name, a.count) {
    case ("count", 0): return .countRows
    case ("sum", 1): return .call(.coalesce, [.call(.sum, a), zero])
    case ("avg", 1): return .call(.avg, a)
    case ("min", 1): return .call(.min, a)
    case ("max", 1): return .call(.max, a)
    case ("share", 1): return .binary(.divide, .call(.sum, a), .call(.nullif, [.totalOverGroups(a[0]), zero]))
    case ("sumif", 2): return .call(.coalesce, [.call(.sum, [.when(a[1], then: a[0], otherwise: nil)]), zero])
    case ("countif", 1):
      return .call(.coalesce, [.call(.sum, [.when(a[0], then: .integer(1), otherwise: .integer(0))]), zero])
    default: return nil  // first, last: no row order in SQL
    }
  }
}
