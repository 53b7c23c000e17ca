/// The drawn Sankey as boxes and bands, for tests and for callers that place things beside it.
public struct SankeyGeometry: Sendable, Hashable {
  /// A rectangle.
  public struct Box: Sendable, Hashable {
    public var x, y, width, height: Double

    /// Whether the two boxes share an area (touching edges do not count).
    public func overlaps(_ other: Box) -> Bool {
      x < other.x + other.width - 1e-6 && other.x < x + width - 1e-6 && y < other.y + other.height - 1e-6
        && other.y < y + height - 1e-6
    }
  }

  /// A link: a band from the right edge of its source node (`start`) straight to `x0` (through the
  /// source column's label lane), then a cubic Bézier with both control points halfway across to the
  /// left edge of its target at `x1`; its centre at `y0` at the source and `y1` at the target. A
  /// band that skips columns is drawn as several such ``pieces``, one per gap, running straight
  /// through its slot in each column between (return flows are drawn as arcs below the diagram).
  public struct Band: Sendable, Hashable {
    /// The source and target node (indices into ``SankeyGeometry/nodes``).
    public var source, target: Int
    /// Where the band leaves its source, where its first curve starts and where it reaches its target.
    public var start, x0, y0, x1, y1: Double
    /// The band's width in pixels (before the 1 px minimum of the drawing).
    public var width: Double
    /// The flow it stands for, in base units.
    public var value: Double
    /// Whether it is a return flow, drawn as an arc below the diagram.
    public var isLoop: Bool
    /// A forward band as drawn: one piece per gap between columns it crosses (empty for a return flow).
    public var pieces: [Piece] = []
    /// A return flow's route below the diagram: its straight parts as rectangles (empty otherwise).
    public var route: [Box] = []
  }

  /// One curve of a band: straight from `start` to `x0` at `y0`, then a cubic Bézier with both
  /// control points halfway across to (`x1`, `y1`).
  public struct Piece: Sendable, Hashable {
    public var start, x0, y0, x1, y1: Double

    /// The centre line of the curve at `t` in 0…1.
    public func point(_ t: Double) -> (x: Double, y: Double) {
      let u = 1 - t
      let xm = (x0 + x1) / 2
      let x = x0 * u * u * u + 3 * xm * u * u * t + 3 * xm * u * t * t + x1 * t * t * t
      let y = y0 * (u * u * u + 3 * u * u * t) + y1 * (3 * u * t * t + t * t * t)
      return (x, y)
    }
  }

  /// Link crossings in the drawing (see `SankeyLayout.crossings`).
  public var crossings: Int
  /// Every node's rectangle.
  public var nodes: [Box]
  /// Every node label: its lines (name, perhaps in two lines, then the value) and its box.
  public var labels: [(lines: [String], box: Box)] {
    zip(labelLines, labelBoxes).map { ($0, $1) }
  }
  var labelLines: [[String]]
  var labelBoxes: [Box]
  /// The node each label names.
  public var labelNodes: [Int]
  /// Every link as drawn.
  public var links: [Band]
  /// Pixels per base unit of value (the same in every panel of small multiples).
  public var pixelsPerUnit: Double
  /// The canvas size.
  public var width, height: Double
  /// The top and bottom of the diagram's plot area (return arcs and their lanes lie below it).
  public var plotTop = 0.0, plotBottom = 0.0
  /// The gap between nodes of a column where their labels need no more (see ``SankeyLayout``).
  public var padding = 0.0
  /// Where bands that skip columns pass through the columns between their ends: one slot per
  /// band and column, kept clear of nodes and labels like a node.
  public var slots: [Box] = []
  /// For a panel of small multiples: its name and where its canvas stands in the whole picture.
  public var panel: String? = nil
  public var originX = 0.0, originY = 0.0
}
