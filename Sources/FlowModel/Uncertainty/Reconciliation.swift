/// A linear data-reconciliation problem in the formulation of Cencic & Rechberger (2008) as
/// STAN uses it: flows that are measured (value ± σ), exact, or unknown, tied together by
/// balances `A x = b` (`+1` for a flow into a process, `−1` out, `b` the stock change).
///
/// ```
/// var problem = Reconciliation(flows: [.measured(110, sigma: 5), .measured(100, sigma: 5)])
/// problem.addBalance("P", [(0, 1), (1, -1)])
/// let result = try problem.solve()   // both 105, χ² = 2
/// ```
public struct Reconciliation: Sendable, Hashable {
  /// What is known about one flow.
  public enum Flow: Sendable, Hashable {
    /// A measurement with its standard deviation (> 0).
    case measured(Double, sigma: Double)
    /// A value without error (σ = 0): moved to the right-hand side.
    case exact(Double)
    /// No value: computed from the balances where they determine it.
    case unknown
  }

  /// One balance: its name (a process id), its flow coefficients and its right-hand side.
  public struct Balance: Sendable, Hashable {
    /// The process the balance belongs to, named in errors.
    public var name: String
    /// Flow index → coefficient (+1 in, −1 out); duplicates add up.
    public var terms: [Int: Double]
    /// The right-hand side (the stock change; 0 without a stock).
    public var rhs: Double
  }

  /// The flows, in the order results are reported.
  public var flows: [Flow]
  /// The balances.
  public var balances: [Balance] = []

  /// A problem over `flows` without balances yet.
  public init(flows: [Flow]) {
    self.flows = flows
  }

  /// Adds the balance of process `name`: Σ coefficient · flow = `rhs`.
  public mutating func addBalance(_ name: String, _ terms: [(flow: Int, coefficient: Double)], rhs: Double = 0) {
    var merged: [Int: Double] = [:]
    for term in terms { merged[term.flow, default: 0] += term.coefficient }
    balances.append(Balance(name: name, terms: merged, rhs: rhs))
  }
}

/// The reconciled flows and the statistics of the global and per-flow tests.
public struct ReconciliationResult: Sendable, Hashable {
  /// The reconciled value of each flow (exact flows unchanged; NaN where not determinable).
  public var values: [Double]
  /// The standard deviation of each reconciled value (0 for exact flows; NaN where not
  /// determinable).
  public var sigmas: [Double]
  /// The normalised adjustment of each measured flow, (x* − x̃) / √(σ² − σ*²); NaN for flows that
  /// are not measured, 0 for measured flows no balance constrains.
  public var z: [Double]
  /// Whether the balances determine the flow (always true for measured and exact flows).
  public var determinable: [Bool]
  /// The global test statistic rᵀ (G Q Gᵀ)⁻¹ r.
  public var chiSquare: Double
  /// The number of independent constraints on the measurements.
  public var degreesOfFreedom: Int
  /// P(χ² ≥ ``chiSquare``) with ``degreesOfFreedom`` degrees of freedom.
  public var pValue: Double { ChiSquare.pValue(chiSquare, degreesOfFreedom: degreesOfFreedom) }
}

/// Why a reconciliation cannot be computed.
public enum ReconciliationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A σ that is negative or not a number, on flow `flow`.
  case invalidSigma(flow: Int, sigma: Double)
  /// No measured flow is constrained by the balances: nothing to reconcile.
  case noRedundancy
  /// Balances over exact flows only that do not close: the processes named, and the residual.
  case contradictoryExactFlows(balances: [String], residual: Double)
  /// The weighted constraint matrix cannot be inverted (its Cholesky factorisation failed).
  case singular(balances: [String])

  /// A one-line message.
  public var description: String {
    switch self {
    case .invalidSigma(let flow, let sigma): "flow \(flow + 1) has sigma \(sigma); a sigma must be a number ≥ 0"
    case .noRedundancy: "no measured flow is constrained by a balance: there is nothing to reconcile"
    case .contradictoryExactFlows(let names, let residual):
      "exact flows contradict the balance of \(names.joined(separator: " + ")) (off by \(residual))"
    case .singular(let names): "the balances of \(names.joined(separator: ", ")) give a singular system"
    }
  }
}
