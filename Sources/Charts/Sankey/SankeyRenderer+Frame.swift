import FlowModel

extension SankeyRenderer {
  /// Where everything of a Sankey goes: the vertical layout, the column x positions (far enough
  /// apart for the labels), the labels, the return arcs, the canvas size.
  struct Frame {
    private(set) var layout: SankeyLayout
    private(set) var labels: [SankeyLabels.Label] = []
    private(set) var loops: [Int] = []
    private(set) var width: Double
    private(set) var height = 0.0
    let top: Double
    private(set) var diagramBottom = 0.0

    /// The width before labels are measured: as asked, else 96 px per column between 720 and 960.
    static func initialWidth(_ chart: ResolvedChart, columns: [Int]) -> Double {
      chart.width > 0 ? Double(chart.width) : min(960, max(720, Double((columns.max() ?? 0) + 1) * 96))
    }

    init(
      graph: SankeyGraph, columns: [Int], chart: ResolvedChart, spec: ChartSpec,
      legend room: (top: Double, right: Double, bottom: Double), quantity: (Double) -> String
    ) {
      width = Self.initialWidth(chart, columns: columns)
      let top = ChartStyle.titleBand + 4 + room.top
      self.top = top
      let fixedHeight = chart.height > 0 ? Double(chart.height) : nil
      let perColumn = Self.tallestColumn(columns)
      var diagram = Self.diagramHeight(chart, columns: columns, top: top, bottom: room.bottom)
      // d3's layout first: it gives the scale, the values to label and the return arcs' reach.
      let plain = { (diagram: Double) in
        SankeyLayout(graph: graph, columns: columns, top: top, bottom: top + diagram, scale: spec.scale)
      }
      layout = plain(diagram)
      if let fixedHeight { diagram = max(120, fixedHeight - top - 16 - room.bottom - SankeyRenderer.loopArea(layout)) }
      // Room for the labels and, with a fixed scale, for the tallest column.
      let texts = graph.nodes.map { spec.nodeIDs ? $0.id : $0.name }
      let lines = SankeyLabels.lines(texts: texts, values: layout.nodes.map { quantity($0.value) })
      diagram = max(diagram, SankeyLabels.neededHeight(lines, columns: layout.columns))
      if let scale = spec.scale, scale > 0 {
        let tallest = layout.columns.map { c in c.reduce(0) { $0 + layout.nodes[$1].value } / scale }.max() ?? 0
        diagram = max(diagram, tallest + Double(perColumn - 1) * 12)
      }
      layout = plain(diagram)
      var loops = SankeyRenderer.loopOrder(layout)
      let reach =
        loops.enumerated().map { k, l in 14 + SankeyRenderer.ringGap(k) + layout.links[l].width + 6 }.max() ?? 0
      let columnX = placeColumns(lines: lines, reach: reach, rightRoom: room.right)
      // Then the node order with the fewest crossings, at the final column positions.
      layout = SankeyLayout.best(
        graph: graph, columns: columns, top: top, bottom: top + diagram, minimise: spec.minimiseCrossings,
        scale: spec.scale, columnX: columnX, randomStart: spec.randomStart)
      loops = SankeyRenderer.loopOrder(layout)
      layout.stackLoops(ring: Dictionary(loops.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }))
      self.loops = loops
      diagramBottom = top + diagram
      let needed = (diagramBottom + SankeyRenderer.loopArea(layout) + 16 + room.bottom).rounded(.up)
      height = max(fixedHeight ?? 0, needed)
      labels = SankeyLabels.place(lines, layout: layout, top: top, bottom: diagramBottom)
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

    /// The value one pixel of band width stands for when the graph fills its default height.
    static func naturalScale(graph: SankeyGraph, columns: [Int], chart: ResolvedChart) -> Double {
      let top = ChartStyle.titleBand + 4
      let diagram = diagramHeight(chart, columns: columns, top: top, bottom: 0)
      let layout = SankeyLayout(graph: graph, columns: columns, top: top, bottom: top + diagram, iterations: 0)
      return layout.ky > 0 ? 1 / layout.ky : 1
    }

    /// Column x positions: the first column's labels stand left of it, every other column's on its
    /// right, so each gap is at least as wide as the labels in it; spare width widens the gaps.
    private mutating func placeColumns(lines: [[String]], reach: Double, rightRoom: Double) -> [Double] {
      let count = layout.columns.count
      let widths = SankeyLabels.columnWidths(lines, columns: layout.columns)
      let labelSpace = { (c: Int) in widths[c] + SankeyLabels.gap + 8 }
      let left = 12 + reach + (count > 1 ? labelSpace(0) : 0)
      var gaps = (0..<max(count - 1, 0)).map { c in max(48, c == 0 ? 0 : labelSpace(c)) }
      let right = (count > 0 ? labelSpace(count - 1) : 0) + max(reach, 12) + rightRoom
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
      return columnX
    }
  }
}
