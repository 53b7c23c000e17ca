import Foundation
import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

@Suite struct LoadVerbTests {
  /// A fresh folder with the given files.
  static func folder(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flowql-load-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir
  }

  static let good = """
    year,source,target,material,mass,cost,value
    2020,MINE,MILL,Cu,100,0,1000
    2020,MILL,SMELT,Cu,80,0,1200
    2020,MILL,TAILINGS,Cu,20,0,0
    2020,SMELT,MARKET,Cu,80,0,2000
    2021,MINE,MILL,Cu,110,0,1100
    2021,MILL,SMELT,Cu,90,0,1300
    2021,MILL,TAILINGS,Cu,20,0,0
    2021,SMELT,MARKET,Cu,90,0,2200
    """

  static let processes = """
    id,name,stage,stage_order,kind,loss
    MINE,Mine,Mining,0,source,
    MILL,Mill,Milling,1,quantity_centre,
    SMELT,Smelter,Smelting,2,quantity_centre,
    TAILINGS,Tailings,Losses,3,sink,true
    MARKET,Market,Market,3,sink,
    """

  @Test func loadsAModelThatEveryVerbRunsOn() throws {
    let dir = try Self.folder(["flows.csv": Self.good, "processes.csv": Self.processes])
    var session = MFA.session()
    let flows = dir.appendingPathComponent("flows.csv").path
    let procs = dir.appendingPathComponent("processes.csv").path
    let summary = MFA.table("load \"\(flows)\" as mine processes \"\(procs)\"", in: &session)
    #expect(summary.numbers("flows") == [8])
    #expect(summary.years("last_year") == [2021])
    let balance = MFA.table("balance | in mine", in: &session)
    #expect(balance.texts("process") == ["MILL", "SMELT", "SYSTEM"])
    #expect(balance.numbers("inputs") == [110, 90, 110])
    #expect(balance.caption == "balance · 2021 (latest year in model) · model mine")
    let mfca = MFA.table("mfca of MILL year 2020 | in mine", in: &session)
    #expect(mfca.numbers("loss_mass") == [20])
    #expect(mfca.numbers("loss_share") == [0.2])
    let flowsTable = MFA.table("flows | in mine | summarize m = sum(mass)", in: &session)
    #expect(flowsTable.numbers("m") == [590])
    #expect(MFA.table("sankey | in mine", in: &session).rowCount == 4)
    #expect(MFA.table("models", in: &session).texts("name") == ["baseline", "mine"])
    // The bundled tables are untouched.
    #expect(MFA.table("flows | summarize n = count()", in: &session).numbers("n") == [Double(MFA.model.flows.count)])
    // Errors name the loaded model's processes.
    #expect(MFA.error("balance of MILLL | in mine", in: &session)?.help == ["did you mean `MILL` (Mill)?"])
    #expect(MFA.error("balance year 2015 | in mine", in: &session)?.message.contains("2020–2021") == true)
  }

  static let bad: [(name: String, text: String, expected: String)] = [
    (
      "negative.csv", "year,source,target,material,mass\n2020,A,B,Cu,10\n2020,B,C,Cu,-5\n",
      "negative.csv:3:5 (mass): mass -5.0 is negative"
    ),
    (
      "column.csv", "year,source,target,material,mas\n2020,A,B,Cu,10\n",
      "column.csv:1 (mass): missing required column 'mass'"
    ),
    ("text.csv", "year,source,target,material,mass\n2020,A,B,Cu,ten\n", "text.csv:2:5 (mass): 'ten' is not a number"),
    ("year.csv", "year,source,target,material,mass\n20x0,A,B,Cu,1\n", "year.csv:2:1 (year): '20x0' is not a year"),
    ("empty.csv", "", "empty.csv:1"),
  ]

  @Test(arguments: 0..<bad.count)
  func badFilesNameFileLineAndColumnAndChangeNothing(_ index: Int) throws {
    let file = Self.bad[index]
    let dir = try Self.folder(["good.csv": Self.good, file.name: file.text])
    var session = MFA.session()
    _ = MFA.table("load \"\(dir.appendingPathComponent("good.csv").path)\" as mine", in: &session)
    let code = "load \"\(dir.appendingPathComponent(file.name).path)\" as mine"
    let error = try #require(MFA.error(code, in: &session))
    #expect(error.code == .verbFailed)
    #expect(error.message.hasPrefix(file.expected), "\(error.message)")
    // The earlier `mine` is still there, unchanged.
    #expect(session.catalog.models["mine"]?.model.flows.count == 8)
  }

  @Test func unreadablePathIsExplained() throws {
    var session = MFA.session()
    let error = try #require(MFA.error("load \"no/such/file.csv\" as mine", in: &session))
    #expect(error.message.hasPrefix("cannot read `file.csv`"))
    #expect(error.help.first?.contains("relative to the notebook's folder") == true)
    #expect(session.catalog.models["mine"] == nil)
    #expect(MFA.error("load \"x.csv\" as baseline")?.message.contains("cannot be replaced") == true)
  }

  @Test func unknownProcessInTheFlowsFile() throws {
    let dir = try Self.folder([
      "f.csv": "year,source,target,material,mass\n2020,MINE,MILX,Cu,1\n", "p.csv": Self.processes,
    ])
    let code =
      "load \"\(dir.appendingPathComponent("f.csv").path)\" as m processes \"\(dir.appendingPathComponent("p.csv").path)\""
    let error = try #require(MFA.error(code))
    #expect(error.message == "f.csv:2:3 (target): unknown process 'MILX' (not in the processes file)")
  }
}
