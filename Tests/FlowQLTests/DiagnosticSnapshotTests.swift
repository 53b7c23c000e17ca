import FlowModel
import Postgres
import TestSupport
import Testing

@testable import FlowQL

/// One golden file per diagnostic code, in `Snapshots/<code>.txt`: the input and the rendered
/// message. Re-record with `RECORD_SNAPSHOTS=1 swift test --filter DiagnosticSnapshotTests`.
@Suite struct DiagnosticSnapshotTests {
  /// An input that triggers each code (the code first, as the file name).
  static let triggers: [(DiagnosticCode, String)] = [
    (.unexpectedCharacter, "flows | where mass > 5 @"),
    (.unterminatedString, "flows | where source == \"SEP"),
    (.unexpectedToken, "flows | join processes source = id"),
    (.expectedExpression, "flows | select year, , mass"),
    (.unclosedBracket, "flows | where (mass > 5 kt"),
    (.missingOperand, "flows | where mass > | take 5"),
    (.assignmentInCondition, "flows | where year = 2022"),
    (.invalidNumber, "print 1e999"),
    (.tooDeep, "print " + String(repeating: "(", count: 41) + "1" + String(repeating: ")", count: 41)),
    (.expectedQuery, "| where year == 2022"),
    (.unknownStage, "flows\n  | wher year == 2022"),
    (.missingStage, "flows | | take 5"),
    (.chartNotLast, "flows | chart bar | take 5"),
    (.unknownUnit, "flows | where mass > 5 KT"),
    (.unknownClause, "echo of \"SEP\" yaer 2022"),
    (.unquotedFileName, "echo of copper_flows.csv"),
    (.unknownChartKind, "flows | chart bars"),
    (.unknownChartOption, "flows | chart bar with (titel = \"Mass\")"),
    (.chartOptionNotForKind, "flows | summarize total = sum(mass) by year\n  | chart line with (min = 1 kt)"),
    (.saveNotLast, "flows | save \"/tmp/flows.csv\" | take 5"),
    (.unknownFileFormat, "flows | take 5 | save \"flows.xlsx\""),
    (.unknownColumn, "flows\n  | where yaer == 2020"),
    (.unknownName, "flws | take 5"),
    (.unknownFunction, "flows | derive root = sqr(mass)"),
    (.unknownHelpTopic, "help sumarize"),
    (.unknownOption, "set rowz = 5"),
    (.unknownField, "flows | summarize sum(mass) by source.stag"),
    (.duplicateColumn, "flows | select mass, mass"),
    (.typeMismatch, "flows | where source > 5"),
    (.conditionNotBoolean, "flows | where mass"),
    (.unitMismatch, "flows | where mass > 300 USD"),
    (.incompatibleUnits, "flows | derive x = mass + cost"),
    (.unsupportedUnitProduct, "flows | derive x = mass * mass"),
    (.badArguments, "flows | derive x = round()"),
    (.misplacedAggregate, "flows | where sum(mass) > 5 kt"),
    (.invalidCount, "flows | take 2.5"),
    (.invalidPivot, "flows | pivot columns = year, values = source"),
    (.joinKeyMismatch, "flows | join processes on year = id"),
    (.joinTooLarge, "flows | join flows on material\n  | join flows on year"),
    (.invalidOptionValue, "set rows = 0"),
    (.verbFailed, "echo of \"SEP\" fail"),
    (.verbNeedsNoInput, "flows | echo of \"SEP\""),
    (.notATable, "let ratio = 45015 / 3912\nratio | take 1"),
    (.writeFailed, "flows | take 5 | save \"/nonexistent-folder/flows.csv\""),
    (.saveNeedsChart, "let five = flows | take 5 | save \"five.svg\""),
    (.noSuchValue, "flows | where source == \"SPE\""),
    (.verbWarning, "echo"),
    (.cannotConnect, "connect \"postgresql://me@localhost/db\" as wh"),
    (.passwordInConnectionString, "connect \"postgresql://me:hunter2@localhost/db\" as wh"),
    (.notCompilable, "flows | where year == 2022 | sql"),
    (.interrupted, "flows | where year == 2022 | take 5"),
  ]

  /// Codes the kernel raises (charts are drawn there); `FlowKernelTests` holds their goldens.
  static let kernelCodes: Set<DiagnosticCode> = [
    .chartNeedsOption, .chartColumnUnsuitable, .chartEmpty, .chartUnitMismatch, .sankeyReturnFlow, .cellTooLong,
  ]

  /// Codes only a running database produces (a refused query, a lost connection, a result over
  /// `set fetch`): Tests/python/test_database.py triggers them against a real PostgreSQL and
  /// compares the message with their goldens here.
  static let serverCodes: Set<DiagnosticCode> = [.databaseFailed, .tooManyRows]

  @Test(arguments: serverCodes.map(\.rawValue).sorted())
  func serverCodesHaveGoldens(_ code: String) {
    #expect(repositoryText("Tests/FlowQLTests/Snapshots/\(code).txt").contains("error[\(code)]"))
  }

  @Test func everyCodeHasATrigger() {
    #expect(
      Set(Self.triggers.map(\.0)).union(Self.kernelCodes).union(Self.serverCodes) == Set(DiagnosticCode.allCases))
  }

  @Test(arguments: triggers.map { $0.0.rawValue })
  func rendersGoldenMessage(_ code: String) throws {
    let (expected, input) = try #require(Self.triggers.first { $0.0.rawValue == code })
    var session = Fixtures.session()
    if expected == .joinTooLarge { session.joinByteLimit = 10_000 }
    // The real libpq connector: it refuses a password before connecting (E501); E500 is a
    // session without one.
    if expected == .passwordInConnectionString { session.catalog.connector = PostgresConnector() }
    let result = session.run(input, isCancelled: { expected == .interrupted })
    let diagnostics = result.errors + result.warnings
    #expect(diagnostics.first?.code == expected, "\(result.renderedErrors)")
    let rendered = diagnostics.map { $0.render(source: result.source) }.joined(separator: "\n")
    let text = diagnosticGolden(input: input, shown: rendered)
    if let mismatch = snapshotMismatch(of: text, named: "\(code).txt") { Issue.record("\(mismatch)") }
  }

  @Test func coloredVariantWrapsTheHeader() {
    let d = Diagnostic(.unknownColumn, "unknown column `x`", at: SourceRange(0, 1))
    #expect(d.renderColored(source: "x").contains("\u{1B}[1;31merror[E201]\u{1B}[0m"))
    #expect(!d.render(source: "x").contains("\u{1B}"))
  }

  @Test func columnsCountUnicodeScalars() {
    let code = "flows | where source == \"é😀\" and yaer > 1"
    var session = Fixtures.session()
    let r = session.run(code)
    #expect(r.errors.first?.location(in: code) == SourceLocation(line: 1, column: 34))
  }

  /// The quoted line and the caret line of a rendered diagnostic.
  static func quote(_ rendered: String) -> (line: String, carets: String) {
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return (String(lines[3].dropFirst(4)), String(lines[4].dropFirst(4)))
  }

  @Test(arguments: [0, 20, 50])
  func longLinesAreQuotedAroundTheCaret(before: Int) {
    let filler = (0..<before).map { "mass > \($0) kt or " }.joined()
    let code = "flows | where \(filler)yaer == 2020" + String(repeating: " or mass > 1 kt", count: 30)
    var session = Fixtures.session()
    let error = session.run(code).errors.first
    let (line, carets) = Self.quote(error?.render(source: code) ?? "")
    #expect(line.unicodeScalars.count <= DiagnosticSnapshotTests.quotedWidth + 2)
    let caret = carets.firstIndex(of: "^").map { carets.distance(from: carets.startIndex, to: $0) } ?? -1
    // The carets stand under `yaer` in the quoted text.
    #expect(Array(line.unicodeScalars).dropFirst(caret).prefix(4).map(Character.init) == Array("yaer"))
    #expect(line.hasSuffix("…"))
    #expect(line.hasPrefix("…") == (before > 0))
  }

  static let quotedWidth = Diagnostic.quotedWidth
}
