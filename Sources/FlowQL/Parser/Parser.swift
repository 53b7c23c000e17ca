/// A recursive-descent parser for FlowQL cells.
///
/// One `mutating func parseX()` per grammar rule. Rules that meet bad input record a
/// ``Diagnostic`` and throw ``Abort``; the statement loop catches it, skips to the next `|` or
/// statement end, and carries on, so up to ``maxErrors`` errors are reported per cell. Every
/// loop either consumes a token or leaves, so the parser cannot spin or trap.
struct Parser {
  /// Thrown after a diagnostic has been recorded; carries nothing.
  struct Abort: Error {}

  /// How many errors a cell reports before parsing stops.
  static let maxErrors = 3

  private(set) var tokens: [Token]
  var position = 0
  /// Current expression nesting, capped by `maxNesting`.
  var nesting = 0
  private(set) var diagnostics: [Diagnostic]
  let source: SourceText
  let verbs: [String: VerbSignature]

  /// Parses a whole cell. The program is only meaningful when `diagnostics` holds no errors.
  static func parse(_ source: SourceText, verbs: [VerbSignature] = []) -> (Program, [Diagnostic]) {
    let (tokens, lexDiagnostics) = Lexer.tokenize(source)
    var parser = Parser(tokens: tokens, source: source, diagnostics: lexDiagnostics, verbs: verbs)
    let program = parser.parseProgram()
    let sorted = parser.diagnostics.sorted { $0.range.start < $1.range.start }
    return (program, Array(sorted.prefix(maxErrors)))
  }

  init(tokens: [Token], source: SourceText, diagnostics: [Diagnostic] = [], verbs: [VerbSignature]) {
    self.tokens = tokens.isEmpty ? [Token(kind: .eof, range: .at(0), text: "")] : tokens
    self.source = source
    self.diagnostics = diagnostics
    var byName: [String: VerbSignature] = [:]
    for v in verbs { byName[v.name.lowercased()] = v }
    self.verbs = byName
  }

  // MARK: - Token access

  var current: Token { tokens[min(position, tokens.count - 1)] }

  func peek(_ ahead: Int = 1) -> Token { tokens[min(position + ahead, tokens.count - 1)] }

  var previous: Token { tokens[max(0, min(position - 1, tokens.count - 1))] }

  func at(_ kind: TokenKind) -> Bool { current.kind == kind }

  func atKeyword(_ word: String) -> Bool { current.isKeyword(word) }

  /// At a newline, `;` or the end: the statement is over.
  var atStatementEnd: Bool {
    switch current.kind {
    case .newline, .semicolon, .eof: true
    default: false
    }
  }

  /// At a statement end or `|`: the stage is over.
  var atStageEnd: Bool { atStatementEnd || at(.pipe) }

  @discardableResult
  mutating func advance() -> Token {
    let t = current
    if position < tokens.count - 1 { position += 1 }
    return t
  }

  /// Consumes a token of `kind`, or records an `E102` naming `what` and aborts.
  @discardableResult
  mutating func expect(_ kind: TokenKind, _ what: String, help: String? = nil) throws(Abort) -> Token {
    if at(kind) { return advance() }
    throw fail(unexpected: what, help: help)
  }

  /// Consumes an identifier and returns it as a name, or records an `E102` and aborts.
  mutating func expectName(_ what: String, help: String? = nil) throws(Abort) -> Name {
    let t = try expect(.identifier, what, help: help)
    return Name(text: t.text, range: t.range)
  }

  /// Records a diagnostic and returns ``Abort`` for the caller to throw.
  mutating func fail(_ diagnostic: Diagnostic) -> Abort {
    diagnostics.append(diagnostic)
    return Abort()
  }

  /// Records "expected X, found Y" at the current token (unless the lexer already complained).
  mutating func fail(unexpected what: String, help: String? = nil, code: DiagnosticCode = .unexpectedToken) -> Abort {
    let t = current
    if t.kind == .unknown || (t.kind == .string && !t.isTerminated) { return Abort() }
    let found = t.kind == .eof || t.kind == .newline ? t.kind.display : t.display
    let range = t.kind == .eof || t.kind == .newline ? SourceRange.at(previous.range.end) : t.range
    return fail(
      Diagnostic(code, "expected \(what), found \(found)", at: range, help: help))
  }

  var errorCount: Int { diagnostics.count }

  // MARK: - Recovery

  /// Skips to the end of the statement (not consuming the terminator).
  mutating func skipStatement() {
    while !atStatementEnd { advance() }
  }

  /// Skips to the next `|` or the end of the statement.
  mutating func skipStage() {
    var depth = 0
    while !atStatementEnd {
      switch current.kind {
      case .lBrace: depth += 1
      case .rBrace: depth = max(0, depth - 1)
      case .pipe where depth == 0: return
      default: break
      }
      advance()
    }
  }

  // MARK: - Program

  mutating func parseProgram() -> Program {
    var statements: [Statement] = []
    while !at(.eof), errorCount < Self.maxErrors {
      let before = position
      if at(.newline) || at(.semicolon) {
        advance()
        continue
      }
      do {
        statements.append(try parseStatement())
        if !atStatementEnd {
          throw fail(
            unexpected: "`|` or the end of the statement",
            help: current.kind == .identifier && Self.stageKeywords.contains(current.keyword)
              ? "stages are separated by `|`, as in `flows | \(current.keyword) …`" : nil)
        }
      } catch {
        skipStatement()
      }
      if position == before { advance() }
    }
    return Program(statements: statements)
  }
}
