/// The values of one column, stored contiguously (columnar storage).
///
/// Missing numbers are `Double.nan`; missing text is the empty string.
public enum ColumnValues: Sendable, Hashable {
  /// Text values, such as process ids or material names, dictionary-encoded.
  case text(TextColumn)
  /// Numeric values in the column's base unit.
  case number([Double])
  /// Calendar years.
  case year([Int])
  /// Truth values, such as a balance check's `ok`.
  case bool([Bool])

  /// Text values from plain strings.
  public static func text(_ strings: [String]) -> ColumnValues {
    .text(TextColumn(strings))
  }

  /// How many values the column holds.
  public var count: Int {
    switch self {
    case .text(let v): v.count
    case .number(let v): v.count
    case .year(let v): v.count
    case .bool(let v): v.count
    }
  }
}

/// A single value read from a table.
public enum Cell: Sendable, Hashable {
  case text(String)
  case number(Double, Dimension)
  case year(Int)
  case bool(Bool)
}

/// A named, typed column of a ``Table``.
public struct Column: Sendable, Hashable {
  /// The column's name, unique within its table.
  public var name: String
  /// The stored values.
  public var values: ColumnValues
  /// For numeric columns, what the numbers measure; `.none` otherwise.
  public var dimension: Dimension

  /// Creates a column; `dimension` matters only for numeric values.
  public init(_ name: String, _ values: ColumnValues, dimension: Dimension = .none) {
    self.name = name
    self.values = values
    self.dimension = dimension
  }

  /// A text column.
  public static func text(_ name: String, _ values: [String]) -> Column {
    Column(name, .text(values))
  }

  /// A numeric column in base units of `dimension`.
  public static func number(_ name: String, _ values: [Double], _ dimension: Dimension = .none) -> Column {
    Column(name, .number(values), dimension: dimension)
  }

  /// A column of years.
  public static func year(_ name: String, _ values: [Int]) -> Column {
    Column(name, .year(values))
  }

  /// A column of truth values.
  public static func bool(_ name: String, _ values: [Bool]) -> Column {
    Column(name, .bool(values))
  }

  /// How many rows the column has.
  public var count: Int { values.count }

  /// The value at `row`.
  public subscript(row row: Int) -> Cell {
    switch values {
    case .text(let v): .text(v[row])
    case .number(let v): .number(v[row], dimension)
    case .year(let v): .year(v[row])
    case .bool(let v): .bool(v[row])
    }
  }

  /// A new column holding the rows at `indices`, in that order.
  ///
  /// - Complexity: O(`indices.count`).
  public func gathering(_ indices: [Int]) -> Column {
    switch values {
    case .text(let v): Column(name, .text(v.gathered(indices)), dimension: dimension)
    case .number(let v): Column(name, .number(indices.map { v[$0] }), dimension: dimension)
    case .year(let v): Column(name, .year(indices.map { v[$0] }), dimension: dimension)
    case .bool(let v): Column(name, .bool(indices.map { v[$0] }), dimension: dimension)
    }
  }
}
