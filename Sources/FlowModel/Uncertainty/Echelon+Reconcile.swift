extension Echelon {
  /// The weighted least-squares adjustment on the constraint rows, the unknowns from their
  /// pivot rows, and the test statistics.
  func reconciled() throws(ReconciliationError) -> ReconciliationResult {
    let n = problem.flows.count
    let k = constraintRows - unknownRows
    let x = layout.measuredValue
    let q = layout.variance
    // G Q (k × nm) and the residual r = G x̃ − g.
    var gq = DenseMatrix(rows: k, columns: nm)
    var residual = [Double](repeating: 0, count: k)
    for i in 0..<k {
      let row = unknownRows + i
      var r = -matrix[row, rhsColumn]
      for j in 0..<nm {
        let g = matrix[row, nu + j]
        guard g != 0 else { continue }
        gq[i, j] = g * q[j]
        r += g * x[j]
      }
      residual[i] = r
    }
    // S = G Q Gᵀ = L Lᵀ.
    var s = DenseMatrix(rows: k, columns: k)
    for i in 0..<k {
      for j in 0...i {
        var sum = 0.0
        for c in 0..<nm where gq[i, c] != 0 { sum += gq[i, c] * matrix[unknownRows + j, nu + c] }
        s[i, j] = sum
        s[j, i] = sum
      }
    }
    guard let l = s.cholesky() else {
      throw .singular(balances: (unknownRows..<constraintRows).flatMap(balances(in:)))
    }
    let lambda = l.backSolve(l.forwardSolve(residual))
    var chiSquare = 0.0
    for i in 0..<k { chiSquare += residual[i] * lambda[i] }
    var reconciled = x
    for j in 0..<nm {
      var shift = 0.0
      for i in 0..<k where gq[i, j] != 0 { shift += gq[i, j] * lambda[i] }
      reconciled[j] -= shift
    }
    // C = L⁻¹ G Q, so Cov(x*) = Q − Cᵀ C.
    let c = lowerSolve(l, gq)
    var reduction = [Double](repeating: 0, count: nm)
    for i in 0..<k {
      for j in 0..<nm { reduction[j] += c[i, j] * c[i, j] }
    }
    var values = [Double](repeating: .nan, count: n)
    var sigmas = [Double](repeating: .nan, count: n)
    var z = [Double](repeating: .nan, count: n)
    var determinable = [Bool](repeating: true, count: n)
    for (flow, value) in layout.exactValue {
      values[flow] = value
      sigmas[flow] = 0
    }
    for (j, flow) in layout.measured.enumerated() {
      values[flow] = reconciled[j]
      sigmas[flow] = max(0, q[j] - reduction[j]).squareRoot()
      z[flow] = reduction[j] > 1e-14 * q[j] ? (reconciled[j] - x[j]) / reduction[j].squareRoot() : 0
    }
    for (u, flow) in layout.unknown.enumerated() {
      guard let row = pivotRow[u], dependsOnlyOnMeasured(row) else {
        determinable[flow] = false
        continue
      }
      let (value, variance) = unknown(row, reconciled, q, c)
      values[flow] = value
      sigmas[flow] = max(0, variance).squareRoot()
    }
    return ReconciliationResult(
      values: values, sigmas: sigmas, z: z, determinable: determinable, chiSquare: chiSquare,
      degreesOfFreedom: k)
  }

  /// Whether pivot row `row` has no entry in another unknown column (a free unknown).
  private func dependsOnlyOnMeasured(_ row: Int) -> Bool {
    (0..<nu).allSatisfy { pivotRow[$0] == row || abs(matrix[row, $0]) <= tolerance }
  }

  /// The unknown solved by `row` and its variance: x_u = d − D x*, Var = D Cov(x*) Dᵀ.
  private func unknown(_ row: Int, _ x: [Double], _ q: [Double], _ c: DenseMatrix) -> (Double, Double) {
    var value = matrix[row, rhsColumn]
    var variance = 0.0
    var projected = [Double](repeating: 0, count: c.rows)
    for j in 0..<nm {
      let d = matrix[row, nu + j]
      guard d != 0 else { continue }
      value -= d * x[j]
      variance += d * d * q[j]
      for i in 0..<c.rows { projected[i] += c[i, j] * d }
    }
    for p in projected { variance -= p * p }
    return (value, variance)
  }

  /// `L⁻¹ B` for lower-triangular `l`, column by column.
  private func lowerSolve(_ l: DenseMatrix, _ b: DenseMatrix) -> DenseMatrix {
    var out = b
    let k = b.rows
    let w = b.columns
    out.storage.withUnsafeMutableBufferPointer { o in
      l.storage.withUnsafeBufferPointer { lower in
        for i in 0..<k {
          for p in 0..<i {
            let f = lower[i * k + p]
            guard f != 0 else { continue }
            for j in 0..<w { o[i * w + j] -= f * o[p * w + j] }
          }
          let d = 1 / lower[i * k + i]
          for j in 0..<w { o[i * w + j] *= d }
        }
      }
    }
    return out
  }
}
