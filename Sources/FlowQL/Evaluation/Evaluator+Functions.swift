import FlowModel

extension Evaluator {
  /// A function call: an aggregate inside `summarize`, or a row-wise function.
  mutating func call(_ name: Name, _ args: [Expr], _ range: SourceRange, _ frame: Frame) throws(Diagnostic) -> Vector {
    guard let info = Functions.named(name.text) else {
      throw Diagnostic(
        .unknownFunction, "unknown function `\(name.text)`", at: name.range, label: "no such function",
        help: Suggestions.didYouMean(name.text, in: Functions.all.map(\.name)),
        notes: ["functions: " + Functions.all.map(\.name).joined(separator: ", ")])
    }
    try arity(info, args, range)
    if info.kind == .aggregate {
      guard let grouping = frame.grouping, let table = frame.table else {
        throw Diagnostic(
          .misplacedAggregate, "`\(info.name)` can only be used in `summarize`", at: name.range,
          label: "an aggregate", help: "e.g. `| summarize total = \(info.signature) by year`")
      }
      return try aggregate(info, args, range, table: table, grouping: grouping)
    }
    return try scalarFunction(info, args, range, frame)
  }

  /// `E313` for a wrong argument count.
  private func arity(_ info: FunctionInfo, _ args: [Expr], _ range: SourceRange) throws(Diagnostic) {
    let counts = info.arity
    guard !counts.contains(args.count) else { return }
    throw Diagnostic(
      .badArguments,
      "`\(info.name)` takes \(counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)") argument\(counts.upperBound == 1 ? "" : "s"), found \(args.count)",
      at: range, help: "usage: `\(info.signature)`")
  }

  private func numbersArgument(_ v: Vector, _ expr: Expr, _ info: FunctionInfo) throws(Diagnostic) -> [Double] {
    guard let n = v.numbers else {
      throw Diagnostic(
        .badArguments, "`\(info.name)` needs a number, found \(v.typeDescription)", at: expr.range,
        help: "usage: `\(info.signature)`")
    }
    return n
  }

  private func textArgument(_ v: Vector, _ expr: Expr, _ info: FunctionInfo) throws(Diagnostic) -> [String] {
    guard case .text(let t) = v.values else {
      throw Diagnostic(
        .badArguments, "`\(info.name)` needs text, found \(v.typeDescription)", at: expr.range,
        help: "usage: `\(info.signature)`")
    }
    return Array(t)
  }

  private mutating func scalarFunction(_ info: FunctionInfo, _ args: [Expr], _ range: SourceRange, _ frame: Frame)
    throws(Diagnostic) -> Vector
  {
    let n = frame.rowCount
    switch info.id {
    case .abs, .floor, .ceil, .sqrt, .ln, .log10, .round:
      let v = try eval(args[0], frame)
      let x = try numbersArgument(v, args[0], info)
      let dimension: Dimension = [.sqrt, .ln, .log10].contains(info.id) ? .none : v.dimension
      var digits = 0.0
      if args.count == 2, let d = try eval(args[1], .scalar).numbers?.first { digits = d }
      let scale = powerOfTen(digits)
      let f: (Double) -> Double
      switch info.id {
      case .abs: f = { Swift.abs($0) }
      case .floor: f = { $0.rounded(.down) }
      case .ceil: f = { $0.rounded(.up) }
      case .sqrt: f = { $0.squareRoot() }
      case .ln: f = { Math.ln($0) }
      case .log10: f = { Math.ln($0) / Math.ln(10) }
      default: f = { ($0 * scale).rounded() / scale }
      }
      return Vector(values: .number(x.map(f)), dimension: dimension, isScalar: v.isScalar)
    case .lower, .upper, .len:
      let v = try eval(args[0], frame)
      let t = try textArgument(v, args[0], info)
      switch info.id {
      case .lower: return Vector(values: .text(t.map { $0.lowercased() }), isScalar: v.isScalar)
      case .upper: return Vector(values: .text(t.map { $0.uppercased() }), isScalar: v.isScalar)
      default: return Vector(values: .number(t.map { Double($0.count) }), isScalar: v.isScalar)
      }
    case .contains, .startswith, .endswith:
      let a = try eval(args[0], frame)
      let b = try eval(args[1], frame)
      let x = try textArgument(a, args[0], info).map { $0.lowercased() }
      let y = try textArgument(b, args[1], info).map { $0.lowercased() }
      let r: [Bool]
      switch info.id {
      case .contains: r = zipCompare(x, a.isScalar, y, b.isScalar, count: n) { $0.contains($1) }
      case .startswith: r = zipCompare(x, a.isScalar, y, b.isScalar, count: n) { $0.hasPrefix($1) }
      default: r = zipCompare(x, a.isScalar, y, b.isScalar, count: n) { $0.hasSuffix($1) }
      }
      return Vector(values: .bool(r), isScalar: a.isScalar && b.isScalar)
    case .isMissing:
      let v = try eval(args[0], frame)
      switch v.values {
      case .number(let x): return Vector(values: .bool(x.map(\.isNaN)), isScalar: v.isScalar)
      case .text(let x): return Vector(values: .bool(x.map(\.isEmpty)), isScalar: v.isScalar)
      default: return Vector(values: .bool([false]), isScalar: true)
      }
    case .if:
      return try conditional(info, args, frame)
    default:
      throw Diagnostic(.misplacedAggregate, "`\(info.name)` can only be used in `summarize`", at: range)
    }
  }

  /// `if(condition, then, else)`.
  private mutating func conditional(_ info: FunctionInfo, _ args: [Expr], _ frame: Frame) throws(Diagnostic) -> Vector {
    let n = frame.rowCount
    let c = try eval(args[0], frame)
    let cond = try requireBool(c, args[0], "the condition of `if`")
    let a = try eval(args[1], frame)
    let b = try eval(args[2], frame)
    let scalar = c.isScalar && a.isScalar && b.isScalar
    let count = scalar ? 1 : n
    func pick<T>(_ x: [T], _ y: [T]) -> [T] {
      (0..<count).map { i in cond[c.isScalar ? 0 : i] ? x[a.isScalar ? 0 : i] : y[b.isScalar ? 0 : i] }
    }
    switch (a.values, b.values) {
    case (.text(let x), .text(let y)): return Vector(values: .text(pick(Array(x), Array(y))), isScalar: scalar)
    case (.year(let x), .year(let y)): return Vector(values: .year(pick(x, y)), isScalar: scalar)
    case (.bool(let x), .bool(let y)): return Vector(values: .bool(pick(x, y)), isScalar: scalar)
    case (.number(let x), .number(let y))
    where a.dimension == b.dimension || a.dimension == .none || b.dimension == .none:
      return Vector(
        values: .number(pick(x, y)), dimension: a.dimension == .none ? b.dimension : a.dimension, isScalar: scalar)
    default:
      throw Diagnostic(
        .badArguments, "the two branches of `if` differ: \(a.typeDescription) and \(b.typeDescription)",
        at: args[1].range.union(args[2].range), help: "give both branches the same type and unit")
    }
  }
}

/// 10^digits (digits clamped to ±15) for `round`.
private func powerOfTen(_ digits: Double) -> Double {
  guard digits.isFinite else { return 1 }
  var r = 1.0
  let k = Int(max(-15, min(15, digits.rounded())))
  for _ in 0..<abs(k) { r = k > 0 ? r * 10 : r / 10 }
  return r
}

/// Natural logarithm without Foundation (series on the mantissa; accurate to ~1e-15).
enum Math {
  static func ln(_ x: Double) -> Double {
    guard x > 0 else { return x == 0 ? -.infinity : .nan }
    guard x.isFinite else { return x }
    let e = Double(x.exponent)
    let m = x.significand  // in [1, 2)
    // ln(m) = 2 atanh((m-1)/(m+1))
    let y = (m - 1) / (m + 1)
    let y2 = y * y
    var term = y
    var sum = 0.0
    var k = 1.0
    for _ in 0..<40 {
      sum += term / k
      term *= y2
      k += 2
    }
    return 2 * sum + e * 0.693_147_180_559_945_3
  }
}
