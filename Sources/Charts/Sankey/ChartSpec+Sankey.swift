import FlowModel

extension ChartSpec {
  /// Resolves a Sankey spec: `source` and `target` text columns (`x` renames the source),
  /// a value column (`y`, else the only numeric column; several are ambiguous, e.g. `mass`
  /// and `value` in the flows table), an optional split
  /// column (`series`, else a text column named `split`).
  func resolveSankey(for table: Table) throws(ChartError) -> ResolvedChart {
    let source = x ?? "source"
    let target = "target"
    for name in [source, target] {
      try Self.require(name, in: table)
      guard case .text = table[name]?.values else {
        throw ChartError(
          .unsuitableColumn, "`\(name)` must hold node names (text) for a Sankey diagram",
          help: "text columns here: \(Self.list(Self.textNames(table)))")
      }
    }
    let numeric = Self.numericNames(table)
    let valueName: String
    if let given = y.first {
      try Self.require(given, in: table)
      valueName = given
    } else if numeric.count == 1 {
      valueName = numeric[0]
    } else {
      throw ChartError(
        .needsOption,
        numeric.isEmpty
          ? "a Sankey diagram needs a numeric `value` column"
          : "cannot tell which column holds the flow values",
        help: numeric.isEmpty
          ? "columns here: \(Self.list(table.columnNames))"
          : "choose one with `y = \(numeric[0])`; numeric columns: \(Self.list(numeric))")
    }
    guard case .number = table[valueName]?.values else {
      throw ChartError(
        .unsuitableColumn, "`\(valueName)` is not numeric", help: "numeric columns here: \(Self.list(numeric))",
        option: .y)
    }
    var split: String? = nil
    if let series {
      try Self.require(series, in: table)
      guard case .text = table[series]?.values else {
        throw ChartError(
          .unsuitableColumn, "`\(series)` cannot split flows: it is not a text column",
          help: "text columns here: \(Self.list(Self.textNames(table)))")
      }
      split = series
    } else if case .text? = table["split"]?.values {
      split = "split"
    }
    if let panels {
      try Self.require(panels, in: table)
      if case .number = table[panels]?.values {
        throw ChartError(
          .unsuitableColumn, "`\(panels)` holds measurements; panels need a year or text column",
          help: "text columns here: \(Self.list(Self.textNames(table)))", option: .panels)
      }
    }
    let dimension = table[valueName]?.dimension ?? .none
    var chart = ResolvedChart(
      kind: .sankey, x: source, y: [valueName], series: split, target: target, dimension: dimension,
      unit: try resolveUnit(dimension), title: title ?? table.caption ?? "\(valueName) flows",
      width: width ?? 0, height: height ?? 0, warnings: [])
    chart.legend = legend
    chart.palette = palette
    return chart
  }
}
