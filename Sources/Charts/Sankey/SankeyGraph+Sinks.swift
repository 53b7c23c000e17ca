extension SankeyGraph {
  /// Draws every sink (kind `sink` or `boundary sink`) fed from several columns as one node per
  /// column it is fed from, as a hand-drawn Sankey draws a loss stub beside each stage: the copies
  /// keep the sink's id, name and kind, and each takes the links from its column, so every loss
  /// or export band runs only to the column after the process it leaves. The original node stays
  /// with the last of its source columns; the copies come after all other nodes. Returns whether
  /// any sink was split (the columns must then be computed again).
  mutating func splitSinks(columns: [Int]) -> Bool {
    var split = false
    for sink in nodes.indices where nodes[sink].kind == .sink || nodes[sink].kind == .boundarySink {
      let feeding = links.indices.filter { !links[$0].isLoop && links[$0].target == sink }
      let sourceColumns = Set(feeding.map { columns[links[$0].source] }).sorted()
      for c in sourceColumns.dropLast() {
        let copy = nodes.count
        nodes.append(nodes[sink])
        for l in feeding where columns[links[l].source] == c { links[l].target = copy }
        split = true
      }
    }
    return split
  }

  /// The sinks drawn as several nodes: per id, its nodes (in column order of their sources).
  var splitNodes: [(id: String, nodes: [Int])] {
    var byID: [String: [Int]] = [:]
    var order: [String] = []
    for (i, node) in nodes.enumerated() {
      if byID[node.id] == nil { order.append(node.id) }
      byID[node.id, default: []].append(i)
    }
    return order.compactMap { id in byID[id].flatMap { $0.count > 1 ? (id, $0) : nil } }
  }
}
