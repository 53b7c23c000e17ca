public import FlowModel

/// What the user asked for: a chart kind plus optional choices; anything left `nil` is inferred.
///
/// ```
/// var spec = ChartSpec(.bar)
/// spec.title = "Inflow by process, 2020"
/// spec.unit = "kt"
/// ```
///
/// ``init(_:options:)`` reads the options of a `chart … with (…)` clause as ``ChartOption`` describes them.
public struct ChartSpec: Sendable, Hashable {
  /// How categories are ordered.
  public enum Sort: Sendable, Hashable {
    /// The kind's default: bars and pies by value, others in table order.
    case automatic
    /// Largest first.
    case value
    /// Alphabetically.
    case name
    /// In table order.
    case none
  }

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
  /// `column`: stack the series; `area`: `false` overlaps the areas. `nil` is the kind's default.
  public var stack: Bool?
  /// Where the legend stands.
  public var legend: ChartLegend = .top
  /// How categories are ordered when ``order`` is empty.
  public var sort: Sort = .automatic
  /// The colour palette.
  public var palette: ChartPalette = .okabe
  /// Value labels at bars and slices; `nil` is the kind's default.
  public var valueLabels: Bool?
  /// Sankey: label nodes with their ids instead of their names.
  public var nodeIDs = false
  /// Sankey: the base-unit value one pixel of band width stands for; automatic when `nil`.
  public var scale: Double?
  /// Sankey: one panel per distinct value of this column, every panel at one shared scale.
  public var panels: String?
  /// The lower-bound column (band or error bars); inferred from `<y>_low` when `nil`.
  public var low: String?
  /// The upper-bound column; inferred from `<y>_high` when `nil`.
  public var high: String?
  /// Sankey: order nodes to minimise crossings (`false` keeps d3's order, for comparisons and benchmarks).
  public var minimiseCrossings = true
  /// Sankey: start crossing minimisation from one order shuffled with this seed, alone (for tests).
  var randomStart: UInt64? = nil

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

  /// The spec a `chart kind with (…)` clause describes; values are as the evaluator checked them
  /// against ``ChartOption/value``. Later options override earlier ones.
  public init(_ kind: ChartKind, options: [(ChartOption, ChartOptionValue)]) {
    self.init(kind)
    for (option, value) in options { set(option, value) }
  }

  /// Applies one option.
  public mutating func set(_ option: ChartOption, _ value: ChartOptionValue) {
    switch option {
    case .x: x = value.word
    case .y: y = value.words
    case .series: series = value.word
    case .title: title = value.word
    case .xtitle: xTitle = value.word
    case .ytitle: yTitle = value.word
    case .unit: unit = value.word
    case .stack: stack = value.truth
    case .legend: legend = value.word.flatMap(ChartLegend.init(rawValue:)) ?? .top
    case .sort:
      switch value {
      case .names(let names): order = names
      case .name("value"): sort = .value
      case .name("name"): sort = .name
      case .name("none"): sort = .none
      default: break
      }
    case .height: height = value.number.map { Int($0) }
    case .width: width = value.number.map { Int($0) }
    case .palette: palette = value.word.flatMap(ChartPalette.init(rawValue:)) ?? .okabe
    case .labels:
      if case .name(let word) = value { nodeIDs = word == "ids" } else { valueLabels = value.truth }
    case .min: min = value.number
    case .scale: scale = value.number
    case .panels: panels = value.word
    case .low: low = value.word
    case .high: high = value.word
    }
  }
}

extension ChartOptionValue {
  fileprivate var word: String? {
    switch self {
    case .text(let s), .name(let s): s
    case .names(let list): list.first
    default: nil
    }
  }

  fileprivate var words: [String] {
    switch self {
    case .names(let list): list
    case .name(let s), .text(let s): [s]
    default: []
    }
  }

  fileprivate var truth: Bool? { if case .bool(let b) = self { b } else { nil } }

  fileprivate var number: Double? { if case .number(let v) = self { v } else { nil } }
}
