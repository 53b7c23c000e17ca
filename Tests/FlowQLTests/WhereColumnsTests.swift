import FlowModel
import Testing

@testable import FlowQL

/// `where` over typed columns (comparisons of a column with a literal, joined by `and`) keeps
/// exactly the rows a plain Swift filter over the same values keeps, NaN included; what it does
/// not handle still gets the general evaluator's errors and warnings.
@Suite struct WhereColumnsTests {
  struct Row {
    var id: Int, year: Int, mass: Double, source: String
  }

  /// 300 rows; every seventh mass is missing (NaN).
  static let rows: [Row] = (0..<300).map { i in
    Row(
      id: i, year: 1990 + (i * 7) % 35, mass: i % 7 == 3 ? .nan : Double((i * 37) % 1000),
      source: ["A", "B", "C", "D"][(i * 5) % 4])
  }

  static func session() -> Session {
    let table = Table([
      .number("id", rows.map { Double($0.id) }), .year("year", rows.map(\.year)),
      .number("mass", rows.map(\.mass), .mass), .text("source", rows.map(\.source)),
    ])
    return Session(catalog: Catalog(tables: ["t": table]))
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var condition: String
    var keeps: @Sendable (Row) -> Bool
    var testDescription: String { condition }
  }

  static let cases: [Case] = [
    Case(condition: "mass > 500") { $0.mass > 500 },
    Case(condition: "mass > 0.5 kt") { $0.mass > 500 },
    Case(condition: "500 < mass") { $0.mass > 500 },
    Case(condition: "mass != 370") { $0.mass != 370 },
    Case(condition: "mass >= -1") { $0.mass >= -1 },
    Case(condition: "year <= 2000") { $0.year <= 2000 },
    Case(condition: "year > 2000.5") { Double($0.year) > 2000.5 },
    Case(condition: "year >= 2010 and mass <= 300 and source == \"B\"") {
      $0.year >= 2010 && $0.mass <= 300 && $0.source == "B"
    },
    Case(condition: "source < \"C\"") { $0.source < "C" },
    Case(condition: "\"C\" > source and 100 <= mass") { $0.source < "C" && $0.mass >= 100 },
    Case(condition: "mass > 500 or source == \"A\"") { $0.mass > 500 || $0.source == "A" },
  ]

  @Test(arguments: cases)
  func keepsTheRowsAPlainFilterKeeps(_ c: Case) {
    let t = EvaluatorTests.table("t | where \(c.condition)", Self.session())
    let expected = Self.rows.filter(c.keeps).map { Double($0.id) }
    #expect(!expected.isEmpty)
    #expect(EvaluatorTests.numbers(t, "id") == expected)
  }

  @Test func aUnitMismatchIsStillAnError() {
    var session = Self.session()
    let result = session.run("t | where mass > 5 USD")
    #expect(result.errors.map(\.code) == [.unitMismatch])
  }

  @Test func aComparisonMatchingNothingStillWarns() {
    var session = Self.session()
    let result = session.run("t | where mass > 1 and source == \"Z\"")
    #expect(result.succeeded)
    #expect(result.warnings.map(\.code) == [.noSuchValue])
  }
}
