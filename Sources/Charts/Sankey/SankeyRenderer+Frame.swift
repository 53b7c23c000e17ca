import FlowModel

extension SankeyRenderer {
  /// Where everything of a Sankey goes: the vertical layout, the column x positions (far enough
  /// apart for the labels), the labels, the return arcs, the canvas size.
  struct Frame: Sendable {
    private(set) var layout: SankeyLayout
    private(set) var labels: [SankeyLabels.Label] = []
    private(set) var loops: [Int] = []
    private(set) var width: Double
    private(set) var height = 0.0
    let top: Double
    private(set) var diagramBottom = 0.0
    /// Per column: where a return flow leaving it may turn down (right of the column's labels),
    /// and where one entering it comes up (left of the column, and of its labels for the first).
    private(set) var descentX: [Double] = []
    private(set) var ascentX: [Double] = []
    /// Per column: how far its bands run straight before they curve (the width of its labels).
    private(set) var lanes: [Double] = []

    /// The width before labels are measured: as asked, else 96 px per column between 720 and 960.
    static func initialWidth(_ chart: ResolvedChart, columns: [Int]) -> Double {
      chart.width > 0 ? Double(chart.width) : min(960, max(720, Double((columns.max() ?? 0) + 1) * 96))
    }

    init(
      graph plainGraph: SankeyGraph, columns: [Int], chart: ResolvedChart, spec: ChartSpec,
      legend room: (top: Double, right: Double, bottom: Double), quantity: (Double) -> String,
      names wrapped: [[String]]? = nil, workers: Int = 2
    ) {
      width = Self.initialWidth(chart, columns: columns)
      let top = ChartStyle.titleBand + 4 + room.top
      self.top = top
      let fixedHeight = chart.height > 0 ? Double(chart.height) : nil
      var diagram = Self.diagramHeight(chart, columns: columns, top: top, bottom: room.bottom)
      // Nodes shorter than their labels keep the labels' room above and below them (the layout
      // widens those gaps), so a label centred on its node stays clear of its neighbours' bands.
      var memo: [String: [String]] = [:]
      let names = wrapped ?? SankeyLabels.names(plainGraph, ids: spec.nodeIDs, memo: &memo)
      let graph = Self.withLabelHeights(plainGraph, names: names)
      // d3's layout first: it gives the scale, the values to label and the return arcs' reach.
      // The first one only sizes the diagram (values, band widths, column heights), which need no
      // relaxation; the second is relaxed in full.
      let plain = { @Sendable (diagram: Double, iterations: Int) in
        SankeyLayout(
          graph: graph, columns: columns, top: top, bottom: top + diagram, padding: Self.padding(diagram),
          iterations: iterations, scale: spec.scale)
      }
      layout = plain(diagram, 0)
      if let fixedHeight { diagram = max(120, fixedHeight - top - 16 - room.bottom - SankeyRenderer.loopArea(layout)) }
      let lines = SankeyLabels.lines(
        names: names, values: layout.nodes.prefix(layout.realCount).map { quantity($0.value) })
      // Room for the fullest column: its labels, slots and gaps beside flat nodes and 120 px of
      // flows or, with a fixed scale, its flows at that scale.
      for _ in 0..<2 {
        let padding = Self.padding(diagram)
        let needed =
          spec.scale.flatMap { $0 > 0 ? layout.neededHeight(scale: $0, padding: padding) : nil }
          ?? layout.neededHeight(scale: .infinity, padding: padding) + 120
        diagram = max(diagram, needed)
      }
      // The search for a node order needs only the graph: on two threads, it runs beside d3's
      // relaxation (the same orders either way).
      var order: SankeyOrder? = nil
      if workers > 1 && spec.minimiseCrossings && spec.randomStart == nil {
        let final = diagram
        (layout, order) = inParallel(
          { plain(final, SankeyLayout.relaxationSweeps) },
          { SankeyLayout.searchOrder(graph: graph, columns: columns, workers: 1) })
      } else {
        layout = plain(diagram, SankeyLayout.relaxationSweeps)
      }
      var loops = SankeyRenderer.loopOrder(layout)
      let columnX = placeColumns(
        lines: lines, reach: Self.reach(layout, loops: loops), rightRoom: room.right,
        loopRoom: Self.loopRoom(layout, loops: loops))
      // Then the node order with the fewest crossings, at the final column positions.
      layout = SankeyLayout.best(
        graph: graph, columns: columns, top: top, bottom: top + diagram, padding: Self.padding(diagram),
        minimise: spec.minimiseCrossings, scale: spec.scale, columnX: columnX, lanes: lanes,
        randomStart: spec.randomStart, d3: layout, order: order, workers: workers)
      loops = SankeyRenderer.loopOrder(layout)
      layout.stackLoops(ring: Dictionary(loops.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }))
      self.loops = loops
      diagramBottom = top + diagram
      let needed = (diagramBottom + SankeyRenderer.loopArea(layout) + 16 + room.bottom).rounded(.up)
      height = max(fixedHeight ?? 0, needed)
      labels = SankeyLabels.place(lines, layout: layout, top: top, bottom: diagramBottom)
    }

    /// The gap between nodes: 3 % of the diagram's height, at least 6 px (the layout widens the
    /// gaps beside nodes shorter than their labels to the labels' height).
    static func padding(_ diagram: Double) -> Double {
      max(6, diagram * 0.03)
    }

    /// `graph` with the height of every node's label: its name lines (`names`) and the value line.
    static func withLabelHeights(_ graph: SankeyGraph, names: [[String]]) -> SankeyGraph {
      var graph = graph
      graph.labelHeights = names.map { Double($0.count + 1) * SankeyLabels.lineHeight }
      return graph
    }

    /// The most nodes in one column.
    static func tallestColumn(_ columns: [Int]) -> Int {
      Dictionary(grouping: columns, by: { $0 }).values.map(\.count).max() ?? 1
    }

    /// The diagram's height before labels and return arcs: what `height` leaves, else 52 px per
    /// node of the tallest column, between 360 and 900.
    static func diagramHeight(_ chart: ResolvedChart, columns: [Int], top: Double, bottom: Double) -> Double {
      chart.height > 0
        ? Double(chart.height) - top - 16 - bottom : min(900, max(360, Double(tallestColumn(columns)) * 52))
    }

    /// The value one pixel of band width stands for when the graph fills its default height;
    /// `names` are its nodes' wrapped labels (``SankeyLabels/names(_:ids:memo:)``).
    static func naturalScale(graph: SankeyGraph, columns: [Int], chart: ResolvedChart, names: [[String]]) -> Double {
      let top = ChartStyle.titleBand + 4
      let labelled = withLabelHeights(graph, names: names)
      let tallest =
        Dictionary(grouping: columns.indices, by: { columns[$0] }).values.map { members in
          members.reduce(0) { $0 + labelled.labelHeights[$1] + 2 }
        }.max() ?? 0
      let diagram = max(diagramHeight(chart, columns: columns, top: top, bottom: 0), tallest + 120)
      let layout = SankeyLayout(
        graph: labelled, columns: columns, top: top, bottom: top + diagram, padding: padding(diagram),
        iterations: 0)
      return layout.ky > 0 ? 1 / layout.ky : 1
    }

    /// How far return flows reach out of the diagram: left of the first column (those entering it
    /// come up left of its labels) and right of the last (those leaving it turn down right of its labels).
    static func reach(_ layout: SankeyLayout, loops: [Int]) -> (left: Double, right: Double) {
      let last = layout.columns.count - 1
      var reach = (left: 0.0, right: 0.0)
      for (k, l) in loops.enumerated() {
        let link = layout.links[l]
        let room = 14 + SankeyRenderer.ringGap(k) + link.width + 6
        if layout.nodes[link.target].layer == 0 { reach.left = max(reach.left, room) }
        if layout.nodes[link.source].layer == last { reach.right = max(reach.right, room) }
      }
      return reach
    }

    /// The room return flows need in each gap between columns: those leaving column `c` turn
    /// down right of its labels, those entering column `c + 1` come up left of it, ring by ring.
    static func loopRoom(_ layout: SankeyLayout, loops: [Int]) -> [Double] {
      let count = layout.columns.count
      var down = [Double](repeating: 0, count: count)
      var up = down
      for (k, l) in loops.enumerated() {
        let link = layout.links[l]
        let width = max(link.width, 1)
        let (s, t) = (layout.nodes[link.source].layer, layout.nodes[link.target].layer)
        down[s] = max(down[s], SankeyRenderer.ringGap(k) + width + 12)
        if t > 0 { up[t - 1] = max(up[t - 1], SankeyRenderer.ringGap(k) + width + 16) }
      }
      return zip(down, up).map { $0 + $1 }
    }

    /// Column x positions: the first column's labels stand left of it, every other column's on its
    /// right, so each gap is at least as wide as the labels and the return flows in it; spare
    /// width widens the gaps.
    private mutating func placeColumns(
      lines: [[String]], reach: (left: Double, right: Double), rightRoom: Double, loopRoom: [Double]
    ) -> [Double] {
      let count = layout.columns.count
      let widths = SankeyLabels.columnWidths(lines, columns: layout.realColumns)
      let labelSpace = { (c: Int) in widths[c] + SankeyLabels.gap + 8 }
      let left = 12 + reach.left + (count > 1 ? labelSpace(0) : 0)
      let outerLeft = count > 1 ? 0 : -1
      // Bands leave an inner column straight through its labels' lane, then curve to the next.
      lanes = (0..<count).map { c in c == outerLeft ? 0 : widths[c] + SankeyLabels.gap + 2 }
      // Curves long enough for thick bands to bend without folding (their rise as d3 places them).
      let curves = layout.curveRoom()
      var gaps = (0..<max(count - 1, 0)).map { c in lanes[c] + max(40, loopRoom[c] + 40, curves[c]) }
      let right = (count > 0 ? labelSpace(count - 1) : 0) + max(reach.right, 12) + rightRoom
      let natural = left + Double(count) * SankeyRenderer.nodeWidth + gaps.reduce(0, +) + right
      width = max(width, natural.rounded(.up))
      let extra = width - natural
      if !gaps.isEmpty { gaps = gaps.map { $0 + extra / Double(gaps.count) } }
      var x = count == 1 ? left + extra / 2 : left
      var columnX: [Double] = []
      for c in 0..<count {
        columnX.append(x)
        x += SankeyRenderer.nodeWidth + (c < gaps.count ? gaps[c] : 0)
      }
      descentX = columnX.indices.map { c in
        columnX[c] + SankeyRenderer.nodeWidth + (c == outerLeft ? 0 : labelSpace(c) - 8)
      }
      ascentX = columnX.indices.map { c in c == outerLeft ? columnX[c] - labelSpace(c) + 8 : columnX[c] }
      return columnX
    }
  }
}
