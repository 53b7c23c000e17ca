import FlowModel
import Testing

@Suite struct TextColumnTests {
  @Test func storesEachDistinctValueOnce() {
    let column: TextColumn = ["MIN", "SEP", "MIN", "MAG", "SEP"]
    #expect(column.dictionary == ["MIN", "SEP", "MAG"])
    #expect(column.codes == [0, 1, 0, 2, 1])
    #expect(Array(column) == ["MIN", "SEP", "MIN", "MAG", "SEP"])
    #expect(column.count == 5)
  }

  @Test func gatheringSharesTheDictionaryAndFillsMissingRows() {
    let column: TextColumn = ["MIN", "SEP", "MAG"]
    let picked = column.gathered([2, 0, 2])
    #expect(Array(picked) == ["MAG", "MIN", "MAG"])
    #expect(picked.dictionary == column.dictionary)
    #expect(Array(column.gathered([1, -1], missing: "")) == ["SEP", ""])
    #expect(column.gathered([Int]()).isEmpty)
  }

  @Test func equalityComparesRowsNotDictionaries() {
    let filtered = TextColumn(["MIN", "SEP", "MAG"]).gathered([1, 2])
    let fresh: TextColumn = ["SEP", "MAG"]
    #expect(filtered.dictionary != fresh.dictionary)
    #expect(filtered == fresh)
    #expect(filtered.hashValue == fresh.hashValue)
    #expect(filtered != ["MAG", "SEP"])
  }

  @Test func mutatesLikeAnArray() {
    var column: TextColumn = ["a", "b"]
    column[0] = "c"
    column.append("a")
    column.append(contentsOf: ["d", "c"])
    column.removeFirst()
    #expect(Array(column) == ["b", "a", "d", "c"])
    #expect(Set(column.dictionary) == ["a", "b", "c", "d"])
  }

  @Test func mapDistinctTransformsEachValueOnce() {
    let column: TextColumn = ["x", "yy", "x", "zzz", "yy"]
    var calls = 0
    let lengths = column.mapDistinct { s -> Int in
      calls += 1
      return s.count
    }
    #expect(lengths == [1, 2, 1, 3, 2])
    #expect(calls == 3)
  }

  @Test func columnValuesAcceptPlainStrings() {
    let values = ColumnValues.text(["LREE", "HREE", "LREE"])
    guard case .text(let column) = values else {
      Issue.record("not text")
      return
    }
    #expect(column.dictionary == ["LREE", "HREE"])
    #expect(values.count == 3)
  }
}
