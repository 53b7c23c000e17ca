extension Parser {
  /// `name(value, label = value, …)`: a name, then arguments in parentheses, each optionally
  /// labelled.
  mutating func parseTerm() throws(Abort) -> TermSyntax {
    let name = try expectName("a name with arguments, such as `weibull(shape = 2.5, scale = 14)`")
    let open = try expect(
      .lParen, "`(` and the arguments after `\(name.text)`", help: "e.g. `\(name.text)(mean = 12, sd = 4)`")
    var arguments: [(label: Name?, value: Expr)] = []
    while !at(.rParen) {
      let before = position
      if atStageEnd { throw unclosedTerm(open) }
      var label: Name?
      if at(.identifier), peek().kind == .assign {
        label = Name(text: current.text, range: current.range)
        advance()
        advance()
      }
      arguments.append((label, try parseExpression()))
      if at(.comma) {
        advance()
      } else if !at(.rParen) {
        if atStageEnd { throw unclosedTerm(open) }
        throw fail(unexpected: "`,` or `)`")
      }
      if position == before { throw fail(unexpected: "an argument") }
    }
    advance()
    return TermSyntax(name: name, arguments: arguments, range: name.range.union(previous.range))
  }

  private mutating func unclosedTerm(_ open: Token) -> Abort {
    fail(
      Diagnostic(
        .unclosedBracket, "this `(` is never closed", at: open.range, label: "opened here",
        help: "add `)` after the last argument"))
  }
}
