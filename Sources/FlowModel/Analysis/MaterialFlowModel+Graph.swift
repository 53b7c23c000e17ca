extension MaterialFlowModel {
  /// Every flow on a path that ends at `process`: the flows into it and, transitively, into
  /// each process upstream of it.
  ///
  /// Returns a flows-shaped table (`year, source, target, material, mass, cost, value, …`).
  /// - Throws: ``FlowModelError`` for an unknown process or a year outside the model.
  /// - Complexity: O(flows + processes).
  public func upstream(of process: String, years: ClosedRange<Int>? = nil) throws -> Table {
    let reaches = reachable(from: try resolvedProcess(process), along: index.predecessors)
    return try subset(years, caption: "upstream of \(process)") { _, t in reaches[t] }
  }

  /// Every flow on a path that starts at `process`: the flows out of it and, transitively, out
  /// of each process downstream of it.
  ///
  /// Returns a flows-shaped table (`year, source, target, material, mass, cost, value, …`).
  /// - Throws: ``FlowModelError`` for an unknown process or a year outside the model.
  /// - Complexity: O(flows + processes).
  public func downstream(of process: String, years: ClosedRange<Int>? = nil) throws -> Table {
    let reaches = reachable(from: try resolvedProcess(process), along: index.successors)
    return try subset(years, caption: "downstream of \(process)") { s, _ in reaches[s] }
  }

  /// Every flow that lies on some path from `source` to `target`.
  ///
  /// A flow u → v qualifies when u is `source` or downstream of it and v is `target` or
  /// upstream of it. Returns a flows-shaped table; it is empty when no path exists.
  /// - Throws: ``FlowModelError`` for an unknown process or a year outside the model.
  /// - Complexity: O(flows + processes).
  public func paths(from source: String, to target: String, years: ClosedRange<Int>? = nil) throws
    -> Table
  {
    let fromSource = reachable(from: try resolvedProcess(source), along: index.successors)
    let toTarget = reachable(from: try resolvedProcess(target), along: index.predecessors)
    return try subset(years, caption: "paths from \(source) to \(target)") { s, t in
      fromSource[s] && toTarget[t]
    }
  }

  /// Processes reachable from `start` (itself included) along `edges`.
  private func reachable(from start: Int, along edges: [[Int]]) -> [Bool] {
    var seen = [Bool](repeating: false, count: processes.count)
    var stack = [start]
    seen[start] = true
    while let p = stack.popLast() {
      for q in edges[p] where !seen[q] {
        seen[q] = true
        stack.append(q)
      }
    }
    return seen
  }

  /// The flows table restricted to the years and to flows whose (source, target) pass `keep`.
  private func subset(
    _ years: ClosedRange<Int>?, caption: String, keep: (Int, Int) -> Bool
  ) throws -> Table {
    let range = try resolvedYears(years)
    var rows: [Int] = []
    for (yi, flowRange) in index.yearRanges.enumerated() where range.contains(index.years[yi]) {
      for i in flowRange where keep(index.source[i], index.target[i]) { rows.append(i) }
    }
    var table = flowsTable().gathering(rows)
    table.caption = "\(caption) · \(name) · \(yearLabel(range))"
    return table
  }
}
