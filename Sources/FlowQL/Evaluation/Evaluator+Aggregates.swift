import FlowModel

extension Evaluator {
  /// Reduces an aggregate's argument to one value per group.
  mutating func aggregate(
    _ info: FunctionInfo, _ args: [Expr], _ range: SourceRange, table: Table, grouping: Grouping
  ) throws(Diagnostic) -> Vector {
    let rows = Frame(table: table, rowCount: table.rowCount, grouping: nil)
    let n = table.rowCount
    let g = grouping.count
    let groupOf = grouping.groupOf
    switch info.name {
    case "count":
      try arity(info, args, range, 0...1)
      var counts = [Double](repeating: 0, count: g)
      if let arg = args.first {
        let v = try eval(arg, rows)
        let missing: (Int) -> Bool
        switch v.values {
        case .number(let x): missing = { x[v.isScalar ? 0 : $0].isNaN }
        case .text(let x): missing = { x[v.isScalar ? 0 : $0].isEmpty }
        default: missing = { _ in false }
        }
        for i in 0..<n where !missing(i) { counts[groupOf[i]] += 1 }
      } else {
        for i in 0..<n { counts[groupOf[i]] += 1 }
      }
      return Vector(values: .number(counts))
    case "countif":
      try arity(info, args, range, 1...1)
      let c = try eval(args[0], rows)
      let cond = try requireBool(c, args[0], "the condition of `countif`")
      var counts = [Double](repeating: 0, count: g)
      for i in 0..<n where cond[c.isScalar ? 0 : i] { counts[groupOf[i]] += 1 }
      return Vector(values: .number(counts))
    case "sum", "avg", "share", "sumif":
      try arity(info, args, range, info.name == "sumif" ? 2...2 : 1...1)
      let v = try eval(args[0], rows)
      guard case .number(let x) = v.values else {
        throw Diagnostic(
          .badArguments, "`\(info.name)` needs numbers, found \(v.typeDescription)", at: args[0].range,
          help: v.typeDescription == "text"
            ? "use `count()` or `first(\(args[0].defaultName))` for text" : "usage: `\(info.signature)`")
      }
      var cond: [Bool]?
      var condScalar = false
      if info.name == "sumif" {
        let c = try eval(args[1], rows)
        cond = try requireBool(c, args[1], "the condition of `sumif`")
        condScalar = c.isScalar
      }
      var sums = [Double](repeating: 0, count: g)
      var counts = [Double](repeating: 0, count: g)
      for i in 0..<n {
        let value = x[v.isScalar ? 0 : i]
        if value.isNaN { continue }
        if let cond, !cond[condScalar ? 0 : i] { continue }
        sums[groupOf[i]] += value
        counts[groupOf[i]] += 1
        if i % Self.checkInterval == 0 { try checkCancelled(range) }
      }
      switch info.name {
      case "avg":
        return Vector(values: .number(zip(sums, counts).map { $1 > 0 ? $0 / $1 : .nan }), dimension: v.dimension)
      case "share":
        let total = sums.reduce(0, +)
        return Vector(values: .number(sums.map { total != 0 ? $0 / total : .nan }), dimension: .ratio)
      default:
        return Vector(values: .number(sums), dimension: v.dimension)
      }
    case "min", "max":
      try arity(info, args, range, 1...1)
      let v = try eval(args[0], rows)
      let isMin = info.name == "min"
      switch v.values {
      case .number(let x):
        var best = [Double](repeating: .nan, count: g)
        for i in 0..<n {
          let value = x[v.isScalar ? 0 : i]
          let k = groupOf[i]
          if value.isNaN { continue }
          if best[k].isNaN || (isMin ? value < best[k] : value > best[k]) { best[k] = value }
        }
        return Vector(values: .number(best), dimension: v.dimension)
      case .year(let x):
        var best = [Int?](repeating: nil, count: g)
        for i in 0..<n {
          let value = x[v.isScalar ? 0 : i]
          let k = groupOf[i]
          if let b = best[k], isMin ? value >= b : value <= b { continue }
          best[k] = value
        }
        return Vector(values: .year(best.map { $0 ?? 0 }))
      case .text(let x):
        var best = [String?](repeating: nil, count: g)
        for i in 0..<n {
          let value = x[v.isScalar ? 0 : i]
          let k = groupOf[i]
          if let b = best[k], isMin ? value >= b : value <= b { continue }
          best[k] = value
        }
        return Vector(values: .text(best.map { $0 ?? "" }))
      case .bool:
        throw Diagnostic(.badArguments, "`\(info.name)` cannot order true/false values", at: args[0].range)
      }
    default:  // first, last
      try arity(info, args, range, 1...1)
      let v = try eval(args[0], rows)
      let picks = info.name == "first" ? grouping.firstRow : grouping.lastRow
      return Self.gather(v, picks)
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
