import FlowModel

/// A column-at-a-time value: either one value per row, or a single value broadcast to all rows.
///
/// Expressions evaluate to vectors so that `mass > 5 kt` over a million rows is one tight loop
/// over a `[Double]`, with no per-row `Cell` allocation.
struct Vector: Sendable {
  var values: ColumnValues
  var dimension: Dimension
  /// When true, `values` holds one element that stands for every row.
  var isScalar: Bool

  static func scalar(_ cell: Cell) -> Vector {
    switch cell {
    case .text(let s): Vector(values: .text([s]), dimension: .none, isScalar: true)
    case .number(let v, let d): Vector(values: .number([v]), dimension: d, isScalar: true)
    case .year(let y): Vector(values: .year([y]), dimension: .none, isScalar: true)
    case .bool(let b): Vector(values: .bool([b]), dimension: .none, isScalar: true)
    }
  }

  init(values: ColumnValues, dimension: Dimension = .none, isScalar: Bool = false) {
    self.values = values
    self.dimension = dimension
    self.isScalar = isScalar
  }

  init(column: Column) {
    self.init(values: column.values, dimension: column.dimension)
  }

  /// The value of row `row` (row 0 for scalars).
  func cell(_ row: Int) -> Cell {
    let i = isScalar ? 0 : row
    switch values {
    case .text(let v): return .text(v[i])
    case .number(let v): return .number(v[i], dimension)
    case .year(let v): return .year(v[i])
    case .bool(let v): return .bool(v[i])
    }
  }

  /// A column of `count` rows, broadcasting a scalar.
  func column(named name: String, count: Int) -> Column {
    guard isScalar else { return Column(name, values, dimension: dimension) }
    let v: ColumnValues
    switch values {
    case .text(let a): v = .text(a.gathered([Int](repeating: 0, count: count)))
    case .number(let a): v = .number(Array(repeating: a[0], count: count))
    case .year(let a): v = .year(Array(repeating: a[0], count: count))
    case .bool(let a): v = .bool(Array(repeating: a[0], count: count))
    }
    return Column(name, v, dimension: dimension)
  }

  /// The numbers, with years widened to `Double`; nil for text and truth values.
  var numbers: [Double]? {
    switch values {
    case .number(let v): v
    case .year(let v): v.map(Double.init)
    default: nil
    }
  }

  /// How the vector's type is named in messages ("mass (t)", "text", "a year").
  var typeDescription: String { Self.describe(values, dimension) }

  static func describe(_ values: ColumnValues, _ dimension: Dimension) -> String {
    switch values {
    case .text: "text"
    case .year: "a year"
    case .bool: "true/false"
    case .number:
      switch dimension {
      case .none: "a plain number"
      case .ratio: "a ratio (%)"
      default: "\(dimension.rawValue) (\(dimension.baseSymbol))"
      }
    }
  }

  /// The type name used by `schema` and `inspect`.
  static func typeName(_ values: ColumnValues) -> String {
    switch values {
    case .text: "text"
    case .number: "number"
    case .year: "year"
    case .bool: "bool"
    }
  }
}

/// Applies `op` element-wise to two numeric arrays, broadcasting scalars.
@inline(__always)
func zipNumbers(
  _ a: [Double], _ aScalar: Bool, _ b: [Double], _ bScalar: Bool, count: Int,
  _ op: (Double, Double) -> Double
) -> [Double] {
  zipBroadcast(a, aScalar, b, bScalar, count: count, fill: 0, op)
}

/// Applies a predicate element-wise to two arrays, broadcasting scalars.
@inline(__always)
func zipCompare<T>(
  _ a: [T], _ aScalar: Bool, _ b: [T], _ bScalar: Bool, count: Int, _ op: (T, T) -> Bool
) -> [Bool] {
  zipBroadcast(a, aScalar, b, bScalar, count: count, fill: false, op)
}

/// Applies `op` element-wise to two arrays (a scalar side is a one-element array repeated),
/// writing through unsafe buffers so the loop has no bounds checks.
@inline(__always)
private func zipBroadcast<T, R>(
  _ a: [T], _ aScalar: Bool, _ b: [T], _ bScalar: Bool, count: Int, fill: R, _ op: (T, T) -> R
) -> [R] {
  if aScalar && bScalar { return [op(a[0], b[0])] }
  var out = [R](repeating: fill, count: count)
  out.withUnsafeMutableBufferPointer { o in
    a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in
        if aScalar {
          let s = x[0]
          for i in 0..<count { o[i] = op(s, y[i]) }
        } else if bScalar {
          let s = y[0]
          for i in 0..<count { o[i] = op(x[i], s) }
        } else {
          for i in 0..<count { o[i] = op(x[i], y[i]) }
        }
      }
    }
  }
  return out
}
