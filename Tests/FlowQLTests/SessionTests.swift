import FlowModel
import Testing

@testable import FlowQL

@Suite struct SessionTests {
  @Test func emptyCellIsNoError() {
    var s = Fixtures.session()
    for code in ["", "   ", "\n\n", "# just a comment", "; ;"] {
      let r = s.run(code)
      #expect(r.succeeded && r.outputs.isEmpty, "\(code.debugDescription)")
    }
  }

  @Test func letBindingsLiveAcrossCells() {
    var s = Fixtures.session()
    #expect(s.run("let y2022 = flows | where year == 2022").outputs.isEmpty)
    #expect(s.run("let threshold = 50 kt").succeeded)
    let r = s.run("y2022 | where mass > threshold | summarize n = count()")
    guard case .table(let t, _)? = r.outputs.first else {
      Issue.record("\(r.renderedErrors)")
      return
    }
    #expect(t["n"]?.values == .number([2]))
    #expect(s.binding(named: "threshold") == .value(.number(50_000, .mass)))
  }

  @Test func outputsComeInStatementOrder() {
    var s = Fixtures.session()
    let r = s.run("print \"a\"; warn \"b\"; 1 + 1\nclear\nhelp take\nflows | take 1")
    #expect(r.outputs.count == 6)
    #expect(r.outputs[0] == .stdout("a\n"))
    #expect(r.outputs[1] == .stderr("b\n"))
    #expect(r.outputs[2] == .value(.number(2, .none)))
    #expect(r.outputs[3] == .clear)
    if case .page(let topic, let text) = r.outputs[4] {
      #expect(topic == "take" && text.contains("Example:"))
    } else {
      Issue.record("no page")
    }
  }

  @Test func failingStatementKeepsEarlierWork() {
    var s = Fixtures.session()
    let r = s.run("let a = flows | take 2\nprint \"before\"\nflows | where nope > 1\nprint \"after\"")
    #expect(r.outputs == [.stdout("before\n")])
    #expect(r.errors.map(\.code) == [.unknownColumn])
    #expect(s.binding(named: "a") != nil)
  }

  @Test func parseErrorsStopTheWholeCell() {
    var s = Fixtures.session()
    let r = s.run("let a = flows\nflows | wher x")
    #expect(r.outputs.isEmpty && s.binding(named: "a") == nil)
  }

  @Test func setChangesOptions() {
    var s = Fixtures.session()
    #expect(s.run("set rows = 20; set decimals = 1; set units = kt").succeeded)
    #expect(s.options.rows == 20 && s.options.decimals == 1)
    #expect(s.options.format(.number(12_345, .mass)) == "12.3 kt")
    #expect(s.run("set rows = all; set units = auto").succeeded)
    #expect(s.options.rows == nil && s.options.units.isEmpty)
    #expect(s.options.format(.number(12_345, .mass)) == "12.3 kt")
    #expect(s.options.format(.number(0.4, .ratio)) == "40.0 %")
    #expect(s.options.format(.year(2022)) == "2022")
  }

  @Test func printFormatsValues() {
    var s = Fixtures.session()
    #expect(s.run("print 45015 / 3912").outputs == [.stdout("11.51\n")])
    #expect(s.run("print 1234567 USD").outputs == [.stdout("1.23 MUSD\n")])
  }

  @Test func helpListsTopicsAndCoversEveryVerb() {
    var s = Fixtures.session()
    guard case .page(_, let text)? = s.run("help").outputs.first else {
      Issue.record("no page")
      return
    }
    for word in ["summarize", "let", "kt", "E201", "echo", "rows", "sankey"] { #expect(text.contains(word), "\(word)") }
    guard case .page(_, let echo)? = s.run("help echo").outputs.first else {
      Issue.record("no page")
      return
    }
    #expect(echo.contains("split by"))
  }

  @Test func interruptStopsPromptlyAndKeepsSessionUsable() {
    var s = Fixtures.session()
    var polls = 0
    let r = s.run("let a = flows\nlet b = flows | where year == 2022 | take 1") {
      polls += 1
      return polls > 2
    }
    #expect(r.wasInterrupted)
    #expect(s.binding(named: "a") != nil && s.binding(named: "b") == nil)
    #expect(s.run("b2 = 1").errors.isEmpty == false)
    #expect(s.run("flows | take 1").succeeded)
  }

  @Test func interruptIsPolledInsideLongRowLoops() {
    let n = 100_000
    let big = Table([.year("year", (0..<n).map { 2000 + $0 % 7 }), .number("mass", (0..<n).map(Double.init), .mass)])
    var s = Session(catalog: Catalog(tables: ["flows": big]))
    var polls = 0
    let r = s.run("flows | summarize sum(mass) by year") {
      polls += 1
      return polls > 3
    }
    #expect(r.wasInterrupted)
  }

  @Test func runningTwiceGivesIdenticalResults() {
    let code = "flows | summarize t = sum(mass), s = share(cost) by source.stage, material | sort -t | chart bar"
    var a = Fixtures.session()
    var b = Fixtures.session()
    #expect(a.run(code) == b.run(code))
  }
}

@Suite struct MessageTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var code: String
    var expected: DiagnosticCode
    var helpContains: String
    var testDescription: String { code }
  }

  static let cases: [Case] = [
    .init(code: "print flows", expected: .notATable, helpContains: "flows | take 5"),
    .init(code: "flows | where year == \"2022\"", expected: .typeMismatch, helpContains: "without quotes: `2022`"),
    .init(code: "flows | where source == SEP", expected: .unknownColumn, helpContains: "put it in quotes: \"SEP\""),
    .init(code: "flows | where source == Separaton", expected: .unknownColumn, helpContains: "\"Separation\""),
    .init(
      code: "flows | summarize total = sum(mass) by year | chart line with (y = totl)", expected: .unknownColumn,
      helpContains: "`total`"),
    .init(code: "flows | summarize sum(source)", expected: .badArguments, helpContains: "count()"),
    .init(code: "flows | summarize mass by year", expected: .misplacedAggregate, helpContains: "sum(mass)"),
    .init(
      code: "flows | summarize total = sum(mass) | chart line with (unit = ktt)", expected: .unknownUnit,
      helpContains: "`kt`"),
    .init(code: "set units = kts", expected: .unknownUnit, helpContains: "`kt`"),
    .init(code: "flows | where mass > 5 kt and cost", expected: .conditionNotBoolean, helpContains: "compare it"),
  ]

  @Test(arguments: cases)
  func explainsWithHelp(_ c: Case) {
    var s = Fixtures.session()
    let r = s.run(c.code)
    #expect(r.errors.first?.code == c.expected, "\(r.renderedErrors)")
    #expect(r.errors.first?.help.joined().contains(c.helpContains) == true, "\(r.renderedErrors)")
  }
}
