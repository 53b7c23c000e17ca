import FlowModel
import Testing

@testable import Charts

/// Odd tables must never trap: every kind either draws well-formed SVG or throws a ChartError.
@Suite struct RobustnessTests {
  static let tables: [Table] = [
    Table([.text("name", ["only"]), .number("v", [1], .mass)]),
    Table([.text("name", ["a", "b"]), .number("v", [.nan, .nan], .mass)]),
    Table([.text("name", ["a", "b", "c"]), .number("v", [-5, 0, 7], .money)]),
    Table([.text("name", ["a", "b"]), .number("v", [1e300, .infinity], .none)]),
    Table([.text("name", ["", "é 漢字 🙂"]), .number("v", [0, 0], .ratio)]),
    Table([.year("year", [2020, 2020, 2021]), .number("v", [1, 2, 3], .mass)]),
    Table([.number("x", [3, 1, 2]), .number("v", [1, 2, 3], .price)]),
    Table([.text("name", ["a"])]),
    Table([.bool("ok", [true, false]), .number("v", [1, 2])]),
    Table([
      .text("source", ["a", "a", "b"]), .text("target", ["a", "b", "a"]), .number("value", [1, -1, .nan], .mass),
    ]),
    Table([.text("source", ["x"]), .text("target", ["y"]), .number("value", [0], .mass)]),
    Table([.year("year", []), .number("v", [], .mass)]),
  ]

  @Test(arguments: ChartKind.allCases.filter { $0 != .table })
  func oddTablesDrawOrThrow(_ kind: ChartKind) {
    for table in Self.tables {
      var palette = ColorAssignment()
      do {
        let result = try ChartRenderer().render(table, spec: ChartSpec(kind), palette: &palette)
        #expect(xmlProblem(result.svg) == nil, "\(kind) of \(table.columnNames)")
        #expect(result.bundle.data["text/plain"] != nil)
      } catch {
        #expect(!error.message.isEmpty && !error.help.isEmpty, "\(kind): \(error)")
      }
    }
  }

  @Test func oddTablesRenderAsTables() {
    for table in Self.tables {
      for rows in [nil, 0, 1, 60] as [Int?] {
        let options = DisplayOptions(rows: rows)
        #expect(xmlProblem(TableRenderer.html(table, options: options)) == nil)
        _ = TableRenderer.text(table, options: options)
      }
    }
  }

  @Test func hugeWholeNumbersKeepEveryDigit() {
    #expect(NumberText.integerDigits(1.2345e20) == "123450000000000000000")
    #expect(NumberText.integerDigits(9e15) == "9000000000000000")
    #expect(NumberText.fixed(2e16, decimals: 0, grouping: false) == "20000000000000000")
  }
}
