import Foundation
import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

@Suite struct BalanceVerbTests {
  @Test func matchesSumsOfFlowsAndStocks() {
    let table = MFA.table("balance year 2022")
    let flows = MFA.flows(2022)
    let stocks = MFA.model.stocks.filter { $0.year == 2022 }
    let expected = MFA.model.processes.filter { !$0.isBoundary }.map(\.id) + ["SYSTEM"]
    #expect(table.texts("process") == expected)
    for id in expected where id != "SYSTEM" {
      let inputs = flows.filter { $0.target == id }.reduce(0) { $0 + $1.mass }
      let outputs = flows.filter { $0.source == id }.reduce(0) { $0 + $1.mass }
      let stock = stocks.filter { $0.process == id }.reduce(0) { $0 + $1.stockChange }
      #expect(close(table.number("inputs", where: "process", is: id)!, inputs), "\(id) inputs")
      #expect(close(table.number("outputs", where: "process", is: id)!, outputs), "\(id) outputs")
      #expect(close(table.number("stock_change", where: "process", is: id)!, stock), "\(id) stock change")
      #expect(abs(table.number("imbalance", where: "process", is: id)! - (inputs - outputs - stock)) < 1e-6)
    }
    // The system: boundary inflows − boundary outflows = the stock change of the whole system.
    let kind = Dictionary(uniqueKeysWithValues: MFA.model.processes.map { ($0.id, $0.kind) })
    let inflow = flows.filter { kind[$0.source] == .source }.reduce(0) { $0 + $1.mass }
    let outflow = flows.filter { kind[$0.target] == .sink }.reduce(0) { $0 + $1.mass }
    #expect(close(table.number("inputs", where: "process", is: "SYSTEM")!, inflow))
    #expect(close(table.number("outputs", where: "process", is: "SYSTEM")!, outflow))
    #expect(table.bools("ok").allSatisfy { $0 }, "the bundled model balances every process")
  }

  /// Pinned values: a change to the data or the derivation rules must update these on purpose.
  @Test func pinsTheSeparationBalance() {
    let table = MFA.table("balance of \"SEP\", \"Magnet manufacturing\" year 2022")
    #expect(table.texts("process") == ["SEP", "MAG"])
    // After audit: 2022 primary imports 26,500 → 26,480 t (data README, changes after audit).
    #expect(abs(table.numbers("inputs")[0] - 315_127.886) < 0.01)
    #expect(abs(table.numbers("inputs")[1] - 90_000) < 0.01)
  }

  @Test func rangesMaterialsAndTolerance() {
    let table = MFA.table("balance of SEP years 2015..2022 by material tolerance 1 %")
    #expect(table.years("year") == (2015...2022).flatMap { [$0, $0] })
    #expect(table.texts("material").prefix(2) == ["LREE", "HREE"])
    for year in 2015...2022 {
      let total = MFA.model.flows.filter { $0.year == year && $0.target == "SEP" }.reduce(0) { $0 + $1.mass }
      let rows = table.years("year").indices.filter { table.years("year")[$0] == year }
      #expect(close(rows.map { table.numbers("inputs")[$0] }.reduce(0, +), total))
    }
  }

  @Test func defaultsToTheLatestYearAndSaysSo() {
    let table = MFA.table("balance")
    #expect(Set(table.years("year")) == [2022])
    #expect(table.caption == "balance · 2022 (latest year in model)")
  }

  @Test func unknownProcessGetsDidYouMeanOnTheClause() throws {
    let error = try #require(MFA.error("balance of \"SPE\" year 2022"))
    #expect(error.code == .verbFailed)
    #expect(error.help == ["did you mean `SEP` (Smelting and separation)?"])
    #expect(error.range == SourceRange(8, 16))
  }

  @Test func yearOutsideTheModelNamesTheRange() throws {
    let error = try #require(MFA.error("balance year 2030"))
    #expect(error.message.contains("2015–2022"))
    #expect(error.range == SourceRange(8, 17))
  }

  @Test func failingRowsAreWarned() {
    var session = MFA.session()
    _ = session.run("scenario leak { set \"PRIM\" -> \"MET\" = 10 kt }")
    let result = session.run("balance year 2022 | in scenario leak")
    #expect(result.succeeded)
    #expect(result.warnings.contains { $0.code == .verbWarning && $0.message.contains("exceed the tolerance") })
  }

  @Test func rowsWithAFlowWithoutMassAreNotCalledImbalanced() throws {
    // MILL loses 5 t; SMELT's outflow to MARKET was not measured, so SMELT and SYSTEM cannot be
    // checked: the warning says so instead of "imbalance nan t".
    let flows = """
      year,source,target,material,mass,sigma
      2020,MINE,MILL,Cu,100,2
      2020,MILL,SMELT,Cu,75,2
      2020,MILL,TAILINGS,Cu,20,1
      2020,SMELT,MARKET,Cu,,
      """
    let dir = try LoadVerbTests.folder(["flows.csv": flows, "processes.csv": LoadVerbTests.processes])
    var session = MFA.session()
    let path = { dir.appendingPathComponent($0).path }
    _ = MFA.table("load \"\(path("flows.csv"))\" as part processes \"\(path("processes.csv"))\"", in: &session)
    let table = MFA.table("balance | in part", in: &session)
    let result = session.run("balance | in part")
    #expect(table.caption?.hasSuffix("1 row fails the tolerance, 2 cannot be checked (ok = false)") == true)
    let messages = result.warnings.filter { $0.code == .verbWarning }.map(\.message)
    #expect(
      messages == [
        "1 of 3 rows exceed the tolerance of 0.0001 %: MILL 2020 (imbalance 5 t); 2 of 3 rows cannot be checked "
          + "because a flow has no mass: SMELT 2020, SYSTEM 2020 (`reconcile` computes such flows where the "
          + "balances determine them)"
      ])
    #expect(!messages.joined().contains("nan"))
  }

  @Test(
    arguments: [(1e-6 * 100, "0.0001"), (1.0, "1"), (2.5, "2.5"), (0.1 + 0.2, "0.3"), (0.0, "0"), (150.0, "150")]
      as [(Double, String)])
  func tolerancesPrintLikePercentG(value: Double, text: String) {
    #expect(BalanceVerb.shortest(value) == text)
  }
}
