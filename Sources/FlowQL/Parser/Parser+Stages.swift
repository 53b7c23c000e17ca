extension Parser {
  /// Every built-in stage keyword, in the order help lists them.
  /// The stage keywords completion and help offer (synonyms such as `filter` are not listed).
  static let stageKeywords = [
    "where", "select", "derive", "drop", "rename", "summarize", "sort", "top", "take", "pivot",
    "join", "schema", "chart", "render", "sql", "save",
  ]

  /// Parses what follows a stage keyword.
  typealias StageParser = @Sendable (inout Parser) throws(Abort) -> Stage.Kind

  /// Every built-in stage by keyword, synonyms included; verbs are looked up after these.
  static let stageParsers: [String: StageParser] = [
    "where": { (p: inout Parser) throws(Abort) in .where(try p.parseExpression()) },
    "filter": { (p: inout Parser) throws(Abort) in .where(try p.parseExpression()) },
    "select": { (p: inout Parser) throws(Abort) in .select(try p.parseAssignments(requireName: false)) },
    "project": { (p: inout Parser) throws(Abort) in .select(try p.parseAssignments(requireName: false)) },
    "derive": { (p: inout Parser) throws(Abort) in .derive(try p.parseAssignments(requireName: true)) },
    "extend": { (p: inout Parser) throws(Abort) in .derive(try p.parseAssignments(requireName: true)) },
    "drop": { (p: inout Parser) throws(Abort) in .drop(try p.parseNameList("a column name to drop")) },
    "rename": { (p: inout Parser) throws(Abort) in .rename(try p.parseRenames()) },
    "summarize": { (p: inout Parser) throws(Abort) in try p.parseSummarize() },
    "sort": { (p: inout Parser) throws(Abort) in try p.parseSort() },
    "top": { (p: inout Parser) throws(Abort) in try p.parseTop() },
    "take": { (p: inout Parser) throws(Abort) in .take(try p.parseExpression()) },
    "limit": { (p: inout Parser) throws(Abort) in .take(try p.parseExpression()) },
    "pivot": { (p: inout Parser) throws(Abort) in try p.parsePivot() },
    "join": { (p: inout Parser) throws(Abort) in try p.parseJoin() },
    "schema": { (_: inout Parser) throws(Abort) in .schema },
    "chart": { (p: inout Parser) throws(Abort) in .chart(try p.parseChart()) },
    "render": { (p: inout Parser) throws(Abort) in .chart(try p.parseChart()) },
    "sql": { (p: inout Parser) throws(Abort) in .sql(dialect: p.at(.identifier) ? try p.expectName("a dialect") : nil)
    },
    "save": { (p: inout Parser) throws(Abort) in try p.parseSave() },
    "in": { (p: inout Parser) throws(Abort) in try p.parseInModel() },
  ]

  /// The stage after `pipe`.
  mutating func parseStage(after pipe: Token) throws(Abort) -> Stage {
    if atStatementEnd || at(.pipe) {
      throw fail(
        Diagnostic(
          .missingStage, "expected a stage after `|`", at: pipe.range, label: "nothing follows this `|`",
          help: "add a stage such as `where`, `select` or `summarize`, or remove the `|`"))
    }
    guard at(.identifier) else { throw fail(unexpected: "a stage such as `where` or `select` after `|`") }
    let keywordToken = advance()
    let keyword = Name(text: keywordToken.text, range: keywordToken.range)
    let kind: Stage.Kind
    if let parse = Self.stageParsers[keywordToken.keyword] {
      kind = try parse(&self)
    } else {
      kind = try parseVerbStage(keyword, word: keywordToken.keyword)
    }
    return Stage(kind: kind, keyword: keyword, range: SourceRange(pipe.range.start, previous.range.end))
  }

  /// `sort [by] keys`.
  private mutating func parseSort() throws(Abort) -> Stage.Kind {
    if atKeyword("by") { advance() }
    return .sort(try parseSortKeys())
  }

  /// `top n by keys [with others]`.
  private mutating func parseTop() throws(Abort) -> Stage.Kind {
    let count = try parseExpression()
    guard atKeyword("by") else {
      throw fail(unexpected: "`by` after `top \(source.text(count.range))`", help: "e.g. `top 10 by mass`")
    }
    advance()
    let keys = try parseSortKeys(defaultDescending: true)
    var others = false
    if atKeyword("with"), peek().isKeyword("others") {
      advance()
      advance()
      others = true
    }
    return .top(count: count, by: keys, others: others)
  }

  /// `in [scenario | model] name`.
  private mutating func parseInModel() throws(Abort) -> Stage.Kind {
    if atKeyword("scenario") || atKeyword("model"), peek().kind == .identifier || peek().kind == .string {
      advance()
    }
    guard at(.identifier) || at(.string) else {
      throw fail(unexpected: "a scenario or model name after `in`", help: "e.g. `| in scenario more_recycling`")
    }
    let t = advance()
    return .inModel(Name(text: t.text, range: t.range))
  }

  /// A verb that takes the table before it, or the error for an unknown stage.
  private mutating func parseVerbStage(_ keyword: Name, word: String) throws(Abort) -> Stage.Kind {
    guard let verb = verbs[word] else {
      let candidates = Self.stageKeywords + verbs.values.filter(\.acceptsInput).map(\.name)
      throw fail(
        Diagnostic(
          .unknownStage, "unknown stage `\(keyword.text)`", at: keyword.range,
          label: "not a stage", help: Suggestions.didYouMean(keyword.text, in: candidates),
          notes: ["stages: " + Self.stageKeywords.joined(separator: ", ")]))
    }
    guard verb.acceptsInput else {
      throw fail(
        Diagnostic(
          .verbNeedsNoInput, "`\(keyword.text)` produces a table and cannot follow `|`",
          at: keyword.range, label: "a verb that starts a query",
          help: "start a new statement with `\(verb.example)`"))
    }
    position -= 1
    return .verb(try parseVerb(verb))
  }

  /// Whether a list may continue after a comma (trailing commas are allowed).
  private var listContinues: Bool { !atStageEnd && !atKeyword("by") && !atKeyword("with") }

  /// `item, item, …` where an item is `name = expr` or (unless `requireName`) an expression.
  mutating func parseAssignments(requireName: Bool, stopAtBy: Bool = false) throws(Abort) -> [Assignment] {
    var items: [Assignment] = []
    repeat {
      if at(.comma) { advance() }
      guard listContinues || items.isEmpty else { break }
      if at(.identifier), peek().kind == .assign {
        let name = Name(text: current.text, range: current.range)
        advance()
        advance()
        items.append(Assignment(name: name, value: try parseExpression()))
      } else {
        let value = try parseExpression()
        if atKeyword("as"), peek().kind == .identifier {
          advance()
          let name = Name(text: current.text, range: current.range)
          advance()
          items.append(Assignment(name: name, value: value))
          continue
        }
        if requireName {
          throw fail(
            Diagnostic(
              .unexpectedToken, "expected `name = expression`", at: value.range,
              label: "this new column needs a name",
              help: "e.g. `derive share = mass / total`"))
        }
        items.append(Assignment(name: nil, value: value))
      }
    } while at(.comma)
    return items
  }

  /// `a, b, c`.
  mutating func parseNameList(_ what: String) throws(Abort) -> [Name] {
    var names: [Name] = []
    repeat {
      if at(.comma) { advance() }
      guard listContinues || names.isEmpty else { break }
      names.append(try expectName(what))
    } while at(.comma)
    return names
  }

  /// `new = old, …`.
  mutating func parseRenames() throws(Abort) -> [(new: Name, old: Name)] {
    var pairs: [(new: Name, old: Name)] = []
    repeat {
      if at(.comma) { advance() }
      guard listContinues || pairs.isEmpty else { break }
      let new = try expectName("a new column name", help: "e.g. `rename from = source`")
      try expect(.assign, "`=` after `\(new.text)`", help: "rename writes `new_name = old_name`")
      pairs.append((new, try expectName("the column to rename")))
    } while at(.comma)
    return pairs
  }

  /// `summarize aggs [by keys]`.
  mutating func parseSummarize() throws(Abort) -> Stage.Kind {
    var aggregates: [Assignment] = []
    if !atKeyword("by") { aggregates = try parseAssignments(requireName: false) }
    var keys: [Assignment] = []
    if atKeyword("by") {
      advance()
      keys = try parseAssignments(requireName: false)
    }
    return .summarize(aggregates: aggregates, by: keys)
  }

  /// `key, -key, key desc, …`.
  mutating func parseSortKeys(defaultDescending: Bool = false) throws(Abort) -> [SortKey] {
    var keys: [SortKey] = []
    repeat {
      if at(.comma) { advance() }
      guard listContinues || keys.isEmpty else { break }
      var descending = defaultDescending
      if at(.minus) {
        advance()
        descending = true
      }
      let value = try parseExpression()
      if atKeyword("desc") {
        advance()
        descending = true
      } else if atKeyword("asc") {
        advance()
        descending = false
      }
      keys.append(SortKey(value: value, descending: descending))
    } while at(.comma)
    return keys
  }

  /// `pivot columns = c, values = v` (either order).
  mutating func parsePivot() throws(Abort) -> Stage.Kind {
    var columns: Name?
    var values: Name?
    repeat {
      if at(.comma) { advance() }
      guard listContinues || (columns == nil && values == nil) else { break }
      let key = try expectName("`columns` or `values`", help: "e.g. `pivot columns = year, values = mass`")
      try expect(.assign, "`=` after `\(key.text)`")
      let value = try expectName("a column name")
      switch key.text.lowercased() {
      case "columns": columns = value
      case "values": values = value
      default:
        throw fail(
          Diagnostic(
            .unexpectedToken, "expected `columns` or `values`, found `\(key.text)`", at: key.range,
            help: "e.g. `pivot columns = year, values = mass`"))
      }
    } while at(.comma)
    guard let columns, let values else {
      throw fail(
        Diagnostic(
          .unexpectedToken, "`pivot` needs both `columns = …` and `values = …`", at: previous.range,
          help: "e.g. `pivot columns = year, values = mass`"))
    }
    return .pivot(columns: columns, values: values)
  }

  /// `join [inner|left] table on key [= key], …`.
  mutating func parseJoin() throws(Abort) -> Stage.Kind {
    var kind = JoinKind.inner
    if let k = JoinKind(rawValue: current.keyword), peek().kind == .identifier, !peek().isKeyword("on") {
      kind = k
      advance()
    }
    let rightSource: Source
    let right: Name
    if atKeyword("table"), peek().kind == .string {
      let table = try parseTableSource()
      (rightSource, right) = (.table(table), table.name)
    } else {
      right = try expectName("a table to join", help: "e.g. `join processes on source = id`")
      rightSource = .name(right)
    }
    guard atKeyword("on") else {
      throw fail(unexpected: "`on` after `join \(right.text)`", help: "e.g. `join processes on source = id`")
    }
    advance()
    var keys: [(left: Name, right: Name)] = []
    repeat {
      if at(.comma) { advance() }
      guard listContinues || keys.isEmpty else { break }
      let left = try expectName("a key column")
      if at(.assign) || at(.equal) {
        advance()
        keys.append((left, try expectName("the key column of `\(right.text)`")))
      } else {
        keys.append((left, left))
      }
    } while at(.comma)
    return .join(kind: kind, right: rightSource, on: keys)
  }
}
