import FlowModel
import Testing

@testable import FlowQL

@Suite struct ParserTests {
  static let verbs = Fixtures.catalog.verbs.signatures

  static func parse(_ code: String) -> (Program, [Diagnostic]) {
    Parser.parse(SourceText(code), verbs: verbs)
  }

  /// Programs that must parse without diagnostics (the §6.3 examples that need no verbs, and more).
  static let valid: [String] = [
    "flows | schema",
    "flows | summarize total = sum(mass) by year | chart line",
    "flows | where year == 2020 | top 10 by mass | select source, target, material, mass",
    "flows | where year == 2020\n      | summarize inflow = sum(mass) by target\n      | sort -inflow\n      | chart bar with (title = \"Inflow by process, 2020\", unit = kt)",
    "flows | where year == 2020 and source == \"SEP\" | chart pie with (x = target, y = mass)",
    "flows | where target == \"EXP_PRIM\"\n| summarize lost = sum(mass) by year, material\n| chart stacked with (x = year, series = material)",
    "flows | where year >= 2010 and source == \"SEP\"\n  | summarize recycled = sumif(mass, target == \"MAG\"), total = sum(mass) by year\n  | derive recycling_rate = recycled / total\n  | chart line with (y = recycling_rate, unit = \"%\")",
    "flows | where source == \"MIN\" | summarize mass = sum(mass) by target, year\n  | pivot columns = year, values = mass",
    "let y2020 = flows | where year == 2020\ny2020 | summarize value = sum(value) by source.stage | chart column",
    "45015 / 3912",
    "let r = 45015 / 3912; print r",
    "set rows = 20; set units = kt; set decimals = 1",
    "print \"hello\"; warn \"careful\"",
    "help; help summarize; help E201; help %; help USD/t",
    "clear",
    "flows | sort by year desc, mass asc",
    "flows | where material in [\"LREE\", \"HREE\"] and year in 2015..2022",
    "flows | select year, mass_kt = mass / 1 kt,",
    "flows | join left processes on source = id",
    "flows | where not (source ~ \"IMP\")",
    "flows | chart line with (y = [mass, cost])",
    "flows | render bar",
    "echo of \"SEP\", \"MAG\" year 2022 by material split by stage min 2 kt",
    "echo block { move 30 % of \"A\" -> \"B\" to \"C\"\n scale A -> B (years = 2020..2022) by 2 }",
    "flows | scale by 2 | take 1",
    "flows | where price > 3912 USD/t",
    "# only a comment",
    "",
    "   \n\n  ",
  ]

  @Test(arguments: valid)
  func parsesWithoutDiagnostics(_ code: String) {
    let (_, diagnostics) = Self.parse(code)
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.render(source: code) })")
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    /// The source with `⟨` marking where the first error starts.
    var marked: String
    var codes: [DiagnosticCode]
    var testDescription: String { marked.debugDescription }
  }

  static let errors: [ErrorCase] = [
    .init(marked: "flows | ⟨wher year == 2020", codes: [.unknownStage]),
    .init(marked: "flows | where mass ⟨> | take 5", codes: [.missingOperand]),
    .init(marked: "flows ⟨| | take 5", codes: [.missingStage]),
    .init(marked: "flows | where year ⟨= 2020", codes: [.assignmentInCondition]),
    .init(marked: "flows | where ⟨(mass > 5", codes: [.unclosedBracket]),
    .init(marked: "flows | chart ⟨bars", codes: [.unknownChartKind]),
    .init(marked: "flows | chart bar with (⟨titel = \"x\")", codes: [.unknownChartOption]),
    .init(marked: "flows | chart bar | ⟨take 5", codes: [.chartNotLast]),
    .init(marked: "flows | where mass > 5 ⟨KT", codes: [.unknownUnit]),
    .init(marked: "echo of \"SEP\" ⟨yaer 2022", codes: [.unknownClause]),
    .init(marked: "flows | ⟨echo of \"SEP\"", codes: [.verbNeedsNoInput]),
    .init(marked: "⟨| take 5", codes: [.expectedQuery]),
    .init(marked: "flows ⟨where year == 2020", codes: [.unexpectedToken]),
    .init(marked: "flows | select year, ⟨, mass", codes: [.expectedExpression]),
    .init(marked: "flows | where source == ⟨\"SEP", codes: [.unterminatedString]),
    .init(marked: "flows | where mass ⟨@ 5", codes: [.unexpectedCharacter]),
    .init(marked: "print ⟨1e999", codes: [.invalidNumber]),
    .init(
      marked: "flows | ⟨wher x | selec y\nflows | take 5\nflows | ordr z | whre q",
      codes: [.unknownStage, .unknownStage, .unknownStage]),
  ]

  @Test(arguments: errors)
  func reportsErrorAtResponsibleToken(_ c: ErrorCase) throws {
    let marker = try #require(c.marked.unicodeScalars.firstIndex(of: "⟨"))
    let offset = c.marked.unicodeScalars.distance(from: c.marked.unicodeScalars.startIndex, to: marker)
    let code = c.marked.replacingOccurrences(of: "⟨", with: "")
    let (_, diagnostics) = Self.parse(code)
    #expect(diagnostics.map(\.code) == c.codes)
    #expect(diagnostics.first?.range.start == offset)
  }

  @Test func reportsAtMostThreeErrors() {
    let code = (1...6).map { "flows | wher\($0) x" }.joined(separator: "\n")
    #expect(Self.parse(code).1.count == 3)
  }

  @Test func topDefaultsToDescending() throws {
    let (program, _) = Self.parse("flows | top 3 by mass | top 2 by mass asc")
    guard case .query(let q) = program.statements[0].kind,
      case .top(_, let a, _) = q.stages[0].kind, case .top(_, let b, _) = q.stages[1].kind
    else {
      Issue.record("not a top stage")
      return
    }
    #expect(a[0].descending && !b[0].descending)
  }

  @Test func keywordsAreCaseInsensitive() {
    #expect(Self.parse("flows | WHERE year == 2020 | Take 5").1.isEmpty)
  }

  @Test func splitsStatements() {
    let (program, _) = Self.parse("let a = flows\na | take 1; print 1\n\nclear")
    #expect(program.statements.count == 4)
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
