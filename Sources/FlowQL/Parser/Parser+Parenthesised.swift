extension Parser {
  /// The comma-separated items of a list whose `(` is `open` (already read), through its `)`;
  /// a trailing comma is allowed. `item` parses one item; `what` names one in errors.
  mutating func parseParenthesised<Item>(
    after open: Token, what: String, _ item: (inout Parser) throws(Abort) -> Item
  ) throws(Abort) -> [Item] {
    var items: [Item] = []
    while !at(.rParen) {
      let before = position
      if atStageEnd { throw unclosedParenthesis(open, what: what) }
      items.append(try item(&self))
      if at(.comma) {
        advance()
      } else if !at(.rParen) {
        if atStageEnd { throw unclosedParenthesis(open, what: what) }
        throw fail(unexpected: "`,` or `)`")
      }
      if position == before { throw fail(unexpected: "an \(what)") }
    }
    advance()
    return items
  }

  private mutating func unclosedParenthesis(_ open: Token, what: String) -> Abort {
    fail(
      Diagnostic(
        .unclosedBracket, "this `(` is never closed", at: open.range, label: "opened here",
        help: "add `)` after the last \(what)"))
  }
}
