import Foundation
import Testing

@testable import FlowModel
@testable import FlowQL

/// `save "file"`: written files read back unchanged; failures leave existing files alone.
@Suite struct SaveTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flowql-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func table(_ result: RunResult) -> Table? {
    for case .table(let t, _) in result.outputs.reversed() { return t }
    return nil
  }

  @Test func helpExampleWritesTheYearsFlows() throws {
    let dir = try Self.folder()
    let example = try #require(Help.topic("save", Fixtures.catalog)).example
    var session = Fixtures.session()
    let result = session.run(example.replacing("\"flows_2022.csv\"", with: "\"\(dir.path)/flows_2022.csv\""))
    #expect(result.succeeded, "\(result.renderedErrors)")
    let records = try CSVRecords(url: dir.appendingPathComponent("flows_2022.csv"))
    #expect(records.header.prefix(5) == ["year", "source", "target", "material", "mass [t]"])
    #expect(!records.rows.isEmpty && records.rows.allSatisfy { $0.fields[0] == "2022" })
  }

  /// Quotes, commas, line breaks and markup in text survive CSV (read by the RFC 4180 reader)
  /// and JSON (read by Foundation's parser) unchanged.
  @Test func hostileTextSurvivesCSVAndJSON() throws {
    let hostile = [
      "a \"quoted\" word", "comma, inside", "two\nlines", "cr\r\nlf", "<script>alert(1)</script>", "é😀", "",
    ]
    let table = Table([.text("note", hostile), .number("mass", [1, 2, 3, 4, 5, 6, .nan], .mass)])
    let records = try CSVParser(Array(table.csvText().utf8)).records()
    #expect(
      records.map(\.fields) == [["note", "mass [t]"]]
        + zip(hostile, ["1", "2", "3", "4", "5", "6", ""]).map { [$0, $1] })
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(table.jsonText().utf8)) as? [String: Any])
    let rows = try #require(json["rows"] as? [[Any]])
    #expect(rows.map { $0[0] as? String } == hostile)
    #expect(rows.last?[1] is NSNull)
    let columns = try #require(json["columns"] as? [[String: Any]])
    #expect(columns[1]["unit"] as? String == "t" && columns[1]["type"] as? String == "number")
  }

  /// A user model whose ids and materials hold hostile text loads back from its saved flows.
  @Test func hostileNamesRoundTripThroughLoad() throws {
    let flows = [
      Flow(year: 2020, source: "MINE, \"A\"", target: "MILL\nB", material: "<b>Cu</b>", mass: 0.1 + 0.2),
      Flow(year: 2021, source: "MINE, \"A\"", target: "MILL\nB", material: "<b>Cu</b>", mass: 1e-300, cost: 12.5),
    ]
    let model = MaterialFlowModel(name: "m", processes: [], flows: flows)
    let url = try Self.folder().appendingPathComponent("hostile.csv")
    try AtomicFile.write(Array(model.flowsTable().csvText().utf8), to: url.path)
    let back = try MaterialFlowModel.load(flowsCSV: url)
    #expect(Array(back.flows) == flows)
  }

  @Test func unitsInTheHeaderAreConverted() throws {
    let url = try Self.folder().appendingPathComponent("kt.csv")
    try AtomicFile.write(
      Array(
        "year,source,target,material,mass [kt],cost [MUSD],sigma [t],uncertainty [%]\n2020,A,B,Cu,1.5,2,10,5\n".utf8),
      to: url.path)
    let flow = try #require(try MaterialFlowModel.load(flowsCSV: url).flows.first)
    #expect(flow.mass == 1500 && flow.cost == 2e6 && flow.sigma == 10 && flow.uncertainty == 5)
  }

  @Test func jsonHoldsColumnsRowsAndChart() throws {
    let path = try Self.folder().appendingPathComponent("by_year.json").path
    var session = Fixtures.session()
    let result = session.run(
      "flows | summarize total = sum(mass) by year | save \"\(path)\" | chart line with (x = year, title = \"Mass\")")
    #expect(result.succeeded, "\(result.renderedErrors)")
    let shown = try #require(Self.table(result))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    let columns = try #require(json["columns"] as? [[String: Any]])
    #expect(columns.map { $0["name"] as? String } == ["year", "total"])
    #expect(columns.map { $0["type"] as? String } == ["year", "number"])
    let rows = try #require(json["rows"] as? [[Any]])
    let totals = try #require(shown["total"]).values.numbers
    #expect(!totals.isEmpty && rows.map { ($0[1] as? NSNumber)?.doubleValue } == totals.map { Optional($0) })
    let chart = try #require(json["chart"] as? [String: Any])
    #expect(chart["kind"] as? String == "line")
    #expect((chart["options"] as? [String: Any])?["title"] as? String == "Mass")
  }

  /// A failed write (here: the target is a folder, which root cannot overwrite either) leaves
  /// what was there and no temporary file.
  @Test func failedWriteLeavesTheFolderAsItWas() throws {
    let dir = try Self.folder()
    let target = dir.appendingPathComponent("taken.csv")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
    try Data("keep".utf8).write(to: target.appendingPathComponent("inside.txt"))
    var session = Fixtures.session()
    let result = session.run("flows | take 2 | save \"\(target.path)\"")
    #expect(result.errors.first?.code == .writeFailed)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken.csv"])
    #expect(try String(contentsOf: target.appendingPathComponent("inside.txt"), encoding: .utf8) == "keep")
  }

  @Test func saveMustBeLastOrBeforeChart() {
    var session = Fixtures.session()
    #expect(session.run("flows | save \"x.csv\" | take 1").errors.first?.code == .saveNotLast)
    #expect(session.run("flows | take 1 | save \"x.xlsx\"").errors.first?.code == .unknownFileFormat)
  }
}

extension ColumnValues {
  /// The numbers of a numeric column (empty otherwise).
  fileprivate var numbers: [Double] {
    if case .number(let v) = self { return v }
    return []
  }
}
