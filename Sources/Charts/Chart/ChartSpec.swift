public import FlowModel

/// What the user asked for: a chart kind plus optional choices; anything left `nil` is inferred.
///
/// ```
/// var spec = ChartSpec(.bar)
/// spec.title = "Inflow by process, 2020"
/// spec.unit = "kt"
/// ```
public struct ChartSpec: Sendable, Hashable {
  /// The chart kind.
  public var kind: ChartKind
  /// The x column (categories; for `bar`, the bar labels); inferred when `nil`.
  public var x: String?
  /// The value columns; inferred (all numeric columns) when empty.
  public var y: [String]
  /// The column that splits values into series (for `sankey`, into link colours).
  public var series: String?
  /// The chart title; defaults to the table caption, else a generated title.
  public var title: String?
  /// A unit symbol such as `kt` or `MUSD` for values; automatic when `nil`.
  public var unit: String?
  /// Width in pixels; each kind has a default.
  public var width: Int?
  /// Height in pixels; each kind has a default (bar charts and Sankeys grow with content).
  public var height: Int?
  /// Sankey: flows below this many base units (t, US$) are lumped or dropped.
  public var min: Double?
  /// An explicit order: of categories, or for `sankey` of stages (columns), first to last.
  public var order: [String]
  /// Sankey: the nodes table (`id, name, stage, stage_order, kind`), optional.
  public var nodes: Table?
  /// The x axis title; defaults to the x column's name.
  public var xTitle: String?
  /// The value axis title; defaults to the value column's name with the unit, e.g. "mass (kt)".
  public var yTitle: String?

  /// The property names a `chart … with (…)` clause may set, for completion and error help.
  public static let propertyNames = [
    "x", "y", "series", "title", "unit", "width", "height", "min", "order", "xtitle", "ytitle",
  ]

  /// Creates a spec with every choice left to inference.
  public init(
    _ kind: ChartKind,
    x: String? = nil,
    y: [String] = [],
    series: String? = nil,
    title: String? = nil,
    unit: String? = nil,
    width: Int? = nil,
    height: Int? = nil,
    min: Double? = nil,
    order: [String] = [],
    nodes: Table? = nil,
    xTitle: String? = nil,
    yTitle: String? = nil
  ) {
    self.kind = kind
    self.x = x
    self.y = y
    self.series = series
    self.title = title
    self.unit = unit
    self.width = width
    self.height = height
    self.min = min
    self.order = order
    self.nodes = nodes
    self.xTitle = xTitle
    self.yTitle = yTitle
  }
}
