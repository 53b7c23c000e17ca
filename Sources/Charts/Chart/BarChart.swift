import FlowModel

/// Horizontal bars: category labels on the left, values along the bottom, value labels at
/// the bar ends (by default when there are at most 15 single-series bars). Grows taller with
/// categories.
struct BarChart {
  var data: SeriesData
  var chart: ResolvedChart
  var colors: [String]

  /// Where everything goes: the plot box, the value scale and the row band.
  private struct Frame {
    var plotTop, plotBottom, plotLeft, plotRight, height, band: Double
    var scale: NiceScale
    func x(_ v: Double) -> Double { scale.map(v, plotLeft, plotRight) }
  }

  func draw() -> ChartDrawing {
    let width = Double(chart.width)
    var magnitude = 0.0
    for row in data.values { for v in row where v.isFinite { magnitude = max(magnitude, abs(v)) } }
    let unit = ChartParts.unit(for: chart, maxMagnitude: magnitude)
    let values = data.values.map { row in row.map { unit.scaled($0) } }
    let legend = LegendBox(
      names: values.count > 1 ? data.names : [], colors: colors, placement: chart.legend, width: width)
    let labels = data.categories.map { TextMetrics.truncate($0, maxWidth: 200, size: ChartStyle.labelSize) }
    let frame = layout(values, labels: labels, legend: legend.room)
    let showValues = chart.valueLabels ?? (values.count == 1 && data.count <= 15 && frame.band >= 12)
    var w = SVGWriter()
    ChartParts.title(&w, chart.title, width: width)
    legend.draw(&w, top: frame.plotTop, height: frame.height)
    drawGrid(&w, frame, unit: unit)
    drawCategoryLabels(&w, frame, labels: labels)
    drawBars(&w, frame, values)
    let marks = data.bounds.map { bounds in
      BoundMarks(bounds: bounds.map { row in row.map { (unit.scaled($0.low), unit.scaled($0.high)) } })
    }
    marks?.drawHorizontalErrorBars(&w, centers: barCenters(frame, series: values.count), x: frame.x)
    if showValues { drawValueLabels(&w, frame, values, bounds: marks?.bounds) }
    let zero = frame.x(max(frame.scale.lower, min(0, frame.scale.upper)))
    w.element(
      "line",
      [
        "x1": .number(zero), "x2": .number(zero), "y1": .number(frame.plotTop), "y2": .number(frame.plotBottom),
        "stroke": .text(ChartStyle.axis),
      ])
    let summary = ChartSummary.cartesian(chart: chart, data: data, unit: unit)
    return ChartDrawing(body: w.output, height: Int(frame.height.rounded()), summary: summary)
  }

  private var rowHeight: Double { data.values.count == 1 ? 24.0 : Double(data.values.count) * 12 + 8 }

  private func layout(
    _ values: [[Double]], labels: [String], legend room: (top: Double, right: Double, bottom: Double)
  ) -> Frame {
    let plotTop = ChartStyle.titleBand + room.top + 4 + (chart.xTitle == nil ? 0 : 16)
    let wanted = plotTop + Double(data.count) * rowHeight + 44 + room.bottom
    let height = chart.heightFixed ? Double(chart.height) : max(Double(chart.height), min(wanted, 720).rounded())
    let plotBottom = height - 44 - room.bottom
    let band = (plotBottom - plotTop) / Double(max(data.count, 1))
    var low = 0.0
    var high = 0.0
    for row in values + boundValues(values) {
      for v in row where v.isFinite {
        low = min(low, v)
        high = max(high, v)
      }
    }
    let labelWidth = labels.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0
    let valueWidth =
      (valueLabels(values).map { TextMetrics.width($0, size: ChartStyle.smallSize) }.max() ?? 0) + 6
    let plotLeft = 12 + labelWidth + 8
    let plotRight = Double(chart.width) - 16 - valueWidth - room.right
    let scale = NiceScale(low, high, count: NiceScale.tickCount(forLength: (plotRight - plotLeft) / 2))
    return Frame(
      plotTop: plotTop, plotBottom: plotBottom, plotLeft: plotLeft, plotRight: plotRight, height: height, band: band,
      scale: scale)
  }

  /// The bounds as two value rows (so the scale covers the error bars), in display units.
  private func boundValues(_ values: [[Double]]) -> [[Double]] {
    guard let bounds = data.bounds else { return [] }
    let unit = ChartParts.unit(
      for: chart, maxMagnitude: data.values.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0)
    return bounds.flatMap { row in [row.map { unit.scaled($0.low) }, row.map { unit.scaled($0.high) }] }
  }

  private func valueLabels(_ values: [[Double]]) -> [String] {
    let high = values.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0
    let decimals = chart.dimension == .ratio ? 1 : (high >= 100 ? 0 : high >= 10 ? 1 : 2)
    return values.first?.map { $0.isFinite ? ChartParts.tick($0, decimals: decimals) : "" } ?? []
  }

  private func drawGrid(_ w: inout SVGWriter, _ f: Frame, unit: DisplayUnit) {
    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink), "text-anchor": "middle"])
    for tick in f.scale.ticks {
      w.element(
        "line",
        [
          "x1": .number(f.x(tick)), "x2": .number(f.x(tick)), "y1": .number(f.plotTop),
          "y2": .number(f.plotBottom), "stroke": .text(ChartStyle.grid),
        ])
      w.element(
        "text", ["x": .number(f.x(tick)), "y": .number(f.plotBottom + 17)],
        text: ChartParts.tick(tick, decimals: f.scale.decimals))
    }
    w.close("g")
    let valueName = chart.y.count == 1 ? chart.y[0] : ChartSpec.dimensionWord(chart.dimension)
    w.element(
      "text",
      [
        "x": .number((f.plotLeft + f.plotRight) / 2), "y": .number(f.plotBottom + 34), "text-anchor": "middle",
        "font-size": .number(ChartStyle.axisTitleSize), "fill": .text(ChartStyle.ink),
      ],
      text: chart.yTitle ?? ChartParts.axisTitle(valueName, unit: unit))
  }

  private func drawCategoryLabels(_ w: inout SVGWriter, _ f: Frame, labels: [String]) {
    if let title = chart.xTitle {
      // The category axis title stands above the category labels.
      w.element(
        "text",
        [
          "x": .number(f.plotLeft - 8), "y": .number(f.plotTop - 6), "text-anchor": "end",
          "font-size": .number(ChartStyle.axisTitleSize), "fill": .text(ChartStyle.ink),
        ], text: title)
    }
    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink), "text-anchor": "end"])
    // Labels need about 12 px each; when bars are thinner, label every k-th bar.
    let every = max(1, Int((12 / max(f.band, 0.1)).rounded(.up)))
    for (c, label) in labels.enumerated() where c % every == 0 {
      w.element(
        "text", ["x": .number(f.plotLeft - 8), "y": .number(f.plotTop + f.band * (Double(c) + 0.5) + 4)], text: label)
    }
    w.close("g")
  }

  private func barCenters(_ f: Frame, series: Int) -> [[Double]] {
    let barHeight = f.band * 0.8 / Double(max(series, 1))
    return (0..<series).map { s in
      (0..<data.count).map { c in f.plotTop + f.band * Double(c) + f.band * 0.1 + barHeight * (Double(s) + 0.5) }
    }
  }

  private func drawBars(_ w: inout SVGWriter, _ f: Frame, _ values: [[Double]]) {
    let barHeight = f.band * 0.8 / Double(values.count)
    for (s, row) in values.enumerated() {
      w.open("g", ["fill": .text(colors[s])])
      for (c, v) in row.enumerated() where v.isFinite {
        let y0 = f.plotTop + f.band * Double(c) + f.band * 0.1 + barHeight * Double(s)
        let left = f.x(min(v, 0))
        let right = f.x(max(v, 0))
        w.element(
          "rect",
          [
            "x": .number(left), "y": .number(y0), "width": .number(right - left),
            "height": .number(max(barHeight - (values.count > 1 ? 1 : 0), 0.5)),
          ])
      }
      w.close("g")
    }
  }

  /// Values at the bar ends, or past the error bar when it reaches farther.
  private func drawValueLabels(
    _ w: inout SVGWriter, _ f: Frame, _ values: [[Double]], bounds: [[(low: Double, high: Double)]]?
  ) {
    let centers = barCenters(f, series: values.count)
    let texts = values.map { row in valueLabels([row]) }
    w.open("g", ["font-size": .number(ChartStyle.smallSize), "fill": .text(ChartStyle.ink)])
    for (s, row) in values.enumerated() {
      for (c, v) in row.enumerated() where v.isFinite {
        let yMid = centers[s][c] + 3.5
        let (low, high) = BoundMarks.reach(bounds, s, c, value: v)
        if v < 0 {
          w.element("text", ["x": .number(f.x(low) - 4), "y": .number(yMid), "text-anchor": "end"], text: texts[s][c])
        } else {
          w.element("text", ["x": .number(f.x(high) + 4), "y": .number(yMid)], text: texts[s][c])
        }
      }
    }
    w.close("g")
  }
}
