public import FlowModel

/// Display options changed with `set`; they live for the session.
///
/// Options affect display only, never computation: `set rows = 20` shows 20 rows of a longer
/// table, and `set units = kt` shows masses in kilotonnes.
public struct Options: Sendable, Hashable {
  /// How many rows a table shows before truncating; `nil` means all (`set rows = all`).
  public var rows: Int? = 60
  /// Decimal places for every number (`set decimals = 2`); nil until set (or after
  /// `set decimals = auto`): each table column then picks its own, and single values show 2.
  public var decimals: Int?
  /// Display unit per dimension (`set units = kt`); absent means automatic scaling.
  public var units: [Dimension: Unit] = [:]

  /// Default options: 60 rows, automatic decimals and units.
  public init() {}

  /// The option names `set` accepts.
  public static let names = ["rows", "decimals", "units"]

  /// Formats a value for display: numbers in their display unit with `decimals` places,
  /// years without separators.
  ///
  /// ```
  /// Options().format(.number(11.5071, .none))  // "11.51"
  /// ```
  public func format(_ cell: Cell) -> String {
    switch cell {
    case .text(let s): return s
    case .year(let y): return String(y)
    case .bool(let b): return b ? "true" : "false"
    case .number(let v, let dimension):
      if v.isNaN { return "–" }
      let unit = units[dimension] ?? Self.automaticUnit(for: v, dimension)
      let scaled = v / unit.factor
      let text = Self.format(scaled, decimals: decimals ?? 2)
      switch dimension {
      case .none: return text
      case .ratio: return text + " %"
      default: return text + " " + unit.symbol
      }
    }
  }

  /// The largest unit in which `value` is at least 1 (t, kt, Mt; USD, kUSD, MUSD, BUSD).
  static func automaticUnit(for value: Double, _ dimension: Dimension) -> Unit {
    let candidates = Unit.all.filter { $0.dimension == dimension && $0.factor >= 1 }
      .sorted { $0.factor < $1.factor }
    if dimension == .ratio, let percent = Unit.named("%") { return percent }
    guard var best = candidates.first else { return Unit(symbol: "", dimension: .none, factor: 1) }
    for u in candidates where abs(value) >= u.factor { best = u }
    return best
  }

  /// Fixed-point formatting without locale, thousands separated by ",".
  package static func format(_ value: Double, decimals: Int) -> String {
    if value.isInfinite { return value > 0 ? "∞" : "-∞" }
    let d = max(0, min(decimals, 12))
    var scale = 1.0
    for _ in 0..<d { scale *= 10 }
    let rounded = (abs(value) * scale).rounded()
    guard rounded < 9e15 else { return String(value) }
    let whole = Int(rounded / scale)
    let fraction = Int(rounded - Double(whole) * scale)
    var digits = String(whole)
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = digits + grouped
    var out = (value < 0 && rounded > 0 ? "-" : "") + grouped
    if d > 0 {
      let f = String(fraction)
      out += "." + String(repeating: "0", count: d - f.count) + f
    }
    return out
  }
}
