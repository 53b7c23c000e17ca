import FlowModel

extension SankeyVerb {
  /// The links that show each stock process's accumulation in `years`: `USE → USE (stock +)` for
  /// a net addition, `USE (stock −) → USE` for a net drawdown (mass layer only).
  ///
  /// - Parameters:
  ///   - label: the node label of each process id (its id, or its group with `by`).
  ///   - splitByMaterial: whether links are split by material.
  /// - Returns: (source, target, split, mass) per link, in stock-record order.
  static func accumulationLinks(
    _ model: MaterialFlowModel, years: ClosedRange<Int>, label: [String: String], splitByMaterial: Bool
  ) -> [(source: String, target: String, split: String, mass: Double)] {
    var order: [[String]] = []
    var change: [[String]: Double] = [:]
    for record in model.stocks where years.contains(record.year) {
      let key = [label[record.process] ?? record.process, splitByMaterial ? record.material : ""]
      if change[key] == nil { order.append(key) }
      change[key, default: 0] += record.stockChange
    }
    return order.compactMap { key in
      let net = change[key]!
      guard net != 0 else { return nil }
      return net > 0
        ? (key[0], key[0] + " (stock +)", key[1], net)
        : (key[0] + " (stock −)", key[0], key[1], -net)
    }
  }
}
