import FlowModel
import FlowQL

/// What a model's `flows` table says about each flow's measurement error.
enum FlowMeasurements {
  /// Per flow, from the `sigma` (t) or `uncertainty` (%) column of the model's flows table
  /// (`sigma` wins where both are given); nil when the table has neither column. A flow without
  /// a value is exact, a flow without a mass unknown.
  static func given(_ entry: NamedModel) -> [FlowMeasurement]? {
    guard let flows = entry.tables["flows"] else { return nil }
    let sigma = numbers(flows, "sigma")
    let relative = numbers(flows, "uncertainty")
    guard sigma != nil || relative != nil else { return nil }
    return entry.model.flows.indices.map { i in
      let mass = entry.model.flows[i].mass
      if mass.isNaN { return .unknown }
      if let s = sigma?[i], !s.isNaN { return s == 0 ? .exact : .measured(sigma: s) }
      if let r = relative?[i], !r.isNaN { return r == 0 ? .exact : .measured(sigma: r * mass) }
      return .exact
    }
  }

  /// For `reconcile`: the given measurements, else (the bundled model) σ from each flow's F/D/E
  /// tag (``FlowMeasurement/pedigreeCV(_:)``), else every flow exact.
  static func forReconciliation(_ entry: NamedModel) -> [FlowMeasurement] {
    if let given = given(entry) { return given }
    return entry.model.flows.map { flow in
      guard let cv = FlowMeasurement.pedigreeCV(flow.provenance), flow.mass > 0 else { return .exact }
      return .measured(sigma: cv * flow.mass)
    }
  }

  private static func numbers(_ table: Table, _ name: String) -> [Double]? {
    guard case .number(let values)? = table[name]?.values else { return nil }
    return values
  }
}
