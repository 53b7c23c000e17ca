import FlowModel

extension Session {
  /// Docs for what is under `cursor`: a keyword, stage, function, unit, option, chart kind or
  /// verb; for a column, its type, unit and example values; for a table or `let` name, its
  /// shape; for a quoted process id, its row of the processes table. Nil when nothing applies.
  ///
  /// - Parameter detail: 0 for a short answer, 1 or more for the full docs.
  public func inspect(code: String, cursor: Int, detail: Int = 0) -> String? {
    let source = SourceText(code)
    var lexer = Lexer(source)
    let tokens = lexer.lexAll()
    guard let token = tokens.last(where: { $0.range.touches(cursor) && $0.kind != .eof && $0.kind != .newline }) else {
      return nil
    }
    if let answer = inspectInModel(token, code: source, tokens: tokens) { return answer }
    if token.kind == .string { return describeValue(token.text) }
    if token.kind == .percent { return Help.topic("%", catalog).map { $0.text } }
    guard token.kind == .identifier else { return nil }
    let name = token.text
    // A column of the table at that point of the pipeline?
    let before = tokens.filter { $0.range.end <= token.range.start }
    let statementTokens =
      before.split(omittingEmptySubsequences: false) { $0.kind == .newline || $0.kind == .semicolon }.last ?? []
    if let pipe = statementTokens.last(where: { $0.kind == .pipe }), let first = statementTokens.first,
      let table = table(forQueryText: prefixText(source, first, pipe)), let column = table[name]
    {
      return describe(column, rows: table.rowCount)
    }
    if let binding = bindings[name] {
      switch binding {
      case .table(let t):
        return "`\(name)`: a table bound by `let`, \(t.rowCount) rows × \(t.columns.count) columns\ncolumns: "
          + t.columnNames.joined(separator: ", ")
      case .value(let v): return "`\(name)`: a value bound by `let`: \(options.format(v))"
      }
    }
    // A clause keyword of the verb this statement (or stage) starts with.
    let stageTokens = statementTokens.split { $0.kind == .pipe }.last ?? []
    if let verbName = stageTokens.first?.keyword, let verb = catalog.verbs.verb(named: verbName)?.signature,
      stageTokens.count > 0, let clause = verb.clauses.first(where: { $0.words.first == token.keyword })
    {
      return
        "`\(verb.name) … \(clause.keyword)`: \(clause.summary.isEmpty ? "a clause of `\(verb.name)`" : clause.summary)"
        + "\n\(verb.name): \(verb.summary)"
    }
    let afterChart = ["chart", "render"].contains(before.last?.keyword ?? "")
    if let topic = afterChart ? Help.builtIn.first(where: { $0.name == name.lowercased() }) : Help.topic(name, catalog)
    {
      var text = detail > 0 ? topic.text : topic.line + (topic.example.isEmpty ? "" : "\nExample: \(topic.example)")
      if topic.category == .source, let t = catalog.tables[name] {
        text += "\n\(t.rowCount) rows; columns: " + t.columnNames.joined(separator: ", ")
      }
      return text
    }
    return nil
  }

  private func prefixText(_ source: SourceText, _ first: Token, _ pipe: Token) -> String {
    var start = first.range.start
    if first.keyword == "let" {
      let text = source.text(SourceRange(start, pipe.range.start))
      if let eq = text.unicodeScalars.firstIndex(of: "=") {
        start += text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: eq) + 1
      }
    }
    return source.text(SourceRange(start, pipe.range.start))
  }

  /// "column mass: number in t (mass) …".
  private func describe(_ column: Column, rows: Int) -> String {
    let type = Vector.typeName(column.values)
    let unit = column.dimension == .none ? "" : " in \(column.dimension.baseSymbol) (\(column.dimension.rawValue))"
    let examples = Evaluator.exampleValues(column, limit: 5).joined(separator: ", ")
    return "column `\(column.name)`: \(type)\(unit), \(rows) row\(rows == 1 ? "" : "s")\nexamples: \(examples)"
  }

  /// A process or material named in quotes.
  private func describeValue(_ text: String) -> String? {
    if catalog.materials.contains(text) { return "material \"\(text)\"" }
    guard catalog.processes.contains(text) else { return nil }
    guard let processes = catalog.tables["processes"] else { return "process \"\(text)\"" }
    for key in ["id", "name"] {
      guard case .text(let values)? = processes[key]?.values, let row = values.firstIndex(of: text) else { continue }
      let fields = processes.columns.map { "\($0.name): \(options.format($0[row: row]))" }
      return "process \"\(text)\"\n" + fields.joined(separator: "\n")
    }
    return "process \"\(text)\""
  }
}
