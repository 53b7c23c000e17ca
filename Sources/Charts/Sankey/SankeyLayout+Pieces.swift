extension SankeyLayout {
  /// One curve of a band: straight from `start` to `x0` at `y0` (along its source's label lane, or
  /// through a slot and the lane beside it), then a cubic Bézier with both control points halfway
  /// across to (`x1`, `y1`).
  struct Piece: Sendable, Hashable {
    var start, x0, y0, x1, y1: Double

    /// The centre line's y at `x`, the curve solved for x by bisection.
    func y(at x: Double) -> Double {
      if x <= x0 { return y0 }
      if x >= x1 { return y1 }
      let xm = (x0 + x1) / 2
      func bezierX(_ t: Double) -> Double {
        let u = 1 - t
        return u * u * u * x0 + 3 * u * u * t * xm + 3 * u * t * t * xm + t * t * t * x1
      }
      var lo = 0.0
      var hi = 1.0
      for _ in 0..<30 {
        let mid = (lo + hi) / 2
        if bezierX(mid) < x { lo = mid } else { hi = mid }
      }
      let t = (lo + hi) / 2
      return y0 + (y1 - y0) * (3 * t * t - 2 * t * t * t)
    }
  }

  /// A forward link's band as drawn, one piece per gap between columns it crosses (none for a loop).
  /// Needs ``place(columnX:nodeWidth:lanes:)`` first.
  func pieces(of link: Link) -> [Piece] { link.segments.map(piece) }

  /// Segment `s` as drawn.
  func piece(_ s: Int) -> Piece {
    let segment = segments[s]
    let source = nodes[segment.source]
    let lane = source.layer < lanes.count ? lanes[source.layer] : 0
    return Piece(
      start: segment.source < realCount ? source.x1 : source.x0, x0: source.x1 + lane, y0: segment.y0,
      x1: nodes[segment.target].x0, y1: segment.y1)
  }

  /// The graph's nodes of each column, top to bottom (slots left out).
  var realColumns: [[Int]] { columns.map { $0.filter { $0 < realCount } } }

  /// The slots of links that skip columns, as rectangles.
  var slots: [(x0: Double, y0: Double, x1: Double, y1: Double)] {
    nodes[realCount...].map { ($0.x0, $0.y0, $0.x1, $0.y1) }
  }
}

extension SankeyLayout {
  /// Per column: how long the curves leaving it must run so that thick bands bend without their
  /// edges folding over. A curve rising `d` over a run `L` bends tightest at its ends, with a radius
  /// of L² / (6 d); it must stay over half the band's width `w`, so L ≥ √(3 d w) — and never more
  /// than ¾ w, the rule for any rise.
  func curveRoom() -> [Double] {
    var room = [Double](repeating: 0, count: columns.count)
    for segment in segments {
      let w = links[segment.link].width
      let rise = abs(segment.y1 - segment.y0)
      let c = nodes[segment.source].layer
      room[c] = max(room[c], min(0.75 * w, (3 * rise * w).squareRoot()))
    }
    return room
  }
}
