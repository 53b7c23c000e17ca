public import FlowModel

/// How tables and single values are shown: truncation, decimals and unit scaling.
///
/// ```
/// var options = DisplayOptions()
/// options.rows = nil                               // `set rows = all`
/// options.scaling = .fixed([Unit.named("kt")!])    // every mass column in kt
/// ```
public struct DisplayOptions: Sendable, Hashable {
  /// The most rows shown in full; beyond it only ``head`` + ``tail`` rows show. `nil` shows all.
  public var rows: Int?
  /// Rows shown from the top of a truncated table.
  public var head: Int
  /// Rows shown from the bottom of a truncated table.
  public var tail: Int
  /// Digits after the decimal point for every number; `nil` picks them per column.
  public var decimals: Int?
  /// How numeric columns choose their unit.
  public var scaling: UnitScaling

  /// Creates options; the defaults follow pandas: 60 rows, then the first 10 and last 5.
  public init(
    rows: Int? = 60,
    head: Int = 10,
    tail: Int = 5,
    decimals: Int? = nil,
    scaling: UnitScaling = .automatic
  ) {
    self.rows = rows
    self.head = head
    self.tail = tail
    self.decimals = decimals
    self.scaling = scaling
  }
}

/// How a numeric column's unit is chosen.
public enum UnitScaling: Sendable, Hashable {
  /// Per column, from its largest magnitude: t / kt / Mt and US$ / k / M / B US$.
  case automatic
  /// Always the base unit (t, US$, US$/t, %).
  case base
  /// The given unit for columns of its dimension; other dimensions scale automatically.
  case fixed([Unit])
}

/// The formatting chosen for one column: its unit, its decimals, whether it holds years.
struct ColumnFormat: Sendable, Hashable {
  var unit: DisplayUnit
  var decimals: Int
  var isYear: Bool
  var isNumeric: Bool
  /// For plain numbers of very different sizes in one column (a table of mixed figures, such as
  /// `study`): each cell shows four significant digits instead of one fixed number of decimals.
  var significantDigits: Int?

  /// Picks the format of `column` under `options`, looking at all its values.
  init(_ column: Column, options: DisplayOptions) {
    switch column.values {
    case .number(let values):
      let yearLike =
        column.dimension == .none && column.name.lowercased() == "year"
        && NumberText.allIntegral(values)
      let maxMagnitude = values.reduce(0.0) { $1.isFinite ? max($0, abs($1)) : $0 }
      self.init(
        dimension: column.dimension, maxMagnitude: maxMagnitude,
        integral: NumberText.allIntegral(values), options: options)
      isYear = yearLike
      if yearLike { decimals = 0 }
      let minMagnitude = values.reduce(Double.infinity) { $1.isFinite && $1 != 0 ? min($0, abs($1)) : $0 }
      if column.dimension == .none, !yearLike, options.decimals == nil, !NumberText.allIntegral(values),
        maxMagnitude / minMagnitude >= 1e4
      {
        significantDigits = 4
      }
    case .year:
      self.init(unit: .base(.none), decimals: 0, isYear: true, isNumeric: true)
    case .text, .bool:
      self.init(unit: .base(.none), decimals: 0, isYear: false, isNumeric: false)
    }
  }

  /// The format for numbers of `dimension` whose largest magnitude is `maxMagnitude`.
  init(dimension: Dimension, maxMagnitude: Double, integral: Bool, options: DisplayOptions) {
    let unit: DisplayUnit
    switch options.scaling {
    case .automatic:
      unit = .automatic(dimension, maxMagnitude: maxMagnitude)
    case .base:
      unit = .base(dimension)
    case .fixed(let units):
      unit =
        units.first { $0.dimension == dimension }.map(DisplayUnit.init)
        ?? .automatic(dimension, maxMagnitude: maxMagnitude)
    }
    let decimals: Int
    if let fixed = options.decimals {
      decimals = fixed
    } else if dimension == .ratio {
      decimals = 1
    } else if dimension == .none {
      decimals = integral ? 0 : 3
    } else if unit.factor == 1 && integral {
      decimals = 0
    } else {
      let m = unit.scaled(maxMagnitude)
      decimals = m >= 10 ? 1 : (m >= 1 ? 2 : 3)
    }
    self.init(unit: unit, decimals: decimals, isYear: false, isNumeric: true)
  }

  init(unit: DisplayUnit, decimals: Int, isYear: Bool, isNumeric: Bool) {
    self.significantDigits = nil
    self.unit = unit
    self.decimals = decimals
    self.isYear = isYear
    self.isNumeric = isNumeric
  }

  /// The cell's text without a unit suffix; `minus` is "-" in plain text, "−" in HTML.
  func text(_ cell: Cell, minus: String = "-") -> String {
    switch cell {
    case .text(let s): s
    case .year(let y): String(y)
    case .bool(let b): b ? "true" : "false"
    case .number(let v, _):
      if !v.isFinite && v.isNaN {
        "–"
      } else if isYear {
        NumberText.fixed(v, decimals: 0, grouping: false, minus: minus)
      } else if let digits = significantDigits {
        NumberText.fixed(v, decimals: Self.decimals(for: v, significantDigits: digits), minus: minus)
      } else {
        NumberText.fixed(unit.scaled(v), decimals: decimals, minus: minus)
      }
    }
  }

  /// Decimals that show `digits` significant digits of `value` (none for large values).
  static func decimals(for value: Double, significantDigits digits: Int) -> Int {
    guard value != 0, value.isFinite else { return 0 }
    var magnitude = 0
    var x = abs(value)
    while x >= 10 {
      x /= 10
      magnitude += 1
    }
    while x < 1 {
      x *= 10
      magnitude -= 1
    }
    return min(12, max(0, digits - 1 - magnitude))
  }

  /// A column header: the name with the unit in parentheses when there is one.
  func header(_ name: String) -> String {
    unit.label.isEmpty || isYear ? name : "\(name) (\(unit.label))"
  }
}
