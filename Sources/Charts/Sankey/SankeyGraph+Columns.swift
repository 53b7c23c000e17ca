extension SankeyGraph {
  /// The column of every node: by stage (explicit `order`, else `stage_order`) when the nodes
  /// table gives stages, else by depth (sinks in the column after their last source).
  /// Boundary sources sit one column left of their first target. Sinks (losses, exports: kind
  /// `sink` or `boundary sink`) stand in the column after the last process they leave, whatever
  /// their stage says, so a loss band never runs behind the nodes of later columns.
  func columns(stageOrder explicit: [String]) -> [Int] {
    let n = nodes.count
    let rank = stageRanks(explicit)
    var column: [Int]
    let staged = rank.contains { $0 != nil }
    if staged {
      let distinct = Array(Set(rank.compactMap { $0 })).sorted()
      let dense = Dictionary(distinct.enumerated().map { ($1, $0 * 2) }, uniquingKeysWith: { a, _ in a })
      column = rank.map { $0.flatMap { dense[$0] } ?? -1 }
      // Nodes without a stage follow their neighbours (odd columns, between stages).
      for _ in 0..<n {
        var changed = false
        for link in links where !link.isLoop {
          if column[link.target] < 0 && column[link.source] >= 0 && !nodes[link.target].kind.isBoundary {
            column[link.target] = column[link.source] + 1
            changed = true
          } else if column[link.source] < 0 && column[link.target] >= 0 && !nodes[link.source].kind.isBoundary {
            column[link.source] = column[link.target] - 1
            changed = true
          }
        }
        if !changed { break }
      }
    } else {
      column = depthColumns().map { $0 * 2 }
    }
    // Boundary nodes (and anything still unplaced) next to their neighbours.
    for (i, node) in nodes.enumerated() where node.kind.isBoundary || node.kind == .sink || column[i] < 0 {
      let targets = links.filter { !$0.isLoop && $0.source == i && column[$0.target] >= 0 }.map { column[$0.target] }
      let sources = links.filter { !$0.isLoop && $0.target == i && column[$0.source] >= 0 }.map { column[$0.source] }
      if node.kind == .boundarySink || node.kind == .sink, let s = sources.max() {
        column[i] = s + 2
      } else if let t = targets.min() {
        column[i] = t - (node.kind.isBoundary ? 2 : 1)
      } else if let s = sources.max() {
        column[i] = s + (node.kind.isBoundary ? 2 : 1)
      } else {
        column[i] = 0
      }
    }
    // Close gaps: renumber the used columns 0, 1, 2, …
    let used = Array(Set(column)).sorted()
    let compact = Dictionary(used.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    return column.map { compact[$0] ?? 0 }
  }

  /// d3's depth: the longest path from a source along non-loop links. Nodes without outgoing
  /// links (sinks) stay there, in the column after their last source, rather than at the right
  /// edge (d3's justify), so their bands do not run across the columns in between.
  private func depthColumns() -> [Int] {
    let n = nodes.count
    var depth = [Int](repeating: 0, count: n)
    var indegree = [Int](repeating: 0, count: n)
    var outgoing = [[Int]](repeating: [], count: n)
    for link in links where !link.isLoop {
      indegree[link.target] += 1
      outgoing[link.source].append(link.target)
    }
    var queue = (0..<n).filter { indegree[$0] == 0 }
    var head = 0
    while head < queue.count {
      let u = queue[head]
      head += 1
      for v in outgoing[u] {
        depth[v] = max(depth[v], depth[u] + 1)
        indegree[v] -= 1
        if indegree[v] == 0 { queue.append(v) }
      }
    }
    return depth
  }
}
