import FlowModel

extension Evaluator {
  /// Evaluates `expr` over the rows of `frame`.
  mutating func eval(_ expr: Expr, _ frame: Frame) throws(Diagnostic) -> Vector {
    switch expr.kind {
    case .number(let v):
      return .scalar(.number(v, .none))
    case .quantity(let v, let unit):
      return .scalar(.number(v * unit.factor, unit.dimension))
    case .string(let s):
      return .scalar(.text(s))
    case .bool(let b):
      return .scalar(.bool(b))
    case .name(let name):
      return try resolve(name, expr.range, frame)
    case .path(let parts):
      return try resolvePath(parts, expr.range, frame)
    case .unary(let op, let operand):
      return try unary(op, try eval(operand, frame), operand)
    case .binary(let op, let lhs, let rhs, let opRange):
      return try binary(op, lhs, rhs, opRange, frame)
    case .call(let name, let args):
      return try call(name, args, expr.range, frame)
    case .list, .range:
      throw Diagnostic(
        .typeMismatch, "a list or range can only follow `in`", at: expr.range,
        help: "e.g. `where year in 2015..2020` or `where material in [\"LREE\", \"HREE\"]`")
    case .missing:
      throw Diagnostic(.expectedExpression, "expected an expression", at: expr.range)
    }
  }

  /// A column of the frame's table, or a `let`-bound value.
  private func resolve(_ name: String, _ range: SourceRange, _ frame: Frame) throws(Diagnostic) -> Vector {
    if let table = frame.table, let column = table[name] {
      if frame.grouping != nil {
        throw Diagnostic(
          .misplacedAggregate, "`\(name)` is not aggregated", at: range,
          label: "one value per row, but `summarize` needs one per group",
          help: "use an aggregate such as `sum(\(name))`, or add `\(name)` after `by`")
      }
      return Vector(column: column)
    }
    if let cell = scalarBinding(name) { return .scalar(cell) }
    guard let table = frame.table else {
      if self.table(named: name) != nil {
        throw Diagnostic(
          .notATable, "`\(name)` is a table, not a single value", at: range, label: "a table",
          help: "start a query with it, as in `\(name) | take 5`")
      }
      let names = bindings.keys.sorted()
      throw Diagnostic(
        .unknownName, "unknown name `\(name)`", at: range, label: "not defined",
        help: Suggestions.didYouMean(name, in: names + tableNames)
          ?? (Lexer.isIdentifierStart(name.unicodeScalars.first ?? "0")
            ? "to write text, put it in quotes: \"\(name)\"" : nil))
    }
    throw unknownColumn(name, range, in: table)
  }

  /// `E201` with did-you-mean over the columns, or a hint to quote a process/material name.
  func unknownColumn(_ name: String, _ range: SourceRange, in table: Table) -> Diagnostic {
    var help = Suggestions.didYouMean(name, in: table.columnNames)
    if help == nil, catalog.processes.contains(name) || catalog.materials.contains(name) {
      help = "to compare with `\(name)`, put it in quotes: \"\(name)\""
    } else if help == nil, let close = Suggestions.closest(to: name, in: catalog.processes + catalog.materials) {
      help = "to compare with `\(close)`, put it in quotes: \"\(close)\""
    }
    return Diagnostic(
      .unknownColumn, "unknown column `\(name)`", at: range, label: "not a column of this table",
      help: help, notes: ["columns here: " + Suggestions.list(table.columnNames)])
  }

  /// `source.stage`: looks `source` up in the processes table's `id` column.
  private func resolvePath(_ parts: [Name], _ range: SourceRange, _ frame: Frame) throws(Diagnostic) -> Vector {
    let joined = parts.map(\.text).joined(separator: "_")
    if let table = frame.table, table[joined] != nil { return try resolve(joined, range, frame) }
    guard parts.count == 2, let table = frame.table else {
      throw Diagnostic(
        .unknownField, "cannot read `\(parts.map(\.text).joined(separator: "."))`", at: range,
        help: "only a process column and one field work, as in `source.stage`")
    }
    guard case .text(let keys)? = table[parts[0].text]?.values else {
      if table[parts[0].text] == nil { throw unknownColumn(parts[0].text, parts[0].range, in: table) }
      throw Diagnostic(
        .typeMismatch, "`\(parts[0].text)` does not hold process ids", at: parts[0].range,
        help: "`.field` works on columns such as `source` and `target`")
    }
    guard let processes = catalog.tables["processes"], case .text(let ids)? = processes["id"]?.values,
      let field = processes[parts[1].text]
    else {
      let fields = catalog.tables["processes"]?.columnNames ?? []
      throw Diagnostic(
        .unknownField, "the processes table has no column `\(parts[1].text)`", at: parts[1].range,
        label: "not a process field", help: Suggestions.didYouMean(parts[1].text, in: fields),
        notes: fields.isEmpty ? ["no processes table is loaded"] : ["process fields: " + fields.joined(separator: ", ")]
      )
    }
    if frame.grouping != nil {
      throw Diagnostic(
        .misplacedAggregate, "`\(parts.map(\.text).joined(separator: "."))` is not aggregated", at: range,
        help: "add it after `by`")
    }
    var index: [String: Int] = [:]
    for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
    let rows = keys.map { index[$0] ?? -1 }
    let values: ColumnValues
    switch field.values {
    case .text(let v): values = .text(v.gathered(rows))
    case .number(let v): values = .number(rows.map { $0 < 0 ? .nan : v[$0] })
    case .year(let v): values = .year(rows.map { $0 < 0 ? 0 : v[$0] })
    case .bool(let v): values = .bool(rows.map { $0 < 0 ? false : v[$0] })
    }
    return Vector(values: values, dimension: field.dimension)
  }

  private func unary(_ op: UnaryOperator, _ v: Vector, _ operand: Expr) throws(Diagnostic) -> Vector {
    switch (op, v.values) {
    case (.negate, .number(let a)):
      return Vector(values: .number(a.map { -$0 }), dimension: v.dimension, isScalar: v.isScalar)
    case (.negate, .year(let a)): return Vector(values: .year(a.map { 0 &- $0 }), isScalar: v.isScalar)
    case (.not, .bool(let a)): return Vector(values: .bool(a.map { !$0 }), isScalar: v.isScalar)
    case (.negate, _):
      throw Diagnostic(.typeMismatch, "cannot negate \(v.typeDescription)", at: operand.range, label: "not a number")
    case (.not, _):
      throw Diagnostic(
        .typeMismatch, "`not` needs true/false, found \(v.typeDescription)", at: operand.range,
        help: "e.g. `not (material == \"LREE\")`")
    }
  }

  /// Checks that a vector is true/false; used by `where`, `and`, `or`, `if`, `sumif`.
  func requireBool(_ v: Vector, _ expr: Expr, _ what: String) throws(Diagnostic) -> [Bool] {
    if case .bool(let b) = v.values { return b }
    throw Diagnostic(
      .conditionNotBoolean, "\(what) must be true or false, found \(v.typeDescription)", at: expr.range,
      label: "not a condition", help: "compare it, as in `mass > 5 kt` or `source == \"SEP\"`")
  }
}
