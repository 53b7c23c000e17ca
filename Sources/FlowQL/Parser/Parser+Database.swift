extension Parser {
  /// `connect "postgresql://user@host/db" as name`.
  mutating func parseConnect() throws(Abort) -> Statement.Kind {
    advance()
    let target = try parseExpression()
    guard atKeyword("as") else {
      throw fail(
        unexpected: "`as` and a name after the connection string",
        help: "e.g. `connect \"postgresql://me@localhost/db\" as wh`")
    }
    advance()
    return .connect(target: target, name: try expectName("a name for the connection", help: "e.g. `as wh`"))
  }

  /// `table "schema.name" in connection`.
  mutating func parseTableSource() throws(Abort) -> TableSyntax {
    let start = advance().range.start
    let nameToken = try expect(.string, "a table name in quotes", help: "e.g. `table \"public.trade\" in wh`")
    let name = Name(text: nameToken.text, range: nameToken.range)
    guard atKeyword("in") else {
      throw fail(
        unexpected: "`in` and a connection after `table \"\(name.text)\"`",
        help: "e.g. `table \"\(name.text)\" in wh`, after `connect \"…\" as wh`")
    }
    advance()
    let connection = try expectName(
      "a connection name after `in`", help: "connections are named by `connect … as name`")
    return TableSyntax(name: name, connection: connection, range: SourceRange(start, connection.range.end))
  }

  /// `load table "public.flows" in wh as name [processes "public.processes"]`.
  mutating func parseLoadTable() throws(Abort) -> Statement.Kind {
    advance()
    let flows = try parseTableSource()
    guard atKeyword("as") else {
      throw fail(
        unexpected: "`as` and a model name",
        help: "e.g. `load table \"\(flows.name.text)\" in \(flows.connection.text) as m`")
    }
    advance()
    let model = try expectName("a model name after `as`")
    var processes: Name?
    if atKeyword("processes") {
      advance()
      let t = try expect(.string, "a processes table in quotes", help: "e.g. `processes \"public.processes\"`")
      processes = Name(text: t.text, range: t.range)
    }
    return .loadTable(LoadTableSyntax(flows: flows, model: model, processes: processes))
  }
}
