extension Parser {
  /// `name(value, label = value, …)`: a name, then arguments in parentheses, each optionally
  /// labelled.
  mutating func parseTerm() throws(Abort) -> TermSyntax {
    let name = try expectName("a name with arguments, such as `weibull(shape = 2.5, scale = 14)`")
    let open = try expect(
      .lParen, "`(` and the arguments after `\(name.text)`", help: "e.g. `\(name.text)(mean = 12, sd = 4)`")
    let arguments = try parseParenthesised(after: open, what: "argument") { (p: inout Parser) throws(Abort) in
      var label: Name?
      if p.at(.identifier), p.peek().kind == .assign {
        label = Name(text: p.current.text, range: p.current.range)
        p.advance()
        p.advance()
      }
      return (label: label, value: try p.parseExpression())
    }
    return TermSyntax(name: name, arguments: arguments, range: name.range.union(previous.range))
  }
}
