/// The physical or economic dimension of a numeric column.
///
/// Values are always stored in the dimension's base unit (t, US$, US$/t, fraction);
/// scaled units such as kt or M US$ exist only at the edges (literals, display).
public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
  /// A plain number with no unit (counts, factors).
  case none
  /// Mass, stored in tonnes (t REO-equivalent in the bundled model).
  case mass
  /// Money, stored in nominal US dollars.
  case money
  /// A price or unit cost, stored in US dollars per tonne.
  case price
  /// A ratio, stored as a fraction (0.4 means 40 %).
  case ratio

  /// The base unit's symbol, as shown in column headers ("t", "USD", "USD/t", "%").
  public var baseSymbol: String {
    switch self {
    case .none: ""
    case .mass: "t"
    case .money: "USD"
    case .price: "USD/t"
    case .ratio: "%"
    }
  }
}

/// A named unit: a dimension and the factor that turns one of it into base units.
///
/// ```
/// Unit.named("kt")  // Unit(symbol: "kt", dimension: .mass, factor: 1_000)
/// ```
public struct Unit: Sendable, Hashable {
  /// The symbol users write and read, such as `kt` or `MUSD`.
  public var symbol: String
  /// The dimension this unit measures.
  public var dimension: Dimension
  /// How many base units one of this unit is.
  public var factor: Double

  /// Creates a unit.
  public init(symbol: String, dimension: Dimension, factor: Double) {
    self.symbol = symbol
    self.dimension = dimension
    self.factor = factor
  }

  /// Every unit the language knows, base units first.
  public static let all: [Unit] = [
    Unit(symbol: "t", dimension: .mass, factor: 1),
    Unit(symbol: "kg", dimension: .mass, factor: 0.001),
    Unit(symbol: "kt", dimension: .mass, factor: 1e3),
    Unit(symbol: "Mt", dimension: .mass, factor: 1e6),
    Unit(symbol: "USD", dimension: .money, factor: 1),
    Unit(symbol: "kUSD", dimension: .money, factor: 1e3),
    Unit(symbol: "MUSD", dimension: .money, factor: 1e6),
    Unit(symbol: "BUSD", dimension: .money, factor: 1e9),
    Unit(symbol: "USD/t", dimension: .price, factor: 1),
    Unit(symbol: "USD/kg", dimension: .price, factor: 1e3),
    Unit(symbol: "%", dimension: .ratio, factor: 0.01),
  ]

  /// The unit with this symbol, or `nil` when there is none.
  public static func named(_ symbol: String) -> Unit? {
    all.first { $0.symbol == symbol }
  }
}
