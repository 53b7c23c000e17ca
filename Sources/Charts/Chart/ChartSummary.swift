import FlowModel

/// The one-sentence descriptions used as `<desc>`, `alt` and `text/plain`.
enum ChartSummary {
  /// For bar, column, line, area and stacked charts.
  static func cartesian(chart: ResolvedChart, data: SeriesData, unit: DisplayUnit) -> String {
    var text = "\(ChartParts.kindName(chart.kind)) “\(chart.title)”"
    let unitNote = unit.label.isEmpty ? "" : " in \(unit.label)"
    let span: String
    if let first = data.categories.first, let last = data.categories.last, data.positions != nil, data.count > 1 {
      span = "\(data.count) values of \(chart.x) from \(first) to \(last)"
    } else {
      span = "\(data.count) \(data.count == 1 ? "value" : "values") of \(chart.x)"
    }
    text += ": \(span)\(unitNote)"
    if chart.kind == .line && data.names.count <= 3 {
      let trends = zip(data.names, data.values).compactMap { name, row -> String? in
        guard let a = row.first(where: \.isFinite), let b = row.last(where: \.isFinite) else { return nil }
        let who = data.names.count == 1 ? "" : "\(name) "
        let reference = max(abs(unit.scaled(a)), abs(unit.scaled(b)))
        return "\(who)from \(ChartParts.quantity(unit.scaled(a), unit: unit, reference: reference)) to \(ChartParts.quantity(unit.scaled(b), unit: unit, reference: reference))"
      }
      if !trends.isEmpty { text += "; " + trends.joined(separator: ", ") }
    } else if chart.kind == .stacked100 {
      text += "; shares of \(ChartParts.listing(data.names))"
    } else {
      let totals = data.categoryTotals
      if let hi = totals.indices.max(by: { (totals[$0], -$0) < (totals[$1], -$1) }),
         let lo = totals.indices.min(by: { (totals[$0], $0) < (totals[$1], $1) }) {
        let reference = unit.scaled(totals[hi])
        let noun = data.names.count > 1 ? "total" : ""
        text += "; largest \(noun.isEmpty ? "" : "\(noun) ")\(data.categories[hi]) \(ChartParts.quantity(unit.scaled(totals[hi]), unit: unit, reference: reference))"
        if lo != hi {
          text += ", smallest \(data.categories[lo]) \(ChartParts.quantity(unit.scaled(totals[lo]), unit: unit, reference: reference))"
        }
      }
      if data.names.count > 1 { text += "; series \(ChartParts.listing(data.names))" }
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
    return "Pie chart “\(chart.title)”: \(data.count) slices of \(totalText) in total; \(ChartParts.listing(parts, limit: 6))."
  }
}
