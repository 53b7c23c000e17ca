/// The kinds of chart a table can be drawn as: the `chart` stage (FlowQL) asks for one, Charts draws it.
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
