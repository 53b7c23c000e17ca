public import FlowModel

/// One `name = value` of a chart request, checked against ``ChartOption``, with where it was written.
public struct ChartSetting: Sendable, Hashable {
  /// The option.
  public var option: ChartOption
  /// Its value.
  public var value: ChartOptionValue
  /// The source range of `name = value` (an error about the option points here).
  public var range: SourceRange

  /// Creates a setting.
  public init(_ option: ChartOption, _ value: ChartOptionValue, range: SourceRange = SourceRange(0, 0)) {
    self.option = option
    self.value = value
    self.range = range
  }
}

/// A request to draw the statement's table; the table itself is passed through unchanged.
public struct ChartRequest: Sendable, Hashable {
  /// The chart kind.
  public var kind: ChartKind
  /// The options in written order.
  public var settings: [ChartSetting]
  /// The source range of the `chart` stage (errors not due to one option point here).
  public var range: SourceRange
  /// For a Sankey: the `processes` table of the model the query ran in (`| in name` may pick a
  /// scenario or a loaded model), which names the nodes and places them in stage columns.
  public var nodes: Table?

  /// Creates a request.
  public init(kind: ChartKind, settings: [ChartSetting] = [], range: SourceRange = SourceRange(0, 0)) {
    self.kind = kind
    self.settings = settings
    self.range = range
  }

  /// The value of `option`, if given (the last one written wins).
  public subscript(option: ChartOption) -> ChartOptionValue? {
    settings.last { $0.option == option }?.value
  }

  /// The options as the renderer takes them.
  public var options: [(ChartOption, ChartOptionValue)] { settings.map { ($0.option, $0.value) } }

  /// Where an error about `option` (or, without one, about the whole chart) points.
  public func range(of option: ChartOption?) -> SourceRange {
    option.flatMap { o in settings.last { $0.option == o }?.range } ?? range
  }

  /// This request with `defaults` filled in for the options it does not set (a verb's natural chart).
  public func filling(_ defaults: [(ChartOption, ChartOptionValue)]) -> ChartRequest {
    var copy = self
    for (option, value) in defaults where self[option] == nil && option.kinds.contains(kind) {
      copy.settings.insert(ChartSetting(option, value, range: range), at: 0)
    }
    return copy
  }

  /// The request with every range moved by `offset` (for a chart parsed inside a verb's clause).
  public func shifted(by offset: Int) -> ChartRequest {
    var copy = self
    func move(_ r: SourceRange) -> SourceRange { SourceRange(r.start + offset, r.end + offset) }
    copy.range = move(range)
    copy.settings = settings.map { ChartSetting($0.option, $0.value, range: move($0.range)) }
    return copy
  }

  /// A verb table's natural chart: shown as a table, but `| chart kind` draws these columns.
  public static func natural(x: String, y: String, series: String? = nil) -> ChartRequest {
    var settings = [ChartSetting(.x, .name(x)), ChartSetting(.y, .names([y]))]
    if let series { settings.append(ChartSetting(.series, .name(series))) }
    return ChartRequest(kind: .table, settings: settings)
  }
}
