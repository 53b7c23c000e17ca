import FlowModel

/// Column, stacked, 100 % stacked, line and area charts: x along the bottom, values up.
struct CartesianChart {
  var data: SeriesData
  var chart: ResolvedChart
  var colors: [String]

  private var width: Double { Double(chart.width) }
  private var height: Double { Double(chart.height) }
  private var isStack: Bool {
    chart.kind == .stacked || chart.kind == .stacked100 || (chart.kind == .area && !chart.overlap)
  }
  /// Lines get direct labels at their ends instead of a top legend when there are 2…6 of them.
  private var directLabels: Bool {
    chart.kind == .line && data.names.count > 1 && data.names.count <= 6 && chart.legend == .top
  }

  func draw() -> ChartDrawing {
    let unit = displayUnit()
    let scaled = data.values.map { row in row.map { unit.scaled($0) } }
    let shown = chart.kind == .stacked100 ? normalised(scaled) : scaled
    var (low, high) = extent(shown)
    // Error bars and bands lie inside the plot too.
    for row in data.bounds ?? [] {
      for bound in row {
        if bound.low.isFinite { low = min(low, unit.scaled(bound.low)) }
        if bound.high.isFinite { high = max(high, unit.scaled(bound.high)) }
      }
    }
    var w = SVGWriter()
    ChartParts.title(&w, chart.title, width: width)
    let legend = LegendBox(
      names: data.names.count > 1 && !directLabels ? data.names : [], colors: colors, placement: chart.legend,
      width: width)
    let room = legend.room
    let plotTop = ChartStyle.titleBand + room.top + 8
    let bottomEdge = height - room.bottom
    // Text categories that do not fit side by side are written at 45°.
    let widest = data.categories.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0
    let roughBand =
      (width - 100) / Double(max(chart.kind == .line || chart.kind == .area ? data.count - 1 : data.count, 1))
    let rotated = data.positions == nil && widest + 6 > roughBand
    let plotBottom = bottomEdge - (rotated ? 38 + min(widest, Self.rotatedLabelWidth) * 0.71 : 44)
    let scale = NiceScale(low, high, count: NiceScale.tickCount(forLength: plotBottom - plotTop))
    let tickLabels = scale.ticks.map { ChartParts.tick($0, decimals: scale.decimals) }
    let labelWidth = tickLabels.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0
    var plotLeft = 12 + 16 + 6 + labelWidth + 8
    if rotated, let first = data.categories.first {
      // The first 45° label must not run off the left edge.
      plotLeft = max(
        plotLeft, 0.71 * min(TextMetrics.width(first, size: ChartStyle.labelSize), Self.rotatedLabelWidth) + 2)
    }
    var plotRight = width - 16 - room.right
    var endLabels: [String] = []
    if directLabels {
      endLabels = data.names.map { TextMetrics.truncate($0, maxWidth: 140, size: ChartStyle.labelSize) }
      plotRight -= (endLabels.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0) + 8
    }
    let y = { (v: Double) in scale.map(v, plotBottom, plotTop) }

    // Gridlines and value axis.
    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink), "text-anchor": "end"])
    for (tick, label) in zip(scale.ticks, tickLabels) {
      w.element(
        "line",
        [
          "x1": .number(plotLeft), "x2": .number(plotRight), "y1": .number(y(tick)),
          "y2": .number(y(tick)), "stroke": .text(ChartStyle.grid),
        ])
      w.element("text", ["x": .number(plotLeft - 8), "y": .number(y(tick) + 4)], text: label)
    }
    w.close("g")
    let valueName =
      chart.kind == .stacked100
      ? "share of \(valueLabel())" : valueLabel()
    axisTitle(
      &w, chart.yTitle ?? ChartParts.axisTitle(valueName, unit: chart.kind == .stacked100 ? .base(.ratio) : unit),
      x: 24, y: (plotTop + plotBottom) / 2, rotated: true)
    axisTitle(&w, chart.xTitle ?? chart.x, x: (plotLeft + plotRight) / 2, y: bottomEdge - 10, rotated: false)
    legend.draw(&w, top: plotTop, height: height)

    // Marks.
    let xs: XPositions
    if chart.kind == .line || chart.kind == .area {
      xs = pointPositions(plotLeft, plotRight, rotated: rotated)
    } else {
      xs = bandPositions(plotLeft, plotRight, rotated: rotated)
    }
    switch chart.kind {
    case .line:
      drawLines(
        &w, shown, xs: xs, y: y, endLabels: endLabels, plotRight: plotRight, plotTop: plotTop, plotBottom: plotBottom)
    case .area: drawAreas(&w, shown, xs: xs, y: y, stacked: isStack)
    case .stacked, .stacked100: drawStacks(&w, shown, xs: xs, y: y)
    default: drawColumns(&w, shown, xs: xs, y: y)
    }

    // Baseline at zero (or the bottom) and x labels.
    let base = y(max(scale.lower, min(0, scale.upper)))
    w.element(
      "line",
      [
        "x1": .number(plotLeft), "x2": .number(plotRight), "y1": .number(base), "y2": .number(base),
        "stroke": .text(ChartStyle.axis),
      ])
    drawXLabels(&w, xs: xs, plotBottom: plotBottom)
    let marks = data.bounds.map { bounds in
      BoundMarks(bounds: bounds.map { row in row.map { (unit.scaled($0.low), unit.scaled($0.high)) } })
    }
    if let marks {
      if chart.kind == .line || chart.kind == .area {
        marks.drawBands(&w, xs: xs.centers, y: y, colors: colors)
      } else {
        marks.drawErrorBars(&w, centers: columnCenters(xs, series: data.names.count), y: y)
      }
    }
    if chart.kind == .column && chart.valueLabels == true {
      drawValueLabels(&w, shown, xs: xs, y: y, bounds: marks?.bounds)
    }
    let summary = ChartSummary.cartesian(
      chart: chart, data: data, unit: chart.kind == .stacked100 ? .base(.ratio) : unit)
    return ChartDrawing(body: w.output, height: chart.height, summary: summary)
  }

  private func valueLabel() -> String {
    chart.y.count == 1 ? chart.y[0] : ChartSpec.dimensionWord(chart.dimension)
  }

  private func displayUnit() -> DisplayUnit {
    var magnitude = 0.0
    if isStack {
      for c in 0..<data.count {
        var pos = 0.0
        var neg = 0.0
        for row in data.values where row[c].isFinite { if row[c] > 0 { pos += row[c] } else { neg -= row[c] } }
        magnitude = max(magnitude, pos, neg)
      }
    } else {
      for row in data.values { for v in row where v.isFinite { magnitude = max(magnitude, abs(v)) } }
    }
    return ChartParts.unit(for: chart, maxMagnitude: magnitude)
  }

  private func normalised(_ values: [[Double]]) -> [[Double]] {
    var out = values
    for c in 0..<data.count {
      let total = values.reduce(0) { $0 + ($1[c].isFinite ? abs($1[c]) : 0) }
      for s in 0..<values.count { out[s][c] = total > 0 && values[s][c].isFinite ? values[s][c] / total * 100 : .nan }
    }
    return out
  }

  /// The value range to cover, zero included (MFA totals start at zero).
  private func extent(_ values: [[Double]]) -> (Double, Double) {
    var low = 0.0
    var high = 0.0
    if isStack {
      for c in 0..<data.count {
        var pos = 0.0
        var neg = 0.0
        for row in values where row[c].isFinite { if row[c] > 0 { pos += row[c] } else { neg += row[c] } }
        high = max(high, pos)
        low = min(low, neg)
      }
    } else {
      for row in values {
        for v in row where v.isFinite {
          low = min(low, v)
          high = max(high, v)
        }
      }
    }
    if chart.kind == .stacked100 { high = 100 }
    return (low, high)
  }

  private func axisTitle(_ w: inout SVGWriter, _ text: String, x: Double, y: Double, rotated: Bool) {
    let shown = TextMetrics.truncate(text, maxWidth: rotated ? height - 80 : width - 80, size: ChartStyle.axisTitleSize)
    if rotated {
      w.element(
        "text",
        [
          "transform": .text("translate(\(NumberText.coordinate(x)) \(NumberText.coordinate(y))) rotate(-90)"),
          "text-anchor": "middle", "font-size": .number(ChartStyle.axisTitleSize), "fill": .text(ChartStyle.ink),
        ],
        text: shown)
    } else {
      w.element(
        "text",
        [
          "x": .number(x), "y": .number(y), "text-anchor": "middle",
          "font-size": .number(ChartStyle.axisTitleSize), "fill": .text(ChartStyle.ink),
        ], text: shown)
    }
  }

  // MARK: - x positions

  /// Where categories sit: band centres and band width, or points on a linear scale.
  struct XPositions {
    var centers: [Double]
    var band: Double
    var ticks: [(x: Double, label: String)]
    var rotated = false
  }

  /// The longest a 45° category label may be.
  static let rotatedLabelWidth = 140.0

  private func bandPositions(_ left: Double, _ right: Double, rotated: Bool) -> XPositions {
    let band = (right - left) / Double(max(data.count, 1))
    let centers = (0..<data.count).map { left + band * (Double($0) + 0.5) }
    return XPositions(
      centers: centers, band: band, ticks: thinned(centers, band: band, rotated: rotated), rotated: rotated)
  }

  private func pointPositions(_ left: Double, _ right: Double, rotated: Bool) -> XPositions {
    guard let positions = data.positions, let first = positions.first, let last = positions.last, data.count > 1 else {
      // Text categories (or a single point): evenly spaced points.
      let step = data.count > 1 ? (right - left) / Double(data.count - 1) : 0
      let centers = (0..<data.count).map { data.count > 1 ? left + step * Double($0) : (left + right) / 2 }
      return XPositions(
        centers: centers, band: max(step, 1), ticks: thinned(centers, band: max(step, 1), rotated: rotated),
        rotated: rotated)
    }
    let scale = NiceScale(first, last, count: max(2, Int((right - left) / 80)), integerStep: data.isYear)
    let map = { (v: Double) in first == last ? (left + right) / 2 : left + (v - first) / (last - first) * (right - left)
    }
    let ticks = scale.ticks.filter { $0 >= first && $0 <= last }.map { tick -> (Double, String) in
      (map(tick), data.isYear ? String(Int(tick)) : ChartParts.tick(tick, decimals: scale.decimals))
    }
    let step = (right - left) / Double(max(data.count - 1, 1))
    return XPositions(centers: positions.map(map), band: step, ticks: ticks)
  }

  /// Category labels, every k-th one when they would overlap; text is shortened first.
  private func thinned(_ centers: [Double], band: Double, rotated: Bool) -> [(x: Double, label: String)] {
    let labels = data.categories.map {
      rotated
        ? TextMetrics.truncate($0, maxWidth: Self.rotatedLabelWidth, size: ChartStyle.labelSize)
        : data.positions == nil ? TextMetrics.truncate($0, maxWidth: max(band - 4, 48), size: ChartStyle.labelSize) : $0
    }
    let widest = rotated ? 10 : labels.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0
    let every = max(1, Int(((widest + 6) / max(band, 1)).rounded(.up)))
    return centers.indices.filter { $0 % every == 0 }.map { (centers[$0], labels[$0]) }
  }

  private func drawXLabels(_ w: inout SVGWriter, xs: XPositions, plotBottom: Double) {
    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink), "text-anchor": "middle"])
    for tick in xs.ticks {
      w.element(
        "line",
        [
          "x1": .number(tick.x), "x2": .number(tick.x), "y1": .number(plotBottom),
          "y2": .number(plotBottom + ChartStyle.tickSize), "stroke": .text(ChartStyle.axis),
        ])
      if xs.rotated {
        let at = "translate(\(NumberText.coordinate(tick.x + 3)) \(NumberText.coordinate(plotBottom + 12))) rotate(-45)"
        w.element("text", ["transform": .text(at), "text-anchor": "end"], text: tick.label)
      } else {
        w.element("text", ["x": .number(tick.x), "y": .number(plotBottom + 17)], text: tick.label)
      }
    }
    w.close("g")
  }

  // MARK: - marks

  private func drawColumns(_ w: inout SVGWriter, _ values: [[Double]], xs: XPositions, y: (Double) -> Double) {
    let groupWidth = xs.band * 0.8
    let barWidth = groupWidth / Double(values.count)
    let gap = values.count > 1 && barWidth > 3 ? 1.0 : 0
    for (s, row) in values.enumerated() {
      w.open("g", ["fill": .text(colors[s])])
      for (c, v) in row.enumerated() where v.isFinite {
        let x = xs.centers[c] - groupWidth / 2 + barWidth * Double(s)
        let top = y(max(v, 0))
        let bottom = y(min(v, 0))
        w.element(
          "rect",
          [
            "x": .number(x), "y": .number(top), "width": .number(max(barWidth - gap, 0.5)),
            "height": .number(bottom - top),
          ])
      }
      w.close("g")
    }
  }

  private func drawStacks(_ w: inout SVGWriter, _ values: [[Double]], xs: XPositions, y: (Double) -> Double) {
    let barWidth = xs.band * 0.8
    var positive = [Double](repeating: 0, count: data.count)
    var negative = [Double](repeating: 0, count: data.count)
    for (s, row) in values.enumerated() {
      w.open("g", ["fill": .text(colors[s]), "stroke": "#ffffff", "stroke-width": 0.5])
      for (c, v) in row.enumerated() where v.isFinite && v != 0 {
        let from = v > 0 ? positive[c] : negative[c]
        let to = from + v
        if v > 0 { positive[c] = to } else { negative[c] = to }
        let top = y(max(from, to))
        let bottom = y(min(from, to))
        w.element(
          "rect",
          [
            "x": .number(xs.centers[c] - barWidth / 2), "y": .number(top),
            "width": .number(barWidth), "height": .number(bottom - top),
          ])
      }
      w.close("g")
    }
  }

  private func drawAreas(
    _ w: inout SVGWriter, _ values: [[Double]], xs: XPositions, y: (Double) -> Double, stacked: Bool
  ) {
    var base = [Double](repeating: 0, count: data.count)
    for (s, row) in values.enumerated() {
      let upper = (0..<data.count).map { base[$0] + (row[$0].isFinite ? row[$0] : 0) }
      var path = PathData()
      for c in 0..<data.count {
        if c == 0 { path.move(xs.centers[c], y(upper[c])) } else { path.line(xs.centers[c], y(upper[c])) }
      }
      for c in (0..<data.count).reversed() { path.line(xs.centers[c], y(base[c])) }
      path.closePath()
      w.element(
        "path",
        [
          "d": .text(path.text), "fill": .text(colors[s]), "fill-opacity": stacked ? 0.85 : 0.35,
          "stroke": stacked ? "#ffffff" : .text(colors[s]), "stroke-width": stacked ? 0.5 : 1.5,
        ])
      if stacked { base = upper }
    }
  }

  private func drawLines(
    _ w: inout SVGWriter, _ values: [[Double]], xs: XPositions, y: (Double) -> Double,
    endLabels: [String], plotRight: Double, plotTop: Double, plotBottom: Double
  ) {
    let markers = data.count <= 20
    // Years missing from the table are gaps, not interpolated: break where x jumps more than
    // one regular step.
    var step = Double.infinity
    if data.isYear, let p = data.positions {
      for k in p.indices.dropFirst() where p[k] > p[k - 1] { step = min(step, p[k] - p[k - 1]) }
    }
    var ends: [(index: Int, y: Double)] = []
    for (s, row) in values.enumerated() {
      var path = PathData()
      var previous: Int? = nil
      for (c, v) in row.enumerated() {
        guard v.isFinite else {
          previous = nil
          continue
        }
        let jump = previous.flatMap { p in data.positions.map { $0[c] - $0[p] > step * 1.5 } } ?? false
        if previous != nil && !jump { path.line(xs.centers[c], y(v)) } else { path.move(xs.centers[c], y(v)) }
        previous = c
      }
      // A series identical to an earlier one is drawn dashed over it, so both stay visible.
      if values[..<s].contains(where: { Self.same($0, row) }) {
        w.element(
          "path",
          [
            "d": .text(path.text), "fill": "none", "stroke": .text(colors[s]), "stroke-width": 2,
            "stroke-linejoin": "round", "stroke-dasharray": "6 6",
          ])
      } else {
        w.element(
          "path",
          [
            "d": .text(path.text), "fill": "none", "stroke": .text(colors[s]), "stroke-width": 2,
            "stroke-linejoin": "round", "stroke-linecap": "round",
          ])
      }
      if markers {
        w.open("g", ["fill": .text(colors[s]), "stroke": "#ffffff", "stroke-width": 1])
        for (c, v) in row.enumerated() where v.isFinite {
          w.element("circle", ["cx": .number(xs.centers[c]), "cy": .number(y(v)), "r": 3])
        }
        w.close("g")
      }
      if let last = row.lastIndex(where: { $0.isFinite }) { ends.append((s, y(row[last]))) }
    }
    guard !endLabels.isEmpty else { return }
    // Direct labels at line ends, pushed apart so they never overlap.
    ends.sort { ($0.y, $0.index) < ($1.y, $1.index) }
    var placed = ends.map(\.y)
    for i in placed.indices.dropFirst() where placed[i] < placed[i - 1] + 13 { placed[i] = placed[i - 1] + 13 }
    if let lastY = placed.last, lastY > plotBottom {
      let shift = lastY - plotBottom
      placed = placed.map { $0 - shift }
      for i in placed.indices.reversed().dropFirst() where placed[i] > placed[i + 1] - 13 {
        placed[i] = placed[i + 1] - 13
      }
    }
    w.open("g", ["font-size": .number(ChartStyle.labelSize)])
    for (k, end) in ends.enumerated() {
      w.element(
        "text", ["x": .number(plotRight + 8), "y": .number(placed[k] + 4), "fill": .text(colors[end.index])],
        text: endLabels[end.index])
    }
    w.close("g")
  }

  /// Whether two series have the same values (missing where the other is missing).
  static func same(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  /// The x centre of each series' column in each group (one column per series in a group).
  private func columnCenters(_ xs: XPositions, series: Int) -> [[Double]] {
    let groupWidth = xs.band * 0.8
    let barWidth = groupWidth / Double(max(series, 1))
    return (0..<series).map { s in xs.centers.map { $0 - groupWidth / 2 + barWidth * (Double(s) + 0.5) } }
  }

  /// Values above (or below, when negative) each column, past the error bar when it reaches farther.
  private func drawValueLabels(
    _ w: inout SVGWriter, _ values: [[Double]], xs: XPositions, y: (Double) -> Double,
    bounds: [[(low: Double, high: Double)]]?
  ) {
    let centers = columnCenters(xs, series: values.count)
    let high = values.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0
    let decimals = chart.dimension == .ratio ? 1 : (high >= 100 ? 0 : high >= 10 ? 1 : 2)
    w.open("g", ["font-size": .number(ChartStyle.smallSize), "fill": .text(ChartStyle.ink), "text-anchor": "middle"])
    for (s, row) in values.enumerated() {
      for (c, v) in row.enumerated() where v.isFinite {
        let (low, high) = BoundMarks.reach(bounds, s, c, value: v)
        w.element(
          "text", ["x": .number(centers[s][c]), "y": .number(v >= 0 ? y(high) - 4 : y(low) + 11)],
          text: ChartParts.tick(v, decimals: decimals))
      }
    }
    w.close("g")
  }
}
