/// One `SELECT` of a pipeline: it reads the previous step (or a table, or a join of two steps).
public struct SQLSelect: Sendable {
  /// Where a step reads from.
  public enum From: Sendable {
    /// A table of the database, as dotted name parts (`["public", "trade"]`).
    case table([String])
    /// The step before this one.
    case previous
    /// The step before this one (as `l`) joined with step `right` of `pipeline` (as `r`).
    case join(left: Int, right: Int, outer: Bool, on: [(left: String, right: String)])
  }

  public var items: [(expression: SQLExpression, name: String)]
  public var from: From
  public var filter: SQLExpression?
  public var groupBy: [SQLExpression] = []
  public var orderBy: [SQLOrder] = []
  public var limit: Int?

  public init(items: [(expression: SQLExpression, name: String)], from: From, filter: SQLExpression? = nil) {
    self.items = items
    self.from = from
    self.filter = filter
  }
}

/// A statement to run: SQL text and its parameters in placeholder order.
public struct SQLStatement: Sendable, Hashable {
  public var text: String
  public var parameters: [SQLValue]

  public init(text: String, parameters: [SQLValue]) {
    self.text = text
    self.parameters = parameters
  }
}

/// Steps that each read the one before, rendered as one statement: every step but the last
/// becomes a common table expression (`WITH s1 AS (…), s2 AS (…) SELECT … FROM s2`).
public struct SQLPipeline: Sendable {
  public var steps: [SQLSelect] = []

  public init(steps: [SQLSelect] = []) {
    self.steps = steps
  }

  /// The statement in `dialect`.
  public func render(_ dialect: SQLDialect) -> SQLStatement {
    var writer = SQLWriter(dialect: dialect)
    var ctes: [String] = []
    for (index, step) in steps.enumerated() {
      let text = writer.select(step, index: index)
      if index == steps.count - 1 {
        let with = ctes.isEmpty ? "" : "WITH " + ctes.joined(separator: ",\n") + "\n"
        return SQLStatement(text: with + text, parameters: writer.parameters)
      }
      ctes.append("\(SQLWriter.stepName(index)) AS (\n  " + text.replacing("\n", with: "\n  ") + "\n)")
    }
    return SQLStatement(text: "", parameters: [])
  }
}
