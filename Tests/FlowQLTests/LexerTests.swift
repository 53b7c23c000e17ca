import Testing

@testable import FlowQL

@Suite struct LexerTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var source: String
    var kinds: [TokenKind]
    var testDescription: String { source.debugDescription }
  }

  static let cases: [Case] = [
    .init(source: "flows | take 5", kinds: [.identifier, .pipe, .identifier, .number]),
    .init(source: "mass >= 5 kt", kinds: [.identifier, .greaterEqual, .number, .identifier]),
    .init(
      source: "a == b != c < d <= e > f",
      kinds: [
        .identifier, .equal, .identifier, .notEqual, .identifier, .less, .identifier, .lessEqual, .identifier, .greater,
        .identifier,
      ]),
    .init(source: "x = -1.5e3", kinds: [.identifier, .assign, .minus, .number]),
    .init(source: "2015..2022", kinds: [.number, .dotDot, .number]),
    .init(source: "source.stage", kinds: [.identifier, .dot, .identifier]),
    .init(source: "\"Separation\" 'x'", kinds: [.string, .string]),
    .init(source: "40 %", kinds: [.number, .percent]),
    .init(source: "300 USD/t", kinds: [.number, .identifier, .slash, .identifier]),
    .init(source: "45_015", kinds: [.number]),
    .init(source: "a ~ b -> c", kinds: [.identifier, .tilde, .identifier, .arrow, .identifier]),
    .init(
      source: "( [ { } ] ) , ; :",
      kinds: [.lParen, .lBracket, .lBrace, .rBrace, .rBracket, .rParen, .comma, .semicolon, .colon]),
    .init(source: "flows # comment\ntake", kinds: [.identifier, .newline, .identifier]),
    .init(source: "flows // comment", kinds: [.identifier]),
    .init(source: "flows\n| take 5", kinds: [.identifier, .pipe, .identifier, .number]),
    .init(source: "flows |\ntake 5", kinds: [.identifier, .pipe, .identifier, .number]),
    .init(source: "f(a,\n b)", kinds: [.identifier, .lParen, .identifier, .comma, .identifier, .rParen]),
    .init(source: "a +\n b", kinds: [.identifier, .plus, .identifier]),
    .init(source: "a and\n b", kinds: [.identifier, .identifier, .identifier]),
    .init(source: "a\n\n\nb", kinds: [.identifier, .newline, .identifier]),
    .init(source: "a; b", kinds: [.identifier, .semicolon, .identifier]),
    .init(source: "Überschuss_2 ümlaut", kinds: [.identifier, .identifier]),
    .init(source: "a @ b", kinds: [.identifier, .unknown, .identifier]),
    .init(source: "", kinds: []),
  ]

  @Test(arguments: cases)
  func lexesTokenKinds(_ c: Case) {
    let (tokens, _) = Lexer.tokenize(SourceText(c.source))
    #expect(tokens.map(\.kind) == c.kinds + [.eof])
  }

  @Test func rangesCountUnicodeScalars() {
    let (tokens, _) = Lexer.tokenize(SourceText("\"é😀\" | x"))
    #expect(tokens[0].range == SourceRange(0, 4))
    #expect(tokens[2].range == SourceRange(7, 8))
  }

  @Test func decodesStringEscapes() {
    let (tokens, diagnostics) = Lexer.tokenize(SourceText(#""a\"b\\c\n""#))
    #expect(tokens[0].text == "a\"b\\c\n")
    #expect(diagnostics.isEmpty)
  }

  @Test func reportsUnterminatedString() {
    let (tokens, diagnostics) = Lexer.tokenize(SourceText("where source == \"SEP"))
    #expect(tokens[3].isTerminated == false)
    #expect(diagnostics.map(\.code) == [.unterminatedString])
  }

  @Test func reportsUnexpectedCharacter() {
    let (_, diagnostics) = Lexer.tokenize(SourceText("mass $ 5"))
    #expect(diagnostics.map(\.code) == [.unexpectedCharacter])
    #expect(diagnostics.first?.range == SourceRange(5, 6))
  }
}
