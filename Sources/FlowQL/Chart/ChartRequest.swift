public import FlowModel

/// A value given to a chart option in `with (…)`.
public enum ChartOptionValue: Sendable, Hashable {
  /// A quoted text (`title = "Inflow"`).
  case text(String)
  /// A number (`height = 400`).
  case number(Double)
  /// A bare name: a column or a unit (`x = year`, `unit = kt`).
  case name(String)
  /// A list of names (`y = [inputs, outputs]`).
  case names([String])
  /// A truth value (`stack = true`).
  case bool(Bool)
}

/// One `name = value` of a chart request.
public struct ChartOption: Sendable, Hashable {
  /// The option name, such as `x` or `title`.
  public var name: String
  /// Its value.
  public var value: ChartOptionValue

  /// Creates an option.
  public init(name: String, value: ChartOptionValue) {
    self.name = name
    self.value = value
  }
}

/// A request to draw the statement's table; the table itself is passed through unchanged.
public struct ChartRequest: Sendable, Hashable {
  /// The chart kind.
  public var kind: ChartKind
  /// The options in written order.
  public var options: [ChartOption]
  /// For a Sankey: the `processes` table of the model the query ran in (`| in name` may pick a
  /// scenario or a loaded model), which names the nodes and places them in stage columns.
  public var nodes: Table?

  /// Creates a request.
  public init(kind: ChartKind, options: [ChartOption] = []) {
    self.kind = kind
    self.options = options
  }

  /// The value of the option `name`, if given.
  public subscript(name: String) -> ChartOptionValue? {
    options.last { $0.name == name }?.value
  }

  /// The option names `chart … with (…)` accepts.
  public static let optionNames = [
    "x", "y", "series", "title", "xtitle", "ytitle", "unit", "stack", "legend", "sort", "height",
    "width", "palette", "labels", "min", "interactive",
  ]
}
