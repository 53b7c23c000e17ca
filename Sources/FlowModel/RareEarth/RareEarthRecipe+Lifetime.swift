extension RareEarthRecipe {
  /// The process whose in-use stock a `lifetime` edit models, and where its end of life goes.
  static let stockProcess = (id: "USE", endOfLife: "WM")

  /// ``derive()``, with the end-of-life outflow (R12) taken from a dynamic stock model when a
  /// scenario sets `lifetime of "USE"`: each year's inflow to use is a cohort that leaves by the
  /// lifetime distribution (``DynamicStockModel``, flodym's mid-year timing), by material.
  ///
  /// The outflow feeds back (a little is recycled to separation and reaches use again), so the
  /// derivation is repeated with the end-of-life flows set until the inflows to use change by
  /// less than 1e-9 t. The model holds no stock before its first year, so only cohorts from then
  /// on leave.
  func deriveWithLifetimes() throws -> Derivation {
    guard let lifetime = edits.compactMap(Self.lifetime).last else { return try derive() }
    let (use, endOfLife) = Self.stockProcess
    let other = edits.filter { Self.lifetime($0) == nil }
    let years = data.years
    let model = DynamicStockModel(lifetime: lifetime, years: years.count)
    var recipe = self
    recipe.edits = other
    var derived = try recipe.derive()
    for _ in 0..<100 {
      var sets: [Scenario.Edit] = []
      let inflows = Self.inflows(to: use, in: derived.flows)
      for m in Self.materials {
        let outflow = model.inflowDriven(years.map { inflows["\($0)|\(m)"] ?? 0 }).outflow
        for (i, year) in years.enumerated() {
          sets.append(.set(FlowSelector(use, endOfLife, material: m, years: year...year), mass: outflow[i]))
        }
      }
      recipe.edits = sets + other
      let next = try recipe.derive()
      let after = Self.inflows(to: use, in: next.flows)
      derived = next
      if Set(inflows.keys).union(after.keys).allSatisfy({ abs((inflows[$0] ?? 0) - (after[$0] ?? 0)) < 1e-9 }) {
        break
      }
    }
    for i in derived.flows.indices where derived.flows[i].source == use && derived.flows[i].target == endOfLife {
      derived.flows[i].rule = "R12 end-of-life outflow by lifetime \(lifetime.text)"
      derived.flows[i].provenance = "E"
    }
    return derived
  }

  private static func lifetime(_ edit: Scenario.Edit) -> LifetimeDistribution? {
    if case .lifetime(_, let d) = edit { return d }
    return nil
  }

  /// Mass into `process` by "year|material".
  private static func inflows(to process: String, in flows: [Flow]) -> [String: Double] {
    var sums: [String: Double] = [:]
    for flow in flows where flow.target == process { sums["\(flow.year)|\(flow.material)", default: 0] += flow.mass }
    return sums
  }
}

extension MaterialFlowModel {
  /// A `lifetime` edit needs the bundled model's derivation and names its stock process.
  func validateLifetime(_ process: String, _ lifetime: LifetimeDistribution) throws {
    guard recipe != nil else {
      throw FlowModelError.invalidScenario(
        "`lifetime of` re-derives the bundled model's end-of-life flows; a user model has no derivation")
    }
    let id = try self.process(process).id
    guard id == RareEarthRecipe.stockProcess.id else {
      throw FlowModelError.invalidScenario(
        "only \(RareEarthRecipe.stockProcess.id) holds an in-use stock in this model, not \(id)")
    }
    do { try lifetime.validate() } catch { throw FlowModelError.invalidScenario(error.description) }
  }
}
