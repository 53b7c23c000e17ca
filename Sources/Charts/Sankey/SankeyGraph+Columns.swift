extension SankeyGraph {
  /// Finds the loops and returns every node's column (see ``columns(stageOrder:)``).
  mutating func prepare(stageOrder explicit: [String]) -> [Int] {
    let rank = stageRanks(explicit)
    for i in links.indices where !links[i].isLoop {
      if let s = rank[links[i].source], let t = rank[links[i].target], t <= s { links[i].isLoop = true }
    }
    findLoops()
    let result = columns(stageOrder: explicit)
    markBackwardLinks(columns: result)
    return result
  }

  /// Each node's stage rank: its place in `explicit` (stage names), else its `stage_order`.
  private func stageRanks(_ explicit: [String]) -> [Double?] {
    let explicitRank = Dictionary(explicit.enumerated().map { ($1, Double($0)) }, uniquingKeysWith: { a, _ in a })
    return nodes.map { node in
      if node.kind.isBoundary { return nil }
      if let stage = node.stage, let r = explicitRank[stage] { return r }
      return explicit.isEmpty ? node.stageOrder : nil
    }
  }

  /// Marks return flows as loops: links flagged `is_loop`, back edges of a depth-first search
  /// in a stable order, and (once columns are known) links that do not run left to right.
  mutating func findLoops() {
    let n = nodes.count
    var outgoing = [[Int]](repeating: [], count: n)
    var hasInput = [Bool](repeating: false, count: n)
    for (i, link) in links.enumerated() where !link.isLoop {
      outgoing[link.source].append(i)
      hasInput[link.target] = true
    }
    // 0 = unvisited, 1 = on the stack, 2 = done.
    var state = [UInt8](repeating: 0, count: n)
    let starts = (0..<n).filter { !hasInput[$0] } + (0..<n).filter { hasInput[$0] }
    for start in starts where state[start] == 0 {
      var stack: [(node: Int, next: Int)] = [(start, 0)]
      state[start] = 1
      while let top = stack.last {
        if top.next < outgoing[top.node].count {
          stack[stack.count - 1].next += 1
          let linkIndex = outgoing[top.node][top.next]
          let target = links[linkIndex].target
          if state[target] == 1 {
            links[linkIndex].isLoop = true
            let path = stack.drop { $0.node != target }.map(\.node) + [target]
            loopMessages[linkIndex] = message(linkIndex, cycle: path)
          } else if state[target] == 0 {
            state[target] = 1
            stack.append((target, 0))
          }
        } else {
          state[top.node] = 2
          stack.removeLast()
        }
      }
    }
  }

  /// Marks forward-drawn links that do not go from a column to a later one as loops.
  mutating func markBackwardLinks(columns: [Int]) {
    for i in links.indices where !links[i].isLoop && columns[links[i].target] <= columns[links[i].source] {
      links[i].isLoop = true
    }
    for i in links.indices where links[i].isLoop && loopMessages[i] == nil {
      loopMessages[i] = message(i, cycle: forwardPath(from: links[i].target, to: links[i].source).map { $0 + [links[i].target] })
    }
  }

  /// The shortest path of non-loop links from `a` to `b`, if any.
  private func forwardPath(from a: Int, to b: Int) -> [Int]? {
    var previous = [Int](repeating: -1, count: nodes.count)
    var queue = [a], head = 0
    previous[a] = a
    while head < queue.count {
      let u = queue[head]
      head += 1
      if u == b { break }
      for link in links where !link.isLoop && link.source == u && previous[link.target] < 0 {
        previous[link.target] = u
        queue.append(link.target)
      }
    }
    guard previous[b] >= 0 else { return nil }
    var path = [b]
    while path[path.count - 1] != a { path.append(previous[path[path.count - 1]]) }
    return path.reversed()
  }

  private func message(_ linkIndex: Int, cycle: [Int]?) -> String {
    let link = links[linkIndex]
    let edge = "\(nodes[link.source].id) → \(nodes[link.target].id)"
    if let cycle, cycle.count > 2 {
      return "Sankey contains a loop: \(cycle.map { nodes[$0].id }.joined(separator: " → ")); "
        + "the return flow \(edge) is drawn as an arc below the diagram"
    }
    return "Sankey contains a return flow \(edge); it is drawn as an arc below the diagram"
  }

  /// The column of every node: by stage (explicit `order`, else `stage_order`) when the nodes
  /// table gives stages, else by depth with sinks pushed to the last column (d3's justify).
  /// Boundary sources sit one column left of their first target, boundary sinks one column
  /// right of their last source.
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
    for (i, node) in nodes.enumerated() where node.kind.isBoundary || column[i] < 0 {
      let targets = links.filter { !$0.isLoop && $0.source == i && column[$0.target] >= 0 }.map { column[$0.target] }
      let sources = links.filter { !$0.isLoop && $0.target == i && column[$0.source] >= 0 }.map { column[$0.source] }
      if node.kind == .boundarySink, let s = sources.max() {
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

  /// d3's depth: the longest path from a source along non-loop links; nodes without outgoing
  /// links go to the last column.
  private func depthColumns() -> [Int] {
    let n = nodes.count
    var depth = [Int](repeating: 0, count: n)
    var indegree = [Int](repeating: 0, count: n)
    var outgoing = [[Int]](repeating: [], count: n)
    for link in links where !link.isLoop {
      indegree[link.target] += 1
      outgoing[link.source].append(link.target)
    }
    var queue = (0..<n).filter { indegree[$0] == 0 }, head = 0
    while head < queue.count {
      let u = queue[head]
      head += 1
      for v in outgoing[u] {
        depth[v] = max(depth[v], depth[u] + 1)
        indegree[v] -= 1
        if indegree[v] == 0 { queue.append(v) }
      }
    }
    let last = depth.max() ?? 0
    return (0..<n).map { outgoing[$0].isEmpty ? last : depth[$0] }
  }
}
