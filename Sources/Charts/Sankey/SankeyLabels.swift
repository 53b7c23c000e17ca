/// Where a Sankey's node labels go, never shortened: a name longer than ``wrapWidth`` wraps to
/// two lines (wider lines before any cut), the value on a line below. The first column is
/// labelled outside on the left, every other column on the right of its nodes; the columns stand
/// far enough apart that no label reaches the next column, and labels of one column are pushed
/// apart vertically so they never overlap.
struct SankeyLabels: Sendable {
  /// One node's label: its lines and the box they fill.
  struct Label: Sendable, Hashable {
    var node: Int
    var lines: [String]
    var box: SankeyGeometry.Box
    /// `true` when the text ends at the box's right edge (labels left of their node).
    var alignRight: Bool
  }

  static let lineHeight = 12.0
  static let wrapWidth = 96.0
  /// Space between a node and its label.
  static let gap = 5.0

  /// The label lines for each node: its wrapped name (``names(_:ids:memo:)``), then the value.
  static func lines(names: [[String]], values: [String]) -> [[String]] {
    zip(names, values).map { name, value in name + [value] }
  }

  /// Each node's name (or id, with `ids`) as ``wrap(_:)`` wraps it; `memo` keeps every text
  /// wrapped so far, so panels that share names measure each once.
  static func names(_ graph: SankeyGraph, ids: Bool, memo: inout [String: [String]]) -> [[String]] {
    graph.nodes.map { node in
      let text = ids ? node.id : node.name
      if let lines = memo[text] { return lines }
      let lines = wrap(text)
      memo[text] = lines
      return lines
    }
  }

  /// `text` in at most two lines, none cut: wider lines when two of ``wrapWidth`` are not enough.
  static func wrap(_ text: String) -> [String] {
    let size = ChartStyle.smallSize
    let full = TextMetrics.width(text, size: size)
    if full <= wrapWidth { return [text] }
    var width = max(wrapWidth, full / 2)
    while width < full {
      let lines = TextMetrics.wrap(text, maxWidth: width, size: size, maxLines: 2)
      if !lines.contains(where: { $0.hasSuffix("…") }) && lines.joined(separator: " ") == text { return lines }
      width += 10
    }
    return [text]
  }

  /// The width of a label block.
  static func width(_ lines: [String]) -> Double {
    lines.map { TextMetrics.width($0, size: ChartStyle.smallSize) }.max() ?? 0
  }

  /// The widest label of each column.
  static func columnWidths(_ lines: [[String]], columns: [[Int]]) -> [Double] {
    columns.map { column in column.map { width(lines[$0]) }.max() ?? 0 }
  }

  /// Places every label beside its node (left of the first column, right of the others), then
  /// pushes each column's labels apart so that none overlap, keeping them between `top` and `bottom`
  /// when they fit there.
  static func place(
    _ lines: [[String]], layout: SankeyLayout, top: Double, bottom: Double
  ) -> [Label] {
    var labels: [Label] = []
    let outerLeft = layout.columns.count > 1 ? 0 : -1
    for (c, column) in layout.realColumns.enumerated() {
      var blocks: [Label] = column.map { i in
        let node = layout.nodes[i]
        let w = width(lines[i])
        let h = Double(lines[i].count) * lineHeight
        let left = c == outerLeft
        let x = left ? node.x0 - gap - w : node.x1 + gap
        let y = (node.y0 + node.y1) / 2 - h / 2
        return Label(node: i, lines: lines[i], box: .init(x: x, y: y, width: w, height: h), alignRight: left)
      }
      blocks.sort { ($0.box.y, $0.node) < ($1.box.y, $1.node) }
      separate(&blocks, top: top, bottom: bottom)
      labels += blocks
    }
    return labels.sorted { $0.node < $1.node }
  }

  /// Pushes blocks (sorted by y) down until none overlap, then back up from `bottom` when the last
  /// runs past it, never above `top`.
  private static func separate(_ blocks: inout [Label], top: Double, bottom: Double) {
    let spacing = 2.0
    for k in blocks.indices {
      let floor = k == 0 ? top : blocks[k - 1].box.y + blocks[k - 1].box.height + spacing
      blocks[k].box.y = max(blocks[k].box.y, floor)
    }
    guard let last = blocks.last, last.box.y + last.box.height > bottom else { return }
    var ceiling = bottom
    for k in blocks.indices.reversed() {
      let y = min(blocks[k].box.y, ceiling - blocks[k].box.height)
      if k > 0 || y >= top { blocks[k].box.y = max(y, top) }
      ceiling = blocks[k].box.y - spacing
    }
    // If they do not fit, the first pass's order stands (the caller made the diagram tall enough).
    for k in blocks.indices.dropFirst() where blocks[k].box.y < blocks[k - 1].box.y + blocks[k - 1].box.height + spacing
    {
      blocks[k].box.y = blocks[k - 1].box.y + blocks[k - 1].box.height + spacing
    }
  }
}
