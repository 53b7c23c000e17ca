import FlowModel

/// Pieces every chart kind shares: the title, a legend row, number labels and axis titles.
enum ChartParts {
  /// Writes the chart title, left-aligned, shortened to fit.
  static func title(_ w: inout SVGWriter, _ text: String, width: Double) {
    let shown = TextMetrics.truncate(text, maxWidth: width - 24, size: ChartStyle.titleSize, bold: true)
    w.element(
      "text",
      [
        "x": 12, "y": 22, "font-size": .number(ChartStyle.titleSize), "font-weight": "bold",
        "fill": .text(ChartStyle.ink),
      ], text: shown)
  }

  /// Lays out legend items in rows that fit `width`; returns each item's (row, x).
  static func legendLayout(_ names: [String], width: Double) -> [(row: Int, x: Double, label: String)] {
    var row = 0
    var x = 12.0
    var items: [(Int, Double, String)] = []
    for name in names {
      let label = TextMetrics.truncate(name, maxWidth: 160, size: ChartStyle.labelSize)
      let itemWidth = 14 + TextMetrics.width(label, size: ChartStyle.labelSize) + 16
      if x > 12 && x + itemWidth > width - 12 {
        row += 1
        x = 12
      }
      items.append((row, x, label))
      x += itemWidth
    }
    return items
  }

  /// Writes a legend whose first row's swatches start at `y`; returns the height used.
  static func legend(_ w: inout SVGWriter, names: [String], colors: [String], width: Double, y: Double) -> Double {
    let items = legendLayout(names, width: width)
    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink)])
    for (i, item) in items.enumerated() {
      let top = y + Double(item.row) * 18
      w.element(
        "rect",
        [
          "x": .number(item.x), "y": .number(top), "width": 10, "height": 10,
          "fill": .text(colors[i]),
        ])
      w.element("text", ["x": .number(item.x + 14), "y": .number(top + 9)], text: item.label)
    }
    w.close("g")
    return Double((items.last?.row ?? 0) + 1) * 18
  }

  /// A tick label: grouped digits, the typographic minus, `decimals` places.
  static func tick(_ value: Double, decimals: Int) -> String {
    NumberText.fixed(value, decimals: decimals, minus: NumberText.typographicMinus)
  }

  /// A value in display units with its unit: "148.9 kt", "1,240 kt", "40.0 %".
  static func quantity(_ scaled: Double, unit: DisplayUnit, reference: Double? = nil) -> String {
    let m = abs(reference ?? scaled)
    let wholeBase = unit.factor == 1 && unit.dimension != .ratio && scaled.rounded() == scaled
    let decimals = unit.dimension == .ratio ? 1 : (wholeBase || m >= 1000 ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : 3)
    let number = NumberText.fixed(scaled, decimals: decimals, minus: NumberText.typographicMinus)
    return unit.label.isEmpty ? number : "\(number) \(unit.label)"
  }

  /// An axis title with the unit in parentheses: "inflow (kt)".
  static func axisTitle(_ name: String, unit: DisplayUnit) -> String {
    unit.label.isEmpty ? name : "\(name) (\(unit.label))"
  }

  /// The display unit for values whose largest magnitude is `maxMagnitude` (base units).
  static func unit(for chart: ResolvedChart, maxMagnitude: Double) -> DisplayUnit {
    chart.unit ?? .automatic(chart.dimension, maxMagnitude: maxMagnitude)
  }

  /// A readable name for the chart kind, for summaries.
  static func kindName(_ kind: ChartKind) -> String {
    switch kind {
    case .bar: "Bar chart"
    case .column: "Column chart"
    case .line: "Line chart"
    case .area: "Stacked area chart"
    case .stacked: "Stacked column chart"
    case .stacked100: "100 % stacked column chart"
    case .pie: "Pie chart"
    case .sankey: "Sankey diagram"
    case .table: "Table"
    }
  }

  /// "a, b and c" for up to `limit` names, then "and N more".
  static func listing(_ items: [String], limit: Int = 3) -> String {
    if items.count <= 1 { return items.first ?? "" }
    if items.count > limit {
      return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
    return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
  }
}
