/// Turns a cell's text into tokens. Never traps: every loop iteration consumes at least one
/// scalar, and bad characters become `.unknown` tokens with a diagnostic.
///
/// Newlines inside `(…)` and `[…]` are dropped; a newline after a token that cannot end a line
/// (`|`, `,`, an operator) or before a line starting with `|` is dropped too, so the parser
/// sees one statement per logical line.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private var offset = 0
  private(set) var diagnostics: [Diagnostic] = []

  init(_ source: SourceText) { scalars = source.scalars }

  /// Lexes the whole text, ending with one `.eof` token.
  static func tokenize(_ source: SourceText) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(source)
    let raw = lexer.lexAll()
    return (joinContinuationLines(raw), lexer.diagnostics)
  }

  /// Every raw token, newlines included except inside parentheses and brackets.
  mutating func lexAll() -> [Token] {
    var tokens: [Token] = []
    var depth = 0
    while true {
      let token = next()
      switch token.kind {
      case .lParen, .lBracket: depth += 1
      case .rParen, .rBracket: depth = max(0, depth - 1)
      case .newline where depth > 0: continue
      default: break
      }
      tokens.append(token)
      if token.kind == .eof { return tokens }
    }
  }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    offset + ahead < scalars.count ? scalars[offset + ahead] : nil
  }

  private func text(_ start: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<offset])
    return String(view)
  }

  private mutating func next() -> Token {
    skipTrivia()
    let start = offset
    guard let c = peek() else { return Token(kind: .eof, range: .at(offset), text: "") }
    offset += 1
    func make(_ kind: TokenKind) -> Token {
      Token(kind: kind, range: SourceRange(start, offset), text: text(start))
    }
    func two(_ second: Unicode.Scalar, _ long: TokenKind, else short: TokenKind) -> Token {
      if peek() == second {
        offset += 1
        return make(long)
      }
      return make(short)
    }
    switch c {
    case "\n": return make(.newline)
    case "|": return make(.pipe)
    case ",": return make(.comma)
    case ";": return make(.semicolon)
    case ":": return make(.colon)
    case "(": return make(.lParen)
    case ")": return make(.rParen)
    case "[": return make(.lBracket)
    case "]": return make(.rBracket)
    case "{": return make(.lBrace)
    case "}": return make(.rBrace)
    case "+": return make(.plus)
    case "*": return make(.star)
    case "/": return make(.slash)
    case "%": return make(.percent)
    case "~": return make(.tilde)
    case ".": return two(".", .dotDot, else: .dot)
    case "-": return two(">", .arrow, else: .minus)
    case "=": return two("=", .equal, else: .assign)
    case "<": return two("=", .lessEqual, else: .less)
    case ">": return two("=", .greaterEqual, else: .greater)
    case "!":
      if peek() == "=" {
        offset += 1
        return make(.notEqual)
      }
    case "\"", "'": return lexString(quote: c, start: start)
    default:
      if c.properties.numericType != nil, c.isASCII {
        offset -= 1
        return lexNumber()
      }
      if Self.isIdentifierStart(c) {
        while let n = peek(), Self.isIdentifierPart(n) { offset += 1 }
        return make(.identifier)
      }
    }
    let token = make(.unknown)
    diagnostics.append(
      Diagnostic(
        .unexpectedCharacter, "unexpected character `\(token.text)`", at: token.range,
        label: "FlowQL does not use this character",
        help: "names are letters, digits and `_`; text goes in double quotes, like \"SEP\""))
    return token
  }

  static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic
  }

  static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
    isIdentifierStart(c) || (c.isASCII && c.properties.numericType != nil)
  }

  private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
    guard let c else { return false }
    return c >= "0" && c <= "9"
  }

  private mutating func skipTrivia() {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\r" {
        offset += 1
      } else if c == "#" || (c == "/" && peek(1) == "/") {
        while let n = peek(), n != "\n" { offset += 1 }
      } else {
        return
      }
    }
  }

  private mutating func lexNumber() -> Token {
    let start = offset
    while Self.isDigit(peek()) || (peek() == "_" && Self.isDigit(peek(1))) { offset += 1 }
    if peek() == ".", Self.isDigit(peek(1)) {
      offset += 1
      while Self.isDigit(peek()) || (peek() == "_" && Self.isDigit(peek(1))) { offset += 1 }
    }
    if peek() == "e" || peek() == "E" {
      if Self.isDigit(peek(1)) {
        offset += 1
      } else if peek(1) == "+" || peek(1) == "-", Self.isDigit(peek(2)) {
        offset += 2
      }
      while Self.isDigit(peek()) { offset += 1 }
    }
    return Token(kind: .number, range: SourceRange(start, offset), text: text(start))
  }

  private mutating func lexString(quote: Unicode.Scalar, start: Int) -> Token {
    var value = String.UnicodeScalarView()
    while let c = peek(), c != "\n" {
      offset += 1
      if c == quote {
        return Token(kind: .string, range: SourceRange(start, offset), text: String(value))
      }
      if c == "\\", let n = peek(), n != "\n" {
        offset += 1
        switch n {
        case "n": value.append("\n")
        case "t": value.append("\t")
        default: value.append(n)
        }
      } else {
        value.append(c)
      }
    }
    let range = SourceRange(start, offset)
    diagnostics.append(
      Diagnostic(
        .unterminatedString, "this text has no closing quote", at: SourceRange(start, start + 1),
        label: "the text starts here", help: "end the text with `\(quote)` on the same line"))
    return Token(kind: .string, range: range, text: String(value), isTerminated: false)
  }

  /// Drops newlines that do not end a statement (after `|`, `,`, an operator, `and`/`or`/`not`,
  /// or before a line starting with `|`), and collapses runs of newlines.
  static func joinContinuationLines(_ raw: [Token]) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(raw.count)
    var i = 0
    while i < raw.count {
      let t = raw[i]
      if t.kind == .newline {
        var j = i
        while j < raw.count, raw[j].kind == .newline { j += 1 }
        let nextKind = j < raw.count ? raw[j].kind : .eof
        let prevKind = out.last?.kind
        let prevWord = out.last?.keyword ?? ""
        let continues =
          nextKind == .pipe || (prevKind?.continuesLine ?? false)
          || prevWord == "and" || prevWord == "or" || prevWord == "not"
        if !continues, prevKind != nil, prevKind != .newline, prevKind != .semicolon {
          out.append(t)
        }
        i = j
        continue
      }
      out.append(t)
      i += 1
    }
    return out
  }
}
