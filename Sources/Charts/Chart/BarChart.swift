import FlowModel

/// Horizontal bars: category labels on the left, values along the bottom, value labels at
/// the bar ends when there are at most 15 single-series bars. Grows taller with categories.
struct BarChart {
  var data: SeriesData
  var chart: ResolvedChart
  var colors: [String]

  func draw() -> ChartDrawing {
    let width = Double(chart.width)
    var magnitude = 0.0
    for row in data.values { for v in row where v.isFinite { magnitude = max(magnitude, abs(v)) } }
    let unit = ChartParts.unit(for: chart, maxMagnitude: magnitude)
    let values = data.values.map { row in row.map { unit.scaled($0) } }
    let seriesCount = values.count
    let rowHeight = seriesCount == 1 ? 24.0 : Double(seriesCount) * 12 + 8
    var w = SVGWriter()
    ChartParts.title(&w, chart.title, width: width)
    var top = ChartStyle.titleBand
    if seriesCount > 1 {
      top += ChartParts.legend(&w, names: data.names, colors: colors, width: width, y: top) + 4
    }
    let plotTop = top + 4
    let wanted = plotTop + Double(data.count) * rowHeight + 44
    let height = max(Double(chart.height), min(wanted, 720).rounded())
    let plotBottom = height - 44
    let band = (plotBottom - plotTop) / Double(max(data.count, 1))

    var low = 0.0
    var high = 0.0
    for row in values {
      for v in row where v.isFinite {
        low = min(low, v)
        high = max(high, v)
      }
    }
    let labels = data.categories.map { TextMetrics.truncate($0, maxWidth: 200, size: ChartStyle.labelSize) }
    let labelWidth = labels.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0
    let plotLeft = 12 + labelWidth + 8
    let showValues = seriesCount == 1 && data.count <= 15 && band >= 12
    let valueLabels = values.first?.map { $0.isFinite ? ChartParts.tick($0, decimals: decimals(high)) : "" } ?? []
    let valueWidth =
      showValues ? (valueLabels.map { TextMetrics.width($0, size: ChartStyle.smallSize) }.max() ?? 0) + 6 : 0
    let plotRight = width - 16 - valueWidth
    let scale = NiceScale(low, high, count: NiceScale.tickCount(forLength: (plotRight - plotLeft) / 2))
    let x = { (v: Double) in scale.map(v, plotLeft, plotRight) }

    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink), "text-anchor": "middle"])
    for tick in scale.ticks {
      w.element(
        "line",
        [
          "x1": .number(x(tick)), "x2": .number(x(tick)), "y1": .number(plotTop),
          "y2": .number(plotBottom), "stroke": .text(ChartStyle.grid),
        ])
      w.element(
        "text", ["x": .number(x(tick)), "y": .number(plotBottom + 17)],
        text: ChartParts.tick(tick, decimals: scale.decimals))
    }
    w.close("g")
    let valueName = chart.y.count == 1 ? chart.y[0] : ChartSpec.dimensionWord(chart.dimension)
    w.element(
      "text",
      [
        "x": .number((plotLeft + plotRight) / 2), "y": .number(height - 10), "text-anchor": "middle",
        "font-size": .number(ChartStyle.axisTitleSize), "fill": .text(ChartStyle.ink),
      ],
      text: chart.yTitle ?? ChartParts.axisTitle(valueName, unit: unit))

    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink), "text-anchor": "end"])
    // Labels need about 12 px each; when bars are thinner, label every k-th bar.
    let every = max(1, Int((12 / max(band, 0.1)).rounded(.up)))
    for (c, label) in labels.enumerated() where c % every == 0 {
      w.element(
        "text", ["x": .number(plotLeft - 8), "y": .number(plotTop + band * (Double(c) + 0.5) + 4)], text: label)
    }
    w.close("g")
    let groupHeight = band * 0.8
    let barHeight = groupHeight / Double(seriesCount)
    for (s, row) in values.enumerated() {
      w.open("g", ["fill": .text(colors[s])])
      for (c, v) in row.enumerated() where v.isFinite {
        let y0 = plotTop + band * Double(c) + band * 0.1 + barHeight * Double(s)
        let left = x(min(v, 0))
        let right = x(max(v, 0))
        w.element(
          "rect",
          [
            "x": .number(left), "y": .number(y0), "width": .number(right - left),
            "height": .number(max(barHeight - (seriesCount > 1 ? 1 : 0), 0.5)),
          ])
      }
      w.close("g")
    }
    if showValues, let row = values.first {
      w.open("g", ["font-size": .number(ChartStyle.smallSize), "fill": .text(ChartStyle.ink)])
      for (c, v) in row.enumerated() where v.isFinite {
        let yMid = plotTop + band * (Double(c) + 0.5) + 3.5
        if v < 0 {
          w.element("text", ["x": .number(x(v) - 4), "y": .number(yMid), "text-anchor": "end"], text: valueLabels[c])
        } else {
          w.element("text", ["x": .number(x(v) + 4), "y": .number(yMid)], text: valueLabels[c])
        }
      }
      w.close("g")
    }
    let zero = x(max(scale.lower, min(0, scale.upper)))
    w.element(
      "line",
      [
        "x1": .number(zero), "x2": .number(zero), "y1": .number(plotTop), "y2": .number(plotBottom),
        "stroke": .text(ChartStyle.axis),
      ])
    let summary = ChartSummary.cartesian(chart: chart, data: data, unit: unit)
    return ChartDrawing(body: w.output, height: Int(height.rounded()), summary: summary)
  }

  private func decimals(_ high: Double) -> Int {
    chart.dimension == .ratio ? 1 : (high >= 100 ? 0 : high >= 10 ? 1 : 2)
  }
}
