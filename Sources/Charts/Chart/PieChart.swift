import FlowModel

#if canImport(Glibc)
  import Glibc
#endif

/// A pie of at most 6 slices, largest first from 12 o'clock clockwise, with a legend on the
/// right that gives each slice's value and share; shares also sit inside large slices.
struct PieChart {
  var data: SeriesData
  var chart: ResolvedChart
  var colors: [String]

  func draw() -> ChartDrawing {
    let width = Double(chart.width)
    let height = Double(chart.height)
    let raw = data.values.first ?? []
    let values = raw.map { $0.isFinite ? max($0, 0) : 0 }
    let total = values.reduce(0, +)
    let unit = ChartParts.unit(for: chart, maxMagnitude: values.max() ?? 0)
    var w = SVGWriter()
    ChartParts.title(&w, chart.title, width: width)
    let legendWidth = min(300, width * 0.45)
    let radius = max(20, min((height - ChartStyle.titleBand - 24) / 2, (width - legendWidth - 48) / 2))
    let cx = 24 + radius
    let cy = ChartStyle.titleBand + 8 + radius
    var angle = 0.0
    for (i, v) in values.enumerated() where v > 0 {
      let sweep = v / total * 2 * Double.pi
      if sweep >= 2 * Double.pi - 1e-9 {
        w.element(
          "circle",
          [
            "cx": .number(cx), "cy": .number(cy), "r": .number(radius), "fill": .text(colors[i]),
            "stroke": "#ffffff", "stroke-width": 1,
          ])
      } else {
        var path = PathData()
        path.move(cx, cy)
        path.line(cx + radius * sin(angle), cy - radius * cos(angle))
        path.arc(
          radius: radius, large: sweep > Double.pi, sweep: true,
          cx + radius * sin(angle + sweep), cy - radius * cos(angle + sweep))
        path.closePath()
        w.element("path", ["d": .text(path.text), "fill": .text(colors[i]), "stroke": "#ffffff", "stroke-width": 1])
      }
      if sweep >= 0.35 && chart.valueLabels != false {
        let mid = angle + sweep / 2
        let share = NumberText.fixed(v / total * 100, decimals: 1) + " %"
        w.element(
          "text",
          [
            "x": .number(cx + radius * 0.62 * sin(mid)), "y": .number(cy - radius * 0.62 * cos(mid) + 4),
            "text-anchor": "middle", "font-size": .number(ChartStyle.labelSize),
            "fill": .text(Self.textColor(on: colors[i])),
          ], text: share)
      }
      angle += sweep
    }
    // Legend: swatch, name, value and share.
    let legendX = cx + radius + 32
    let rowHeight = 20.0
    let legendTop = cy - Double(values.count) * rowHeight / 2
    w.open("g", ["font-size": .number(ChartStyle.labelSize), "fill": .text(ChartStyle.ink)])
    for (i, name) in data.categories.enumerated() {
      let y = legendTop + Double(i) * rowHeight
      let share = total > 0 ? NumberText.fixed(values[i] / total * 100, decimals: 1) + " %" : "–"
      let label = TextMetrics.truncate(name, maxWidth: width - legendX - 150, size: ChartStyle.labelSize)
      w.element("rect", ["x": .number(legendX), "y": .number(y), "width": 10, "height": 10, "fill": .text(colors[i])])
      w.element("text", ["x": .number(legendX + 16), "y": .number(y + 9)], text: label)
      w.element(
        "text", ["x": .number(width - 16), "y": .number(y + 9), "text-anchor": "end"],
        text:
          "\(ChartParts.quantity(unit.scaled(values[i]), unit: unit, reference: unit.scaled(values.max() ?? 0))) · \(share)"
      )
    }
    w.close("g")
    let summary = ChartSummary.pie(chart: chart, data: data, unit: unit)
    return ChartDrawing(body: w.output, height: chart.height, summary: summary)
  }

  /// Black or white, whichever reads better on `hex` (relative luminance threshold).
  static func textColor(on hex: String) -> String {
    let digits = Array(hex.dropFirst())
    guard digits.count == 6 else { return "#000000" }
    func channel(_ i: Int) -> Double { Double(Int(String(digits[i..<i + 2]), radix: 16) ?? 0) / 255 }
    let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    return luminance > 0.45 ? "#000000" : "#ffffff"
  }
}
