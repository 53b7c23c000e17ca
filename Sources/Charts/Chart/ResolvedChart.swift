public import FlowModel

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
  /// Whether the user fixed the height (kinds that grow with content then keep it).
  public var heightFixed = false
  /// Where the legend stands.
  public var legend: ChartLegend = .top
  /// The colour palette.
  public var palette: ChartPalette = .okabe
  /// `area`: the series overlap instead of stacking.
  public var overlap = false
  /// Value labels at bars and slices; `nil` is the kind's default.
  public var valueLabels: Bool? = nil
  /// How categories are ordered when no explicit order is given.
  public var sort: ChartSpec.Sort = .automatic
  /// The columns of lower and upper bounds (a band or error bars), if any.
  public var bounds: (low: String, high: String)? {
    get { low.flatMap { l in high.map { (l, $0) } } }
    set {
      low = newValue?.low
      high = newValue?.high
    }
  }
  var low: String? = nil
  var high: String? = nil
}
