import FlowModel
import FlowSQL

extension Evaluator {
  /// The connection `name` refers to, or `E202`.
  func database(_ name: Name) throws(Diagnostic) -> any SQLDatabase {
    if let db = catalog.connections[name.text] { return db }
    let names = catalog.connections.keys.sorted()
    throw Diagnostic(
      .unknownName, "unknown connection `\(name.text)`", at: name.range, label: "no connection of this name",
      help: Suggestions.didYouMean(name.text, in: names)
        ?? "connect first: `connect \"postgresql://user@host/db\" as \(name.text)`",
      notes: names.isEmpty ? [] : ["connections: " + Suggestions.list(names)])
  }

  /// A database error as a diagnostic at `range`.
  func diagnostic(_ error: SQLError, at range: SourceRange) -> Diagnostic {
    switch error {
    case .cancelled:
      Diagnostic(
        .interrupted, "interrupted", at: range, label: "the query was cancelled on the server",
        notes: ["bindings made before the interrupt are kept"])
    case .tooManyRows(let limit):
      Diagnostic(
        .tooManyRows, error.message, at: range, label: "the stages up to here run in the database",
        help: "add a `| summarize … by …` (it runs in the database) or raise the limit: `set fetch = \(limit * 10)`")
    case .connectionFailed:
      Diagnostic(
        .cannotConnect, error.message, at: range, help: "check the server, the user and PGPASSWORD or ~/.pgpass")
    case .passwordInConnectionString:
      Diagnostic(
        .passwordInConnectionString, error.message, at: range, label: "not shown, not kept",
        help: "remove the password; put it in PGPASSWORD or ~/.pgpass (FlowQL never shows it)")
    case .connectionLost:
      Diagnostic(.databaseFailed, error.message, at: range, help: "the next cell reconnects")
    case .statementFailed:
      Diagnostic(
        .databaseFailed, error.message, at: range,
        help: "the database's message names what it refused (a table, a column, a value); `| sql` shows the statement")
    }
  }

  /// The first step of a query on `table`: every column, numbers as doubles.
  mutating func sourceCompilation(_ table: TableSyntax, _ db: any SQLDatabase) throws(Diagnostic) -> SQLCompilation {
    let columns: [SQLColumn]
    do {
      columns = try db.columns(of: table.parts, isCancelled: isCancelled)
    } catch {
      throw diagnostic(error, at: table.name.range)
    }
    let items: [(expression: SQLExpression, name: String)] = columns.map { c in
      switch c.kind {
      case .integer where c.name == "year", .text, .bool: (.column(c.name), c.name)
      case .integer, .float: (.cast(.column(c.name), .double), c.name)
      case .other: (.cast(.column(c.name), .text), c.name)
      }
    }
    return SQLCompilation(
      pipeline: SQLPipeline(steps: [SQLSelect(items: items, from: .table(table.parts))]),
      connection: table.connection.text,
      schema: .empty(columns, caption: "\(table.name.text) · \(table.connection.text)"))
  }

  /// The source and as many following stages as compile; `stages` start right after the source.
  mutating func compileQuery(_ table: TableSyntax, _ stages: ArraySlice<Stage>) throws(Diagnostic) -> (
    SQLCompilation, any SQLDatabase
  ) {
    let db = try database(table.connection)
    var c = try sourceCompilation(table, db)
    for stage in stages {
      try checkCancelled(stage.keyword.range)
      guard try compile(stage, onto: &c, db) else { break }
    }
    return (c, db)
  }

  /// Runs the compiled statement; a result over `fetchLimit` rows is `E503`, found out by the
  /// database before any row is sent (``SQLDatabase/run(_:rowLimit:isCancelled:)``).
  mutating func fetch(_ c: SQLCompilation, _ db: any SQLDatabase, at range: SourceRange) throws(Diagnostic) -> Table {
    let statement = c.statement(db.dialect)
    do {
      let rows = try db.run(statement, rowLimit: fetchLimit, isCancelled: isCancelled)
      return Table.from(rows, schema: c.schema)
    } catch {
      throw diagnostic(error, at: range)
    }
  }

  /// `| sql [dialect]`: the statement as text, parameters listed after it.
  func sqlText(_ c: SQLCompilation, _ db: any SQLDatabase, dialect name: Name?) throws(Diagnostic) -> String {
    var dialect = db.dialect
    if let name {
      guard let d = SQLDialect(rawValue: name.text.lowercased()) else {
        throw Diagnostic(
          .notCompilable, "unknown SQL dialect `\(name.text)`", at: name.range, label: "not a dialect",
          help: Suggestions.didYouMean(name.text, in: SQLDialect.allCases.map(\.rawValue)),
          notes: ["dialects: " + SQLDialect.allCases.map(\.rawValue).joined(separator: ", ")])
      }
      dialect = d
    }
    let statement = c.statement(dialect)
    var text = statement.text + "\n"
    if !statement.parameters.isEmpty {
      text += "-- parameters: " + JSONText.array(statement.parameters) + "\n"
    }
    return text
  }
}

extension JSONText {
  /// Parameters as a JSON array, so a reader (or a test) can bind them.
  static func array(_ values: [SQLValue]) -> String {
    "[" + values.map(parameter).joined(separator: ", ") + "]"
  }

  private static func parameter(_ v: SQLValue) -> String {
    switch v {
    case .text(let s): string(s)
    case .number(let d): number(d)
    case .integer(let n): String(n)
    case .bool(let b): b ? "true" : "false"
    }
  }
}
