public import FlowModel

/// The unit numbers are shown in: a label and the factor that turns base units into it.
///
/// Mass shows as t / kt / Mt, money as US$ / k US$ / M US$ / B US$, ratios as %.
public struct DisplayUnit: Sendable, Hashable {
  /// The label shown after numbers and in headers, such as `kt` or `M US$` (empty for none).
  public var label: String
  /// How many base units one displayed unit is (1,000 for kt; 0.01 for %).
  public var factor: Double
  /// What the numbers measure.
  public var dimension: Dimension

  /// Creates a display unit.
  public init(label: String, factor: Double, dimension: Dimension) {
    self.label = label
    self.factor = factor
    self.dimension = dimension
  }

  /// The display form of a language unit (`MUSD` shows as `M US$`).
  public init(_ unit: Unit) {
    self.init(label: Self.label(forSymbol: unit.symbol), factor: unit.factor, dimension: unit.dimension)
  }

  /// The base display unit of `dimension` (t, US$, US$/t, %, or none).
  public static func base(_ dimension: Dimension) -> DisplayUnit {
    switch dimension {
    case .none: DisplayUnit(label: "", factor: 1, dimension: .none)
    case .mass: DisplayUnit(label: "t", factor: 1, dimension: .mass)
    case .money: DisplayUnit(label: "US$", factor: 1, dimension: .money)
    case .price: DisplayUnit(label: "US$/t", factor: 1, dimension: .price)
    case .ratio: DisplayUnit(label: "%", factor: 0.01, dimension: .ratio)
    }
  }

  /// The unit that keeps `maxMagnitude` (in base units) below 10,000 where possible,
  /// so numbers stay short: 45,015 t → kt, 1,234,567 t → kt, 9,000 t → t.
  public static func automatic(_ dimension: Dimension, maxMagnitude: Double) -> DisplayUnit {
    let ladder: [(String, Double)]
    switch dimension {
    case .mass: ladder = [("t", 1), ("kt", 1e3), ("Mt", 1e6)]
    case .money: ladder = [("US$", 1), ("k US$", 1e3), ("M US$", 1e6), ("B US$", 1e9)]
    case .none, .price, .ratio: return base(dimension)
    }
    let m = maxMagnitude.isFinite ? maxMagnitude : 0
    for (label, factor) in ladder where m / factor < 10_000 {
      return DisplayUnit(label: label, factor: factor, dimension: dimension)
    }
    let last = ladder[ladder.count - 1]
    return DisplayUnit(label: last.0, factor: last.1, dimension: dimension)
  }

  /// Converts a value in base units to this unit.
  public func scaled(_ base: Double) -> Double { base / factor }

  private static func label(forSymbol symbol: String) -> String {
    switch symbol {
    case "USD": "US$"
    case "kUSD": "k US$"
    case "MUSD": "M US$"
    case "BUSD": "B US$"
    case "USD/t": "US$/t"
    case "USD/kg": "US$/kg"
    default: symbol
    }
  }
}
