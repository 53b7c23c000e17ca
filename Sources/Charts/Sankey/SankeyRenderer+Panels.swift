import FlowModel

#if canImport(Glibc)
  import Glibc
#endif

/// The scale bar of small multiples: a bar as tall as a band that carries `value`.
public struct SankeyScaleBar: Sendable, Hashable {
  /// The quantity the bar stands for, in base units.
  public var value: Double
  /// The bar as drawn.
  public var box: SankeyGeometry.Box
  /// The label beside it.
  public var text: String
}

extension SankeyRenderer {
  /// Panels in a row: one, so that each panel is as wide as a single diagram and its labels read
  /// as well in a notebook (two to a row made a picture twice as wide, scaled down to the page).
  static let panelsPerRow = 1

  /// Small multiples: one Sankey per distinct value of `column` (a year, say), one above the
  /// other, every panel at one scale — the coarsest any panel needs to fill its default height,
  /// or `scale` when given — so the same kt take the same pixels everywhere; one legend and a
  /// scale bar for all.
  static func renderPanels(
    _ table: Table, by column: String, spec: ChartSpec, chart: ResolvedChart, palette: inout ColorAssignment
  ) throws(ChartError) -> RenderedChart {
    let groups = panelRows(table, column)
    let tables = groups.map { table.gathering($0.rows) }
    let maxValue = tables.map { largestNodeValue($0, chart: chart) }.max() ?? 0
    let unit = ChartParts.unit(for: chart, maxMagnitude: maxValue)
    let quantity = quantityText(unit, reference: maxValue)
    let perRow = Self.panelsPerRow
    var panelChart = chart
    panelChart.width = chart.width > 0 ? chart.width / perRow : 0
    panelChart.height = 0
    var drawn: [(name: String, graph: SankeyGraph, columns: [Int])] = []
    var notes: [String] = []
    for (group, part) in zip(groups, tables) {
      do {
        let (graph, columns) = try drawable(part, spec: spec, chart: panelChart, quantity: quantity)
        drawn.append((group.name, graph, columns))
      } catch {
        notes.append("\(group.name): no positive flows to draw; the panel is left out")
      }
    }
    guard !drawn.isEmpty else {
      throw ChartError(.empty, "there are no positive flows to draw", help: "check the `where` filters and `min`")
    }
    let colours = LinkColours(drawn.map(\.graph), chart: chart, palette: &palette)
    var memo: [String: [String]] = [:]
    let names = drawn.map { SankeyLabels.names($0.graph, ids: spec.nodeIDs, memo: &memo) }
    let scale =
      spec.scale
      ?? drawn.indices.map {
        Frame.naturalScale(graph: drawn[$0].graph, columns: drawn[$0].columns, chart: panelChart, names: names[$0])
      }.max() ?? 1
    var panelSpec = spec
    panelSpec.scale = scale
    // The panels are laid out side by side (one per core), each on one thread.
    let panels = drawn
    let frames = sideBySide(panels.count) { [panelChart, panelSpec] k in
      Frame(
        graph: panels[k].graph, columns: panels[k].columns, chart: panelChart, spec: panelSpec, legend: (0, 0, 0),
        quantity: quantity, names: names[k], workers: 1)
    }
    let cellWidth = frames.map(\.width).max() ?? 0
    var legend = LegendBox(
      names: colours.legendNames, colors: colours.colors, placement: chart.legend, width: cellWidth * Double(perRow))
    legend.width += legend.room.right
    let bar = scaleBar(scale: scale, unit: unit, top: ChartStyle.titleBand + legend.room.top + 4)
    let panelsTop = bar.box.y + max(bar.box.height, 12) + 14
    var rowTops = [panelsTop]
    for start in stride(from: 0, to: frames.count, by: perRow) {
      let row = frames[start..<min(start + perRow, frames.count)]
      rowTops.append(rowTops[rowTops.count - 1] + (row.map(\.height).max() ?? 0))
    }
    let width = legend.width
    let height = (rowTops[rowTops.count - 1] + legend.room.bottom).rounded(.up)

    var w = SVGWriter()
    ChartParts.title(&w, chart.title, width: width)
    legend.draw(&w, top: panelsTop, height: height)
    drawScaleBar(&w, bar)
    // Each panel's markup is written side by side, then joined in panel order.
    let origins = frames.indices.map { k in (x: Double(k % perRow) * cellWidth, y: rowTops[k / perRow]) }
    let depth = w.depth
    let markup = sideBySide(frames.count) { k in
      var panel = SVGWriter(depth: depth)
      let (x, y) = origins[k]
      panel.open("g", ["transform": .text("translate(\(NumberText.coordinate(x)) \(NumberText.coordinate(y)))")])
      ChartParts.title(&panel, panels[k].name, width: cellWidth)
      drawDiagram(&panel, frames[k], graph: panels[k].graph, colours: colours, quantity: quantity)
      panel.close("g")
      return panel.output
    }
    for panel in markup { w.append(markup: panel) }
    var geometries: [SankeyGeometry] = []
    for (k, frame) in frames.enumerated() {
      var geometry = geometry(frame, graph: drawn[k].graph)
      geometry.panel = drawn[k].name
      (geometry.originX, geometry.originY) = origins[k]
      geometries.append(geometry)
    }
    let summary = panelSummary(chart: chart, names: drawn.map(\.name), bar: bar, unit: unit)
    let (svg, id) = ChartFrame.assemble(
      width: Int(width), height: Int(height), title: chart.title, summary: summary, body: w.output)
    var rendered = RenderedChart(
      svg: svg, summary: summary, warnings: notes + panelWarnings(drawn), title: chart.title,
      width: Int(width), height: Int(height), id: id)
    rendered.sankeyPanels = geometries
    rendered.scaleBar = bar
    return rendered
  }

  /// The rows of each panel, named by the column's value: years and truth values in ascending
  /// order, text in order of first appearance.
  static func panelRows(_ table: Table, _ column: String) -> [(name: String, rows: [Int])] {
    var names: [String] = []
    var rows: [String: [Int]] = [:]
    for row in 0..<table.rowCount {
      let name: String
      switch table[row: row, column: column] {
      case .text(let s)?: name = s
      case .year(let y)?: name = String(y)
      case .bool(let b)?: name = b ? "true" : "false"
      case .number(let v, _)?: name = NumberText.coordinate(v)
      case nil: name = ""
      }
      if rows[name] == nil { names.append(name) }
      rows[name, default: []].append(row)
    }
    if case .year? = table[column]?.values { names.sort { Int($0) ?? 0 < Int($1) ?? 0 } }
    if case .bool? = table[column]?.values { names.sort() }
    return names.map { ($0, rows[$0] ?? []) }
  }

  /// A bar for the roundest quantity (1, 2 or 5 × 10ⁿ display units) whose band is at most 40 px wide.
  static func scaleBar(scale: Double, unit: DisplayUnit, top: Double) -> SankeyScaleBar {
    let most = unit.scaled(40 * scale)
    let exponent = most > 0 ? (log10(most)).rounded(.down) : 0
    let power = pow(10, exponent)
    let step = most / power >= 5 ? 5.0 : most / power >= 2 ? 2.0 : 1.0
    let shown = step * power
    let value = shown * unit.factor
    let number = NumberText.fixed(shown, decimals: max(0, Int(-exponent)))
    let text = "\(unit.label.isEmpty ? number : "\(number) \(unit.label)"): band width, one scale in every panel"
    return SankeyScaleBar(value: value, box: .init(x: 12, y: top, width: nodeWidth, height: value / scale), text: text)
  }

  private static func drawScaleBar(_ w: inout SVGWriter, _ bar: SankeyScaleBar) {
    let b = bar.box
    w.element(
      "rect",
      [
        "x": .number(b.x), "y": .number(b.y), "width": .number(b.width), "height": .number(b.height),
        "fill": .text(plainLinkColor), "fill-opacity": .number(linkOpacity + 0.2),
      ])
    w.element(
      "text",
      [
        "x": .number(b.x + b.width + 6), "y": .number(b.y + b.height / 2 + 4),
        "font-size": .number(ChartStyle.smallSize), "fill": .text(ChartStyle.ink),
      ], text: bar.text)
  }

  private static func panelSummary(chart: ResolvedChart, names: [String], bar: SankeyScaleBar, unit: DisplayUnit)
    -> String
  {
    "Sankey small multiples “\(chart.title)”: \(names.count) \(names.count == 1 ? "panel" : "panels") "
      + "(\(ChartParts.listing(names))) drawn at one scale; the scale bar stands for "
      + bar.text.prefix { $0 != ":" } + "."
  }

  /// The notes of every panel, named, and each distinct return flow once (W610, at most five).
  private static func panelWarnings(_ drawn: [(name: String, graph: SankeyGraph, columns: [Int])]) -> [String] {
    var notes: [String] = []
    var loops: [String] = []
    for panel in drawn {
      notes += panel.graph.notes.map { "\(panel.name): \($0)" }
      for i in panel.graph.loopMessages.keys.sorted() {
        if let message = panel.graph.loopMessages[i], !loops.contains(message) { loops.append(message) }
      }
    }
    var warnings = notes + loops.prefix(5)
    if loops.count > 5 {
      warnings.append(
        "\(SankeyGraph.returnFlowCode) … and \(loops.count - 5) more return flows, also drawn as arcs below the diagrams"
      )
    }
    return warnings
  }
}
