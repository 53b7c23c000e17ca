extension Reconciliation {
  /// Reconciles the measurements and computes the unknowns (Cencic & Rechberger 2008).
  ///
  /// Exact flows move to the right-hand side; `[A_unknown | A_measured | b]` is reduced to
  /// row-echelon form; rows that solve an unknown give it from the reconciled measurements,
  /// rows without an unknown are the constraints `G x = g` the measurements must satisfy:
  /// `x* = x̃ − Q Gᵀ (G Q Gᵀ)⁻¹ (G x̃ − g)`, `Cov(x*) = Q − Q Gᵀ (G Q Gᵀ)⁻¹ G Q`. A system
  /// without constraints on the measurements returns zero degrees of freedom and the
  /// measurements unchanged.
  /// - Throws: ``ReconciliationError`` for a bad σ, contradictory exact flows or a singular
  ///   system.
  /// - Complexity: O(m² · n) for m balances and n flows (dense, skipping zeros).
  public func solve() throws(ReconciliationError) -> ReconciliationResult {
    let layout = try Layout(self)
    var echelon = Echelon(self, layout)
    try echelon.reduce()
    return try echelon.reconciled()
  }

  /// Which flows are unknown, measured or exact, and the measured values and variances.
  struct Layout {
    var unknown: [Int] = []
    var measured: [Int] = []
    var measuredValue: [Double] = []
    var variance: [Double] = []
    var exactValue: [Int: Double] = [:]

    init(_ problem: Reconciliation) throws(ReconciliationError) {
      for (i, flow) in problem.flows.enumerated() {
        switch flow {
        case .unknown: unknown.append(i)
        case .exact(let value): exactValue[i] = value
        case .measured(let value, let sigma):
          guard sigma.isFinite, sigma >= 0, value.isFinite else { throw .invalidSigma(flow: i, sigma: sigma) }
          if sigma == 0 {
            exactValue[i] = value
          } else {
            measured.append(i)
            measuredValue.append(value)
            variance.append(sigma * sigma)
          }
        }
      }
    }
  }
}
