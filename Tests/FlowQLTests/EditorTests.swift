import Testing

@testable import FlowQL

@Suite struct EditorTests {
  /// `code` with `‸` marking the cursor.
  static func complete(_ marked: String, _ session: Session = Fixtures.session()) -> CompletionList {
    let scalars = Array(marked.unicodeScalars)
    let cursor = scalars.firstIndex(of: "‸") ?? scalars.count
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars.filter { $0 != "‸" })
    return session.completions(in: String(view), cursor: cursor)
  }

  struct CompletionCase: Sendable, CustomTestStringConvertible {
    var marked: String
    var includes: [String]
    var excludes: [String] = []
    var testDescription: String { marked }
  }

  static let cases: [CompletionCase] = [
    .init(marked: "‸", includes: ["flows", "processes", "let", "echo"]),
    .init(marked: "fl‸", includes: ["flows"], excludes: ["processes"]),
    .init(marked: "flows | ‸", includes: ["where", "summarize", "chart", "scale"], excludes: ["echo", "mass"]),
    .init(marked: "flows | su‸", includes: ["summarize"], excludes: ["where"]),
    .init(marked: "flows | where ma‸", includes: ["mass", "material"], excludes: ["year"]),
    .init(marked: "flows | select year, mass | where ‸", includes: ["year", "mass"], excludes: ["source", "cost"]),
    .init(
      marked: "flows | summarize total = sum(mass) by year | sort ‸", includes: ["total", "year"], excludes: ["mass"]),
    .init(marked: "flows | summarize ‸", includes: ["mass", "sum", "share", "by"]),
    .init(marked: "flows | where source == \"S‸", includes: ["SEP", "Separation"], excludes: ["MIN", "LREE"]),
    .init(marked: "flows | where material == \"‸", includes: ["LREE", "HREE", "SEP"]),
    .init(marked: "set ‸", includes: ["rows", "decimals", "units"]),
    .init(marked: "set units = ‸", includes: ["kt", "auto"]),
    .init(marked: "flows | chart ‸", includes: ["bar", "line", "sankey"]),
    .init(marked: "flows | chart bar with (‸", includes: ["x", "title"]),
    .init(marked: "flows | chart bar with (x = ‸", includes: ["source", "year"]),
    .init(marked: "flows | join ‸", includes: ["processes", "stocks"]),
    .init(marked: "help summ‸", includes: ["summarize"]),
    .init(marked: "echo ‸", includes: ["of", "year", "split by"]),
    .init(marked: "let a = flows | derive x = mass * 2\na | where ‸", includes: [], excludes: ["x"]),
    .init(marked: "let a = flows | derive x = mass * 2 | where ‸", includes: ["mass", "x"]),
    .init(marked: "flows\n  | where year == 2022\n  | select ‸", includes: ["mass", "source"]),
    .init(
      marked: "compare a, b: flows | summarize total = sum(mass) by year | where ‸", includes: ["total", "year"],
      excludes: ["mass"]),
    .init(marked: "compare a, b: ‸", includes: ["flows", "echo"]),
  ]

  @Test(arguments: cases)
  func completesForContext(_ c: CompletionCase) {
    let m = Self.complete(c.marked).matches
    for name in c.includes { #expect(m.contains(name), "\(name) missing from \(m)") }
    for name in c.excludes { #expect(!m.contains(name), "\(name) unexpected in \(m)") }
  }

  @Test func replacesThePartialWord() {
    let c = Self.complete("flows | where ma‸ss > 5")
    #expect(c.start == 14 && c.end == 18)
    let q = Self.complete("flows | where source == \"S‸")
    #expect(q.start == 25 && q.end == 26)
    #expect(q.types.first == "process")
  }

  @Test func cursorCountsUnicodeScalars() {
    let c = Self.complete("print \"é😀\"; flows | where ma‸")
    #expect(c.start == 26 && c.matches.contains("mass"))
  }

  @Test func knowsBindingsFromEarlierCells() {
    var s = Fixtures.session()
    _ = s.run("let y2022 = flows | where year == 2022 | select year, mass")
    #expect(Self.complete("y2‸", s).matches == ["y2022"])
    #expect(Self.complete("y2022 | where ‸", s).matches.prefix(2) == ["year", "mass"])
  }

  struct CompletenessCase: Sendable, CustomTestStringConvertible {
    var code: String
    var expected: StatementCompleteness
    var testDescription: String { code.debugDescription }
  }

  static let completeness: [CompletenessCase] = [
    .init(code: "", expected: .complete),
    .init(code: "flows | take 5", expected: .complete),
    .init(code: "flows |", expected: .incomplete(indent: "  ")),
    .init(code: "flows | select a,", expected: .incomplete(indent: "    ")),
    .init(code: "flows | where mass >", expected: .incomplete(indent: "    ")),
    .init(code: "flows | where (mass > 5", expected: .incomplete(indent: "    ")),
    .init(code: "flows | where source == \"SE", expected: .incomplete(indent: "")),
    .init(code: "let a =", expected: .incomplete(indent: "    ")),
    .init(code: "flows | where a and", expected: .incomplete(indent: "    ")),
    .init(code: "flows | chart bar with (x = year", expected: .incomplete(indent: "    ")),
    .init(code: "flows )", expected: .invalid),
    .init(code: "flows | where mass @ 5", expected: .invalid),
    .init(code: "flows | wher x", expected: .invalid),
    .init(code: "flows | where yaer == 2020", expected: .complete),
  ]

  @Test(arguments: completeness)
  func classifiesCompleteness(_ c: CompletenessCase) {
    #expect(Fixtures.session().isComplete(c.code) == c.expected)
  }

  @Test func inspectsKeywordsFunctionsAndUnits() throws {
    let s = Fixtures.session()
    let summarize = try #require(s.inspect(code: "flows | summarize sum(mass)", cursor: 10))
    #expect(summarize.contains("summarize"))
    #expect(try #require(s.inspect(code: "flows | summarize sum(mass)", cursor: 19)).contains("sum(x)"))
    #expect(try #require(s.inspect(code: "flows | where mass > 5 kt", cursor: 24)).contains("1,000 t"))
    #expect(try #require(s.inspect(code: "help", cursor: 2, detail: 1)).contains("Example:"))
    #expect(try #require(s.inspect(code: "echo of \"SEP\"", cursor: 2)).contains("Clauses"))
    #expect(try #require(s.inspect(code: "echo of \"SEP\"", cursor: 6)).contains("process ids"))
  }

  @Test func inspectsColumnsAtThatPointOfThePipeline() throws {
    let s = Fixtures.session()
    let mass = try #require(s.inspect(code: "flows | where mass > 5 kt", cursor: 16))
    #expect(mass.contains("column `mass`: number in t (mass), 8 rows"))
    #expect(mass.contains("examples: 100.00 kt"))
    let total = try #require(s.inspect(code: "flows | summarize total = sum(mass) by year | sort total", cursor: 54))
    #expect(total.contains("2 rows"))
  }

  @Test func inspectsTablesProcessesAndBindings() throws {
    var s = Fixtures.session()
    #expect(try #require(s.inspect(code: "flows", cursor: 3)).contains("8 rows; columns: year"))
    #expect(try #require(s.inspect(code: "flows | where source == \"SEP\"", cursor: 26)).contains("name: Separation"))
    _ = s.run("let r = 2 kt")
    #expect(try #require(s.inspect(code: "r", cursor: 1)).contains("2.00 kt"))
    #expect(s.inspect(code: "flows | take 5", cursor: 13) == nil)
  }
}
