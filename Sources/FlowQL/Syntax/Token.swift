/// The kinds of token the lexer produces.
enum TokenKind: Sendable, Hashable {
  case identifier, number, string
  case pipe, comma, semicolon, newline, dot, dotDot, colon
  case lParen, rParen, lBracket, rBracket, lBrace, rBrace
  case plus, minus, star, slash, percent
  case assign, equal, notEqual, less, lessEqual, greater, greaterEqual, tilde, arrow
  /// A character the language does not use; the lexer has reported it.
  case unknown
  case eof

  /// How the token is shown in messages.
  var display: String {
    switch self {
    case .identifier: "a name"
    case .number: "a number"
    case .string: "a string"
    case .pipe: "`|`"
    case .comma: "`,`"
    case .semicolon: "`;`"
    case .newline: "the end of the line"
    case .dot: "`.`"
    case .dotDot: "`..`"
    case .colon: "`:`"
    case .lParen: "`(`"
    case .rParen: "`)`"
    case .lBracket: "`[`"
    case .rBracket: "`]`"
    case .lBrace: "`{`"
    case .rBrace: "`}`"
    case .plus: "`+`"
    case .minus: "`-`"
    case .star: "`*`"
    case .slash: "`/`"
    case .percent: "`%`"
    case .assign: "`=`"
    case .equal: "`==`"
    case .notEqual: "`!=`"
    case .less: "`<`"
    case .lessEqual: "`<=`"
    case .greater: "`>`"
    case .greaterEqual: "`>=`"
    case .tilde: "`~`"
    case .arrow: "`->`"
    case .unknown: "an unexpected character"
    case .eof: "the end of the cell"
    }
  }

  /// Whether a line ending right after this token continues onto the next line.
  var continuesLine: Bool {
    switch self {
    case .pipe, .comma, .plus, .minus, .star, .slash, .assign, .equal, .notEqual, .less,
      .lessEqual, .greater, .greaterEqual, .tilde, .arrow, .dot, .dotDot, .colon:
      true
    default: false
    }
  }
}

/// One token: its kind, where it is, and its text (decoded for strings).
struct Token: Sendable, Hashable {
  var kind: TokenKind
  var range: SourceRange
  /// The source text; for strings, the decoded contents without quotes.
  var text: String
  /// For strings: whether the closing quote was found.
  var isTerminated = true

  /// Whether this is an identifier spelled `word`, ignoring case (keywords are case-insensitive).
  func isKeyword(_ word: String) -> Bool {
    kind == .identifier && text.lowercased() == word
  }

  /// The identifier's text in lower case (for keyword matching), or "" for other tokens.
  var keyword: String { kind == .identifier ? text.lowercased() : "" }

  /// How the token is shown in messages: its own text in backticks when that helps.
  var display: String {
    switch kind {
    case .identifier, .number: "`\(text)`"
    case .string: "\"\(text)\""
    default: kind.display
    }
  }
}
