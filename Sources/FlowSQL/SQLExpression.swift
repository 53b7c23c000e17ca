/// A value bound as a query parameter, never written into the SQL text.
public enum SQLValue: Sendable, Hashable {
  case text(String)
  case number(Double)
  case integer(Int)
  case bool(Bool)
}

/// The binary operators the compiler uses.
public enum SQLOperator: String, Sendable {
  case and = "AND"
  case or = "OR"
  case equal = "="
  case notEqual = "<>"
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case concat = "||"
}

/// A SQL expression tree. User text can only enter as a ``SQLValue`` (a parameter) or a column
/// name (quoted by the dialect).
public indirect enum SQLExpression: Sendable {
  /// A column of the step's input, optionally of a join side (`l` or `r`).
  case column(String, side: String? = nil)
  case value(SQLValue)
  /// A whole number the compiler computed (a `round` digit count), written as a literal.
  case integer(Int)
  case binary(SQLOperator, SQLExpression, SQLExpression)
  case not(SQLExpression)
  case negate(SQLExpression)
  case call(SQLFunction, [SQLExpression])
  /// `CASE WHEN condition THEN value ELSE otherwise END` (`ELSE NULL` when `otherwise` is nil).
  case when(SQLExpression, then: SQLExpression, otherwise: SQLExpression?)
  case isNull(SQLExpression)
  case inList(SQLExpression, [SQLExpression])
  case between(SQLExpression, SQLExpression, SQLExpression)
  case cast(SQLExpression, SQLType)
  /// `COUNT(*)`.
  case countRows
  /// `SUM(SUM(x)) OVER ()`: the total of a grouped sum over every group.
  case totalOverGroups(SQLExpression)
  /// `ROW_NUMBER() OVER (ORDER BY …)`.
  case rowNumber([SQLOrder])
}

/// One `ORDER BY` key; missing values sort last either way, as FlowQL's `sort` does.
public struct SQLOrder: Sendable {
  public var expression: SQLExpression
  public var descending: Bool

  public init(_ expression: SQLExpression, descending: Bool) {
    self.expression = expression
    self.descending = descending
  }
}
