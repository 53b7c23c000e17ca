extension Parser {
  /// Every built-in stage keyword, in the order help lists them.
  static let stageKeywords = [
    "where", "select", "derive", "drop", "rename", "summarize", "sort", "top", "take", "pivot",
    "join", "schema", "chart", "render", "sql", "save",
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
    let word = keywordToken.keyword
    let kind: Stage.Kind
    switch word {
    case "where", "filter":
      kind = .where(try parseExpression())
    case "select", "project":
      kind = .select(try parseAssignments(requireName: false))
    case "derive", "extend":
      kind = .derive(try parseAssignments(requireName: true))
    case "drop":
      kind = .drop(try parseNameList("a column name to drop"))
    case "rename":
      kind = .rename(try parseRenames())
    case "summarize":
      kind = try parseSummarize()
    case "sort":
      if atKeyword("by") { advance() }
      kind = .sort(try parseSortKeys())
    case "top":
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
      kind = .top(count: count, by: keys, others: others)
    case "take", "limit":
      kind = .take(try parseExpression())
    case "pivot":
      kind = try parsePivot()
    case "join":
      kind = try parseJoin()
    case "schema":
      kind = .schema
    case "chart", "render":
      kind = .chart(try parseChart())
    case "sql":
      kind = .sql(dialect: at(.identifier) ? try expectName("a dialect") : nil)
    case "save":
      kind = try parseSave()
    case "in":
      if atKeyword("scenario") || atKeyword("model"), peek().kind == .identifier || peek().kind == .string {
        advance()
      }
      guard at(.identifier) || at(.string) else {
        throw fail(unexpected: "a scenario or model name after `in`", help: "e.g. `| in scenario more_recycling`")
      }
      let t = advance()
      kind = .inModel(Name(text: t.text, range: t.range))
    default:
      if let verb = verbs[word] {
        guard verb.acceptsInput else {
          throw fail(
            Diagnostic(
              .verbNeedsNoInput, "`\(keyword.text)` produces a table and cannot follow `|`",
              at: keyword.range, label: "a verb that starts a query",
              help: "start a new statement with `\(verb.example)`"))
        }
        position -= 1
        kind = .verb(try parseVerb(verb))
      } else {
        let candidates = Self.stageKeywords + verbs.values.filter(\.acceptsInput).map(\.name)
        throw fail(
          Diagnostic(
            .unknownStage, "unknown stage `\(keyword.text)`", at: keyword.range,
            label: "not a stage", help: Suggestions.didYouMean(keyword.text, in: candidates),
            notes: ["stages: " + Self.stageKeywords.joined(separator: ", ")]))
      }
    }
    return Stage(kind: kind, keyword: keyword, range: SourceRange(pipe.range.start, previous.range.end))
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
