import Testing

@testable import FlowModel

@Suite struct BalanceTests {
  @Test(arguments: SupplyMode.allCases)
  func bundledModelClosesEverywhere(mode: SupplyMode) throws {
    let model = try Bundled.model(mode)
    let table = try model.balance()
    #expect(
      table.columnNames == ["year", "process", "inputs", "outputs", "stock_change", "imbalance", "imbalance_pct", "ok"])
    #expect(table.bools("ok").allSatisfy { $0 })
    #expect(model.notes.isEmpty)
    let imbalance = table.numbers("imbalance")
    let inputs = table.numbers("inputs")
    for i in imbalance.indices { #expect(abs(imbalance[i]) <= 1e-6 * max(inputs[i], 1)) }
  }

  @Test func balanceRowsAreIndependentSums() throws {
    let model = try Bundled.model()
    let table = try model.balance(of: ["PRIM", "USE"], years: 2019...2019)
    #expect(table.rowCount == 2)
    let prim = mass(model.flows) { $0.year == 2019 && $0.target == "PRIM" }
    #expect(close(table.numbers("inputs")[0], prim))
    let useIn = mass(model.flows) { $0.year == 2019 && $0.target == "USE" }
    let useOut = mass(model.flows) { $0.year == 2019 && $0.source == "USE" }
    #expect(close(table.numbers("stock_change")[1], useIn - useOut))
  }

  @Test func namedBoundaryProcessesShowTheirTotals() throws {
    let model = try Bundled.model()
    let table = try model.balance(of: ["EXP_MAG"], years: 2017...2017)
    let exports = mass(model.flows) { $0.year == 2017 && $0.target == "EXP_MAG" }
    #expect(close(table.numbers("inputs")[0], exports))
    #expect(close(table.numbers("imbalance")[0], 0))
    #expect(close(exports, 29_907 * 0.36))
  }

  @Test func systemRowBalancesTheBoundary() throws {
    let model = try Bundled.model()
    let table = try model.balance(years: 2022...2022, byMaterial: true)
    #expect(table.columnNames.contains("material"))
    let rows = table.texts("process").indices.filter { table.texts("process")[$0] == "SYSTEM" }
    #expect(rows.count == 2)
    for row in rows { #expect(table.bools("ok")[row]) }
  }

  @Test func reportsAnImbalance() throws {
    let flows = [
      Flow(year: 2020, source: "A", target: "B", material: "x", mass: 10),
      Flow(year: 2020, source: "B", target: "C", material: "x", mass: 7),
    ]
    let model = MaterialFlowModel(processes: [], flows: flows)
    let table = try model.balance(of: ["B"])
    #expect(table.numbers("imbalance") == [3])
    #expect(close(table.numbers("imbalance_pct")[0], 0.3))
    #expect(table.bools("ok") == [false])
  }

  @Test func rejectsUnknownProcessesAndYears() throws {
    let model = try Bundled.model()
    #expect(throws: FlowModelError.yearOutOfRange(2030, valid: 2015...2022)) {
      try model.balance(years: 2021...2030)
    }
    do {
      _ = try model.balance(of: ["SEPP"])
      Issue.record("expected an error")
    } catch FlowModelError.unknownProcess(let id, let candidates) {
      #expect(id == "SEPP")
      #expect(candidates.first == "SEP")
    }
  }
}
