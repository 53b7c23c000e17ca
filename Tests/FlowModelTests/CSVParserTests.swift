import Testing

@testable import FlowModel

@Suite struct CSVParserTests {
  func parse(_ text: String) throws(CSVParser.Failure) -> [(line: Int, fields: [String])] {
    try CSVParser(Array(text.utf8)).records()
  }

  func fields(_ text: String) throws -> [[String]] {
    try parse(text).map(\.fields)
  }

  @Test func plainFieldsAndLineEnds() throws {
    #expect(try fields("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
    #expect(try fields("a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(try fields("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
    #expect(try fields("a,,c,\n") == [["a", "", "c", ""]])
    #expect(try fields("a,") == [["a", ""]])
    #expect(try fields("").isEmpty)
  }

  @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
    let rows = try parse("id,note\nSEP,\"separation, \"\"SX\"\"\"\nMAG,\"two\nlines\"\nUSE,x\n")
    #expect(rows.map(\.fields) == [["id", "note"], ["SEP", "separation, \"SX\""], ["MAG", "two\nlines"], ["USE", "x"]])
    // The record after the two-line field starts on line 5.
    #expect(rows.map(\.line) == [1, 2, 3, 5])
    #expect(try fields("\"\",\"a\"\r\n") == [["", "a"]])
  }

  @Test func byteOrderMarkAndUnicodeAreKept() throws {
    #expect(try fields("\u{FEFF}année,名\nß,🙂\n") == [["année", "名"], ["ß", "🙂"]])
  }

  @Test func blankLinesBecomeBlankRecordsWithTheirLines() throws {
    let rows = try parse("a\n\nb\n")
    #expect(rows.map(\.fields) == [["a"], [""], ["b"]])
    #expect(rows.map(\.line) == [1, 2, 3])
  }

  @Test func unclosedQuoteIsAnErrorAtItsLine() {
    #expect(throws: CSVParser.Failure(line: 2, message: "a quoted field is never closed")) {
      try parse("a,b\n1,\"open\n2,3\n")
    }
  }

  @Test func textAfterAClosingQuoteIsAnError() {
    #expect(throws: CSVParser.Failure(line: 1, message: "text after the closing quote of a field")) {
      try parse("\"a\"b,c\n")
    }
  }

  @Test func loaderReportsLinesAfterMultiLineFields() throws {
    let text = "year,source,target,material,mass\n2020,A,\"B\",LREE,1\n2020,\"A\nA\",B,LREE,2\n2020,A,B,LREE,ten\n"
    let records = try CSVRecords(text: text, file: "f.csv")
    #expect(records.rows.map(\.line) == [2, 3, 5])
    let error = #expect(throws: CSVLoadError.self) { try FlowCSV.parse(records, knownProcesses: nil) }
    #expect(error?.line == 5)
  }

  @Test func invalidUTF8IsUnreadable() {
    let error = #expect(throws: CSVLoadError.self) { try CSVRecords(bytes: [0x61, 0x0A, 0xFF, 0xFE, 0x0A], file: "bad.csv") }
    #expect(error?.problem == .unreadable("the file is not UTF-8 text"))
  }
}
