/// A dense row-major matrix of doubles, with the few operations reconciliation needs.
///
/// Sizes here are small (a few hundred balances), so dense storage and a Cholesky
/// factorisation are enough.
struct DenseMatrix: Sendable, Hashable {
  let rows: Int
  let columns: Int
  var storage: [Double]

  /// A matrix of zeros.
  init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    storage = Array(repeating: 0, count: rows * columns)
  }

  subscript(row: Int, column: Int) -> Double {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// The lower-triangular `L` with `L Lᵀ = self`, or nil when the matrix is not positive
  /// definite (a pivot at or below `tolerance` times the largest diagonal entry).
  func cholesky(tolerance: Double = 1e-12) -> DenseMatrix? {
    precondition(rows == columns)
    let n = rows
    var l = DenseMatrix(rows: n, columns: n)
    let scale = (0..<n).reduce(0.0) { max($0, abs(self[$1, $1])) }
    l.storage.withUnsafeMutableBufferPointer { out in
      storage.withUnsafeBufferPointer { a in
        for j in 0..<n {
          var d = a[j * n + j]
          for k in 0..<j { d -= out[j * n + k] * out[j * n + k] }
          guard d > tolerance * scale else {
            out[j * n + j] = .nan
            return
          }
          let root = d.squareRoot()
          out[j * n + j] = root
          for i in (j + 1)..<max(j + 1, n) {
            var s = a[i * n + j]
            for k in 0..<j { s -= out[i * n + k] * out[j * n + k] }
            out[i * n + j] = s / root
          }
        }
      }
    }
    return l.storage.contains { $0.isNaN } ? nil : l
  }

  /// Solves `L y = b` for a lower-triangular `self` (forward substitution).
  func forwardSolve(_ b: [Double]) -> [Double] {
    var y = b
    for i in 0..<rows {
      var s = y[i]
      for k in 0..<i { s -= self[i, k] * y[k] }
      y[i] = s / self[i, i]
    }
    return y
  }

  /// Solves `Lᵀ x = y` for a lower-triangular `self` (back substitution).
  func backSolve(_ y: [Double]) -> [Double] {
    var x = y
    for i in stride(from: rows - 1, through: 0, by: -1) {
      var s = x[i]
      for k in (i + 1)..<max(i + 1, rows) { s -= self[k, i] * x[k] }
      x[i] = s / self[i, i]
    }
    return x
  }
}
