import FlowModel
import Testing

@testable import FlowQL

/// The database statements without a server: parsing, and the errors that need no connection.
/// Queries against a real PostgreSQL are in Tests/python/test_database.py.
@Suite struct DatabaseSyntaxTests {
  private func parse(_ code: String) -> Program {
    let (program, diagnostics) = Parser.parse(SourceText(code))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return program
  }

  @Test func tableSourceNamesTheTableAndTheConnection() throws {
    let program = parse(#"table "public.trade" in wh | where year == 2022 | sql duckdb"#)
    guard case .query(let q) = try #require(program.statements.first).kind, case .table(let t) = q.source else {
      Issue.record("not a table source")
      return
    }
    #expect(t.parts == ["public", "trade"])
    #expect(t.connection.text == "wh")
    guard case .sql(let dialect) = q.stages.last?.kind else {
      Issue.record("last stage is not sql")
      return
    }
    #expect(dialect?.text == "duckdb")
  }

  @Test func connectLoadTableAndJoinOnATableParse() throws {
    let program = parse(
      """
      connect "postgresql://me@db.example.org:5432/mfa" as wh
      load table "public.flows" in wh as big processes "public.processes"
      table "f" in wh | join left table "p" in wh on source = id
      connections
      """)
    let kinds = program.statements.map(\.kind)
    guard case .connect(let target, let name) = kinds[0], case .string(let url) = target.kind else {
      Issue.record("not connect")
      return
    }
    #expect(url == "postgresql://me@db.example.org:5432/mfa" && name.text == "wh")
    guard case .loadTable(let load) = kinds[1] else {
      Issue.record("not load table")
      return
    }
    #expect(
      load.flows.parts == ["public", "flows"] && load.model.text == "big" && load.processes?.text == "public.processes")
    guard case .query(let q) = kinds[2], case .join(.left, .table(let right), let keys) = q.stages[0].kind else {
      Issue.record("not a join on a table")
      return
    }
    #expect(right.parts == ["p"] && keys.map(\.left.text) == ["source"] && keys.map(\.right.text) == ["id"])
    guard case .connections = kinds[3] else {
      Issue.record("not connections")
      return
    }
  }

  @Test func anUnknownConnectionSaysHowToConnect() {
    var session = Fixtures.session()
    let result = session.run(#"table "public.trade" in wh | take 5"#)
    #expect(result.errors.first?.code == .unknownName)
    #expect(result.renderedErrors.contains(#"connect first: `connect "postgresql://user@host/db" as wh`"#))
  }

  @Test func sqlNeedsADatabaseQuery() {
    var session = Fixtures.session()
    let result = session.run("flows | sql")
    #expect(result.errors.first?.code == .notCompilable)
  }

  @Test func fetchIsAWholeNumberOfRows() {
    var session = Fixtures.session()
    #expect(session.run("set fetch = 0").errors.first?.code == .invalidOptionValue)
    #expect(session.run("set fetch = 2500").succeeded)
    #expect(session.options.fetch == 2500)
  }

  @Test func connectionsListsNoneInAFreshSession() {
    var session = Fixtures.session()
    let result = session.run("connections")
    guard case .table(let t, _)? = result.outputs.first else {
      Issue.record("no table")
      return
    }
    #expect(t.rowCount == 0 && t.columnNames == ["connection", "target", "dialect"])
  }
}
