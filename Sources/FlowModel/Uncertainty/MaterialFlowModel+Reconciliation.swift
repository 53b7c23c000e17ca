extension MaterialFlowModel {
  /// The result of ``reconciled(_:years:byMaterial:)``: one row per flow and the global test.
  public struct ReconciledFlows: Sendable {
    /// Columns: `year, source, target, [material,] measured, sigma, reconciled,
    /// reconciled_sigma, adjustment` (t) and `z`.
    public var table: Table
    /// The sum of the χ² statistics of every year (and material) reconciled.
    public var chiSquare: Double
    /// The sum of their degrees of freedom.
    public var degreesOfFreedom: Int
    /// P(χ² ≥ ``chiSquare``).
    public var pValue: Double { ChiSquare.pValue(chiSquare, degreesOfFreedom: degreesOfFreedom) }
    /// Unknown flows the balances do not determine, as `source → target (year)`.
    public var notDeterminable: [String]
    /// The model with every flow's mass set to its reconciled value (cost and value scaled
    /// with it; flows reconciled together over materials share their adjustment in proportion).
    public var model: MaterialFlowModel
  }

  /// Reconciles the flows of `years` against every process balance (inputs − outputs = stock
  /// change), by weighted least squares (Cencic & Rechberger 2008, as STAN does).
  ///
  /// Each year (and material, with `byMaterial`) is one system. Without `byMaterial` the flows of
  /// one source → target are added over materials (variances add). Boundary sources and sinks
  /// have no balance; a stock process balances against its recorded stock change, or has no
  /// balance when none is recorded.
  /// - Parameter measurements: one per flow of ``flows``, in order.
  /// - Throws: ``ReconciliationError`` (the balances named), or
  ///   ``ReconciliationError/noRedundancy`` when no system constrains a measurement.
  public func reconciled(
    _ measurements: [FlowMeasurement], years: ClosedRange<Int>, byMaterial: Bool
  ) throws -> ReconciledFlows {
    precondition(measurements.count == flows.count)
    var rows = ReconciledRows(byMaterial: byMaterial)
    var newMass = flows.map(\.mass)
    var chiSquare = 0.0
    var dof = 0
    for group in groups(years: years, byMaterial: byMaterial) {
      let system = ReconciliationSystem(
        model: self, flowIndices: group, measurements: measurements, byMaterial: byMaterial)
      let result = try system.problem.solve()
      chiSquare += result.chiSquare
      dof += result.degreesOfFreedom
      for (item, members) in system.items.enumerated() {
        rows.append(flows[members[0]], system.problem.flows[item], result, item)
        let reconciled = result.values[item]
        let total = members.reduce(0.0) { $0 + (flows[$1].mass.isNaN ? 0 : flows[$1].mass) }
        for i in members {
          newMass[i] =
            total > 0 && !flows[i].mass.isNaN
            ? reconciled * flows[i].mass / total : reconciled / Double(members.count)
        }
      }
    }
    guard dof > 0 else { throw ReconciliationError.noRedundancy }
    return ReconciledFlows(
      table: rows.table, chiSquare: chiSquare, degreesOfFreedom: dof, notDeterminable: rows.notDeterminable,
      model: replacingMasses(newMass))
  }

  /// The flow positions of each system: one per year (and material).
  private func groups(years: ClosedRange<Int>, byMaterial: Bool) -> [[Int]] {
    var out: [[Int]] = []
    for (yi, range) in index.yearRanges.enumerated() where years.contains(index.years[yi]) {
      if byMaterial {
        var perMaterial = Array(repeating: [Int](), count: index.materials.count)
        for i in range { perMaterial[index.material[i]].append(i) }
        out += perMaterial.filter { !$0.isEmpty }
      } else {
        out.append(Array(range))
      }
    }
    return out
  }

  /// The model with new masses (same order as ``flows``); cost and value keep their per-t rate.
  func replacingMasses(_ masses: [Double]) -> MaterialFlowModel {
    var changed = flows
    for i in changed.indices {
      let old = changed[i].mass
      let new = masses[i]
      changed[i].cost = old > 0 ? changed[i].cost * new / old : 0
      changed[i].value = old > 0 ? changed[i].value * new / old : 0
      changed[i].mass = new
    }
    return MaterialFlowModel(
      name: name, processes: processes, flows: changed, stocks: stocks, centreCosts: centreCosts, mode: mode,
      notes: notes, recipe: nil)
  }
}
