import FlowModel

extension Evaluator {
  mutating func binary(
    _ op: BinaryOperator, _ lhsExpr: Expr, _ rhsExpr: Expr, _ opRange: SourceRange, _ frame: Frame
  ) throws(Diagnostic) -> Vector {
    let lhs = try eval(lhsExpr, frame)
    let n = frame.rowCount
    if op == .in { return try membership(lhs, lhsExpr, rhsExpr, frame) }
    let rhs = try eval(rhsExpr, frame)
    let both = lhs.isScalar && rhs.isScalar
    switch op {
    case .and, .or:
      let a = try requireBool(lhs, lhsExpr, "`\(op.rawValue)`")
      let b = try requireBool(rhs, rhsExpr, "`\(op.rawValue)`")
      let r =
        op == .and
        ? zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 && $1 }
        : zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 || $1 }
      return Vector(values: .bool(r), isScalar: both)
    case .contains:
      guard case .text(let a) = lhs.values, case .text(let b) = rhs.values else {
        throw Diagnostic(
          .typeMismatch, "`~` needs text on both sides", at: opRange,
          help: "e.g. `where source ~ \"IMP\"` keeps sources containing IMP")
      }
      let la = a.map { $0.lowercased() }
      let lb = b.map { $0.lowercased() }
      let r = zipCompare(la, lhs.isScalar, lb, rhs.isScalar, count: n) { $0.contains($1) }
      return Vector(values: .bool(r), isScalar: both)
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
      let result = try compare(op, lhs, rhs, lhsExpr, rhsExpr, opRange, n)
      if op == .equal, !both { noteEmptyMatch(result, lhs, rhs, lhsExpr, rhsExpr) }
      return result
    case .add, .subtract, .multiply, .divide:
      return try arithmetic(op, lhs, rhs, lhsExpr, rhsExpr, opRange, n)
    case .in:
      return lhs
    }
  }

  /// `x in [a, b]` and `year in 2015..2020`.
  private mutating func membership(_ lhs: Vector, _ lhsExpr: Expr, _ rhsExpr: Expr, _ frame: Frame) throws(Diagnostic)
    -> Vector
  {
    let n = lhs.isScalar ? 1 : frame.rowCount
    switch rhsExpr.kind {
    case .range(let lo, let hi):
      let a = try eval(lo, .scalar).numbers?.first
      let b = try eval(hi, .scalar).numbers?.first
      guard let a, let b, let xs = lhs.numbers else {
        throw Diagnostic(
          .typeMismatch, "`in a..b` needs numbers or years", at: rhsExpr.range,
          help: "e.g. `where year in 2015..2020`")
      }
      return Vector(values: .bool(xs.map { $0 >= a && $0 <= b }), isScalar: lhs.isScalar)
    case .list(let items):
      var result = [Bool](repeating: false, count: n)
      for item in items {
        let v = try eval(item, .scalar)
        let eq = try compare(.equal, lhs, v, lhsExpr, item, item.range, n)
        if case .bool(let b) = eq.values {
          for i in 0..<n where b[eq.isScalar ? 0 : i] { result[i] = true }
        }
      }
      return Vector(values: .bool(result), isScalar: lhs.isScalar)
    default:
      throw Diagnostic(
        .typeMismatch, "`in` needs a list or a range", at: rhsExpr.range,
        help: "e.g. `material in [\"LREE\", \"HREE\"]` or `year in 2015..2020`")
    }
  }

  /// Whether `a op b` holds for a comparison operator.
  static func holds<T: Comparable>(_ op: BinaryOperator, _ a: T, _ b: T) -> Bool {
    switch op {
    case .equal: a == b
    case .notEqual: a != b
    case .less: a < b
    case .lessEqual: a <= b
    case .greater: a > b
    default: a >= b
    }
  }

  private func compare(
    _ op: BinaryOperator, _ lhs: Vector, _ rhs: Vector, _ lhsExpr: Expr, _ rhsExpr: Expr,
    _ opRange: SourceRange, _ n: Int
  ) throws(Diagnostic) -> Vector {
    let both = lhs.isScalar && rhs.isScalar
    func result<T: Comparable>(_ a: [T], _ b: [T]) -> Vector {
      let r: [Bool]
      switch op {
      case .equal: r = zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 == $1 }
      case .notEqual: r = zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 != $1 }
      case .less: r = zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 < $1 }
      case .lessEqual: r = zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 <= $1 }
      case .greater: r = zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 > $1 }
      default: r = zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { $0 >= $1 }
      }
      return Vector(values: .bool(r), isScalar: both)
    }
    switch (lhs.values, rhs.values) {
    case (.text(let a), .text(let b)):
      // One comparison per distinct value against a single text (`source == "SEP"`), not per row.
      if rhs.isScalar && !lhs.isScalar, let other = b.first {
        return Vector(values: .bool(a.mapDistinct { Self.holds(op, $0, other) }))
      }
      if lhs.isScalar && !rhs.isScalar, let other = a.first {
        return Vector(values: .bool(b.mapDistinct { Self.holds(op, other, $0) }))
      }
      return result(Array(a), Array(b))
    case (.year(let a), .year(let b)): return result(a, b)
    case (.year(let a), .number(let b))
    where rhs.isScalar && rhs.dimension == .none && b[0].rounded() == b[0] && abs(b[0]) < 1e15:
      return result(a, [Int(b[0])])  // `year == 2022` without widening the column to Double
    case (.bool(let a), .bool(let b)) where op == .equal || op == .notEqual:
      let r = zipCompare(a, lhs.isScalar, b, rhs.isScalar, count: n) { op == .equal ? $0 == $1 : $0 != $1 }
      return Vector(values: .bool(r), isScalar: both)
    case (.number, .number), (.year, .number), (.number, .year):
      try checkDimensions(lhs, rhs, lhsExpr, rhsExpr, opRange, comparing: true)
      // Swift has no generic zip over mixed storage; widen years to Double (exact below 2^53).
      return result(lhs.numbers ?? [], rhs.numbers ?? [])
    default:
      var help = "both sides must have the same type"
      if case .text(let t) = rhs.values, rhs.isScalar, lhs.numbers != nil, Double(t[0]) != nil {
        help = "numbers are written without quotes: `\(t[0])`"
      } else if case .text = rhs.values, case .number = lhs.values {
        help = "compare with a number, such as `\(Self.example(lhs.dimension))`"
      } else if case .text = lhs.values {
        help = "compare text with text in quotes, such as `\"SEP\"`"
      }
      throw Diagnostic(
        .typeMismatch, "cannot compare \(lhs.typeDescription) with \(rhs.typeDescription)",
        at: lhsExpr.range.union(rhsExpr.range), label: "different types", help: help)
    }
  }

  /// `E310`/`E311`: both sides must measure the same thing (plain numbers fit anything).
  private func checkDimensions(
    _ lhs: Vector, _ rhs: Vector, _ lhsExpr: Expr, _ rhsExpr: Expr, _ opRange: SourceRange, comparing: Bool
  ) throws(Diagnostic) {
    let (a, b) = (lhs.dimension, rhs.dimension)
    guard a != b, a != .none, b != .none else { return }
    let column = lhsExpr.defaultName.isEmpty ? "the left side" : "`\(lhsExpr.defaultName)`"
    let alternative = catalogColumn(for: b).map { ", or use the `\($0)` column" } ?? ""
    throw Diagnostic(
      comparing ? .unitMismatch : .incompatibleUnits,
      "cannot \(comparing ? "compare" : "combine") \(lhs.typeDescription) with \(rhs.typeDescription)",
      at: lhsExpr.range.union(rhsExpr.range),
      label: "\(column) is \(a == .mass ? "in tonnes" : "in \(a.baseSymbol)")",
      help: comparing
        ? "compare with \(a == .ratio ? "a ratio" : "a \(a.rawValue)") such as `\(Self.example(a))`\(alternative)"
        : "`+` and `-` need the same dimension on both sides, as in `\(column == "the left side" ? "x" : lhsExpr.defaultName) + \(Self.example(a))`"
    )
  }

  /// The flows column that measures `dimension`, for "use the `cost` column" hints.
  private func catalogColumn(for dimension: Dimension) -> String? {
    catalog.tables["flows"]?.columns.first { $0.dimension == dimension }?.name
  }

  private func arithmetic(
    _ op: BinaryOperator, _ lhs: Vector, _ rhs: Vector, _ lhsExpr: Expr, _ rhsExpr: Expr,
    _ opRange: SourceRange, _ n: Int
  ) throws(Diagnostic) -> Vector {
    let both = lhs.isScalar && rhs.isScalar
    switch (lhs.values, rhs.values) {
    case (.text(let a), .text(let b)) where op == .add:
      return Vector(values: .text(zipStrings(Array(a), lhs.isScalar, Array(b), rhs.isScalar, n)), isScalar: both)
    case (.year(let a), .year(let b)) where op == .add || op == .subtract:
      let r = zipInts(a, lhs.isScalar, b, rhs.isScalar, n, op == .add ? (&+) : (&-))
      return Vector(values: .year(r), isScalar: both)
    case (.year(let a), .number(let b))
    where (op == .add || op == .subtract) && rhs.isScalar && rhs.dimension == .none
      && b[0].rounded() == b[0] && abs(b[0]) < 1e9:
      let k = Int(b[0])
      return Vector(values: .year(a.map { op == .add ? $0 + k : $0 - k }), isScalar: lhs.isScalar)
    case (.number, .number), (.year, .number), (.number, .year), (.year, .year):
      let dimension = try resultDimension(op, lhs, rhs, lhsExpr, rhsExpr, opRange)
      let a = lhs.numbers ?? []
      let b = rhs.numbers ?? []
      let r: [Double]
      switch op {
      case .add: r = zipNumbers(a, lhs.isScalar, b, rhs.isScalar, count: n, +)
      case .subtract: r = zipNumbers(a, lhs.isScalar, b, rhs.isScalar, count: n, -)
      case .multiply: r = zipNumbers(a, lhs.isScalar, b, rhs.isScalar, count: n, *)
      default: r = zipNumbers(a, lhs.isScalar, b, rhs.isScalar, count: n, /)
      }
      return Vector(values: .number(r), dimension: dimension, isScalar: both)
    default:
      throw Diagnostic(
        .typeMismatch, "cannot use `\(op.rawValue)` on \(lhs.typeDescription) and \(rhs.typeDescription)",
        at: opRange, label: "needs numbers on both sides",
        help: op == .add ? "`+` joins two texts or adds two numbers" : nil)
    }
  }

  /// The dimension of `lhs op rhs`, or `E311`/`E312`.
  private func resultDimension(
    _ op: BinaryOperator, _ lhs: Vector, _ rhs: Vector, _ lhsExpr: Expr, _ rhsExpr: Expr, _ opRange: SourceRange
  ) throws(Diagnostic) -> Dimension {
    let (a, b) = (lhs.dimension, rhs.dimension)
    switch op {
    case .add, .subtract:
      try checkDimensions(lhs, rhs, lhsExpr, rhsExpr, opRange, comparing: false)
      return a == .none ? b : a
    case .multiply:
      switch (a, b) {
      case (.none, _), (.ratio, _): return b == .ratio && a == .ratio ? .ratio : (a == .none ? b : b == .none ? a : b)
      case (_, .none), (_, .ratio): return a
      case (.mass, .price), (.price, .mass): return .money
      default: break
      }
    default:
      switch (a, b) {
      case (_, .none): return a
      case (_, .ratio) where a != .ratio: return a
      case (.money, .mass): return .price
      case (.money, .price): return .mass
      case _ where a == b: return .ratio
      default: break
      }
    }
    throw Diagnostic(
      .unsupportedUnitProduct,
      "cannot \(op == .multiply ? "multiply" : "divide") \(lhs.typeDescription) by \(rhs.typeDescription)",
      at: opRange, label: "the result would have no FlowQL unit",
      help: "FlowQL knows mass × price = money, money ÷ mass = price, and x ÷ x = ratio",
      notes: ["units: t, kt, Mt, USD, kUSD, MUSD, BUSD, USD/t, USD/kg, %"])
  }

  /// Warns (`W205`) when `column == literal` matches no row: usually a misspelt process or
  /// material, a display name where an id is stored, or a year outside the model.
  private mutating func noteEmptyMatch(_ result: Vector, _ lhs: Vector, _ rhs: Vector, _ lhsExpr: Expr, _ rhsExpr: Expr)
  {
    guard case .bool(let hits) = result.values, !hits.isEmpty, !hits.contains(true), rhs.isScalar, !lhs.isScalar
    else { return }
    let name = source.text(lhsExpr.range)
    switch (lhs.values, rhs.values) {
    case (.text(let column), .text(let literal)):
      guard let value = literal.first else { return }
      let distinct = column.dictionary
      let processes = catalog.tables["processes"]
      let holdsIDs =
        processes.map { table in
          if case .text(let ids)? = table["id"]?.values { return !Set(ids.dictionary).isDisjoint(with: distinct) }
          return false
        } ?? false
      let suggestion =
        (holdsIDs ? Suggestions.process(value, in: processes) : nil)
        ?? Suggestions.didYouMean(value, in: distinct)
        ?? Suggestions.didYouMean(value, in: catalog.processes + catalog.materials)
        ?? (value.lowercased() == "boundary" && distinct.contains("sink")
          ? "a boundary process has kind `source` or `sink`, as in `\(name) == \"sink\"`" : nil)
      warnings.append(
        Diagnostic(
          .noSuchValue, "no row has `\(name)` equal to \"\(value)\"", at: rhsExpr.range,
          label: "matches nothing", help: suggestion,
          notes: distinct.count <= 12 ? ["values here: " + distinct.sorted().joined(separator: ", ")] : []))
    case (.year(let column), _):
      guard let value = rhs.numbers?.first, let low = column.min(), let high = column.max() else { return }
      let shown = value.rounded() == value ? String(Int(value)) : String(value)
      warnings.append(
        Diagnostic(
          .noSuchValue, "no row has `\(name)` equal to \(shown)", at: rhsExpr.range, label: "matches nothing",
          help: low == high ? "the only year here is \(low)" : "the years here are \(low)–\(high)"))
    default:
      return
    }
  }
}

private func zipStrings(_ a: [String], _ aS: Bool, _ b: [String], _ bS: Bool, _ n: Int) -> [String] {
  if aS && bS { return [a[0] + b[0]] }
  return (0..<n).map { (aS ? a[0] : a[$0]) + (bS ? b[0] : b[$0]) }
}

private func zipInts(_ a: [Int], _ aS: Bool, _ b: [Int], _ bS: Bool, _ n: Int, _ op: (Int, Int) -> Int) -> [Int] {
  if aS && bS { return [op(a[0], b[0])] }
  return (0..<n).map { op(aS ? a[0] : a[$0], bS ? b[0] : b[$0]) }
}
