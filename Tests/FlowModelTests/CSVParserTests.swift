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
    #expect(
      rows.map(\.fields) == [["id", "note"], ["SEP", "separation, \"SX\""], ["MAG", "two\nlines"], ["USE", "x"]])
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
    var bytes = Array(text.utf8)
    let error = #expect(throws: CSVLoadError.self) {
      try bytes.withUnsafeMutableBufferPointer { try FlowCSV.read($0, file: "f.csv", processes: nil) }
    }
    #expect(error?.line == 5)
  }

  @Test func invalidUTF8IsUnreadable() {
    let error = #expect(throws: CSVLoadError.self) {
      try CSVRecords(bytes: [0x61, 0x0A, 0xFF, 0xFE, 0x0A], file: "bad.csv")
    }
    #expect(error?.problem == .unreadable("the file is not UTF-8 text"))
  }

  /// A small deterministic generator (SplitMix64), so failures reproduce.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test func writtenRecordsReadBackUnchanged() throws {
    var random = SplitMix(state: 2026)
    let pieces = ["a", "SEP", "1.5", " ", ",", "\"", "\n", "\r\n", "é", "😀", ""]
    for _ in 0..<300 {
      let width = Int.random(in: 1...5, using: &random)
      let records = (0..<Int.random(in: 1...6, using: &random)).map { _ in
        (0..<width).map { _ in
          (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
      }
      // RFC 4180 writing: quote a field holding a comma, quote, line break or nothing at all
      // (an empty one-field record would otherwise be a blank line).
      let text = records.map { fields in
        fields.map { f in
          f.isEmpty || f.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) })
            ? "\"" + f.replacing("\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
      }.joined(separator: Bool.random(using: &random) ? "\n" : "\r\n")
      let parsed = try parse(text)
      #expect(parsed.map(\.fields) == records, "\(text.debugDescription)")
      // Each record starts on the line after the line breaks of all before it.
      var line = 1
      for (record, fields) in zip(parsed, records) {
        #expect(record.line == line)
        line += 1 + fields.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
      }
    }
  }

  @Test func arbitraryBytesNeverCrash() {
    var random = SplitMix(state: 7)
    let alphabet: [UInt8] = Array("a,\"\r\n ".utf8) + [0xC3, 0xA9, 0xFF]
    for _ in 0..<2_000 {
      let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
      if let records = try? CSVParser(bytes).records() {
        #expect(records.allSatisfy { !$0.fields.isEmpty && $0.line >= 1 })
      }
    }
  }
}
