import FlowModel

/// The one-sentence descriptions used as `<desc>`, `alt` and `text/plain`.
enum ChartSummary {
  /// For bar, column, line, area and stacked charts.
  static func cartesian(chart: ResolvedChart, data: SeriesData, unit: DisplayUnit) -> String {
    var text = "\(ChartParts.kindName(chart.kind)) “\(chart.title)”, "
    if let first = data.categories.first, let last = data.categories.last, data.isYear, data.count > 1 {
      text += "\(first)–\(last)"
    } else {
      let noun: String
      switch chart.kind {
      case .bar: noun = data.count == 1 ? "bar" : "bars"
      case .line, .area: noun = data.count == 1 ? "point" : "points"
      default: noun = data.count == 1 ? "column" : "columns"
      }
      text += "\(data.count) \(noun) (\(chart.x))"
    }
    if data.names.count > 1 {
      text += " × \(data.names.count) series (\(ChartParts.listing(data.names)))"
    }
    if !unit.label.isEmpty { text += ", in \(unit.label)" }
    if chart.kind == .line && data.names.count <= 3 {
      let trends = zip(data.names, data.values).compactMap { name, row -> String? in
        guard let a = row.first(where: \.isFinite), let b = row.last(where: \.isFinite) else { return nil }
        let who = data.names.count == 1 ? "" : "\(name) "
        let reference = max(abs(unit.scaled(a)), abs(unit.scaled(b)))
        return
          "\(who)from \(ChartParts.quantity(unit.scaled(a), unit: unit, reference: reference)) to \(ChartParts.quantity(unit.scaled(b), unit: unit, reference: reference))"
      }
      if !trends.isEmpty { text += ": " + trends.joined(separator: ", ") }
    } else if chart.kind != .stacked100 {
      let totals = data.categoryTotals
      if let hi = totals.indices.max(by: { (totals[$0], -$0) < (totals[$1], -$1) }),
        let lo = totals.indices.min(by: { (totals[$0], $0) < (totals[$1], $1) })
      {
        let reference = unit.scaled(totals[hi])
        let word = data.names.count > 1 ? "highest total" : "largest"
        text +=
          ": \(word) \(data.categories[hi]) \(ChartParts.quantity(unit.scaled(totals[hi]), unit: unit, reference: reference))"
        if lo != hi {
          text +=
            ", \(data.names.count > 1 ? "lowest" : "smallest") \(data.categories[lo]) \(ChartParts.quantity(unit.scaled(totals[lo]), unit: unit, reference: reference))"
        }
      }
    }
    return text + "."
  }

  /// For pies: the slices with their shares.
  static func pie(chart: ResolvedChart, data: SeriesData, unit: DisplayUnit) -> String {
    let values = (data.values.first ?? []).map { $0.isFinite ? max($0, 0) : 0 }
    let total = values.reduce(0, +)
    let parts = zip(data.categories, values).map { name, v in
      "\(name) \(total > 0 ? NumberText.fixed(v / total * 100, decimals: 1) : "0.0") %"
    }
    let totalText = ChartParts.quantity(unit.scaled(total), unit: unit)
    return
      "Pie chart “\(chart.title)”: \(data.count) slices of \(totalText) in total; \(ChartParts.listing(parts, limit: 6))."
  }
}
