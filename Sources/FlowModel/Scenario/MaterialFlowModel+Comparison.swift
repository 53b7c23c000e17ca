extension MaterialFlowModel {
  /// Flow-by-flow comparison of this model (the baseline) with `scenario`.
  ///
  /// Columns: `year, source, target, material, mass, scenario_mass, delta_mass` (t), `value,
  /// scenario_value, delta_value` (US$). Flows present in only one model count as 0 in the
  /// other.
  /// - Complexity: O(flows).
  public func comparison(with scenario: MaterialFlowModel, name scenarioName: String = "scenario")
    -> Table
  {
    struct Key: Hashable {
      var year: Int, source: String, target: String, material: String
    }
    var order: [Key] = []
    var base: [Key: (Double, Double)] = [:]
    var other: [Key: (Double, Double)] = [:]
    for flow in flows {
      let key = Key(year: flow.year, source: flow.source, target: flow.target, material: flow.material)
      if base[key] == nil && other[key] == nil { order.append(key) }
      base[key, default: (0, 0)].0 += flow.mass
      base[key, default: (0, 0)].1 += flow.value
    }
    for flow in scenario.flows {
      let key = Key(year: flow.year, source: flow.source, target: flow.target, material: flow.material)
      if base[key] == nil && other[key] == nil { order.append(key) }
      other[key, default: (0, 0)].0 += flow.mass
      other[key, default: (0, 0)].1 += flow.value
    }
    order.sort { ($0.year, $0.source, $0.target, $0.material) < ($1.year, $1.source, $1.target, $1.material) }
    let b = order.map { base[$0] ?? (0, 0) }
    let s = order.map { other[$0] ?? (0, 0) }
    return Table(
      [
        .year("year", order.map(\.year)), .text("source", order.map(\.source)),
        .text("target", order.map(\.target)), .text("material", order.map(\.material)),
        .number("mass", b.map(\.0), .mass), .number("scenario_mass", s.map(\.0), .mass),
        .number("delta_mass", zip(s, b).map { $0.0 - $1.0 }, .mass),
        .number("value", b.map(\.1), .money), .number("scenario_value", s.map(\.1), .money),
        .number("delta_value", zip(s, b).map { $0.1 - $1.1 }, .money),
      ], caption: "baseline vs \(scenarioName) · \(name)")
  }
}
