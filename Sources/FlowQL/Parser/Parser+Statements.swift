extension Parser {
  /// The words that start a statement other than a query.
  static let statementKeywords = ["let", "set", "print", "warn", "help", "clear", "connect", "connections"]

  mutating func parseStatement() throws(Abort) -> Statement {
    let start = current.range.start
    let kind: Statement.Kind
    switch current.keyword {
    case "let":
      advance()
      let name = try expectName("a name after `let`", help: "e.g. `let y2020 = flows | where year == 2020`")
      try expect(.assign, "`=` after `let \(name.text)`", help: "e.g. `let \(name.text) = flows | where year == 2020`")
      kind = .binding(name: name, value: try parseQuery())
    case "set":
      advance()
      let option = try expectName(
        "an option name after `set`", help: "options: \(Options.names.joined(separator: ", "))")
      try expect(.assign, "`=` after `set \(option.text)`", help: "e.g. `set rows = 20`")
      kind = .set(option: option, value: try parseOptionValue())
    case "print", "warn":
      let isPrint = current.keyword == "print"
      advance()
      let value = try parseExpression()
      kind = isPrint ? .print(value) : .warn(value)
    case "help":
      advance()
      kind = .help(topic: parseHelpTopic())
    case "clear" where peek().kind == .newline || peek().kind == .semicolon || peek().kind == .eof:
      advance()
      kind = .clear
    case "connect" where peek().kind == .string:
      kind = try parseConnect()
    case "connections" where peek().kind == .newline || peek().kind == .semicolon || peek().kind == .eof:
      advance()
      kind = .connections
    case "load" where peek().isKeyword("table"):
      kind = try parseLoadTable()
    default:
      kind = .query(try parseQuery())
    }
    return Statement(kind: kind, range: SourceRange(start, previous.range.end))
  }

  /// `help` takes the rest of the statement as its topic, whatever the tokens are; words apart
  /// stay one space apart (`help load table`).
  mutating func parseHelpTopic() -> Name? {
    guard !atStatementEnd else { return nil }
    let start = current.range.start
    var end = start
    var text = ""
    while !atStatementEnd {
      let t = advance()
      if !text.isEmpty, t.range.start > end { text += " " }
      text += t.kind == .string ? t.text : source.text(t.range)
      end = t.range.end
    }
    return Name(text: text.trimmingSpaces, range: SourceRange(start, end))
  }

  /// A `set` value: `%` alone is allowed (`set units = %` is silly but harmless).
  mutating func parseOptionValue() throws(Abort) -> Expr {
    if at(.percent) {
      let t = advance()
      return Expr(kind: .name("%"), range: t.range)
    }
    return try parseExpression()
  }

  /// A query: a source and its stages; also used for bare expressions.
  mutating func parseQuery() throws(Abort) -> Query {
    let start = current.range.start
    let origin = try parseSource()
    var stages: [Stage] = []
    var failed = false
    var chartStage: Stage?
    var saveStage: Stage?
    while at(.pipe), errorCount < Self.maxErrors {
      let before = position
      let pipe = advance()
      do {
        let stage = try parseStage(after: pipe)
        if let chart = chartStage, !stage.isSave {
          throw fail(
            Diagnostic(
              .chartNotLast, "`\(stage.keyword.text)` comes after `chart`", at: stage.keyword.range,
              label: "no stage may follow `chart`",
              help: "move `| \(chart.keyword.text) …` to the end of the query"))
        }
        try checkAfterSave(stage, saveStage)
        if case .chart = stage.kind { chartStage = stage }
        if case .save = stage.kind { saveStage = stage }
        stages.append(stage)
      } catch {
        failed = true
        skipStage()
      }
      if position == before { advance() }
    }
    if failed { throw Abort() }
    return Query(source: origin, stages: stages, range: SourceRange(start, previous.range.end))
  }

  /// A table name, a verb with clauses, or an expression.
  mutating func parseSource() throws(Abort) -> Source {
    if atStatementEnd || at(.pipe) {
      throw fail(
        Diagnostic(
          .expectedQuery, "expected a table or a verb before `|`",
          at: at(.pipe) ? current.range : .at(previous.range.end),
          label: "the query must start with a table",
          help: "start with `flows`, `processes`, `stocks` or a `let` name, as in `flows | take 5`"))
    }
    if atKeyword("table"), peek().kind == .string { return .table(try parseTableSource()) }
    if current.kind == .identifier, let signature = verbs[current.keyword],
      !peek().kind.continuesLine || peek().kind == .pipe
        || (peek().kind == .colon && signature.clauses.contains { $0.keyword == ":" })
    {
      return .verb(try parseVerb(signature))
    }
    let expr = try parseExpression()
    if case .name(let n) = expr.kind { return .name(Name(text: n, range: expr.range)) }
    if at(.pipe) {
      throw fail(
        Diagnostic(
          .expectedQuery, "a query must start with a table or a verb", at: expr.range,
          label: "this is a single value, not a table",
          help: "start with a table such as `flows`, or a verb such as `sankey`"))
    }
    return .expression(expr)
  }
}
