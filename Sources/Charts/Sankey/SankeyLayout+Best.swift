extension SankeyLayout {
  /// The layout with the fewest drawn crossings among d3's own order and the orders crossing
  /// minimisation found with the fewest counted crossings (``SankeyOrder``, from the stage order
  /// and from seeded shuffles; at most ``relaxedCandidates`` of them); with `minimise` false, d3's
  /// order alone. `d3` is d3's layout with the same arguments when the caller has it already (it
  /// is then not relaxed again); `order` is ``searchOrder(graph:columns:workers:)``'s result when
  /// the caller has it already. `workers` threads relax the candidates (1 when the caller already
  /// runs side by side).
  static func best(
    graph: SankeyGraph, columns column: [Int], top: Double, bottom: Double, padding: Double = 12, minimise: Bool,
    scale: Double?, columnX: [Double], lanes: [Double] = [], randomStart: UInt64? = nil, d3: SankeyLayout? = nil,
    order searched: SankeyOrder? = nil, workers: Int = 2
  ) -> SankeyLayout {
    let build = { @Sendable (order: [[Int]]?) in
      SankeyLayout(
        graph: graph, columns: column, top: top, bottom: bottom, padding: padding, order: order, scale: scale)
    }
    if let randomStart {
      var random = SplitMix64(seed: randomStart)
      let start = columnMembers(column).map { random.shuffled($0) }
      var layout = build(SankeyOrder(columns: start, column: column, links: forwardLinks(graph), restarts: 0).layers)
      layout.place(columnX: columnX, nodeWidth: SankeyRenderer.nodeWidth, lanes: lanes)
      return layout
    }
    var best = d3 ?? build(nil)
    best.place(columnX: columnX, nodeWidth: SankeyRenderer.nodeWidth, lanes: lanes)
    guard minimise else { return best }
    var fewest = best.crossings
    guard fewest > 0 else { return best }
    let order = searched ?? searchOrder(graph: graph, columns: column, workers: workers)
    // Every band runs through a slot in each column it crosses, so the crossings counted between
    // adjacent columns are the ones drawn: only the candidates with the fewest are relaxed (at most
    // `Self.relaxedCandidates`), side by side (one thread per core); the first with the fewest
    // drawn crossings wins, whatever the threads' timing.
    let fewestCounted = order.candidateCrossings.first ?? 0
    let candidates = Array(
      zip(order.candidates, order.candidateCrossings).prefix { $0.1 == fewestCounted }.map(\.0)
        .prefix(Self.relaxedCandidates))
    let relaxed = sideBySide(candidates.count, workers: workers) { k in
      var layout = build(candidates[k])
      layout.place(columnX: columnX, nodeWidth: SankeyRenderer.nodeWidth, lanes: lanes)
      return (layout, layout.crossings)
    }
    for (layout, count) in relaxed where count < fewest {
      best = layout
      fewest = count
    }
    return best
  }

  /// The most candidates relaxed, among those with the fewest crossings counted.
  static let relaxedCandidates = 2

  /// The search for node orders with few crossings (``SankeyOrder``) from the stage order and
  /// from seeded shuffles: 32 of them, or 2 for graphs of over 300 links (each candidate costs
  /// one relaxation). It needs only the graph, so a caller may run it beside d3's relaxation.
  static func searchOrder(graph: SankeyGraph, columns column: [Int], workers: Int) -> SankeyOrder {
    let restarts = graph.links.count <= 300 ? 32 : 2
    return SankeyOrder(
      columns: columnMembers(column), column: column, links: forwardLinks(graph), restarts: restarts,
      workers: workers)
  }

  /// The nodes of each column, in the graph's order.
  private static func columnMembers(_ column: [Int]) -> [[Int]] {
    var groups = [[Int]](repeating: [], count: (column.max() ?? 0) + 1)
    for (i, c) in column.enumerated() { groups[c].append(i) }
    return groups
  }

  /// The links the ordering weighs: all but return flows.
  private static func forwardLinks(_ graph: SankeyGraph) -> [(source: Int, target: Int, value: Double)] {
    graph.links.filter { !$0.isLoop }.map { (source: $0.source, target: $0.target, value: $0.value) }
  }
}
