import Testing

@testable import Charts

/// The geometric checks over a Sankey's layout data (not its SVG text): labels whole, apart, off
/// the nodes and off every link that does not start or end at their own node (a label beside its
/// node stands over that node's own bands, with a white halo), bands that skip columns included;
/// no band behind a node other than its own ends; nodes and labels inside the canvas; return
/// flows routed below without crossing a node.
enum SankeyGeometryChecks {
  static func check(_ g: SankeyGeometry, _ what: String) {
    for (k, label) in g.labels.enumerated() {
      #expect(!label.lines.joined().contains("…"), "\(what): label \(label.lines) is cut")
      for other in g.labels[(k + 1)...] where label.box.overlaps(other.box) {
        Issue.record("\(what): labels \(label.lines) and \(other.lines) overlap")
      }
      for (n, node) in g.nodes.enumerated() where label.box.overlaps(node) {
        Issue.record("\(what): label \(label.lines) overlaps node \(n)")
      }
      let own = g.labelNodes[k]
      for link in g.links where link.source != own && link.target != own {
        if let box = footprint(link).first(where: { label.box.overlaps($0) }) {
          Issue.record("\(what): label \(label.lines) overlaps the link \(link.source) → \(link.target) at \(box)")
        }
      }
      #expect(label.box.x >= 0 && label.box.x + label.box.width <= g.width, "\(what): \(label.lines) off the canvas")
    }
    for node in g.nodes {
      #expect(node.x >= 0 && node.x + node.width <= g.width && node.y >= 0 && node.y + node.height <= g.height)
    }
    for link in g.links {
      let boxes = footprint(link)
      for (n, node) in g.nodes.enumerated() where n != link.source && n != link.target {
        if boxes.contains(where: { $0.overlaps(node) }) {
          Issue.record(
            "\(what): the \(link.isLoop ? "return flow" : "band") \(link.source) → \(link.target) runs across node \(n)"
          )
        }
      }
    }
  }

  /// Whether a node column stands between the link's ends (the band then runs through a slot in
  /// each column between).
  static func spansColumns(_ link: SankeyGeometry.Band, _ g: SankeyGeometry) -> Bool {
    !link.isLoop && g.nodes.contains { $0.x > link.start + 1 && $0.x + $0.width < link.x1 - 1 }
  }

  /// Where a link's band lies: for each piece of a forward band, its straight part and small boxes
  /// along its curve's centre line, each as tall as the band (at least 1 px); a return flow's route.
  static func footprint(_ link: SankeyGeometry.Band) -> [SankeyGeometry.Box] {
    if link.isLoop { return link.route }
    let half = max(link.width, 1) / 2
    return link.pieces.flatMap { piece in
      let straight = SankeyGeometry.Box(
        x: piece.start, y: piece.y0 - half, width: piece.x0 - piece.start, height: 2 * half)
      return [straight]
        + (0...48).map { step in
          let p = piece.point(Double(step) / 48)
          return SankeyGeometry.Box(x: p.x - 0.5, y: p.y - half, width: 1, height: 2 * half)
        }
    }
  }
}
