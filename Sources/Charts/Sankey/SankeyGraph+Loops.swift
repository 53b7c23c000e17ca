extension SankeyGraph {
  /// Finds the loops, splits sinks fed from several columns (``splitSinks(columns:)``) and returns
  /// every node's column (see ``columns(stageOrder:)``).
  mutating func prepare(stageOrder explicit: [String]) -> [Int] {
    let rank = stageRanks(explicit)
    for i in links.indices where !links[i].isLoop {
      if let s = rank[links[i].source], let t = rank[links[i].target], t <= s { links[i].isLoop = true }
    }
    findLoops()
    var result = columns(stageOrder: explicit)
    if splitSinks(columns: result) { result = columns(stageOrder: explicit) }
    markBackwardLinks(columns: result)
    return result
  }

  /// Each node's stage rank: its place in `explicit` (stage names), else its `stage_order`. Stage
  /// orders that are all the same tell nothing (a loaded model whose processes file has no
  /// `stage_order` gives every process 0): then no node has a rank, and columns follow the flows.
  func stageRanks(_ explicit: [String]) -> [Double?] {
    let explicitRank = Dictionary(explicit.enumerated().map { ($1, Double($0)) }, uniquingKeysWith: { a, _ in a })
    let orders = Set(nodes.filter { !$0.kind.isBoundary }.compactMap(\.stageOrder))
    return nodes.map { node in
      if node.kind.isBoundary { return nil }
      if let stage = node.stage, let r = explicitRank[stage] { return r }
      return explicit.isEmpty && orders.count > 1 ? node.stageOrder : nil
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
    var outgoing = [[Int]](repeating: [], count: nodes.count)
    for link in links where !link.isLoop { outgoing[link.source].append(link.target) }
    for i in links.indices where links[i].isLoop && loopMessages[i] == nil {
      let path = forwardPath(from: links[i].target, to: links[i].source, outgoing: outgoing)
      loopMessages[i] = message(i, cycle: path.map { $0 + [links[i].target] })
    }
  }

  /// The shortest path along non-loop links from `a` to `b`, if any.
  ///
  /// - Complexity: O(nodes + links).
  private func forwardPath(from a: Int, to b: Int, outgoing: [[Int]]) -> [Int]? {
    var previous = [Int](repeating: -1, count: nodes.count)
    var queue = [a]
    var head = 0
    previous[a] = a
    while head < queue.count {
      let u = queue[head]
      head += 1
      if u == b { break }
      for v in outgoing[u] where previous[v] < 0 {
        previous[v] = u
        queue.append(v)
      }
    }
    guard previous[b] >= 0 else { return nil }
    var path = [b]
    while path[path.count - 1] != a { path.append(previous[path[path.count - 1]]) }
    return path.reversed()
  }

  /// The catalogue code that starts each loop warning (`W610`, see `help W610`).
  static let returnFlowCode = "[W610]"

  private func message(_ linkIndex: Int, cycle: [Int]?) -> String {
    let link = links[linkIndex]
    let edge = "\(nodes[link.source].id) → \(nodes[link.target].id)"
    if let cycle, cycle.count > 2 {
      return "\(Self.returnFlowCode) Sankey contains a loop: \(cycle.map { nodes[$0].id }.joined(separator: " → ")); "
        + "the return flow \(edge) is drawn as an arc below the diagram"
    }
    return "\(Self.returnFlowCode) Sankey contains a return flow \(edge); it is drawn as an arc below the diagram"
  }
}
