/// d3-sankey's layout, ported: one vertical scale for all columns, relaxation sweeps that
/// pull each node toward the value-weighted position of its neighbours, collision resolution,
/// and link ends stacked in the order of the other end (fewer crossings). The order of nodes in
/// each column comes from ``SankeyOrder`` (crossing minimisation) and relaxation keeps it; with
/// `minimiseCrossings: false`, relaxation re-sorts columns by position as d3 does.
///
/// A link that skips columns runs through a *slot* in every column it crosses, as layered graph
/// drawing gives a long edge a dummy node per layer: the slot is stacked, relaxed and kept apart
/// like a node, so nodes and labels make room for the band and the band runs straight through the
/// column. The gap between two members of a column is the padding, or more where their labels
/// (centred on nodes shorter than they are) need it.
///
/// Loop links take no part in the relaxation; their ends are stacked below a node's other links.
struct SankeyLayout: Sendable {
  struct Node: Sendable {
    var x0 = 0.0, x1 = 0.0, y0 = 0.0, y1 = 0.0
    var value = 0.0
    var layer = 0
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
    /// The segments the band is drawn as, from source to target (none for a loop).
    var segments: [Int] = []
  }

  /// A link's part between two adjacent columns; its ends are nodes or slots.
  struct Segment: Sendable {
    var source: Int
    var target: Int
    var link: Int
    /// The centre of the band where it leaves `source` and where it reaches `target`.
    var y0 = 0.0, y1 = 0.0
  }

  /// The graph's nodes (`0..<realCount`), then the slots of links that skip columns.
  private(set) var nodes: [Node]
  private(set) var links: [Link]
  private(set) var segments: [Segment] = []
  /// The segments (indices into ``segments``) that leave and that enter each member.
  private var sourceLinks = SegmentRows(count: 0, owners: [], others: [])
  private var targetLinks = SegmentRows(count: 0, owners: [], others: [])
  /// The members (nodes and slots) of each column, top to bottom.
  private(set) var columns: [[Int]]
  /// The number of the graph's nodes; members from here on are slots.
  let realCount: Int
  /// The height each node's label needs (name lines and value), for the gaps between nodes.
  private let labelHeights: [Double]
  /// How far each member's label reaches above and below it (0 for slots and tall nodes).
  private var overhang: [Double] = []
  /// Pixels per base unit of value.
  private(set) var ky = 0.0
  /// The gap between nodes of a column.
  private(set) var py: Double
  /// Whether node order comes from crossing minimisation (else from d3's relaxation).
  let minimiseCrossings: Bool
  private let top: Double, bottom: Double

  /// How many relaxation sweeps (each right to left, then left to right) a layout makes, as d3's.
  static let relaxationSweeps = 32

  /// Lays the graph out vertically between `top` and `bottom`.
  init(
    graph: SankeyGraph, columns column: [Int], top: Double, bottom: Double, padding: Double = 12,
    iterations: Int = relaxationSweeps, order: [[Int]]? = nil, scale: Double? = nil
  ) {
    self.top = top
    self.bottom = bottom
    self.minimiseCrossings = order != nil
    realCount = graph.nodes.count
    labelHeights = graph.labelHeights
    py = padding
    nodes = [Node](repeating: Node(), count: graph.nodes.count)
    links = graph.links.map { Link(source: $0.source, target: $0.target, value: $0.value, isLoop: $0.isLoop) }
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
    addSegments()
    sourceLinks = SegmentRows(count: nodes.count, owners: segments.map(\.source), others: segments.map(\.target))
    targetLinks = SegmentRows(count: nodes.count, owners: segments.map(\.target), others: segments.map(\.source))
    if let order { columns = withSlots(order) }
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

  /// Splits each forward link into one segment per gap between columns it crosses, with a slot
  /// (a member of no graph node) in each column between its ends. Slots are numbered as
  /// ``SankeyOrder`` numbers its virtual members: link by link, column by column.
  private mutating func addSegments() {
    for (i, link) in links.enumerated() {
      if link.isLoop {
        nodes[link.source].loopsOut.append(i)
        nodes[link.target].loopsIn.append(i)
        continue
      }
      let (a, b) = (nodes[link.source].layer, nodes[link.target].layer)
      var previous = link.source
      for c in stride(from: a + 1, to: b, by: 1) {
        let slot = nodes.count
        nodes.append(Node(value: link.value, layer: c))
        columns[c].append(slot)
        addSegment(previous, slot, link: i)
        previous = slot
      }
      addSegment(previous, link.target, link: i)
    }
  }

  private mutating func addSegment(_ source: Int, _ target: Int, link: Int) {
    links[link].segments.append(segments.count)
    segments.append(Segment(source: source, target: target, link: link))
  }

  /// `order` with the slots in place: as given when it lists them, else each slot where its link
  /// passes between the column's nodes, by the link's ends' relative places in their columns.
  private func withSlots(_ order: [[Int]]) -> [[Int]] {
    guard order.count == columns.count else { return columns }
    if zip(order, columns).allSatisfy({ Set($0) == Set($1) }) { return order }
    var place = [Double](repeating: 0.5, count: nodes.count)
    for column in order {
      for (k, n) in column.enumerated() where n < realCount { place[n] = (Double(k) + 0.5) / Double(column.count) }
    }
    for link in links where link.segments.count > 1 {
      let (a, b) = (Double(nodes[link.source].layer), Double(nodes[link.target].layer))
      for s in link.segments.dropFirst() {
        let slot = segments[s].source
        let t = (Double(nodes[slot].layer) - a) / (b - a)
        place[slot] = place[link.source] + (place[link.target] - place[link.source]) * t
      }
    }
    return columns.indices.map { c in
      let real = order[c].filter { $0 < realCount }
      let slots = columns[c].filter { $0 >= realCount }
      let keyed = real.enumerated().map { (place[$1], 0, $0, $1) } + slots.map { (place[$0], 1, $0, $0) }
      return keyed.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }
  }

  /// Sets how far each node's label reaches above and below the node at the current scale.
  private mutating func measureOverhangs() {
    overhang = nodes.indices.map { n in
      n < labelHeights.count ? max(0, (labelHeights[n] - nodes[n].value * ky) / 2) : 0
    }
  }

  /// The gap between adjacent members `a` (above) and `b`: the padding, or as much as their
  /// labels reach into it and 2 px.
  func gap(_ a: Int, _ b: Int) -> Double {
    max(py, overhang[a] + overhang[b] + 2)
  }

  /// The height the tallest column needs at a fixed `scale` (value per pixel) with gaps of at least
  /// `padding`, widened where labels need it (whatever the order of the column).
  func neededHeight(scale: Double, padding: Double) -> Double {
    columns.map { column in
      column.reduce(-padding) { sum, n in
        let label = n < labelHeights.count ? labelHeights[n] : 0
        return sum + nodes[n].value / scale + padding + 2 + max(0, label - nodes[n].value / scale)
      }
    }.max() ?? 0
  }

  /// The gaps of a column added up, with the room its first and last labels need above and below.
  private func gaps(_ column: [Int]) -> Double {
    zip(column, column.dropFirst()).reduce(0) { $0 + gap($1.0, $1.1) } + (column.first.map { overhang[$0] } ?? 0)
      + (column.last.map { overhang[$0] } ?? 0)
  }

  /// A segment's band width and value (its link's).
  private func width(_ s: Int) -> Double { links[segments[s].link].width }
  private func value(_ s: Int) -> Double { links[segments[s].link].value }

  private func pow099(_ i: Int) -> Double {
    var a = 1.0
    for _ in 0..<i { a *= 0.99 }
    return a
  }

  /// Stacks each column's nodes; `scale` (value per pixel) fixes the vertical scale.
  private mutating func initializeBreadths(scale: Double?) {
    if let scale, scale > 0 {
      ky = 1 / scale
      measureOverhangs()
    } else {
      // The gaps depend on the nodes' heights and so on the scale: from gaps as wide as the labels
      // need beside flat nodes, each round's scale leaves room for the next round's (narrower) gaps.
      ky = 0
      for _ in 0..<4 {
        measureOverhangs()
        ky =
          columns.compactMap { column -> Double? in
            let total = column.reduce(0) { $0 + nodes[$1].value }
            return total > 0 ? (bottom - top - gaps(column)) / total : nil
          }.min() ?? 1
      }
    }
    ky = max(ky, 0)
    measureOverhangs()
    for column in columns {
      var y = top + (column.first.map { overhang[$0] } ?? 0)
      for (k, i) in column.enumerated() {
        nodes[i].y0 = y
        nodes[i].y1 = y + nodes[i].value * ky
        y = nodes[i].y1 + (k + 1 < column.count ? gap(i, column[k + 1]) : 0)
      }
      let spread = max(0, (bottom - (column.last.map { overhang[$0] } ?? 0) - y) / Double(column.count + 1))
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
        for k in targetLinks.places(target) {
          let source = targetLinks.end(k)
          let v = value(targetLinks[k]) * Double(nodes[target].layer - nodes[source].layer)
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
        for k in sourceLinks.places(source) {
          let target = sourceLinks.end(k)
          let v = value(sourceLinks[k]) * Double(nodes[target].layer - nodes[source].layer)
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
    if i > 0 { pushUp(column, from: nodes[subject].y0 - gap(column[i - 1], subject), index: i - 1, alpha: alpha) }
    if i + 1 < column.count {
      pushDown(column, from: nodes[subject].y1 + gap(subject, column[i + 1]), index: i + 1, alpha: alpha)
    }
    pushUp(column, from: bottom - overhang[column[column.count - 1]], index: column.count - 1, alpha: alpha)
    pushDown(column, from: top + overhang[column[0]], index: 0, alpha: alpha)
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
      if k + 1 < column.count { y = nodes[n].y1 + gap(n, column[k + 1]) }
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
      if k > 0 { y = nodes[n].y0 - gap(column[k - 1], n) }
      k -= 1
    }
  }

  private mutating func reorderNodeLinks(_ n: Int) {
    for k in targetLinks.places(n) { sortSourceLinks(targetLinks.end(k)) }
    for k in sourceLinks.places(n) { sortTargetLinks(sourceLinks.end(k)) }
  }

  private mutating func sortSourceLinks(_ n: Int) {
    sourceLinks.sort(n, by: nodes)
  }

  private mutating func sortTargetLinks(_ n: Int) {
    targetLinks.sort(n, by: nodes)
  }

  /// The target y0 that would make the link from `source` to `target` straight.
  private func targetTop(_ source: Int, _ target: Int) -> Double {
    straightTop(of: source, in: sourceLinks, facing: target, in: targetLinks)
  }

  /// The source y0 that would make the link from `source` to `target` straight.
  private func sourceTop(_ source: Int, _ target: Int) -> Double {
    straightTop(of: target, in: targetLinks, facing: source, in: sourceLinks)
  }

  /// The y0 that would make the band between `node` and `other` straight at `other`'s end, as
  /// d3 computes it: `node`'s y0, less half the gaps between its bands, down past the bands above
  /// this one at `node` (each with a gap), up past those above it at `other`.
  private func straightTop(of node: Int, in rows: SegmentRows, facing other: Int, in otherRows: SegmentRows)
    -> Double
  {
    var y = nodes[node].y0 - Double(rows.places(node).count - 1) * py / 2
    for k in rows.places(node, before: other) { y += width(rows[k]) + py }
    for k in otherRows.places(other, before: node) { y -= width(otherRows[k]) }
    return y
  }

  private mutating func computeLinkBreadths() {
    for n in nodes.indices {
      var y0 = nodes[n].y0
      var y1 = nodes[n].y0
      for k in sourceLinks.places(n) {
        let l = sourceLinks[k]
        segments[l].y0 = y0 + width(l) / 2
        y0 += width(l)
      }
      for k in targetLinks.places(n) {
        let l = targetLinks[k]
        segments[l].y1 = y1 + width(l) / 2
        y1 += width(l)
      }
    }
    for i in links.indices {
      guard let first = links[i].segments.first, let last = links[i].segments.last else { continue }
      links[i].y0 = segments[first].y0
      links[i].y1 = segments[last].y1
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
