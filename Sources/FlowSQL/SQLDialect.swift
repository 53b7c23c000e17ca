/// The SQL dialects FlowQL generates: PostgreSQL (run by the kernel), DuckDB and Spark SQL
/// (the same queries, checked by the test suite).
public enum SQLDialect: String, Sendable, CaseIterable {
  case postgres, duckdb, spark

  /// An identifier in quotes, quote characters doubled, so any text is read as a name.
  public func quote(_ identifier: String) -> String {
    switch self {
    case .postgres, .duckdb: "\"" + identifier.replacing("\"", with: "\"\"") + "\""
    case .spark: "`" + identifier.replacing("`", with: "``") + "`"
    }
  }

  /// A dotted table name (`public.trade`), each part quoted.
  public func quote(table: [String]) -> String {
    table.map(quote).joined(separator: ".")
  }

  /// The placeholder of the `index`-th parameter (1-based).
  public func placeholder(_ index: Int) -> String {
    switch self {
    case .postgres, .duckdb: "$\(index)"
    case .spark: "?"
    }
  }

  /// The name of a SQL type in this dialect.
  func name(of type: SQLType) -> String {
    switch (type, self) {
    case (.double, .postgres): "DOUBLE PRECISION"
    case (.double, _): "DOUBLE"
    case (.numeric, .spark): "DECIMAL(38, 12)"
    case (.numeric, _): "NUMERIC"
    case (.text, .spark): "STRING"
    case (.text, .duckdb): "VARCHAR"
    case (.text, .postgres): "TEXT"
    }
  }

  /// The name of a function in this dialect.
  func name(of function: SQLFunction) -> String {
    switch (function, self) {
    case (.length, .duckdb): "length"
    case (.length, _): "char_length"
    case (.position, .spark): "instr"
    case (.position, _): "strpos"
    case (.startsWith, .spark): "startswith"
    default: function.rawValue
    }
  }
}

/// The SQL types the compiler casts to.
public enum SQLType: Sendable {
  case double, numeric, text
}

/// The functions the compiler calls (their names differ by dialect where noted).
public enum SQLFunction: String, Sendable {
  case sum, avg, min, max, abs, floor, ceil, sqrt, ln, log10, round, lower, upper, coalesce, nullif
  case length, position
  case startsWith = "starts_with"
  case right
}
