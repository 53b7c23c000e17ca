import FlowModel

/// Draws a Sankey diagram: nodes in columns, links as horizontal Bézier bands, return flows
/// as arcs routed below the diagram, boundary nodes dashed and white, labels with values.
enum SankeyRenderer {
  static let nodeWidth = 12.0
  static let linkOpacity = 0.45
  static let plainLinkColor = "#7f9fbf"

  static func render(
    _ table: Table, spec: ChartSpec, chart: ResolvedChart, palette: inout ColorAssignment
  ) throws(ChartError) -> RenderedChart {
    if let column = spec.panels {
      return try renderPanels(table, by: column, spec: spec, chart: chart, palette: &palette)
    }
    let maxValue = largestNodeValue(table, chart: chart)
    let unit = ChartParts.unit(for: chart, maxMagnitude: maxValue)
    let quantity = quantityText(unit, reference: maxValue)
    let (graph, columns) = try drawable(table, spec: spec, chart: chart, quantity: quantity)
    let colours = LinkColours([graph], chart: chart, palette: &palette)
    let legend = LegendBox(
      names: colours.legendNames, colors: colours.colors, placement: chart.legend,
      width: Frame.initialWidth(chart, columns: columns))
    let frame = Frame(
      graph: graph, columns: columns, chart: chart, spec: spec, legend: legend.room, quantity: quantity)
    var w = SVGWriter()
    ChartParts.title(&w, chart.title, width: frame.width)
    legend.draw(&w, top: frame.top, height: frame.height)
    drawDiagram(&w, frame, graph: graph, colours: colours, quantity: quantity)
    let summary = summarize(chart: chart, graph: graph, layout: frame.layout, unit: unit, quantity: quantity)
    let (svg, id) = ChartFrame.assemble(
      width: Int(frame.width), height: Int(frame.height), title: chart.title, summary: summary, body: w.output)
    var rendered = RenderedChart(
      svg: svg, summary: summary, warnings: warnings(graph, quantity: quantity), title: chart.title,
      width: Int(frame.width), height: Int(frame.height), id: id)
    rendered.sankey = geometry(frame, graph: graph)
    return rendered
  }

  /// Formats a value in `unit` with as many decimals as `reference` (the largest value) needs.
  static func quantityText(_ unit: DisplayUnit, reference: Double) -> @Sendable (Double) -> String {
    { v in ChartParts.quantity(unit.scaled(v), unit: unit, reference: unit.scaled(reference)) }
  }

  /// The cleaned graph of `table` and every node's column; an error when no flow is left to draw.
  static func drawable(
    _ table: Table, spec: ChartSpec, chart: ResolvedChart, quantity: (Double) -> String
  ) throws(ChartError) -> (SankeyGraph, [Int]) {
    var graph = SankeyGraph(table: table, chart: chart, spec: spec, unit: quantity)
    guard !graph.links.isEmpty else {
      throw ChartError(.empty, "there are no positive flows to draw", help: "check the `where` filters and `min`")
    }
    let columns = graph.prepare(stageOrder: spec.order)
    return (graph, columns)
  }

  /// Draws links, return arcs, nodes and labels as `frame` placed them.
  static func drawDiagram(
    _ w: inout SVGWriter, _ frame: Frame, graph: SankeyGraph, colours: LinkColours, quantity: (Double) -> String
  ) {
    let linkColor = { (i: Int) -> String in colours.color(of: graph.links[i]) }
    drawLinks(&w, frame.layout, color: linkColor)
    drawLoops(&w, frame, color: linkColor, quantity: quantity)
    drawNodes(&w, frame.layout, graph: graph)
    drawLabels(&w, frame.labels)
  }

  /// The drawn diagram as boxes and bands, for tests.
  static func geometry(_ frame: Frame, graph: SankeyGraph) -> SankeyGeometry {
    let layout = frame.layout
    var bands = layout.links.map { link in
      SankeyGeometry.Band(
        source: link.source, target: link.target, start: layout.nodes[link.source].x1, x0: layout.curveStart(link),
        y0: link.y0, x1: layout.nodes[link.target].x0, y1: link.y1, width: link.width, value: link.value,
        isLoop: link.isLoop,
        pieces: layout.pieces(of: link).map { .init(start: $0.start, x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) })
    }
    for route in loopRoutes(frame) {
      bands[route.link].route = route.boxes
    }
    var geometry = SankeyGeometry(
      crossings: layout.crossings,
      nodes: layout.nodes.prefix(layout.realCount).map {
        .init(x: $0.x0, y: $0.y0, width: $0.x1 - $0.x0, height: max($0.y1 - $0.y0, 1))
      },
      labelLines: frame.labels.map(\.lines), labelBoxes: frame.labels.map(\.box), labelNodes: frame.labels.map(\.node),
      links: bands, pixelsPerUnit: layout.ky, width: frame.width, height: frame.height)
    geometry.plotTop = frame.top
    geometry.plotBottom = frame.diagramBottom
    geometry.padding = layout.py
    geometry.slots = layout.slots.map { .init(x: $0.x0, y: $0.y0, width: $0.x1 - $0.x0, height: $0.y1 - $0.y0) }
    return geometry
  }

  /// The graph's notes and its first five return-flow warnings (W610).
  static func warnings(_ graph: SankeyGraph, quantity: (Double) -> String) -> [String] {
    let loopWarnings = graph.loopMessages.keys.sorted().compactMap { i in
      graph.loopMessages[i].map {
        $0.replacing(" is drawn", with: " (\(quantity(graph.links[i].value))) is drawn")
      }
    }
    var warnings = graph.notes + loopWarnings.prefix(5)
    if loopWarnings.count > 5 {
      warnings.append(
        "\(SankeyGraph.returnFlowCode) … and \(loopWarnings.count - 5) more return flows, also drawn as arcs below the diagram"
      )
    }
    return warnings
  }

  /// The largest node throughput (max of in and out) in the raw links table.
  static func largestNodeValue(_ table: Table, chart: ResolvedChart) -> Double {
    guard case .text(let sources)? = table[chart.x]?.values,
      case .text(let targets)? = table[chart.target ?? "target"]?.values,
      let name = chart.y.first, case .number(let values)? = table[name]?.values
    else { return 0 }
    var inflow: [String: Double] = [:]
    var outflow: [String: Double] = [:]
    for row in values.indices where values[row].isFinite && values[row] > 0 {
      outflow[sources[row], default: 0] += values[row]
      inflow[targets[row], default: 0] += values[row]
    }
    return max(inflow.values.max() ?? 0, outflow.values.max() ?? 0)
  }

  /// Loop links from the shortest span to the longest (inner lanes first), ties by index.
  static func loopOrder(_ layout: SankeyLayout) -> [Int] {
    layout.links.indices.filter { layout.links[$0].isLoop }.sorted { a, b in
      let la = layout.links[a]
      let lb = layout.links[b]
      let sa = abs(layout.nodes[la.source].layer - layout.nodes[la.target].layer)
      let sb = abs(layout.nodes[lb.source].layer - layout.nodes[lb.target].layer)
      return (sa, a) < (sb, b)
    }
  }

  /// The height the return arcs need under the diagram.
  static func loopArea(_ layout: SankeyLayout) -> Double {
    let widths = layout.links.filter(\.isLoop).map(\.width)
    return widths.isEmpty ? 0 : widths.reduce(16) { $0 + max($1, 1) + (widths.count > 10 ? 3 : 12) }
  }

  /// How far ring `k`'s vertical segments stand off their nodes (capped so many loops still fit).
  static func ringGap(_ k: Int) -> Double { 8 * Double(min(k, 8)) }

  static func drawLinks(_ w: inout SVGWriter, _ layout: SankeyLayout, color: (Int) -> String) {
    w.open("g", ["fill": "none", "stroke-opacity": .number(linkOpacity)])
    for (i, link) in layout.links.enumerated() where !link.isLoop {
      var path = PathData()
      path.move(layout.nodes[link.source].x1, link.y0)
      // One curve per gap; a band that skips columns runs straight through its slot in each.
      for piece in layout.pieces(of: link) {
        if piece.x0 > piece.start { path.horizontal(piece.x0) }
        let xm = (piece.x0 + piece.x1) / 2
        path.curve(xm, piece.y0, xm, piece.y1, piece.x1, piece.y1)
      }
      w.element(
        "path", ["d": .text(path.text), "stroke": .text(color(i)), "stroke-width": .number(max(link.width, 1))])
    }
    w.close("g")
  }

  /// How a return flow runs: out of its source to the right, down to its lane below the diagram,
  /// left along it, up beside its target and into it; arcs of `radius` at the four corners.
  struct LoopRoute {
    var link: Int
    var sx, ax, bx, tx, y0, y1, laneY, width, radius: Double

    /// The route as rectangles (the straight parts of the band), for the geometric tests.
    var boxes: [SankeyGeometry.Box] {
      let h = width / 2
      let down = ax + radius
      let up = bx - radius
      return [
        .init(x: sx, y: y0 - h, width: ax - sx, height: width),
        .init(x: down - h, y: y0 + radius, width: width, height: max(0, laneY - radius - y0 - radius)),
        .init(x: bx, y: laneY - h, width: max(0, ax - bx), height: width),
        .init(x: up - h, y: y1 + radius, width: width, height: max(0, laneY - radius - y1 - radius)),
        .init(x: bx, y: y1 - h, width: tx - bx, height: width),
      ]
    }
  }

  /// The routes of the return flows, inner lanes (shortest spans) first: each turns down right of
  /// its source column's labels and comes up left of its target column, outer rings farther out.
  static func loopRoutes(_ frame: Frame) -> [LoopRoute] {
    let layout = frame.layout
    var lane = frame.diagramBottom + 16
    return frame.loops.enumerated().map { k, l in
      let link = layout.links[l]
      let width = max(link.width, 1)
      let gap = 8 + ringGap(k)
      let laneY = lane + width / 2
      lane += width + (frame.loops.count > 10 ? 3 : 12)
      let source = layout.nodes[link.source]
      let target = layout.nodes[link.target]
      return LoopRoute(
        link: l, sx: source.x1, ax: frame.descentX[source.layer] + gap - 8, bx: frame.ascentX[target.layer] - gap,
        tx: target.x0, y0: link.y0, y1: link.y1, laneY: laneY, width: width, radius: width / 2 + 4)
    }
  }

  static func drawLoops(
    _ w: inout SVGWriter, _ frame: Frame, color: (Int) -> String, quantity: (Double) -> String
  ) {
    let layout = frame.layout
    guard !frame.loops.isEmpty else { return }
    w.open("g", ["fill": "none", "stroke-opacity": 0.3])
    var labels: [(x: Double, y: Double, text: String)] = []
    for r in loopRoutes(frame) {
      var path = PathData()
      path.move(r.sx, r.y0)
      path.horizontal(r.ax)
      path.arc(radius: r.radius, large: false, sweep: true, r.ax + r.radius, r.y0 + r.radius)
      path.vertical(r.laneY - r.radius)
      path.arc(radius: r.radius, large: false, sweep: true, r.ax, r.laneY)
      path.horizontal(r.bx)
      path.arc(radius: r.radius, large: false, sweep: true, r.bx - r.radius, r.laneY - r.radius)
      path.vertical(r.y1 + r.radius)
      path.arc(radius: r.radius, large: false, sweep: true, r.bx, r.y1)
      path.horizontal(r.tx)
      w.element("path", ["d": .text(path.text), "stroke": .text(color(r.link)), "stroke-width": .number(r.width)])
      labels.append(((r.ax + r.bx) / 2, r.laneY + 3.5, "return flow \(quantity(layout.links[r.link].value))"))
    }
    w.close("g")
    w.open(
      "g",
      [
        "font-size": .number(ChartStyle.smallSize), "fill": "#555555", "text-anchor": "middle",
        "stroke": "#ffffff", "stroke-width": 3, "stroke-linejoin": "round", "paint-order": "stroke",
      ])
    for label in labels {
      w.element("text", ["x": .number(label.x), "y": .number(label.y)], text: label.text)
    }
    w.close("g")
  }

  static func drawNodes(_ w: inout SVGWriter, _ layout: SankeyLayout, graph: SankeyGraph) {
    w.open("g", ["stroke-width": 1])
    for (i, node) in layout.nodes.prefix(layout.realCount).enumerated() {
      let kind = graph.nodes[i].kind
      let h = max(node.y1 - node.y0, 1)
      switch kind {
      case .boundarySource, .boundarySink:
        w.element(
          "rect",
          [
            "x": .number(node.x0 + 0.5), "y": .number(node.y0), "width": .number(nodeWidth - 1),
            "height": .number(h), "fill": "#ffffff", "stroke": "#777777", "stroke-dasharray": "3 2",
          ])
      case .sink:
        w.element(
          "rect",
          [
            "x": .number(node.x0), "y": .number(node.y0), "width": .number(nodeWidth),
            "height": .number(h), "fill": "#9a9a9a", "stroke": "none",
          ])
      case .process, .stock:
        w.element(
          "rect",
          [
            "x": .number(node.x0), "y": .number(node.y0), "width": .number(nodeWidth),
            "height": .number(h), "fill": "#4d4d4d", "stroke": "none",
          ])
      }
    }
    w.close("g")
  }

  static func drawLabels(_ w: inout SVGWriter, _ labels: [SankeyLabels.Label]) {
    // A white halo keeps labels readable where they stand over a link.
    w.open(
      "g",
      [
        "font-size": .number(ChartStyle.smallSize), "fill": .text(ChartStyle.ink), "stroke": "#ffffff",
        "stroke-width": 3, "stroke-linejoin": "round", "paint-order": "stroke",
      ])
    for label in labels {
      let x = label.alignRight ? label.box.x + label.box.width : label.box.x
      for (k, line) in label.lines.enumerated() {
        let y = label.box.y + SankeyLabels.lineHeight * Double(k) + 9.5
        let last = k == label.lines.count - 1
        switch (label.alignRight, last) {
        case (true, true):
          w.element("text", ["x": .number(x), "y": .number(y), "text-anchor": "end", "fill": "#666666"], text: line)
        case (true, false): w.element("text", ["x": .number(x), "y": .number(y), "text-anchor": "end"], text: line)
        case (false, true): w.element("text", ["x": .number(x), "y": .number(y), "fill": "#666666"], text: line)
        case (false, false): w.element("text", ["x": .number(x), "y": .number(y)], text: line)
        }
      }
    }
    w.close("g")
  }

  static func summarize(
    chart: ResolvedChart, graph: SankeyGraph, layout: SankeyLayout, unit: DisplayUnit, quantity: (Double) -> String
  ) -> String {
    let forward = graph.links.indices.filter { !graph.links[$0].isLoop }
    let largest = forward.max { a, b in (graph.links[a].value, -a) < (graph.links[b].value, -b) }
    let nodeCount = graph.nodes.count - graph.splitNodes.reduce(0) { $0 + $1.nodes.count - 1 }
    var text = "Sankey diagram “\(chart.title)”: \(nodeCount) nodes and \(graph.links.count) flows"
    if !unit.label.isEmpty { text += " in \(unit.label)" }
    if let largest {
      let l = graph.links[largest]
      text += "; largest flow \(graph.nodes[l.source].name) → \(graph.nodes[l.target].name) \(quantity(l.value))"
    }
    let loops = graph.links.filter(\.isLoop)
    if !loops.isEmpty {
      let named = loops.prefix(3).map {
        "\(graph.nodes[$0.source].name) → \(graph.nodes[$0.target].name) \(quantity($0.value))"
      }
      text +=
        "; \(loops.count) return \(loops.count == 1 ? "flow" : "flows") (\(ChartParts.listing(named))) drawn below"
    }
    for (_, parts) in graph.splitNodes {
      let total = graph.links.filter { parts.contains($0.target) }.reduce(0) { $0 + $1.value }
      text +=
        "; \(graph.nodes[parts[0]].name) (\(quantity(total))) drawn beside each of the \(parts.count) columns it leaves"
    }
    return text + "."
  }
}
