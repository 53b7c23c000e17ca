import FlowModel

/// The kinds of chart the `chart` stage can draw.
public enum ChartKind: String, Sendable, Hashable, CaseIterable {
  /// Horizontal bars, one per category (grouped when there are several series).
  case bar
  /// Vertical columns, one per x value (grouped when there are several series).
  case column
  /// Lines over an ordered x, one per series.
  case line
  /// Stacked areas over an ordered x.
  case area
  /// Stacked columns.
  case stacked
  /// Stacked columns normalised to 100 % per x value.
  case stacked100
  /// A pie of up to 6 slices (more switch to a bar chart with a warning).
  case pie
  /// A Sankey diagram of a links table (`source, target, value`).
  case sankey
  /// The table itself, as the default table output.
  case table
}

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

/// A chart the user cannot have as asked: a one-line message plus help naming candidates.
public struct ChartError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The one-line message, e.g. "unknown column `yaer`".
  public var message: String
  /// What to do instead, e.g. "choose `series = material` or drop the other text columns".
  public var help: String

  /// Creates an error.
  public init(_ message: String, help: String) {
    self.message = message
    self.help = help
  }

  /// The message and help on two lines.
  public var description: String { "\(message)\n  = help: \(help)" }
}

/// A spec with every choice made: the columns to draw, the display unit, title and size.
public struct ResolvedChart: Sendable, Hashable {
  /// The chart kind actually drawn (a pie with too many slices becomes a bar).
  public var kind: ChartKind
  /// The x column (for `sankey`: the source column).
  public var x: String
  /// The value columns (for `sankey`: the value column).
  public var y: [String]
  /// The series column, if values are split by one (for `sankey`: the split column).
  public var series: String?
  /// Sankey: the target column.
  public var target: String?
  /// What the values measure.
  public var dimension: Dimension
  /// The unit the user fixed, or `nil` for automatic.
  public var unit: DisplayUnit?
  /// The title drawn above the chart.
  public var title: String
  /// Width in pixels (0 for a Sankey means "from the number of columns").
  public var width: Int
  /// Height in pixels (a minimum for kinds that grow; 0 for a Sankey means "as needed").
  public var height: Int
  /// Notes for the caller (printed on stderr), e.g. a pie switched to a bar chart.
  public var warnings: [String]
  /// The x axis title the user chose, if any.
  public var xTitle: String? = nil
  /// The value axis title the user chose, if any.
  public var yTitle: String? = nil
}
