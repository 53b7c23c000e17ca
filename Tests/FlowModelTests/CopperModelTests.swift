import Foundation
import Testing

@testable import FlowModel

/// The copper fixture (`Tests/Fixtures/copper`): a user's model with an in-use stock and
/// recycling loops. Reference values are computed here from the raw CSV text, independently of
/// the loader and the model.
@Suite struct CopperModelTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/copper")

  static func load(stocks: Bool = true) throws -> MaterialFlowModel {
    try MaterialFlowModel.load(
      flowsCSV: folder.appendingPathComponent("flows.csv"),
      processesCSV: folder.appendingPathComponent("processes.csv"),
      stocksCSV: stocks ? folder.appendingPathComponent("stocks.csv") : nil, name: "copper")
  }

  /// (year, source, target, mass) rows of flows.csv, split by hand.
  static func rawFlows() throws -> [(year: Int, source: String, target: String, mass: Double)] {
    let text = try String(contentsOf: folder.appendingPathComponent("flows.csv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
      let f = line.split(separator: ",").map(String.init)
      return (Int(f[0])!, f[1], f[2], Double(f[4])!)
    }
  }

  @Test func theFixtureHasTwelveProcessesAStockAndALoop() throws {
    let model = try Self.load()
    #expect(model.processes.count == 12)
    #expect(model.processes.filter { $0.kind == .stock }.map(\.id) == ["USE"])
    #expect(model.flows.contains { $0.source == "WM" && $0.target == "SMELT" })
  }

  @Test func balanceClosesForEveryProcessAndTheSystem() throws {
    let table = try Self.load().balance()
    #expect(table.rowCount == 3 * 7)  // CONC, SMELT, REFINE, FAB, USE, WM and SYSTEM, 3 years
    #expect(table.bools("ok").allSatisfy { $0 })
    for (i, process) in table.texts("process").enumerated() where process == "USE" {
      #expect(table.numbers("stock_change")[i] > 0)
      #expect(table.numbers("imbalance")[i] == 0)
    }
  }

  @Test func stocksAccumulateFromTheStocksFile() throws {
    let raw = try Self.rawFlows()
    var expected: [Double] = []
    var stock = 20_000_000.0  // stocks.csv: the stock at the end of 2019
    for year in 2020...2022 {
      let inflow = raw.filter { $0.year == year && $0.target == "USE" }.reduce(0) { $0 + $1.mass }
      let outflow = raw.filter { $0.year == year && $0.source == "USE" }.reduce(0) { $0 + $1.mass }
      stock += inflow - outflow
      expected.append(stock)
    }
    let model = try Self.load()
    #expect(model.stocks.map(\.year) == [2020, 2021, 2022])
    #expect(model.stocks.map(\.stock) == expected)
    // Without the stocks file the stock starts from 0 and has the same changes.
    let fromZero = try Self.load(stocks: false)
    #expect(zip(fromZero.stocks, model.stocks).allSatisfy { close($0.stock + 20_000_000, $1.stock) })
    #expect(fromZero.stocks.map(\.stockChange) == model.stocks.map(\.stockChange))
  }

  @Test func aStockAnchoredInsideTheModelSetsTheInitialStock() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("copper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let stocks = dir.appendingPathComponent("stocks.csv")
    try "year,process,material,stock\n2021,USE,Cu,25000000\n".write(to: stocks, atomically: true, encoding: .utf8)
    let model = try MaterialFlowModel.load(
      flowsCSV: Self.folder.appendingPathComponent("flows.csv"),
      processesCSV: Self.folder.appendingPathComponent("processes.csv"), stocksCSV: stocks)
    #expect(model.stocks.first { $0.year == 2021 }?.stock == 25_000_000)
  }

  @Test func theInitialStockColumnOfTheProcessesFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("copper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let text = try String(contentsOf: Self.folder.appendingPathComponent("processes.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n").map { line in
      line.hasPrefix("id,") ? line + ",initial_stock" : line + (line.hasPrefix("USE,") ? ",1000" : ",")
    }
    let processes = dir.appendingPathComponent("processes.csv")
    try lines.joined(separator: "\n").write(to: processes, atomically: true, encoding: .utf8)
    let model = try MaterialFlowModel.load(
      flowsCSV: Self.folder.appendingPathComponent("flows.csv"), processesCSV: processes)
    let first = try #require(model.stocks.first)
    #expect(first.stock == 1000 + first.stockChange)
  }

  @Test func aStockForAProcessThatIsNoStockIsRefused() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("copper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let stocks = dir.appendingPathComponent("stocks.csv")
    try "year,process,material,stock\n2019,SMELT,Cu,5\n".write(to: stocks, atomically: true, encoding: .utf8)
    #expect(throws: CSVLoadError.self) {
      try MaterialFlowModel.load(
        flowsCSV: Self.folder.appendingPathComponent("flows.csv"),
        processesCSV: Self.folder.appendingPathComponent("processes.csv"), stocksCSV: stocks)
    }
    do {
      _ = try MaterialFlowModel.load(
        flowsCSV: Self.folder.appendingPathComponent("flows.csv"),
        processesCSV: Self.folder.appendingPathComponent("processes.csv"), stocksCSV: stocks)
    } catch {
      #expect("\(error)" == "stocks.csv:2:2 (process): 'SMELT' is not a process of kind stock (stock processes: USE)")
    }
  }

  /// More recycling: 30 % of what waste management landfills goes back to smelting.
  static let moreRecycling = Scenario(
    "more_recycling", [.move(share: 0.3, of: FlowSelector("WM", "LANDFILL"), to: "SMELT")])

  @Test func aScenarioPropagatesByTransferCoefficientsAndConservesMass() throws {
    let base = try Self.load()
    let scenario = try base.applying(Self.moreRecycling)
    // Every process still balances and the system closes: boundary in − out = stock change.
    let balance = try scenario.balance()
    #expect(balance.bools("ok").allSatisfy { $0 }, "\(balance.texts("process"))")
    // Independent reference for 2022: solve the linear system of the chain by elimination.
    // x = inputs of SMELT, REFINE, FAB; fixed: CONC→SMELT, WM→SMELT (after the move), IMP→REFINE.
    let raw = try Self.rawFlows().filter { $0.year == 2022 }
    func m(_ s: String, _ t: String) -> Double { raw.first { $0.source == s && $0.target == t }!.mass }
    let smeltIn = m("CONC", "SMELT") + m("WM", "SMELT")
    let tcSmeltRefine = m("SMELT", "REFINE") / smeltIn
    let refineIn = m("SMELT", "REFINE") + m("IMP", "REFINE") + m("FAB", "REFINE")
    let tcRefineFab = m("REFINE", "FAB") / refineIn
    let tcFabRefine = m("FAB", "REFINE") / m("REFINE", "FAB")
    let tcFabUse = m("FAB", "USE") / m("REFINE", "FAB")
    let newSmeltIn = m("CONC", "SMELT") + m("WM", "SMELT") + 0.3 * m("WM", "LANDFILL")
    // refineIn' = tcSR·smelt' + imp + tcFR·tcRF·refineIn'  ⇒  refineIn' = (tcSR·smelt' + imp) / (1 − tcFR·tcRF)
    let newRefineIn = (tcSmeltRefine * newSmeltIn + m("IMP", "REFINE")) / (1 - tcFabRefine * tcRefineFab)
    let newUse = tcFabUse * tcRefineFab * newRefineIn
    let flows2022 = scenario.flows.filter { $0.year == 2022 }
    func s(_ a: String, _ b: String) -> Double { flows2022.first { $0.source == a && $0.target == b }!.mass }
    #expect(close(s("WM", "SMELT"), m("WM", "SMELT") + 0.3 * m("WM", "LANDFILL")))
    #expect(close(s("FAB", "USE"), newUse, 1e-9))
    #expect(s("FAB", "USE") > m("FAB", "USE"))
    // The stock absorbs the extra copper: its change grows by exactly the extra FAB → USE.
    let baseChange = base.stocks.first { $0.year == 2022 }!.stockChange
    let newChange = scenario.stocks.first { $0.year == 2022 }!.stockChange
    #expect(close(newChange - baseChange, newUse - m("FAB", "USE")))
    // Mining and imports are untouched; less goes to landfill.
    #expect(s("MINE", "CONC") == m("MINE", "CONC"))
    #expect(close(s("WM", "LANDFILL"), 0.7 * m("WM", "LANDFILL")))
  }
}
