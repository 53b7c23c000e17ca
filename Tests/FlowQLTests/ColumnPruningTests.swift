import FlowModel
import Synchronization
import Testing

@testable import FlowQL

/// Stages carry only the columns later stages read; that must never change an answer.
@Suite struct ColumnPruningTests {
  static let queries = [
    "flows | summarize n = count()",
    "flows | where mass > 10000 and year == 2022 | summarize n = count(), total = sum(mass) by source",
    "flows | join processes on source = id | summarize total = sum(mass) by stage",
    "flows | join left processes on target = id | where kind == \"process\" | select target, name, mass",
    "flows | derive double = mass * 2 | where double > 50 kt | summarize s = sum(double) by material",
    "flows | sort -mass | take 3 | select source, mass",
    "flows | top 2 by mass | select source, target",
    "flows | top 2 by mass with others | select source, mass",
    "flows | where source.stage == \"separation\" | summarize n = count() by year",
    "flows | derive k = 1 | join flows on material | summarize n = count() by material",
    "flows | join flows on material | summarize m = sum(mass_flows) by year",
    "flows | where material in [\"LREE\"] | summarize first(source), last(target) by year",
    "flows | where mass > 1 kt | chart bar with (x = source, y = mass)",
    "flows | summarize total = sum(mass) by year | chart line with (x = year, y = total)",
    "flows | rename origin = source | summarize n = count() by origin",
    "flows | where yaer == 2021 | summarize n = count()",
    "flows | where mass > 1 kt | select sourc, mass",
    "flows | join processes on source = id | where stag == \"mining\" | summarize n = count()",
    "flows | where mass > 1 kt | summarize n = count() by yeer",
    "flows | sort -mass | take 3 | chart bar with (x = sourc, y = mass)",
  ]

  @Test(arguments: queries)
  func prunedAndFullRunsAgree(_ code: String) throws {
    let (program, diagnostics) = Parser.parse(SourceText(code), verbs: Fixtures.catalog.verbs.signatures)
    try #require(diagnostics.isEmpty)
    guard case .query(let query) = program.statements.first?.kind else {
      Issue.record("not a query")
      return
    }
    func run(pruning: Bool) -> String {
      var evaluator = Evaluator(
        catalog: Fixtures.catalog, bindings: [:], source: SourceText(code), isCancelled: { false })
      evaluator.prunesColumns = pruning
      do {
        switch try evaluator.evaluate(query) {
        case .table(let table, let chart): return "\(table)\n\(String(describing: chart))\n\(evaluator.warnings)"
        case .value(let cell): return "\(cell)"
        }
      } catch {
        return error.render(source: code)
      }
    }
    #expect(run(pruning: true) == run(pruning: false))
  }

  @Test func aCountAfterAFilterReadsOnlyTheFilteredColumn() {
    let (program, _) = Parser.parse(
      SourceText("flows | where mass > 5 kt | join processes on source = id | summarize n = count() by stage"),
      verbs: [])
    guard case .query(let query) = program.statements.first?.kind else {
      Issue.record("not a query")
      return
    }
    #expect(query.neededColumns() == [["mass", "source", "stage"], ["source", "stage"], ["stage"]])
  }
}

/// A source verb that counts how often it runs.
private struct CountedVerb: Verb {
  static let runs = Atomic<Int>(0)
  let signature = VerbSignature(
    name: "counted", summary: "Counts its runs (test verb).", example: "counted", clauses: [])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    Self.runs.add(1, ordering: .relaxed)
    return VerbOutput(Table([.text("source", ["a", "b"]), .text("target", ["b", "c"]), .number("mass", [1, 2])]))
  }
}

extension ColumnPruningTests {
  /// A mistake after a `load` or a `scenario` is explained with every column in view, without
  /// running the source again.
  @Test func aFailingQueryRunsItsSourceOnceAndNamesEveryColumn() throws {
    var session = Session(catalog: Catalog(tables: [:], verbs: VerbRegistry([CountedVerb()])))
    let before = CountedVerb.runs.load(ordering: .relaxed)
    let result = session.run("counted | where mass > 1 | select sourc")
    #expect(CountedVerb.runs.load(ordering: .relaxed) - before == 1)
    let error = try #require(result.errors.first)
    #expect(error.code == .unknownColumn)
    #expect(error.help == ["did you mean `source`?"])
    #expect(error.notes == ["columns here: source, target, mass"])
  }
}
