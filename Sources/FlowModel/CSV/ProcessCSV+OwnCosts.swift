extension ProcessCSV {
  /// The own unit costs of a user's processes file: the optional columns `energy_cost` and
  /// `system_cost`, in US$ per t of product output (outflows that are not material losses), by
  /// process id. An empty field is no cost.
  ///
  /// - Throws: ``CSVLoadError`` for a field that is not a number.
  static func ownCosts(_ records: CSVRecords) throws -> [String: (energy: Double, system: Double)] {
    let id = try records.requiredColumn("id")
    let columns = [records.column("energy_cost"), records.column("system_cost")]
    guard columns.contains(where: { $0 != nil }) else { return [:] }
    var result: [String: (energy: Double, system: Double)] = [:]
    for (line, fields) in records.rows {
      var costs = [0.0, 0.0]
      for (k, column) in columns.enumerated() {
        guard let column, column < fields.count else { continue }
        let text = fields[column].trimmedWhitespace
        if text.isEmpty { continue }
        guard let value = Double(text), value.isFinite else {
          throw CSVLoadError(
            file: records.file, line: line, column: column + 1, columnName: records.header[column],
            problem: .notANumber(text))
        }
        costs[k] = value
      }
      result[fields[id].trimmedWhitespace] = (costs[0], costs[1])
    }
    return result
  }
}

extension MaterialFlowModel {
  /// The model with the own costs of its processes file: energy and system costs per t of each
  /// quantity centre's product output. When the flows file gives no `cost` column, the cost
  /// layer is propagated through the chain (as for the bundled model) so that each flow carries
  /// the costs upstream of it.
  func withOwnCosts(_ rates: [String: (energy: Double, system: Double)], flowsHaveCosts: Bool) -> MaterialFlowModel {
    guard !rates.isEmpty else { return self }
    let costs = CentreCost.sized(processes: processes, flows: flows) { process, _, category in
      guard let rate = rates[process] else { return nil }
      switch category {
      case .energy: return .init(usdPerTonne: rate.energy, basis: .product)
      case .system: return .init(usdPerTonne: rate.system, basis: .product)
      case .wasteManagement: return nil
      }
    }
    let costed =
      flowsHaveCosts
      ? flows : CostPropagation.propagate(processes: processes, flows: flows, centreCosts: costs)
    return MaterialFlowModel(
      name: name, processes: processes, flows: costed, stocks: stocks, centreCosts: costs, mode: mode,
      notes: notes, recipe: recipe)
  }
}
