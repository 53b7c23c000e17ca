/// The augmented matrix `[A_unknown | A_measured | b | T]` of a reconciliation and its
/// Gauss–Jordan reduction; `T` records which balances each row combines, so errors can name
/// the processes.
struct Echelon {
  let problem: Reconciliation
  let layout: Reconciliation.Layout
  /// Rows = balances; columns: unknowns, measured flows, the right-hand side, then T.
  var matrix: DenseMatrix
  /// The pivot row of each unknown that has one.
  var pivotRow: [Int: Int] = [:]
  /// Rows `0..<unknownRows` solve unknowns; `unknownRows..<constraintRows` constrain the
  /// measurements; the rest are zero rows.
  var unknownRows = 0
  var constraintRows = 0
  let tolerance: Double

  var nu: Int { layout.unknown.count }
  var nm: Int { layout.measured.count }
  var rhsColumn: Int { nu + nm }

  init(_ problem: Reconciliation, _ layout: Reconciliation.Layout) {
    self.problem = problem
    self.layout = layout
    let m = problem.balances.count
    let nu = layout.unknown.count
    let nm = layout.measured.count
    var columnOf: [Int: Int] = [:]
    for (k, flow) in layout.unknown.enumerated() { columnOf[flow] = k }
    for (k, flow) in layout.measured.enumerated() { columnOf[flow] = nu + k }
    var matrix = DenseMatrix(rows: m, columns: nu + nm + 1 + m)
    var largest = 1.0
    for (row, balance) in problem.balances.enumerated() {
      var rhs = balance.rhs
      for (flow, coefficient) in balance.terms {
        largest = max(largest, abs(coefficient))
        if let column = columnOf[flow] {
          matrix[row, column] += coefficient
        } else if let value = layout.exactValue[flow] {
          rhs -= coefficient * value
        }
      }
      matrix[row, nu + nm] = rhs
      matrix[row, nu + nm + 1 + row] = 1
    }
    self.matrix = matrix
    tolerance = 1e-10 * largest
  }

  /// Reduces the unknown columns over all rows, then the measured columns over the rows left;
  /// checks that the zero rows have a zero right-hand side.
  mutating func reduce() throws(ReconciliationError) {
    let m = problem.balances.count
    var next = 0
    for column in 0..<nu where next < m {
      if pivot(column, rows: next..<m) {
        pivotRow[column] = next
        next += 1
      }
    }
    unknownRows = next
    for column in nu..<(nu + nm) where next < m {
      if pivot(column, rows: next..<m, eliminateFrom: unknownRows) { next += 1 }
    }
    constraintRows = next
    let scale =
      problem.balances.reduce(1.0) { max($0, abs($1.rhs)) }
      + layout.exactValue.values.reduce(0.0) { max($0, abs($1)) }
    for row in constraintRows..<m where abs(matrix[row, rhsColumn]) > 1e-9 * scale {
      throw .contradictoryExactFlows(balances: balances(in: row), residual: abs(matrix[row, rhsColumn]))
    }
  }

  /// Picks the largest entry of `column` among `rows` as the pivot of row `rows.lowerBound`,
  /// normalises it and clears the column in every other row from `eliminateFrom` on.
  private mutating func pivot(_ column: Int, rows: Range<Int>, eliminateFrom: Int = 0) -> Bool {
    let width = matrix.columns
    let target = rows.lowerBound
    let height = matrix.rows
    let tolerance = self.tolerance
    return matrix.storage.withUnsafeMutableBufferPointer { a in
      var best = target
      for r in rows where abs(a[r * width + column]) > abs(a[best * width + column]) { best = r }
      guard abs(a[best * width + column]) > tolerance else { return false }
      if best != target {
        for c in 0..<width { a.swapAt(best * width + c, target * width + c) }
      }
      let inverse = 1 / a[target * width + column]
      for c in 0..<width where a[target * width + c] != 0 { a[target * width + c] *= inverse }
      a[target * width + column] = 1
      for r in eliminateFrom..<height where r != target {
        let factor = a[r * width + column]
        guard factor != 0 else { continue }
        for c in 0..<width {
          let p = a[target * width + c]
          if p != 0 { a[r * width + c] -= factor * p }
        }
        a[r * width + column] = 0
      }
      return true
    }
  }

  /// The balances combined in `row` (from T), by name.
  func balances(in row: Int) -> [String] {
    problem.balances.indices.filter { abs(matrix[row, rhsColumn + 1 + $0]) > 1e-12 }.map { problem.balances[$0].name }
  }
}
