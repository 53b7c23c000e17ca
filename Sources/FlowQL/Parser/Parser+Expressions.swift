import FlowModel

extension Parser {
  /// Words that cannot be column names inside expressions.
  static let expressionKeywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

  /// How deeply expressions may nest (brackets, prefix operators) while parsing.
  static let maxNesting = 40
  /// How tall an expression tree may be (long operator chains count too).
  static let maxDepth = 100

  mutating func parseExpression() throws(Abort) -> Expr {
    try enter()
    defer { nesting -= 1 }
    let e = try parseOr()
    if e.depth > Self.maxDepth { throw tooDeep(e.range) }
    return e
  }

  /// Counts one level of recursion, failing with `E108` past ``maxNesting``.
  private mutating func enter() throws(Abort) {
    nesting += 1
    if nesting > Self.maxNesting {
      nesting -= 1
      throw tooDeep(current.range)
    }
  }

  private mutating func tooDeep(_ range: SourceRange) -> Abort {
    fail(
      Diagnostic(
        .tooDeep, "this expression is nested too deeply", at: range, label: "too deep",
        help: "split it with `derive` or `let` into smaller steps"))
  }

  /// Parses the right-hand side of `op`, reporting `E105` when there is none.
  private mutating func parseOperand(
    after op: Token, _ rule: (inout Parser) throws(Abort) -> Expr
  ) throws(Abort) -> Expr {
    switch current.kind {
    case .newline, .semicolon, .eof, .pipe, .rParen, .rBracket, .comma:
      let what =
        BinaryOperator(rawValue: op.text.lowercased()).map { $0.isComparison } ?? false
        ? "the comparison has no right-hand side" : "nothing follows this operator"
      throw fail(
        Diagnostic(
          .missingOperand, "expected an expression after `\(op.text)`", at: op.range, label: what,
          help: what.hasPrefix("the comparison") ? "e.g. `where mass > 5 kt`" : nil))
    default:
      return try rule(&self)
    }
  }

  /// Builds `lhs op rhs`, stopping long chains before the tree gets too tall to evaluate or free.
  private mutating func binary(_ op: BinaryOperator, _ lhs: Expr, _ token: Token, _ rhs: Expr) throws(Abort) -> Expr {
    let e = Expr(
      kind: .binary(op, lhs, rhs, operatorRange: token.range), range: lhs.range.union(rhs.range),
      depth: max(lhs.depth, rhs.depth) + 1)
    if e.depth > Self.maxDepth { throw tooDeep(token.range) }
    return e
  }

  private mutating func parseOr() throws(Abort) -> Expr {
    var lhs = try parseAnd()
    while atKeyword("or") {
      let op = advance()
      lhs = try binary(.or, lhs, op, try parseOperand(after: op) { p throws(Abort) in try p.parseAnd() })
    }
    return lhs
  }

  private mutating func parseAnd() throws(Abort) -> Expr {
    var lhs = try parseNot()
    while atKeyword("and") {
      let op = advance()
      lhs = try binary(.and, lhs, op, try parseOperand(after: op) { p throws(Abort) in try p.parseNot() })
    }
    return lhs
  }

  private mutating func parseNot() throws(Abort) -> Expr {
    guard atKeyword("not") else { return try parseComparison() }
    try enter()
    defer { nesting -= 1 }
    let op = advance()
    let operand = try parseOperand(after: op) { p throws(Abort) in try p.parseNot() }
    return Expr(kind: .unary(.not, operand), range: op.range.union(operand.range), depth: operand.depth + 1)
  }

  private mutating func parseComparison() throws(Abort) -> Expr {
    let lhs = try parseRange()
    let op: BinaryOperator
    switch current.kind {
    case .equal: op = .equal
    case .notEqual: op = .notEqual
    case .less: op = .less
    case .lessEqual: op = .lessEqual
    case .greater: op = .greater
    case .greaterEqual: op = .greaterEqual
    case .tilde: op = .contains
    case .identifier where atKeyword("in"): op = .in
    case .assign:
      throw fail(
        Diagnostic(
          .assignmentInCondition, "`=` cannot compare values", at: current.range,
          label: "this names something", help: "use `==` to compare, as in `where year == 2020`"))
    default: return lhs
    }
    let token = advance()
    return try binary(op, lhs, token, try parseOperand(after: token) { p throws(Abort) in try p.parseRange() })
  }

  private mutating func parseRange() throws(Abort) -> Expr {
    let lhs = try parseAdditive()
    guard at(.dotDot) else { return lhs }
    let op = advance()
    let rhs = try parseOperand(after: op) { p throws(Abort) in try p.parseAdditive() }
    return Expr(kind: .range(lhs, rhs), range: lhs.range.union(rhs.range), depth: max(lhs.depth, rhs.depth) + 1)
  }

  private mutating func parseAdditive() throws(Abort) -> Expr {
    var lhs = try parseMultiplicative()
    while at(.plus) || at(.minus) {
      let op = advance()
      let rhs = try parseOperand(after: op) { p throws(Abort) in try p.parseMultiplicative() }
      lhs = try binary(op.kind == .plus ? .add : .subtract, lhs, op, rhs)
    }
    return lhs
  }

  private mutating func parseMultiplicative() throws(Abort) -> Expr {
    var lhs = try parseUnary()
    while at(.star) || at(.slash) {
      let op = advance()
      let rhs = try parseOperand(after: op) { p throws(Abort) in try p.parseUnary() }
      lhs = try binary(op.kind == .star ? .multiply : .divide, lhs, op, rhs)
    }
    return lhs
  }

  private mutating func parseUnary() throws(Abort) -> Expr {
    guard at(.minus) else { return try parsePostfix() }
    try enter()
    defer { nesting -= 1 }
    let op = advance()
    let operand = try parseOperand(after: op) { p throws(Abort) in try p.parseUnary() }
    return Expr(kind: .unary(.negate, operand), range: op.range.union(operand.range), depth: operand.depth + 1)
  }

  private mutating func parsePostfix() throws(Abort) -> Expr {
    let base = try parsePrimary()
    guard case .name(let first) = base.kind, at(.dot) else { return base }
    var parts = [Name(text: first, range: base.range)]
    while at(.dot) {
      advance()
      parts.append(try expectName("a field name after `.`", help: "e.g. `source.stage`"))
    }
    return Expr(kind: .path(parts), range: base.range.union(previous.range))
  }

  private mutating func parsePrimary() throws(Abort) -> Expr {
    let t = current
    switch t.kind {
    case .number:
      advance()
      return try parseQuantity(t)
    case .string:
      advance()
      return Expr(kind: .string(t.text), range: t.range)
    case .identifier where t.isKeyword("true") || t.isKeyword("false"):
      advance()
      return Expr(kind: .bool(t.isKeyword("true")), range: t.range)
    case .identifier where !Self.expressionKeywords.contains(t.keyword):
      advance()
      let name = Name(text: t.text, range: t.range)
      guard at(.lParen) else { return Expr(kind: .name(t.text), range: t.range) }
      let args = try parseDelimited(open: .lParen, close: .rParen, closing: "`)`")
      return Expr(
        kind: .call(name, args), range: t.range.union(previous.range), depth: (args.map(\.depth).max() ?? 0) + 1)
    case .lParen:
      advance()
      let inner = try parseExpression()
      guard at(.rParen) else {
        if atStageEnd { throw unclosed(t) }
        throw fail(unexpected: "`)`")
      }
      advance()
      return Expr(kind: inner.kind, range: t.range.union(previous.range), depth: inner.depth + 1)
    case .lBracket:
      let items = try parseDelimited(open: .lBracket, close: .rBracket, closing: "`]`")
      return Expr(kind: .list(items), range: t.range.union(previous.range), depth: (items.map(\.depth).max() ?? 0) + 1)
    default:
      throw fail(
        unexpected: "an expression", help: "e.g. a column, a number like `5 kt`, or text in quotes",
        code: .expectedExpression)
    }
  }

  private mutating func unclosed(_ open: Token) -> Abort {
    fail(
      Diagnostic(
        .unclosedBracket, "this `\(open.text)` is never closed", at: open.range,
        label: "opened here", help: "add `\(open.kind == .lParen ? ")" : "]")` where the group ends"))
  }

  /// `( a, b, … )` or `[ a, b, … ]`, trailing comma allowed.
  private mutating func parseDelimited(open: TokenKind, close: TokenKind, closing: String) throws(Abort) -> [Expr] {
    let openToken = try expect(open, open.display)
    var items: [Expr] = []
    while !at(close) {
      let before = position
      if atStageEnd { throw unclosed(openToken) }
      items.append(try parseExpression())
      if at(.comma) {
        advance()
      } else if !at(close) {
        if atStageEnd { throw unclosed(openToken) }
        throw fail(unexpected: "`,` or \(closing)")
      }
      if position == before { throw fail(unexpected: "an expression") }
    }
    advance()
    return items
  }

  /// A number, optionally followed by a unit: `5 kt`, `40 %`, `300 USD/t`.
  private mutating func parseQuantity(_ t: Token) throws(Abort) -> Expr {
    guard let value = Double(t.text.replacingUnderscores), value.isFinite else {
      throw fail(
        Diagnostic(
          .invalidNumber, "cannot read the number `\(t.text)`", at: t.range, label: "too large",
          help: "numbers must stay below about 1.8e308"))
    }
    if at(.percent) {
      let p = advance()
      return quantity(value, "%", t.range.union(p.range))
    }
    guard at(.identifier) else { return Expr(kind: .number(value), range: t.range) }
    let u = current
    // A compound unit such as USD/t is written without spaces.
    if peek().kind == .slash, peek().range.start == u.range.end, peek(2).kind == .identifier,
      peek(2).range.start == peek().range.end, Unit.named("\(u.text)/\(peek(2).text)") != nil
    {
      let symbol = "\(u.text)/\(peek(2).text)"
      advance()
      advance()
      let last = advance()
      return quantity(value, symbol, t.range.union(last.range))
    }
    if Unit.named(u.text) != nil {
      advance()
      return quantity(value, u.text, t.range.union(u.range))
    }
    if let match = Unit.all.first(where: { $0.symbol.lowercased() == u.keyword }) {
      throw fail(
        Diagnostic(
          .unknownUnit, "unknown unit `\(u.text)`", at: u.range, label: "not a unit",
          help: "did you mean `\(match.symbol)`? (units are case-sensitive)",
          notes: ["units: " + Unit.all.map(\.symbol).joined(separator: ", ")]))
    }
    return Expr(kind: .number(value), range: t.range)
  }

  private func quantity(_ value: Double, _ symbol: String, _ range: SourceRange) -> Expr {
    let unit = Unit.named(symbol) ?? Unit(symbol: symbol, dimension: .none, factor: 1)
    return Expr(kind: .quantity(value, unit), range: range)
  }
}
