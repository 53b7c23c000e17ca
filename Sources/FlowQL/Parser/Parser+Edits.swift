import FlowModel

/// One edit of a verb's `{ … }` block as written, before its values are evaluated.
struct EditSyntax: Sendable {
  enum Kind: Sendable {
    /// `scale A -> B [(filters)] by factor`
    case scale(FlowSelectorSyntax, factor: Expr)
    /// `set A -> B [(filters)] = mass`
    case set(FlowSelectorSyntax, mass: Expr)
    /// `move share of A -> B [(filters)] to C`
    case move(share: Expr, FlowSelectorSyntax, to: Name)
    /// `set price of good [(filters)] = price`
    case setPrice(good: Name, filters: [(Name, Expr)], price: Expr)
    /// `lifetime of process = distribution(…)`
    case lifetime(process: Name, TermSyntax)
  }

  var kind: Kind
  var range: SourceRange
}

/// `A -> B (material = "HREE", years = 2020..2022)` as written.
struct FlowSelectorSyntax: Sendable {
  var source: Name
  var target: Name
  var filters: [(Name, Expr)]
}

extension Parser {
  /// The edits of a `{ … }` block, separated by `;` or new lines, up to and including the `}`.
  mutating func parseEdits(opening open: Token) throws(Abort) -> [EditSyntax] {
    var edits: [EditSyntax] = []
    while !at(.rBrace) {
      let before = position
      if at(.eof) {
        throw fail(
          Diagnostic(
            .unclosedBracket, "this `{` is never closed", at: open.range, label: "opened here",
            help: "add `}` where the block ends"))
      }
      if at(.newline) || at(.semicolon) {
        advance()
        continue
      }
      edits.append(try parseEdit())
      if !atStatementEnd, !at(.rBrace) { throw fail(unexpected: "`;` or a new line after the edit") }
      if position == before { advance() }
    }
    advance()
    guard !edits.isEmpty else {
      throw fail(
        Diagnostic(
          .verbFailed, "the block has no edits", at: open.range.union(previous.range),
          help: "e.g. `{ move 30 % of \"SEP\" -> \"EXP_PRIM\" to \"MAG\" }`"))
    }
    return edits
  }

  private mutating func parseEdit() throws(Abort) -> EditSyntax {
    let start = current.range.start
    let help =
      "edits: `scale A -> B by 1.2`, `set A -> B = 5 kt`, `move 30 % of A -> B to C`, `set price of good = 50 USD/kg`, "
      + "`lifetime of \"USE\" = weibull(shape = 2.5, scale = 14)`"
    let kind: EditSyntax.Kind
    switch current.keyword {
    case "scale":
      advance()
      let selector = try parseFlowSelector()
      guard atKeyword("by") else { throw fail(unexpected: "`by` and a factor", help: "e.g. `scale A -> B by 1.2`") }
      advance()
      kind = .scale(selector, factor: try parseExpression())
    case "set" where peek().isKeyword("price"):
      advance()
      advance()
      guard atKeyword("of") else {
        throw fail(unexpected: "`of` after `set price`", help: "e.g. `set price of oxide = 50 USD/kg`")
      }
      advance()
      let good = try parseProcessName("a good or process after `set price of`")
      let filters = try parseSelectorFilters()
      try expect(.assign, "`=` and a price", help: "e.g. `set price of \(good.text) = 50 USD/kg`")
      kind = .setPrice(good: good, filters: filters, price: try parseExpression())
    case "set":
      advance()
      let selector = try parseFlowSelector()
      try expect(.assign, "`=` and a mass", help: "e.g. `set A -> B = 5 kt`")
      kind = .set(selector, mass: try parseExpression())
    case "lifetime":
      advance()
      kind = try parseLifetimeEdit()
    case "move":
      advance()
      let share = try parseExpression()
      guard atKeyword("of") else {
        throw fail(unexpected: "`of` after the share", help: "e.g. `move 30 % of A -> B to C`")
      }
      advance()
      let selector = try parseFlowSelector()
      guard atKeyword("to") else {
        throw fail(unexpected: "`to` and the new target", help: "e.g. `move 30 % of A -> B to C`")
      }
      advance()
      kind = .move(share: share, selector, to: try parseProcessName("the new target process"))
    default:
      throw fail(unexpected: "a scenario edit (`scale`, `set`, `move`, `lifetime`)", help: help)
    }
    return EditSyntax(kind: kind, range: SourceRange(start, previous.range.end))
  }

  /// `of process = distribution(…)` after `lifetime`.
  private mutating func parseLifetimeEdit() throws(Abort) -> EditSyntax.Kind {
    let example = "e.g. `lifetime of \"USE\" = weibull(shape = 2.5, scale = 14)`"
    guard atKeyword("of") else { throw fail(unexpected: "`of` after `lifetime`", help: example) }
    advance()
    let process = try parseProcessName("the stock process after `lifetime of`")
    try expect(.assign, "`=` and a lifetime distribution", help: example)
    return .lifetime(process: process, try parseTerm())
  }

  private mutating func parseFlowSelector() throws(Abort) -> FlowSelectorSyntax {
    let source = try parseProcessName("a flow such as `\"SEP\" -> \"MAG\"`")
    try expect(.arrow, "`->` and the target process", help: "a flow is written `source -> target`")
    let target = try parseProcessName("the target process after `->`")
    return FlowSelectorSyntax(source: source, target: target, filters: try parseSelectorFilters())
  }

  /// `(material = "HREE", years = 2020..2022)`, or nothing.
  private mutating func parseSelectorFilters() throws(Abort) -> [(Name, Expr)] {
    guard at(.lParen) else { return [] }
    advance()
    var filters: [(Name, Expr)] = []
    while !at(.rParen) {
      let before = position
      let name = try expectName(
        "`material`, `year` or `years`", help: "e.g. `(material = \"HREE\", years = 2020..2022)`")
      guard ["material", "year", "years"].contains(name.text.lowercased()) else {
        throw fail(
          Diagnostic(
            .unexpectedToken, "a flow can be narrowed by `material`, `year` or `years`, not `\(name.text)`",
            at: name.range, help: Suggestions.didYouMean(name.text, in: ["material", "year", "years"])))
      }
      try expect(.assign, "`=` after `\(name.text)`")
      filters.append((name, try parseExpression()))
      if at(.comma) { advance() } else if !at(.rParen) { throw fail(unexpected: "`,` or `)`") }
      if position == before { throw fail(unexpected: "a filter") }
    }
    advance()
    return filters
  }

  /// A process id or name: a bare name or text in quotes.
  private mutating func parseProcessName(_ what: String) throws(Abort) -> Name {
    guard at(.identifier) || at(.string) else { throw fail(unexpected: what) }
    let t = advance()
    return Name(text: t.text, range: t.range)
  }
}
