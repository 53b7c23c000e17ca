import FlowModel

extension Evaluator {
  /// Reduces an aggregate's argument to one value per group (its arity already checked).
  mutating func aggregate(
    _ info: FunctionInfo, _ args: [Expr], _ range: SourceRange, table: Table, grouping: Grouping
  ) throws(Diagnostic) -> Vector {
    let rows = Frame(table: table, rowCount: table.rowCount, grouping: nil)
    switch info.id {
    case .count: return try countRows(args.first, rows, grouping)
    case .countif: return try countRows(where: args[0], rows, grouping)
    case .sum, .avg, .share, .sumif: return try total(info, args, range, rows, grouping)
    case .min, .max: return try extreme(info, args[0], rows, grouping)
    case .first: return Self.gather(try eval(args[0], rows), grouping.firstRow)
    case .last: return Self.gather(try eval(args[0], rows), grouping.lastRow)
    default: throw Diagnostic(.misplacedAggregate, "`\(info.name)` is not an aggregate", at: range)
    }
  }

  /// `count()`, or `count(x)`: the rows where `x` is not missing.
  private mutating func countRows(_ argument: Expr?, _ rows: Frame, _ grouping: Grouping) throws(Diagnostic) -> Vector {
    var counts = [Double](repeating: 0, count: grouping.count)
    var missing: (Int) -> Bool = { _ in false }
    if let argument {
      let v = try eval(argument, rows)
      switch v.values {
      case .number(let x): missing = { x[v.isScalar ? 0 : $0].isNaN }
      case .text(let x): missing = { x[v.isScalar ? 0 : $0].isEmpty }
      default: break
      }
    }
    for i in 0..<rows.rowCount where !missing(i) { counts[grouping.groupOf[i]] += 1 }
    return Vector(values: .number(counts))
  }

  /// `countif(condition)`.
  private mutating func countRows(where condition: Expr, _ rows: Frame, _ grouping: Grouping) throws(Diagnostic)
    -> Vector
  {
    let c = try eval(condition, rows)
    let holds = try requireBool(c, condition, "the condition of `countif`")
    var counts = [Double](repeating: 0, count: grouping.count)
    for i in 0..<rows.rowCount where holds[c.isScalar ? 0 : i] { counts[grouping.groupOf[i]] += 1 }
    return Vector(values: .number(counts))
  }

  /// `sum`, `avg`, `share` and `sumif`: one pass adding up the group's numbers.
  private mutating func total(
    _ info: FunctionInfo, _ args: [Expr], _ range: SourceRange, _ rows: Frame, _ grouping: Grouping
  ) throws(Diagnostic) -> Vector {
    let v = try eval(args[0], rows)
    guard case .number(let x) = v.values else {
      throw Diagnostic(
        .badArguments, "`\(info.name)` needs numbers, found \(v.typeDescription)", at: args[0].range,
        help: v.typeDescription == "text"
          ? "use `count()` or `first(\(args[0].defaultName))` for text" : "usage: `\(info.signature)`")
    }
    var holds: (Int) -> Bool = { _ in true }
    if info.id == .sumif {
      let c = try eval(args[1], rows)
      let condition = try requireBool(c, args[1], "the condition of `sumif`")
      holds = { condition[c.isScalar ? 0 : $0] }
    }
    var sums = [Double](repeating: 0, count: grouping.count)
    var counts = [Double](repeating: 0, count: grouping.count)
    for i in 0..<rows.rowCount {
      let value = x[v.isScalar ? 0 : i]
      if value.isNaN || !holds(i) { continue }
      sums[grouping.groupOf[i]] += value
      counts[grouping.groupOf[i]] += 1
      if i % Self.checkInterval == 0 { try checkCancelled(range) }
    }
    switch info.id {
    case .avg:
      return Vector(values: .number(zip(sums, counts).map { $1 > 0 ? $0 / $1 : .nan }), dimension: v.dimension)
    case .share:
      let all = sums.reduce(0, +)
      return Vector(values: .number(sums.map { all != 0 ? $0 / all : .nan }), dimension: .ratio)
    default:
      return Vector(values: .number(sums), dimension: v.dimension)
    }
  }

  /// `min` and `max` of numbers, years or text.
  private mutating func extreme(_ info: FunctionInfo, _ argument: Expr, _ rows: Frame, _ grouping: Grouping)
    throws(Diagnostic) -> Vector
  {
    let v = try eval(argument, rows)
    let isMin = info.id == .min
    func best<T: Comparable>(_ x: [T], skipping skip: (T) -> Bool = { _ in false }) -> [T?] {
      var best = [T?](repeating: nil, count: grouping.count)
      for i in 0..<rows.rowCount {
        let value = x[v.isScalar ? 0 : i]
        let k = grouping.groupOf[i]
        if skip(value) { continue }
        if let b = best[k], isMin ? value >= b : value <= b { continue }
        best[k] = value
      }
      return best
    }
    switch v.values {
    case .number(let x):
      return Vector(values: .number(best(x, skipping: \.isNaN).map { $0 ?? .nan }), dimension: v.dimension)
    case .year(let x): return Vector(values: .year(best(x).map { $0 ?? 0 }))
    case .text(let x): return Vector(values: .text(best(Array(x)).map { $0 ?? "" }))
    case .bool:
      throw Diagnostic(.badArguments, "`\(info.name)` cannot order true/false values", at: argument.range)
    }
  }

  /// One value per group, taken from row `rows[g]` (missing where the group is empty).
  static func gather(_ v: Vector, _ rows: [Int]) -> Vector {
    func at<T>(_ x: [T], _ missing: T) -> [T] {
      rows.map { $0 < 0 ? missing : x[v.isScalar ? 0 : $0] }
    }
    switch v.values {
    case .text(let x): return Vector(values: .text(x.gathered(v.isScalar ? rows.map { $0 < 0 ? -1 : 0 } : rows)))
    case .number(let x): return Vector(values: .number(at(x, .nan)), dimension: v.dimension)
    case .year(let x): return Vector(values: .year(at(x, 0)))
    case .bool(let x): return Vector(values: .bool(at(x, false)))
    }
  }
}
