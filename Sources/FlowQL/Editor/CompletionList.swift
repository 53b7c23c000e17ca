import FlowModel

/// Completion candidates for a cursor position, as Jupyter's `complete_reply` wants them.
public struct CompletionList: Sendable, Hashable {
  /// The candidate texts, in a useful order.
  public var matches: [String]
  /// The first scalar offset to replace (the start of the partial word).
  public var start: Int
  /// One past the last scalar offset to replace.
  public var end: Int
  /// The kind of each match ("keyword", "column", "function", "table", "process", …).
  public var types: [String]
  /// A short documentation text per match (a process's display name), or empty.
  public var documentation: [String] = []
}

extension Session {
  /// Candidates for the word at `cursor` (a Unicode-scalar offset into `code`).
  ///
  /// The candidates depend on where the cursor is: statement keywords and tables at the start,
  /// stage keywords after `|`, the columns of the table at that point of the pipeline inside a
  /// stage, process and material names inside quotes, option names after `set`, chart kinds
  /// after `chart` and option names inside `with (…)`.
  public func completions(in code: String, cursor: Int) -> CompletionList {
    let source = SourceText(code)
    let cursor = min(max(0, cursor), source.scalars.count)
    var start = cursor
    while start > 0, Lexer.isIdentifierPart(source.scalars[start - 1]) { start -= 1 }
    var end = cursor
    while end < source.scalars.count, Lexer.isIdentifierPart(source.scalars[end]) { end += 1 }
    let partial = source.text(SourceRange(start, cursor))
    let prefix = SourceText(source.text(SourceRange(0, cursor)))
    let (allTokens, _) = Lexer.tokenize(prefix)
    var tokens = Array(allTokens.dropLast())  // eof

    // Inside an open string: process and material names.
    if let last = tokens.last, last.kind == .string, !last.isTerminated {
      let stringStart = last.range.start + 1
      var stringEnd = cursor
      while stringEnd < source.scalars.count, source.scalars[stringEnd] != "\"", source.scalars[stringEnd] != "'",
        source.scalars[stringEnd] != "\n"
      { stringEnd += 1 }
      return quotedCompletion(last.text, code: source, cursor: cursor, range: (stringStart, stringEnd))
    }
    if let last = tokens.last, last.kind == .identifier || last.kind == .number, last.range.end == cursor,
      last.range.start == start
    {
      tokens.removeLast()
    }
    // The current statement's tokens.
    if let cut = tokens.lastIndex(where: { $0.kind == .newline || $0.kind == .semicolon }) {
      tokens = Array(tokens[(cut + 1)...])
    }
    tokens = nestedQuery(in: tokens)
    let candidates = candidates(tokens, prefix: prefix)
    var matches: [String] = []
    var types: [String] = []
    let typed = partial.lowercased()
    for (name, type) in candidates where name.lowercased().hasPrefix(typed) && !matches.contains(name) {
      matches.append(name)
      types.append(type)
    }
    return CompletionList(matches: matches, start: start, end: end, types: types)
  }

  /// Candidates (name, type) for the place after `tokens`.
  private func candidates(_ tokens: [Token], prefix: SourceText) -> [(String, String)] {
    func tagged(_ names: [String], _ type: String) -> [(String, String)] { names.map { ($0, type) } }
    let tableNames = Evaluator(catalog: catalog, bindings: bindings, source: prefix, isCancelled: { false }).tableNames
    let verbs = catalog.verbs.signatures
    guard let first = tokens.first else {
      return tagged(tableNames, "table")
        + tagged(bindings.keys.sorted().filter { !tableNames.contains($0) }, "variable")
        + tagged(verbs.map(\.name), "verb") + tagged(Parser.statementKeywords, "keyword")
    }
    switch first.keyword {
    case "set":
      if tokens.count == 1 { return tagged(Options.names, "option") }
      if tokens.count >= 3, tokens[1].keyword == "units" {
        return tagged(["auto"], "keyword") + tagged(Unit.all.map(\.symbol), "unit")
      }
      if tokens.count >= 3, tokens[1].keyword == "rows" { return tagged(["all"], "keyword") }
      return []
    case "help":
      return tagged(Help.topics(catalog).map(\.name), "topic")
    default: break
    }
    let last = tokens[tokens.count - 1]
    if last.kind == .dot, tokens.count >= 2, ["source", "target"].contains(tokens[tokens.count - 2].text) {
      return tagged(processFields(tokens), "field")
    }
    if last.kind == .pipe {
      return tagged(Parser.stageKeywords + ["in"], "keyword") + tagged(verbs.filter(\.acceptsInput).map(\.name), "verb")
    }
    guard let pipeIndex = tokens.lastIndex(where: { $0.kind == .pipe }) else {
      // Still in the source: a verb's clauses and their values, or `let name =` followed by a source.
      if let verb = verbs.first(where: { $0.name == first.keyword }) {
        return clauseValues(verb, tokens) + tagged(verb.clauses.map(\.keyword).filter { !$0.isEmpty }, "keyword")
      }
      if first.keyword == "let", last.kind == .assign {
        return tagged(tableNames, "table") + tagged(verbs.map(\.name), "verb")
      }
      return tagged(Functions.scalarNames, "function")
    }
    let stage = Array(tokens[(pipeIndex + 1)...])
    let keyword = stage.first?.keyword ?? ""
    let columns = tagged(columnsBefore(pipe: tokens[pipeIndex], statementStart: first, prefix: prefix), "column")
    switch keyword {
    case "in":
      return tagged(stage.count == 1 ? ["scenario", "model"] : [], "keyword") + tagged(catalog.models.names, "model")
    case "chart", "render":
      if stage.count == 1 { return tagged(ChartKind.allCases.map(\.rawValue), "chart") }
      if stage.count == 2 { return tagged(["with"], "keyword") }
      let kind = ChartKind(rawValue: stage[1].keyword)
      if last.kind == .lParen || last.kind == .comma {
        return tagged(ChartOption.allCases.filter { kind.map($0.kinds.contains) ?? true }.map(\.rawValue), "option")
      }
      if last.kind == .assign || last.kind == .lBracket {
        let name = stage.count >= 2 ? stage[stage.count - 2].keyword : ""
        switch ChartOption(rawValue: name)?.value {
        case .unit?: return tagged(Unit.all.map(\.symbol), "unit")
        case .choice(let words)?: return tagged(words, "value")
        case .order?: return tagged(["value", "name", "none"], "value")
        case .truth?: return tagged(["true", "false"], "value")
        case .column?, .columns?: return columns
        default: return []
        }
      }
      return []
    case "join":
      if stage.count == 1 || (stage.count == 2 && JoinKind(rawValue: stage[1].keyword) != nil) {
        return tagged(tableNames, "table") + tagged(["inner", "left"], "keyword")
      }
      if stage.count >= 2, !stage.contains(where: { $0.isKeyword("on") }) { return tagged(["on"], "keyword") }
      return columns
    case "top":
      if stage.count == 2 { return tagged(["by"], "keyword") }
      return columns
    case "summarize":
      if stage.contains(where: { $0.isKeyword("by") }) { return columns + tagged(Functions.scalarNames, "function") }
      return columns + tagged(Functions.aggregateNames, "function") + tagged(["by"], "keyword")
    case "pivot":
      if last.kind == .assign { return columns }
      return tagged(["columns", "values"], "keyword")
    default:
      return columns + tagged(Functions.scalarNames, "function") + tagged(["and", "or", "not", "in"], "keyword")
    }
  }

  /// The values a verb clause suggests right after its keyword (or after a `,` in its list):
  /// years, process ids, model names or fixed words.
  private func clauseValues(_ verb: VerbSignature, _ tokens: [Token]) -> [(String, String)] {
    var i = tokens.count - 1
    while i >= 2, tokens[i].kind == .comma { i -= 2 }  // back over `value,` to the keyword
    var spec = verb.clauses.first { clause in
      let words = clause.words
      guard !words.isEmpty, i + 1 >= words.count else { return false }
      return words.indices.allSatisfy { k in
        let t = tokens[i + 1 - words.count + k]
        return words[k] == "{" ? t.kind == .lBrace : t.isKeyword(words[k])
      }
    }
    if spec == nil, i == 0 { spec = verb.clauses.first { $0.keyword.isEmpty } }
    guard let spec else { return [] }
    let model = catalog.models.current?.model
    switch spec.values {
    case .none: return []
    case .words(let words): return words.map { ($0, "keyword") }
    case .years: return (model?.years ?? []).reversed().map { (String($0), "year") }
    case .processes: return (model?.processes.map(\.id) ?? []).map { ($0, "process") }
    case .models: return catalog.models.names.map { ($0, "model") }
    }
  }

  /// The column names of the table that reaches `pipe`.
  func columnsBefore(pipe: Token, statementStart: Token, prefix: SourceText) -> [String] {
    var start = statementStart.range.start
    if statementStart.keyword == "let" {
      let text = prefix.text(SourceRange(start, pipe.range.start))
      if let eq = text.unicodeScalars.firstIndex(of: "=") {
        start += text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: eq) + 1
      }
    }
    return table(forQueryText: prefix.text(SourceRange(start, pipe.range.start)))?.columnNames ?? []
  }

  /// Evaluates query text without changing the session; nil on any error.
  func table(forQueryText text: String) -> Table? {
    let source = SourceText(text)
    let (program, diagnostics) = Parser.parse(source, verbs: catalog.verbs.signatures)
    guard diagnostics.isEmpty, program.statements.count == 1, case .query(let q) = program.statements[0].kind else {
      return nil
    }
    var evaluator = Evaluator(catalog: catalog, bindings: bindings, source: source, isCancelled: { false })
    guard case .table(let t, _)? = try? evaluator.evaluate(q) else { return nil }
    return t
  }

  /// Inside a verb's `.query` clause (`compare a, b: flows | where …`), the tokens of the nested
  /// query, so completion sees its pipeline rather than the verb's.
  func nestedQuery(in tokens: [Token]) -> [Token] {
    guard let first = tokens.first, let verb = catalog.verbs.verb(named: first.keyword)?.signature else {
      return tokens
    }
    for spec in verb.clauses where spec.arity == .query {
      let words = spec.words
      guard !words.isEmpty, tokens.count > words.count else { continue }
      for i in 1..<(tokens.count - words.count + 1) {
        let match = words.indices.allSatisfy { k in
          words[k] == ":" ? tokens[i + k].kind == .colon : tokens[i + k].isKeyword(words[k])
        }
        if match {
          var rest = Array(tokens[(i + words.count)...])
          if rest.first?.kind == .colon { rest.removeFirst() }
          return rest
        }
      }
    }
    return tokens
  }
}
