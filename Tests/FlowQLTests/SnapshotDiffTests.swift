import Testing

@testable import TestSupport

/// A golden-file mismatch shows every changed line with its neighbours, not only the first.
@Suite struct SnapshotDiffTests {
  @Test func changedAndAddedLinesAreShownWithContext() {
    let diff = lineDifference(expected: "a\nb\nc\nd", actual: "a\nB\nc\nd\ne")
    #expect(
      diff == """
        3 lines differ (- expected, + actual):
              1 | a
        -     2 | b
        +     2 | B
              3 | c
              4 | d
        +     5 | e
        """)
  }

  @Test func equalTextsHaveNoDiffAndLineEndingsAreNamed() {
    #expect(lineDifference(expected: "x\ny", actual: "x\ny") == nil)
    #expect(lineDifference(expected: "x\r\ny", actual: "x\ny") != nil)
  }

  @Test func farApartChangesAreSeparatedAndLongDiffsCut() {
    let expected = (1...100).map { "line \($0)" }
    var actual = expected
    actual[9] = "changed 10"
    actual[89] = "changed 90"
    let diff = lineDifference(expected: expected.joined(separator: "\n"), actual: actual.joined(separator: "\n")) ?? ""
    #expect(diff.contains("-    10 | line 10\n+    10 | changed 10"))
    #expect(diff.contains("  …\n"))
    #expect(diff.contains("+    90 | changed 90"))
    let many = lineDifference(
      expected: expected.joined(separator: "\n"), actual: expected.map { $0 + "!" }.joined(separator: "\n"), limit: 10)
    #expect(many?.hasSuffix("… (diff cut at 10 lines)") == true)
  }
}
