extension SankeyLayout {
  /// Link crossings in the drawing (return arcs below the diagram left out): in each gap between
  /// adjacent columns, the pairs of link bands whose vertical order at the gap's left edge is the
  /// reverse of their order at its right edge. Bands are the cubic curves the renderer draws.
  /// Needs ``place(left:right:nodeWidth:)`` first.
  var crossings: Int {
    let columnX = columns.map { column in column.first.map { (nodes[$0].x0, nodes[$0].x1) } ?? (0, 0) }
    guard columnX.count > 1 else { return 0 }
    var total = 0
    for gap in 0..<(columnX.count - 1) {
      let left = columnX[gap].1
      let right = columnX[gap + 1].0
      var ends: [(Double, Double)] = []
      for link in links where !link.isLoop {
        let a = nodes[link.source].layer
        let b = nodes[link.target].layer
        guard a <= gap && b >= gap + 1 else { continue }
        ends.append((y(of: link, at: left), y(of: link, at: right)))
      }
      ends.sort { $0 < $1 }
      for i in ends.indices {
        for j in (i + 1)..<ends.count where ends[j].0 > ends[i].0 + 1e-9 && ends[j].1 < ends[i].1 - 1e-9 { total += 1 }
      }
    }
    return total
  }

  /// The centre line of a link's band at `x`: along the piece of its drawing (``pieces(of:)``)
  /// that reaches `x`.
  func y(of link: Link, at x: Double) -> Double {
    for (k, s) in link.segments.enumerated() {
      let piece = piece(s)
      if x <= piece.x1 || k == link.segments.count - 1 { return piece.y(at: x) }
    }
    return link.y0
  }
}
