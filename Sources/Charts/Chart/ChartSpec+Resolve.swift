public import FlowModel

extension ChartSpec {
  /// Fills in every choice left open, following KQL and Malloy: x = `year` (or the first year
  /// column), else the first text column; y = the numeric columns; series = the one remaining
  /// text column.
  ///
  /// - Throws: ``ChartError`` for unknown or unsuitable columns and for ambiguity (two text
  ///   columns that could split the series); its `help` names the candidate columns.
  public func resolve(for table: Table) throws(ChartError) -> ResolvedChart {
    if kind == .sankey { return try resolveSankey(for: table) }
    if kind == .table {
      return ResolvedChart(
        kind: .table, x: x ?? "", y: y, series: series, target: nil, dimension: .none,
        unit: nil, title: title ?? table.caption ?? "", width: width ?? 720,
        height: height ?? 400, warnings: [])
    }
    for name in [x, series].compactMap({ $0 }) + y { try Self.require(name, in: table) }
    var warnings: [String] = []
    let xName = try inferX(table)
    let xColumn = table[xName]
    var yNames = y
    if yNames.isEmpty {
      let bound = Set([low, high].compactMap { $0 })
      yNames = table.columns.filter { col in
        if case .number = col.values { return col.name != xName && col.name != series } else { return false }
      }.map(\.name).filter { name in
        // `x_low`, `x_high` and `x_sd` beside `x` describe x's uncertainty; they are not values.
        !bound.contains(name)
          && !["_low", "_high", "_sd"].contains { suffix in
            name.hasSuffix(suffix) && table[String(name.dropLast(suffix.count))] != nil
          }
      }
    }
    guard !yNames.isEmpty else {
      throw ChartError(
        .needsOption, "this table has no numeric column to draw",
        help: "add one with `summarize` or `derive`; columns here: \(Self.list(table.columnNames))")
    }
    for name in yNames {
      guard let col = table[name], case .number = col.values else {
        throw ChartError(
          .unsuitableColumn, "`\(name)` is not a numeric column",
          help: "choose y from the numeric columns: \(Self.list(Self.numericNames(table)))", option: .y)
      }
    }
    // Several value columns the user named are the series themselves; a text column splits only one.
    // A pie has no series: its slices are the x values.
    let seriesName =
      (y.count > 1 && series == nil) || kind == .pie ? nil : try inferSeries(table, x: xName, y: yNames)
    if seriesName != nil && yNames.count > 1 {
      throw ChartError(
        .needsOption, "cannot split \(yNames.count) value columns by `\(seriesName ?? "")` as well",
        help: "choose one value column, e.g. `y = \(yNames[0])`, or drop `series`")
    }
    let dimensions = yNames.compactMap { table[$0]?.dimension }
    let dimension = dimensions.first ?? .none
    if let other = dimensions.first(where: { $0 != dimension }) {
      throw ChartError(
        .unsuitableColumn, "the value columns measure different things (\(dimension.rawValue) and \(other.rawValue))",
        help: "chart them one at a time, e.g. `y = \(yNames[0])`")
    }
    let fixedUnit = try resolveUnit(dimension)
    var drawn = kind
    if kind == .pie {
      let distinct = Set((0..<table.rowCount).map { row in xColumn.map { Self.key($0[row: row]) } ?? "" }).count
      let negative = yNames.contains { name in
        if case .number(let v)? = table[name]?.values { return v.contains { $0 < 0 } } else { return false }
      }
      if yNames.count > 1 || seriesName != nil {
        throw ChartError(
          .needsOption, "a pie shows one value column without series",
          help: "choose `y = \(yNames[0])`, or use `chart stacked` for several series")
      }
      if distinct > 6 || negative {
        drawn = .bar
        warnings.append(
          negative
            ? "pie chart: negative values cannot be slices; drawn as a bar chart"
            : "pie chart: \(distinct) slices are too many to compare (at most 6); drawn as a bar chart")
      }
    }
    let valueLabel = yNames.count == 1 ? yNames[0] : Self.dimensionWord(dimension)
    let generated = seriesName.map { "\(valueLabel) by \(xName) and \($0)" } ?? "\(valueLabel) by \(xName)"
    if kind == .column && stack == true { drawn = seriesName == nil && yNames.count == 1 ? .column : .stacked }
    var chart = ResolvedChart(
      kind: drawn, x: xName, y: yNames, series: seriesName, target: nil, dimension: dimension,
      unit: fixedUnit, title: title ?? table.caption ?? generated, width: width ?? 720,
      height: height ?? 400, warnings: warnings, xTitle: xTitle, yTitle: yTitle)
    chart.legend = legend
    chart.palette = palette
    chart.heightFixed = height != nil
    chart.overlap = kind == .area && stack == false
    chart.valueLabels = valueLabels
    chart.sort = sort
    chart.bounds = try resolveBounds(table, y: yNames, kind: drawn)
    return chart
  }

  /// The bound columns: `low` and `high` as given, else `<y>_low` and `<y>_high` beside a single
  /// value column `y` (the shape the `uncertainty` verb gives), for kinds that draw them.
  private func resolveBounds(_ table: Table, y: [String], kind: ChartKind) throws(ChartError) -> (String, String)? {
    guard ChartOption.low.kinds.contains(kind) else { return nil }
    if low != nil || high != nil {
      guard let low, let high else {
        throw ChartError(
          .needsOption, "`low` and `high` go together", help: "give both, e.g. `low = mass_low, high = mass_high`",
          option: low == nil ? .high : .low)
      }
      for (name, option) in [(low, ChartOption.low), (high, .high)] {
        guard case .number = table[name]?.values else {
          throw ChartError(
            .unsuitableColumn, "`\(name)` is not a numeric column",
            help: "bounds are numbers in the values' unit: \(Self.list(Self.numericNames(table)))", option: option)
        }
      }
      return (low, high)
    }
    guard y.count == 1, case .number? = table[y[0] + "_low"]?.values, case .number? = table[y[0] + "_high"]?.values
    else { return nil }
    return (y[0] + "_low", y[0] + "_high")
  }

  private func inferX(_ table: Table) throws(ChartError) -> String {
    if let x { return x }
    let candidates = table.columns.filter { $0.name != series && !y.contains($0.name) }
    if let year = candidates.first(where: { if case .year = $0.values { true } else { false } }) {
      return year.name
    }
    if let year = candidates.first(where: { $0.name.lowercased() == "year" }) { return year.name }
    if let text = candidates.first(where: { if case .text = $0.values { true } else { false } }) {
      return text.name
    }
    throw ChartError(
      .needsOption, "no column to put on the x axis (no year and no text column)",
      help: "name one with `x = …`; columns here: \(Self.list(table.columnNames))")
  }

  private func inferSeries(_ table: Table, x: String, y: [String]) throws(ChartError) -> String? {
    if let series {
      guard let col = table[series], case .text = col.values else {
        throw ChartError(
          .unsuitableColumn, "`\(series)` cannot split series: it is not a text column",
          help: "choose a text column: \(Self.list(Self.textNames(table)))", option: .series)
      }
      return series
    }
    let rest = Self.textNames(table).filter { $0 != x && !y.contains($0) }
    if rest.count > 1 {
      throw ChartError(
        .needsOption, "cannot tell which column splits the series: \(Self.list(rest))",
        help: "choose one with `series = \(rest[0])`, or drop the others with `select`")
    }
    return rest.first
  }

  func resolveUnit(_ dimension: Dimension) throws(ChartError) -> DisplayUnit? {
    guard let symbol = unit else { return nil }
    guard let named = Unit.named(symbol) else {
      throw ChartError(
        .unitMismatch, "unknown unit `\(symbol)`",
        help: "use one of \(Self.list(Unit.all.map(\.symbol)))", option: .unit)
    }
    guard named.dimension == dimension || dimension == .none else {
      let fitting = Unit.all.filter { $0.dimension == dimension }.map(\.symbol)
      throw ChartError(
        .unitMismatch,
        "unit `\(symbol)` measures \(named.dimension.rawValue), the values measure \(dimension.rawValue)",
        help: fitting.isEmpty ? "leave `unit` out" : "use one of \(Self.list(fitting))", option: .unit)
    }
    return DisplayUnit(named)
  }

  static func require(_ name: String, in table: Table) throws(ChartError) {
    guard table[name] == nil else { return }
    let close = table.columnNames.min { editDistance($0, name) < editDistance($1, name) }
    let hint = close.map { editDistance($0, name) <= max(2, name.count / 3) ? "did you mean `\($0)`? " : "" } ?? ""
    throw ChartError(
      .unsuitableColumn, "unknown column `\(name)`", help: "\(hint)columns here: \(list(table.columnNames))")
  }

  static func list(_ names: [String]) -> String {
    names.isEmpty ? "(none)" : names.map { "`\($0)`" }.joined(separator: ", ")
  }

  static func numericNames(_ table: Table) -> [String] {
    table.columns.filter { if case .number = $0.values { true } else { false } }.map(\.name)
  }

  static func textNames(_ table: Table) -> [String] {
    table.columns.filter { if case .text = $0.values { true } else { false } }.map(\.name)
  }

  static func key(_ cell: Cell) -> String {
    switch cell {
    case .text(let s): s
    case .year(let y): String(y)
    case .bool(let b): b ? "true" : "false"
    case .number(let v, _): NumberText.coordinate(v)
    }
  }

  static func dimensionWord(_ dimension: Dimension) -> String {
    switch dimension {
    case .none: "value"
    case .mass: "mass"
    case .money: "value"
    case .price: "price"
    case .ratio: "share"
    }
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
