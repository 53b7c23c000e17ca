/// What Jupyter's `is_complete_request` should answer.
public enum StatementCompleteness: Sendable, Hashable {
  /// The code can run as it is.
  case complete
  /// More lines are needed; continue with this indent.
  case incomplete(indent: String)
  /// No continuation can make the code valid.
  case invalid
}

extension Session {
  /// Whether `code` can run as it is (Jupyter's `is_complete_request`).
  ///
  /// `incomplete` after a trailing `|`, `,`, operator or `=`, inside an open bracket or an open
  /// string; `invalid` when no continuation can fix it (a stray character, an unmatched closing
  /// bracket, a syntax error before the end); else `complete`.
  public func isComplete(_ code: String) -> StatementCompleteness {
    Self.isComplete(code, verbs: catalog.verbs.signatures)
  }

  /// ``isComplete(_:)`` without a session (verbs unknown).
  public static func isComplete(_ code: String, verbs: [VerbSignature] = []) -> StatementCompleteness {
    let source = SourceText(code)
    var lexer = Lexer(source)
    let tokens = lexer.lexAll()
    if lexer.diagnostics.contains(where: { $0.code == .unexpectedCharacter }) { return .invalid }
    var stack: [TokenKind] = []
    for t in tokens {
      switch t.kind {
      case .lParen, .lBracket, .lBrace: stack.append(t.kind)
      case .rParen, .rBracket, .rBrace:
        let open: TokenKind = t.kind == .rParen ? .lParen : t.kind == .rBracket ? .lBracket : .lBrace
        guard stack.last == open else { return .invalid }
        stack.removeLast()
      default: break
      }
    }
    let significant = tokens.filter { $0.kind != .newline && $0.kind != .eof }
    guard let last = significant.last else { return .complete }
    if last.kind == .string && !last.isTerminated { return .incomplete(indent: "") }
    if !stack.isEmpty { return .incomplete(indent: "    ") }
    if last.kind.continuesLine || last.isKeyword("and") || last.isKeyword("or") || last.isKeyword("not") {
      return .incomplete(indent: last.kind == .pipe ? "  " : "    ")
    }
    let (_, diagnostics) = Parser.parse(source, verbs: verbs)
    guard !diagnostics.isEmpty else { return .complete }
    let end = last.range.end
    if diagnostics.allSatisfy({ $0.range.start >= end }) { return .incomplete(indent: "    ") }
    return .invalid
  }
}
