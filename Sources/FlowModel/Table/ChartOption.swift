/// The one description of every `chart … with (…)` option: its name, the value it takes, the
/// chart kinds it applies to and one line of documentation. The parser, completion, `help chart`,
/// the docs test and the renderer all read this enum; there is no other option list.
public enum ChartOption: String, Sendable, Hashable, CaseIterable {
  case x, y, series, title, xtitle, ytitle, unit, stack, legend, sort, height, width, palette, labels, min, scale,
    panels
  case low, high

  /// The kinds that draw something from this option (every kind but `table` unless stated).
  public var kinds: Set<ChartKind> {
    let drawn = Set(ChartKind.allCases).subtracting([.table])
    let cartesian: Set<ChartKind> = [.bar, .column, .line, .area, .stacked, .stacked100]
    switch self {
    case .x, .y, .title, .height, .width: return drawn
    case .unit: return drawn.subtracting([.stacked100])
    case .series, .legend: return drawn.subtracting([.pie])
    case .palette: return drawn
    case .xtitle, .ytitle: return cartesian
    case .stack: return [.column, .area]
    case .sort: return [.bar, .column, .stacked, .stacked100, .pie, .sankey]
    case .labels: return [.bar, .column, .pie, .sankey]
    case .min, .scale, .panels: return [.sankey]
    case .low, .high: return [.bar, .column, .line, .area]
    }
  }

  /// The value the option takes.
  public var value: ChartOptionValueKind {
    switch self {
    case .x, .series, .low, .high, .panels: .column
    case .y: .columns
    case .title, .xtitle, .ytitle: .text
    case .unit: .unit
    case .stack: .truth
    case .legend: .choice(ChartLegend.allCases.map(\.rawValue))
    case .palette: .choice(ChartPalette.allCases.map(\.rawValue))
    case .labels: .choice(["true", "false", "names", "ids"])
    case .sort: .order
    case .height, .width: .number
    case .min, .scale: .quantity
    }
  }

  /// One line for `help chart` and `docs/language.md` §8.
  public var summary: String {
    switch self {
    case .x: "the x (or category) column; for `sankey`, the source column"
    case .y: "the value column(s): `y = mass` or `y = [inputs, outputs]`"
    case .series: "one series (colour) per distinct value of this text column"
    case .title: "the chart title (default: the table's caption)"
    case .xtitle: "the x axis title (default: the x column's name)"
    case .ytitle: "the value axis title (default: the value column's name and unit)"
    case .unit: "the display unit of the values (`kt`, `t`, `MUSD`, …)"
    case .stack: "`column`: `true` stacks the series; `area`: `false` overlaps them instead of stacking"
    case .legend: "where the legend stands: `top` (default), `right`, `bottom` or `none`"
    case .sort: "category order: `value` (largest first), `name`, `none` (table order) or a list `[a, b]`"
    case .height: "height in pixels"
    case .width: "width in pixels"
    case .palette: "the colours: `okabe` (Okabe–Ito, default), `tableau` or `grey`"
    case .labels: "`true`/`false`: values at bars and slices; `sankey`: `names` (default) or `ids` for nodes"
    case .min: "`sankey`: flows below this quantity are lumped into \"Other\" or left out, with a note"
    case .scale: "`sankey`: the quantity one pixel of band width stands for (`scale = 0.5 kt`), to compare cells"
    case .panels:
      "`sankey`: one panel per value of this column (`panels = year`), all at one shared scale, with a scale bar"
    case .low: "the column of lower bounds: a shaded band (`line`, `area`) or error bars (`bar`, `column`)"
    case .high: "the column of upper bounds, with `low`"
    }
  }

  /// Kinds as a readable list, for errors.
  public var kindList: String {
    ChartKind.allCases.filter { kinds.contains($0) }.map { "`\($0.rawValue)`" }.joined(separator: ", ")
  }
}

/// What an option's value must be.
public enum ChartOptionValueKind: Sendable, Hashable {
  /// A column name.
  case column
  /// A column name or a list of them.
  case columns
  /// Text in quotes.
  case text
  /// A unit symbol.
  case unit
  /// `true` or `false`.
  case truth
  /// One of the listed words.
  case choice([String])
  /// `value`, `name`, `none` or a list of names.
  case order
  /// A plain number.
  case number
  /// A number with a unit (or a plain number in base units).
  case quantity
}

/// A value given to a chart option, already checked against ``ChartOption/value``.
public enum ChartOptionValue: Sendable, Hashable {
  /// A quoted text (`title = "Inflow"`).
  case text(String)
  /// A number in base units (`height = 400`, `min = 1 kt` → 1000).
  case number(Double)
  /// A bare name: a column, a unit or a choice (`x = year`, `unit = kt`, `legend = none`).
  case name(String)
  /// A list of names (`y = [inputs, outputs]`).
  case names([String])
  /// A truth value (`stack = true`).
  case bool(Bool)
}

/// Where the legend stands.
public enum ChartLegend: String, Sendable, Hashable, CaseIterable {
  case top, right, bottom, none
}

/// The named colour palettes (colours in `Charts`).
public enum ChartPalette: String, Sendable, Hashable, CaseIterable {
  /// Okabe–Ito, safe for colour-blind readers; yellow replaced by a darker one for projectors.
  case okabe
  /// Tableau 10.
  case tableau
  /// Greys for print in black and white.
  case grey
}
