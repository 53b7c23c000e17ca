import FlowModel
import Testing

@testable import FlowQL

/// Text columns are dictionary-encoded; these queries check that filters, grouping and joins
/// answer by value, including on columns whose dictionary holds values no row uses any more.
@Suite struct TextColumnQueryTests {
  typealias E = EvaluatorTests

  @Test(arguments: [
    ("==", ["MIN", "MIN"]), ("!=", ["IMP_CONC_US", "SEP", "SEP", "IMP_CONC_US", "SEP"]),
    ("<", ["IMP_CONC_US", "IMP_CONC_US"]), (">=", ["MIN", "SEP", "SEP", "MIN", "SEP"]),
  ])
  func comparisonsWithATextAnswerPerRow(op: String, expected: [String]) {
    // Filtered first, so the column's dictionary still holds "MAG", which no row has any more.
    let base = "flows | where source != \"MAG\""
    #expect(E.texts(E.table("\(base) | where source \(op) \"MIN\""), "source") == expected)
    #expect(E.texts(E.table("\(base) | where \"MIN\" \(Self.mirror(op)) source"), "source") == expected)
  }

  static func mirror(_ op: String) -> String {
    ["<": ">", ">=": "<=", "==": "==", "!=": "!="][op]!
  }

  @Test func groupingAFilteredColumnOrdersGroupsByValue() {
    let t = E.table("flows | where source != \"IMP_CONC_US\" | summarize n = count() by source")
    #expect(E.texts(t, "source") == ["MAG", "MIN", "SEP"])
    #expect(E.numbers(t, "n") == [1, 2, 3])
  }

  @Test func joiningColumnsWithDifferentDictionariesMatchesByValue() {
    let session = Fixtures.session()
    var s = session
    _ = s.run("let names = processes | where kind == \"process\" | select id, name")
    let t = E.table("flows | join left names on source = id | select source, name", s)
    #expect(E.texts(t, "source") == ["MIN", "IMP_CONC_US", "SEP", "SEP", "MIN", "IMP_CONC_US", "SEP", "MAG"])
    #expect(
      E.texts(t, "name") == [
        "Mining", "", "Separation", "Separation", "Mining", "", "Separation", "Magnet manufacturing",
      ])
  }
}
