import FlowModel

/// `where` over typed columns: a condition that is one comparison, or several joined by `and`,
/// each between a column and a literal (`mass > 500`, `year >= 2010`, `source == "SEP"`), is
/// answered without building a true/false vector per comparison. The first comparison runs over
/// every row of its `[Double]`/`[Int]` column (a text column's dictionary is compared once and
/// each row's code looked up) and writes the rows that pass; each further one only re-checks
/// those rows. The comparisons are the ones the general evaluator makes, so the rows are the same.
extension Evaluator {
  /// The rows of `table` where `condition` holds, or `nil` when the general evaluator must answer:
  /// another form of condition, a comparison it would reject (types or units), or no row at all
  /// (so that `==` matching nothing still gets its warning).
  func wherePositions(_ condition: Expr, in table: Table) -> [Int]? {
    var tests: [RowTest] = []
    guard collect(condition, table, into: &tests), !tests.isEmpty else { return nil }
    let positions = RowTest.positions(tests, rowCount: table.rowCount)
    return positions.isEmpty ? nil : positions
  }

  /// Adds the comparisons of an `and` chain to `tests`; false for anything else.
  private func collect(_ expr: Expr, _ table: Table, into tests: inout [RowTest]) -> Bool {
    guard case .binary(let op, let lhs, let rhs, _) = expr.kind else { return false }
    if op == .and { return collect(lhs, table, into: &tests) && collect(rhs, table, into: &tests) }
    guard op.isComparison else { return false }
    let test: RowTest?
    if case .name(let name) = lhs.kind, let column = table[name], let literal = Literal(rhs) {
      test = RowTest(column, op, literal)
    } else if case .name(let name) = rhs.kind, let column = table[name], let literal = Literal(lhs) {
      test = RowTest(column, op.mirrored, literal)
    } else {
      test = nil
    }
    guard let test else { return false }
    tests.append(test)
    return true
  }
}

/// A literal side of a comparison: a number (with its unit's dimension) or a text.
private enum Literal {
  case number(Double, Dimension)
  case text(String)

  init?(_ expr: Expr) {
    switch expr.kind {
    case .number(let v): self = .number(v, .none)
    case .quantity(let v, let unit): self = .number(v * unit.factor, unit.dimension)
    case .string(let s): self = .text(s)
    case .unary(.negate, let operand):
      guard case .number(let v, let d)? = Literal(operand) else { return nil }
      self = .number(-v, d)
    default: return nil
    }
  }
}

/// One comparison of a column with a literal, run over row numbers.
private enum RowTest {
  case number([Double], BinaryOperator, Double)
  /// Years compare as `Double`s, as the general evaluator widens them (exact below 2^53).
  case year([Int], BinaryOperator, Double)
  /// A text column: whether each dictionary entry passes.
  case code([UInt32], [Bool])

  /// The test, or `nil` when the general evaluator would reject the comparison (different
  /// types, or units that differ where neither side is a plain number).
  init?(_ column: Column, _ op: BinaryOperator, _ literal: Literal) {
    switch (column.values, literal) {
    case (.number(let values), .number(let x, let d)):
      guard Self.fits(column.dimension, d) else { return nil }
      self = .number(values, op, x)
    case (.year(let values), .number(let x, let d)):
      guard Self.fits(column.dimension, d) else { return nil }
      self = .year(values, op, x)
    case (.text(let values), .text(let s)):
      self = .code(values.codes, values.dictionary.map { Evaluator.holds(op, $0, s) })
    default:
      return nil
    }
  }

  private static func fits(_ a: Dimension, _ b: Dimension) -> Bool { a == b || a == .none || b == .none }

  /// The rows passing every test, in order.
  /// The array is not zeroed first: only the pages the kept rows reach are ever touched.
  static func positions(_ tests: [RowTest], rowCount: Int) -> [Int] {
    [Int](unsafeUninitializedCapacity: rowCount) { out, initialized in
      var count = rowCount
      for (k, test) in tests.enumerated() { count = test.keep(out, count: count, everyRow: k == 0) }
      initialized = count
    }
  }

  /// Keeps, in `out[0..<count]`, the rows that pass: of `0..<count` when `everyRow`, else of the
  /// rows listed there. Returns how many passed.
  private func keep(_ out: UnsafeMutableBufferPointer<Int>, count: Int, everyRow: Bool) -> Int {
    switch self {
    case .number(let values, let op, let x):
      values.withUnsafeBufferPointer { v in Self.keep(out, count, everyRow, op, x) { v[$0] } }
    case .year(let values, let op, let x):
      values.withUnsafeBufferPointer { v in Self.keep(out, count, everyRow, op, x) { Double(v[$0]) } }
    case .code(let codes, let passes):
      codes.withUnsafeBufferPointer { c in
        passes.withUnsafeBufferPointer { p in Self.select(out, count, everyRow) { p[Int(c[$0])] } }
      }
    }
  }

  /// `value(row) op x` for each row, one specialised loop per operator.
  @inline(__always)
  private static func keep(
    _ out: UnsafeMutableBufferPointer<Int>, _ count: Int, _ everyRow: Bool, _ op: BinaryOperator, _ x: Double,
    _ value: (Int) -> Double
  ) -> Int {
    switch op {
    case .equal: select(out, count, everyRow) { value($0) == x }
    case .notEqual: select(out, count, everyRow) { value($0) != x }
    case .less: select(out, count, everyRow) { value($0) < x }
    case .lessEqual: select(out, count, everyRow) { value($0) <= x }
    case .greater: select(out, count, everyRow) { value($0) > x }
    default: select(out, count, everyRow) { value($0) >= x }
    }
  }

  /// Writes the passing rows to the front of `out` without a branch per row.
  @inline(__always)
  private static func select(
    _ out: UnsafeMutableBufferPointer<Int>, _ count: Int, _ everyRow: Bool, _ passes: (Int) -> Bool
  ) -> Int {
    // A `Bool`'s byte is 0 or 1: adding it keeps the loop free of a branch the processor would
    // mispredict on every few rows.
    var kept = 0
    if everyRow {
      for row in 0..<count {
        out[kept] = row
        kept &+= Int(unsafeBitCast(passes(row), to: UInt8.self))
      }
    } else {
      for j in 0..<count {
        let row = out[j]
        out[kept] = row
        kept &+= Int(unsafeBitCast(passes(row), to: UInt8.self))
      }
    }
    return kept
  }
}

extension BinaryOperator {
  /// The comparison with its sides swapped: `500 < mass` is `mass > 500`.
  fileprivate var mirrored: BinaryOperator {
    switch self {
    case .less: .greater
    case .lessEqual: .greaterEqual
    case .greater: .less
    case .greaterEqual: .lessEqual
    default: self
    }
  }
}
