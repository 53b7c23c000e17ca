/// d3-sankey's layout, ported: one vertical scale for all columns, relaxation sweeps that
/// pull each node toward the value-weighted position of its neighbours, collision resolution,
/// and link ends stacked in the order of the other end (fewer crossings). The order of nodes in
/// each column comes from ``SankeyOrder`` (crossing minimisation) and relaxation keeps it; with
/// `minimiseCrossings: false`, relaxation re-sorts columns by position as d3 does.
///
/// Loop links take no part in the relaxation; their ends are stacked below a node's other links.
struct SankeyLayout: Sendable {
  struct Node: Sendable {
    var x0 = 0.0, x1 = 0.0, y0 = 0.0, y1 = 0.0
    var value = 0.0
    var layer = 0
    var sourceLinks: [Int] = []
    var targetLinks: [Int] = []
    var loopsOut: [Int] = []
    var loopsIn: [Int] = []
  }

  struct Link: Sendable {
    var source: Int
    var target: Int
    var value: Double
    var width = 0.0
    /// The centre of the link's band at the source and at the target.
    var y0 = 0.0, y1 = 0.0
    var isLoop: Bool
  }

  private(set) var nodes: [Node]
  private(set) var links: [Link]
  private(set) var columns: [[Int]]
  /// Pixels per base unit of value.
  private(set) var ky = 0.0
  /// The gap between nodes of a column.
  private(set) var py: Double
  /// Whether node order comes from crossing minimisation (else from d3's relaxation).
  let minimiseCrossings: Bool
  private let top: Double, bottom: Double

  /// Lays the graph out vertically between `top` and `bottom`.
  init(
    graph: SankeyGraph, columns column: [Int], top: Double, bottom: Double, padding: Double = 12,
    iterations: Int = 32, order: [[Int]]? = nil, scale: Double? = nil
  ) {
    self.top = top
    self.bottom = bottom
    self.minimiseCrossings = order != nil
    nodes = [Node](repeating: Node(), count: graph.nodes.count)
    links = graph.links.map { Link(source: $0.source, target: $0.target, value: $0.value, isLoop: $0.isLoop) }
    for (i, link) in links.enumerated() {
      if link.isLoop {
        nodes[link.source].loopsOut.append(i)
        nodes[link.target].loopsIn.append(i)
      } else {
        nodes[link.source].sourceLinks.append(i)
        nodes[link.target].targetLinks.append(i)
      }
    }
    var inflow = [Double](repeating: 0, count: nodes.count)
    var outflow = inflow
    for link in links {
      outflow[link.source] += link.value
      inflow[link.target] += link.value
    }
    let count = (column.max() ?? 0) + 1
    columns = [[Int]](repeating: [], count: count)
    for i in nodes.indices {
      nodes[i].value = max(inflow[i], outflow[i])
      nodes[i].layer = column[i]
      columns[column[i]].append(i)
    }
    if let order { columns = order }
    let tallest = columns.map(\.count).max() ?? 1
    py = tallest > 1 ? min(padding, (bottom - top) / Double(tallest - 1)) : padding
    initializeBreadths(scale: scale)
    for i in 0..<iterations {
      let alpha = pow099(i)
      let beta = max(1 - alpha, Double(i + 1) / Double(iterations))
      relaxRightToLeft(alpha: alpha, beta: beta)
      relaxLeftToRight(alpha: alpha, beta: beta)
    }
    computeLinkBreadths()
  }

  /// Sets the nodes' x positions: columns spread evenly from `left` to `right`.
  mutating func place(left: Double, right: Double, nodeWidth: Double) {
    let count = columns.count
    let kx = count > 1 ? (right - left - nodeWidth) / Double(count - 1) : 0
    for i in nodes.indices {
      nodes[i].x0 = count > 1 ? left + Double(nodes[i].layer) * kx : (left + right - nodeWidth) / 2
      nodes[i].x1 = nodes[i].x0 + nodeWidth
    }
  }

  /// Per column: how far its links run straight before they curve (their labels' lane).
  private(set) var lanes: [Double] = []

  /// Where `link`'s curve starts: the source's right edge plus the source column's lane.
  func curveStart(_ link: Link) -> Double {
    let source = nodes[link.source]
    return source.x1 + (source.layer < lanes.count ? lanes[source.layer] : 0)
  }

  /// Sets the nodes' x positions: column `c` starts at `columnX[c]`, its links run straight for `lanes[c]`.
  mutating func place(columnX: [Double], nodeWidth: Double, lanes: [Double] = []) {
    self.lanes = lanes
    for i in nodes.indices {
      nodes[i].x0 = columnX[nodes[i].layer]
      nodes[i].x1 = nodes[i].x0 + nodeWidth
    }
  }

  private func pow099(_ i: Int) -> Double {
    var a = 1.0
    for _ in 0..<i { a *= 0.99 }
    return a
  }

  /// Stacks each column's nodes; `scale` (value per pixel) fixes the vertical scale.
  private mutating func initializeBreadths(scale: Double?) {
    ky =
      columns.compactMap { column -> Double? in
        let total = column.reduce(0) { $0 + nodes[$1].value }
        return total > 0 ? (bottom - top - Double(column.count - 1) * py) / total : nil
      }.min() ?? 1
    if let scale, scale > 0 { ky = 1 / scale }
    ky = max(ky, 0)
    for column in columns {
      var y = top
      for i in column {
        nodes[i].y0 = y
        nodes[i].y1 = y + nodes[i].value * ky
        y = nodes[i].y1 + py
      }
      let spread = max(0, (bottom - y + py) / Double(column.count + 1))
      for (k, i) in column.enumerated() {
        nodes[i].y0 += spread * Double(k + 1)
        nodes[i].y1 += spread * Double(k + 1)
      }
    }
    for i in links.indices { links[i].width = links[i].value * ky }
    for i in nodes.indices {
      sortSourceLinks(i)
      sortTargetLinks(i)
    }
  }

  private mutating func relaxLeftToRight(alpha: Double, beta: Double) {
    guard columns.count > 1 else { return }
    for c in 1..<columns.count {
      for target in columns[c] {
        var y = 0.0
        var w = 0.0
        for l in nodes[target].targetLinks {
          let source = links[l].source
          let v = links[l].value * Double(nodes[target].layer - nodes[source].layer)
          y += targetTop(source, target) * v
          w += v
        }
        guard w > 0 else { continue }
        let dy = (y / w - nodes[target].y0) * alpha
        nodes[target].y0 += dy
        nodes[target].y1 += dy
        reorderNodeLinks(target)
      }
      sortColumn(c)
      resolveCollisions(c, alpha: beta)
    }
  }

  private mutating func relaxRightToLeft(alpha: Double, beta: Double) {
    guard columns.count > 1 else { return }
    for c in stride(from: columns.count - 2, through: 0, by: -1) {
      for source in columns[c] {
        var y = 0.0
        var w = 0.0
        for l in nodes[source].sourceLinks {
          let target = links[l].target
          let v = links[l].value * Double(nodes[target].layer - nodes[source].layer)
          y += sourceTop(source, target) * v
          w += v
        }
        guard w > 0 else { continue }
        let dy = (y / w - nodes[source].y0) * alpha
        nodes[source].y0 += dy
        nodes[source].y1 += dy
        reorderNodeLinks(source)
      }
      sortColumn(c)
      resolveCollisions(c, alpha: beta)
    }
  }

  private mutating func sortColumn(_ c: Int) {
    guard !minimiseCrossings else { return }
    columns[c].sort { (nodes[$0].y0, $0) < (nodes[$1].y0, $1) }
  }

  private mutating func resolveCollisions(_ c: Int, alpha: Double) {
    let column = columns[c]
    guard !column.isEmpty else { return }
    let i = column.count >> 1
    let subject = column[i]
    pushUp(column, from: nodes[subject].y0 - py, index: i - 1, alpha: alpha)
    pushDown(column, from: nodes[subject].y1 + py, index: i + 1, alpha: alpha)
    pushUp(column, from: bottom, index: column.count - 1, alpha: alpha)
    pushDown(column, from: top, index: 0, alpha: alpha)
  }

  private mutating func pushDown(_ column: [Int], from start: Double, index: Int, alpha: Double) {
    var y = start
    var k = index
    while k < column.count {
      let n = column[k]
      let dy = (y - nodes[n].y0) * alpha
      if dy > 1e-6 {
        nodes[n].y0 += dy
        nodes[n].y1 += dy
      }
      y = nodes[n].y1 + py
      k += 1
    }
  }

  private mutating func pushUp(_ column: [Int], from start: Double, index: Int, alpha: Double) {
    var y = start
    var k = index
    while k >= 0 {
      let n = column[k]
      let dy = (nodes[n].y1 - y) * alpha
      if dy > 1e-6 {
        nodes[n].y0 -= dy
        nodes[n].y1 -= dy
      }
      y = nodes[n].y0 - py
      k -= 1
    }
  }

  private mutating func reorderNodeLinks(_ n: Int) {
    for l in nodes[n].targetLinks { sortSourceLinks(links[l].source) }
    for l in nodes[n].sourceLinks { sortTargetLinks(links[l].target) }
  }

  private mutating func sortSourceLinks(_ n: Int) {
    func before(_ a: Int, _ b: Int) -> Bool { (nodes[links[a].target].y0, a) < (nodes[links[b].target].y0, b) }
    // Mostly already in order: then no copy of the list.
    guard !nodes[n].sourceLinks.isSorted(by: before) else { return }
    var list = nodes[n].sourceLinks
    list.sort(by: before)
    nodes[n].sourceLinks = list
  }

  private mutating func sortTargetLinks(_ n: Int) {
    func before(_ a: Int, _ b: Int) -> Bool { (nodes[links[a].source].y0, a) < (nodes[links[b].source].y0, b) }
    guard !nodes[n].targetLinks.isSorted(by: before) else { return }
    var list = nodes[n].targetLinks
    list.sort(by: before)
    nodes[n].targetLinks = list
  }

  /// The target y0 that would make the link from `source` to `target` straight.
  private func targetTop(_ source: Int, _ target: Int) -> Double {
    var y = nodes[source].y0 - Double(nodes[source].sourceLinks.count - 1) * py / 2
    for l in nodes[source].sourceLinks {
      if links[l].target == target { break }
      y += links[l].width + py
    }
    for l in nodes[target].targetLinks {
      if links[l].source == source { break }
      y -= links[l].width
    }
    return y
  }

  /// The source y0 that would make the link from `source` to `target` straight.
  private func sourceTop(_ source: Int, _ target: Int) -> Double {
    var y = nodes[target].y0 - Double(nodes[target].targetLinks.count - 1) * py / 2
    for l in nodes[target].targetLinks {
      if links[l].source == source { break }
      y += links[l].width + py
    }
    for l in nodes[source].sourceLinks {
      if links[l].target == target { break }
      y -= links[l].width
    }
    return y
  }

  private mutating func computeLinkBreadths() {
    for n in nodes.indices {
      var y0 = nodes[n].y0
      var y1 = nodes[n].y0
      for l in nodes[n].sourceLinks {
        links[l].y0 = y0 + links[l].width / 2
        y0 += links[l].width
      }
      for l in nodes[n].targetLinks {
        links[l].y1 = y1 + links[l].width / 2
        y1 += links[l].width
      }
    }
    stackLoops(ring: [:])
  }

  /// Stacks loop ends at the bottom of their nodes, outer rings (higher `ring`) above inner
  /// ones, so return arcs leave and enter without crossing each other.
  mutating func stackLoops(ring: [Int: Int]) {
    for n in nodes.indices {
      for (ends, isSource) in [(nodes[n].loopsOut, true), (nodes[n].loopsIn, false)] where !ends.isEmpty {
        let ordered = ends.sorted { ((ring[$0] ?? 0), $0) > ((ring[$1] ?? 0), $1) }
        var y = nodes[n].y1 - ordered.reduce(0) { $0 + links[$1].width }
        for l in ordered {
          if isSource { links[l].y0 = y + links[l].width / 2 } else { links[l].y1 = y + links[l].width / 2 }
          y += links[l].width
        }
      }
    }
  }
}

extension Array where Element == Int {
  /// Whether every element comes before the next by `before` (an empty or single list is).
  fileprivate func isSorted(by before: (Int, Int) -> Bool) -> Bool {
    var k = 1
    while k < count {
      if !before(self[k - 1], self[k]) { return false }
      k += 1
    }
    return true
  }
}
