import Testing

@testable import FlowModel

/// A flows file large enough to be read in two halves (one per core) loads exactly as the same
/// rows in a file that must be read in one pass (a quote anywhere forces that).
@Suite struct CSVHalvesTests {
  static let rows = 160_000

  /// Row `r`: a unique (year, source, target) from `r`; the material `late` first appears in the
  /// last quarter, so the second half's dictionary differs from the first's.
  static func text(quoted: Bool, rows: Int = rows, replacing replaced: (row: Int, line: String)? = nil) -> String {
    var lines = ["year,source,target,material,mass,cost,note"]
    lines.reserveCapacity(rows + 1)
    for r in 0..<rows {
      let material = r >= rows * 3 / 4 ? "late" : (r % 3 == 0 ? "LREE" : "HREE")
      let note = quoted && r == 0 ? "\"n\"" : "n"
      let line = "\(1990 + r % 35),S\(r / 35 % 300),T\(r / 10_500),\(material),\(r % 1000).5,\(r % 7),\(note)"
      lines.append(replaced?.row == r ? replaced!.line : line)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func read(_ text: String, processes: [String]? = nil) throws -> FlowColumns {
    var bytes = Array(text.utf8)
    return try bytes.withUnsafeMutableBufferPointer { try FlowCSV.read($0, file: "f.csv", processes: processes) }
      .columns
  }

  /// Whether the file would be split (a quote-free body above the size threshold).
  static func splits(_ text: String) throws -> Bool {
    var bytes = Array(text.utf8)
    return try bytes.withUnsafeMutableBufferPointer { buffer in
      var header: FlowHeader?
      let body = try CSVParser.scan(buffer, until: 1) { header = try FlowHeader($0, buffer, file: "f.csv") }
      let read = FlowRowsRead(buffer: buffer, file: "f.csv", header: try #require(header), processes: nil)
      return read.split(body.index..<buffer.count) != nil
    }
  }

  @Test func bothHalvesGiveTheOnePassColumns() throws {
    let halves = Self.text(quoted: false)
    let onePass = Self.text(quoted: true)
    #expect(halves.utf8.count > FlowRowsRead.parallelBytes)
    #expect(try Self.splits(halves))
    #expect(try !Self.splits(onePass))
    let a = try Self.read(halves)
    let b = try Self.read(onePass)
    #expect(a.count == Self.rows)
    #expect(a.years == b.years)
    #expect(a.sources.dictionary == b.sources.dictionary && a.sources.codes == b.sources.codes)
    #expect(a.targets.dictionary == b.targets.dictionary && a.targets.codes == b.targets.codes)
    #expect(a.materials.dictionary == ["LREE", "HREE", "late"])
    #expect(a.materials.dictionary == b.materials.dictionary && a.materials.codes == b.materials.codes)
    #expect(a.masses == b.masses && a.costs == b.costs)
    // Spot checks against the generator: the last row.
    let last = Self.rows - 1
    let row = try #require(
      a.firstIndex {
        $0.year == 1990 + last % 35 && $0.source == "S\(last / 35 % 300)" && $0.target == "T\(last / 10_500)"
      })
    #expect(a[row].mass == Double(last % 1000) + 0.5 && a[row].material == "late")
  }

  @Test func anErrorInTheSecondHalfNamesItsLineInTheFile() throws {
    let bad = Self.rows - 10
    let text = Self.text(quoted: false, replacing: (bad, "2000,S1,T1,LREE,ten,1,n"))
    #expect(try Self.splits(text))
    let error = #expect(throws: CSVLoadError.self) { try Self.read(text) }
    // Line 1 is the header; row r is on line r + 2.
    #expect(error?.line == bad + 2)
    #expect(error?.problem == .notANumber("ten"))
  }

  @Test func anUnknownProcessInTheSecondHalfNamesItsLine() throws {
    let bad = Self.rows - 3
    let text = Self.text(quoted: false, replacing: (bad, "2000,S1,NOPE,LREE,1,1,n"))
    let ids = (0..<300).map { "S\($0)" } + (0...Self.rows / 10_500).map { "T\($0)" }
    let error = #expect(throws: CSVLoadError.self) { try Self.read(text, processes: ids) }
    #expect(error?.line == bad + 2)
    #expect(error?.column == 3)
  }

  @Test func aDuplicateAcrossTheHalvesNamesBothLines() throws {
    // The last row repeats row 0's key (year 1990, S0, T0, LREE).
    let text = Self.text(quoted: false, replacing: (Self.rows - 1, "1990,S0,T0,LREE,2,1,n"))
    #expect(try Self.splits(text))
    let error = #expect(throws: CSVLoadError.self) { try Self.read(text) }
    #expect(error?.line == Self.rows + 1)
    #expect(error?.problem == .duplicateRow(firstLine: 2))
  }
}
