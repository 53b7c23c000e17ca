import FlowModel

extension SeriesData {
  /// Reads the lower and upper bound of every drawn value from the chart's `low`/`high` columns,
  /// matched by series and category (`nan` where a bound is missing, as for lumped "Other").
  mutating func attachBounds(_ table: Table, chart: ResolvedChart, order: [String]) {
    guard let (low, high) = chart.bounds else { return }
    func values(_ column: String) -> [String: Double] {
      var copy = chart
      copy.y = [column]
      let data = SeriesData(table, chart: copy, order: order)
      var out: [String: Double] = [:]
      for (s, name) in data.names.enumerated() {
        for (c, category) in data.categories.enumerated() {
          out[(chart.series == nil ? "" : name) + "\u{1}" + category] = data.values[s][c]
        }
      }
      return out
    }
    let lows = values(low)
    let highs = values(high)
    bounds = names.map { name in
      categories.map { category in
        let key = (chart.series == nil ? "" : name) + "\u{1}" + category
        return (lows[key] ?? .nan, highs[key] ?? .nan)
      }
    }
  }
}

/// Shaded bands (lines, areas) or error bars (bars, columns) from each value's bounds.
struct BoundMarks {
  /// `bounds[series][category]` in display units.
  var bounds: [[(low: Double, high: Double)]]

  /// How far a bar or column of `value` and its error bar reach: (lowest, highest) of the two,
  /// so that a value label put beyond them stands clear of both.
  static func reach(
    _ bounds: [[(low: Double, high: Double)]]?, _ series: Int, _ category: Int, value: Double
  ) -> (low: Double, high: Double) {
    guard let bounds, series < bounds.count, category < bounds[series].count else { return (value, value) }
    let b = bounds[series][category]
    return (b.low.isFinite ? min(value, b.low) : value, b.high.isFinite ? max(value, b.high) : value)
  }

  /// A band between low and high per series, in the series colour, under the lines.
  func drawBands(_ w: inout SVGWriter, xs: [Double], y: (Double) -> Double, colors: [String]) {
    for (s, row) in bounds.enumerated() {
      let points = row.indices.filter { row[$0].low.isFinite && row[$0].high.isFinite }
      guard points.count > 1 else { continue }
      var path = PathData()
      for (k, c) in points.enumerated() {
        if k == 0 { path.move(xs[c], y(row[c].high)) } else { path.line(xs[c], y(row[c].high)) }
      }
      for c in points.reversed() { path.line(xs[c], y(row[c].low)) }
      path.closePath()
      w.element("path", ["d": .text(path.text), "fill": .text(colors[s]), "fill-opacity": 0.2, "stroke": "none"])
    }
  }

  /// A vertical error bar with caps at each column centre (`centers[series][category]`).
  func drawErrorBars(_ w: inout SVGWriter, centers: [[Double]], y: (Double) -> Double) {
    w.open("g", ["stroke": .text(ChartStyle.ink), "stroke-width": 1.2, "fill": "none"])
    for (s, row) in bounds.enumerated() {
      for (c, bound) in row.enumerated() where bound.low.isFinite && bound.high.isFinite {
        let x = centers[s][c]
        var path = PathData()
        path.move(x, y(bound.low))
        path.line(x, y(bound.high))
        path.move(x - 4, y(bound.high))
        path.horizontal(x + 4)
        path.move(x - 4, y(bound.low))
        path.horizontal(x + 4)
        w.element("path", ["d": .text(path.text)])
      }
    }
    w.close("g")
  }

  /// A horizontal error bar with caps at each bar's centre (`centers[series][category]` are y).
  func drawHorizontalErrorBars(_ w: inout SVGWriter, centers: [[Double]], x: (Double) -> Double) {
    w.open("g", ["stroke": .text(ChartStyle.ink), "stroke-width": 1.2, "fill": "none"])
    for (s, row) in bounds.enumerated() {
      for (c, bound) in row.enumerated() where bound.low.isFinite && bound.high.isFinite {
        let y = centers[s][c]
        var path = PathData()
        path.move(x(bound.low), y)
        path.line(x(bound.high), y)
        path.move(x(bound.low), y - 4)
        path.vertical(y + 4)
        path.move(x(bound.high), y - 4)
        path.vertical(y + 4)
        w.element("path", ["d": .text(path.text)])
      }
    }
    w.close("g")
  }
}
