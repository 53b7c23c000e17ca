import FlowModel

extension Parser {
  /// A verb and its clauses, driven by the verb's signature.
  mutating func parseVerb(_ signature: VerbSignature) throws(Abort) -> VerbSyntax {
    let nameToken = advance()
    var clauses: [VerbSyntax.Clause] = []
    let specs = signature.clauses.sorted { $0.words.count > $1.words.count }
    if let leading = specs.first(where: { $0.keyword.isEmpty }), !atStageEnd,
      matchClause(specs) == nil
    {
      clauses.append(try parseClauseArguments(leading, keywordRange: .at(current.range.start)))
    }
    while !atStageEnd {
      let before = position
      guard let spec = matchClause(specs) else {
        if at(.identifier) {
          let keywords = signature.clauses.map(\.keyword).filter { !$0.isEmpty }
          throw fail(
            Diagnostic(
              .unknownClause, "`\(signature.name)` has no clause `\(current.text)`",
              at: current.range, label: "unknown clause",
              help: Suggestions.didYouMean(current.text, in: keywords),
              notes: ["clauses of `\(signature.name)`: " + keywords.joined(separator: ", ")]))
        }
        throw fail(unexpected: "a clause of `\(signature.name)`")
      }
      let start = current.range.start
      for word in spec.words where word != "{" { advance() }
      clauses.append(try parseClauseArguments(spec, keywordRange: SourceRange(start, previous.range.end)))
      if position == before { break }
    }
    let name = Name(text: nameToken.text, range: nameToken.range)
    return VerbSyntax(name: name, clauses: clauses, range: nameToken.range.union(previous.range))
  }

  /// The clause whose keyword words start at the current token.
  private func matchClause(_ specs: [VerbClauseSpec]) -> VerbClauseSpec? {
    specs.first { spec in
      let words = spec.words
      guard !words.isEmpty else { return false }
      return words.indices.allSatisfy {
        switch words[$0] {
        case ":": peek($0).kind == .colon
        case "{": peek($0).kind == .lBrace
        default: peek($0).isKeyword(words[$0])
        }
      }
    }
  }

  private mutating func parseClauseArguments(
    _ spec: VerbClauseSpec, keywordRange: SourceRange
  ) throws(Abort) -> VerbSyntax.Clause {
    var clause = VerbSyntax.Clause(keyword: spec.keyword, range: keywordRange, arguments: [])
    switch spec.arity {
    case .flag:
      break
    case .one:
      clause.arguments = [try parseExpression()]
    case .list:
      repeat {
        if at(.comma) { advance() }
        clause.arguments.append(try parseExpression())
      } while at(.comma)
    case .term:
      clause.term = try parseTerm()
    case .block:
      let open = try expect(.lBrace, "`{`")
      clause.edits = try parseEdits(opening: open)
    case .query:
      if at(.colon) { advance() }
      guard !atStatementEnd else { throw fail(unexpected: "a query after `\(spec.keyword)`") }
      clause.query = try parseQuery()
    }
    clause.range = clause.range.union(previous.range)
    return clause
  }

  /// `kind [with (name = value, …)]`.
  mutating func parseChart() throws(Abort) -> ChartSyntax {
    let kind = try expectName(
      "a chart kind", help: "kinds: " + ChartKind.allCases.map(\.rawValue).joined(separator: ", "))
    guard ChartKind(rawValue: kind.text.lowercased()) != nil else {
      throw fail(
        Diagnostic(
          .unknownChartKind, "unknown chart kind `\(kind.text)`", at: kind.range, label: "not a chart kind",
          help: Suggestions.didYouMean(kind.text, in: ChartKind.allCases.map(\.rawValue)),
          notes: ["kinds: " + ChartKind.allCases.map(\.rawValue).joined(separator: ", ")]))
    }
    var options: [(name: Name, value: Expr)] = []
    if atKeyword("with") {
      advance()
      let open = try expect(.lParen, "`(` after `with`", help: "e.g. `chart bar with (title = \"Inflow\")`")
      options = try parseParenthesised(after: open, what: "option") { (p: inout Parser) throws(Abort) in
        try p.parseChartOption(for: kind)
      }
    }
    return ChartSyntax(kind: kind, options: options, range: kind.range.union(previous.range))
  }

  /// `name = value` inside `chart … with (…)`: a known option that applies to `kind`.
  private mutating func parseChartOption(for kind: Name) throws(Abort) -> (name: Name, value: Expr) {
    let names = ChartOption.allCases.map(\.rawValue)
    let name = try expectName("an option name", help: "options: " + names.joined(separator: ", "))
    guard let option = ChartOption(rawValue: name.text.lowercased()) else {
      throw fail(
        Diagnostic(
          .unknownChartOption, "unknown chart option `\(name.text)`", at: name.range,
          label: "not a chart option",
          help: Suggestions.didYouMean(name.text, in: names),
          notes: ["options: " + names.joined(separator: ", ")]))
    }
    if let chartKind = ChartKind(rawValue: kind.text.lowercased()), !option.kinds.contains(chartKind) {
      throw fail(
        Diagnostic(
          .chartOptionNotForKind, "`\(option.rawValue)` does not apply to `chart \(chartKind.rawValue)`",
          at: name.range, label: "not for \(chartKind.rawValue)",
          help: "`\(option.rawValue)` applies to \(option.kindList); leave it out or change the kind"))
    }
    try expect(.assign, "`=` after `\(name.text)`")
    let value: Expr
    if at(.percent) {
      let p = advance()
      value = Expr(kind: .string("%"), range: p.range)
    } else {
      value = try parseExpression()
    }
    return (name, value)
  }

}
