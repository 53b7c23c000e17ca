import Foundation
import TestSupport
import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

@Suite struct StockModelVerbTests {
  /// The inflows into USE by year, summed from the model's flows (independently of the verb).
  static func useInflows(_ model: MaterialFlowModel = MFA.model) -> [Double] {
    model.years.map { y in model.flows.filter { $0.year == y && $0.target == "USE" }.reduce(0) { $0 + $1.mass } }
  }

  @Test func balancesEveryRowAndProjectsPastTheData() {
    let table = MFA.table("stock_model of \"USE\" lifetime weibull(shape = 2.5, scale = 14) years 2015..2040")
    #expect(table.years("year") == Array(2015...2040))
    #expect(table.columnNames == ["year", "inflow", "outflow", "stock", "stock_change"])
    let inflow = table.numbers("inflow")
    let outflow = table.numbers("outflow")
    let change = table.numbers("stock_change")
    for row in 0..<table.rowCount { #expect(abs(inflow[row] - outflow[row] - change[row]) <= 1e-9 * 1e6) }
    let expected = Self.useInflows()
    for (i, v) in expected.enumerated() { #expect(close(inflow[i], v)) }
    #expect(inflow.dropFirst(8).allSatisfy { $0 == 0 })
    #expect(outflow[25] > 0)
    #expect(table.caption == "stock_model of USE · weibull(shape = 2.5, scale = 14) · inflow-driven · 2015–2040")
  }

  @Test func fixedLifetimeShiftsTheInflow() {
    let table = MFA.table("stock_model of \"USE\" lifetime fixed(t = 5) years 2015..2030")
    let inflow = table.numbers("inflow")
    #expect(Array(table.numbers("outflow").dropFirst(5)) == Array(inflow.prefix(11)))
    #expect(table.numbers("outflow").prefix(5).allSatisfy { $0 == 0 })
  }

  @Test func byMaterialSplitsAndAddsUp() {
    let split = MFA.table("stock_model of \"USE\" lifetime lognormal(mean = 12, sd = 5) by material")
    let total = MFA.table("stock_model of \"USE\" lifetime lognormal(12, 5)")
    #expect(Set(split.texts("material")) == ["LREE", "HREE"])
    for (i, year) in total.years("year").enumerated() {
      let rows = split.years("year").indices.filter { split.years("year")[$0] == year }
      #expect(close(rows.reduce(0) { $0 + split.numbers("stock")[$1] }, total.numbers("stock")[i]))
    }
  }

  @Test func cohortsAreLongFormAndSumToTheStock() {
    let cohorts = MFA.table("stock_model of \"USE\" lifetime normal(mean = 9, sd = 3) by cohort")
    let totals = MFA.table("stock_model of \"USE\" lifetime normal(mean = 9, sd = 3)")
    #expect(cohorts.columnNames == ["year", "cohort", "stock", "outflow"])
    #expect(cohorts.rowCount == 8 * 9 / 2)
    let projected = MFA.table("stock_model of \"USE\" lifetime normal(mean = 9, sd = 3) years 2015..2030 by cohort")
    #expect(Set(projected.texts("cohort")) == Set((2015...2022).map(String.init)))
    for (i, year) in totals.years("year").enumerated() {
      let rows = cohorts.years("year").indices.filter { cohorts.years("year")[$0] == year }
      #expect(rows.allSatisfy { Int(cohorts.texts("cohort")[$0])! <= year })
      #expect(close(rows.reduce(0) { $0 + cohorts.numbers("stock")[$1] }, totals.numbers("stock")[i]))
      #expect(close(rows.reduce(0) { $0 + cohorts.numbers("outflow")[$1] }, totals.numbers("outflow")[i]))
    }
  }

  @Test func inflowAndStockTablesDriveTheModel() {
    var session = MFA.session()
    #expect(session.run("let use = flows | where target == \"USE\" | summarize mass = sum(mass) by year").succeeded)
    let fromTable = MFA.table(
      "stock_model of \"use\" lifetime foldednormal(mean = 6, sd = 4) inflow use", in: &session)
    let fromModel = MFA.table("stock_model of \"USE\" lifetime foldednormal(mean = 6, sd = 4)")
    #expect(fromTable.numbers("stock") == fromModel.numbers("stock"))
    #expect(
      session.run("let held = stock_model of \"USE\" lifetime foldednormal(mean = 6, sd = 4) | select year, stock")
        .succeeded)
    let back = MFA.table("stock_model of \"use\" lifetime foldednormal(mean = 6, sd = 4) stock held", in: &session)
    for (a, b) in zip(back.numbers("inflow"), fromModel.numbers("inflow")) { #expect(close(a, b, 1e-7)) }
    #expect(back.caption?.contains("stock-driven") == true)
  }

  @Test func negativeInflowsAreWarnedWithTheirYears() {
    var session = MFA.session()
    let held = "stock_model of \"USE\" lifetime weibull(shape = 2, scale = 30) | select year, stock"
    #expect(session.run("let shrinking = \(held) | derive stock = if(year >= 2020, stock / 10, stock)").succeeded)
    let result = session.run("stock_model of \"s\" lifetime weibull(shape = 2, scale = 30) stock shrinking")
    #expect(result.succeeded)
    #expect(
      result.warnings.map(\.message) == [
        "stock_model: the stock falls faster than its cohorts leave, so the inflow is negative in year 2020; "
          + "the values are kept, not clipped (ODYM issue #10)"
      ])
    let table = MFA.table("stock_model of \"s\" lifetime weibull(shape = 2, scale = 30) stock shrinking", in: &session)
    let inflow = table.numbers("inflow")
    #expect(table.years("year").indices.filter { inflow[$0] < 0 }.map { table.years("year")[$0] } == [2020])
    let unchanged = MFA.table(held, in: &session)
    #expect(table.numbers("stock")[5] == unchanged.numbers("stock")[5] / 10)
  }

  @Test func theLifetimeScenarioReDerivesEndOfLife() throws {
    var session = MFA.session()
    let defined = session.run("scenario longer { lifetime of \"USE\" = weibull(shape = 2.5, scale = 20) }")
    #expect(defined.succeeded, "\(defined.renderedErrors)")
    let balance = MFA.table("balance years 2015..2022 | in longer | where not ok", in: &session)
    #expect(balance.rowCount == 0)
    let verb = MFA.table("stock_model of \"USE\" lifetime weibull(shape = 2.5, scale = 20) | in longer", in: &session)
    let eol = MFA.table(
      "flows | in longer | where source == \"USE\" and target == \"WM\" | summarize eol = sum(mass) by year",
      in: &session)
    for (a, b) in zip(verb.numbers("outflow"), eol.numbers("eol")) { #expect(close(a, b, 1e-8)) }
    let recycled = MFA.table(
      "flows | in longer | where source == \"WM\" and target == \"SEP\" | summarize r = sum(mass) by year", in: &session
    )
    for (r, e) in zip(recycled.numbers("r"), eol.numbers("eol")) { #expect(close(r, 0.005 * e)) }
    for verb in ["sankey year 2022", "mfca of \"WM\" year 2022", "dependence years 2015..2022"] {
      #expect(session.run(verb + " | in longer").succeeded, "\(verb)")
    }
  }

  static let badInputs: [(String, String)] = [
    ("negative-sd", "stock_model of \"USE\" lifetime normal(mean = 10, sd = -2)"),
    ("shape-zero", "stock_model of \"USE\" lifetime weibull(shape = 0, scale = 14)"),
    ("unknown-distribution", "stock_model of \"USE\" lifetime weibul(shape = 2, scale = 14)"),
    ("unknown-parameter", "stock_model of \"USE\" lifetime lognormal(mean = 10, sigma = 2)"),
    ("year-outside-range", "stock_model of \"USE\" lifetime fixed(t = 10) years 2018..2040"),
    (
      "table-without-year",
      "let t = flows | summarize mass = sum(mass) by source\nstock_model of \"x\" lifetime fixed(t = 3) inflow t"
    ),
    (
      "table-without-mass",
      "let t = flows | summarize n = count() by year\nstock_model of \"x\" lifetime fixed(t = 3) inflow t"
    ),
    ("scenario-process", "scenario s { lifetime of \"SEP\" = weibull(shape = 2, scale = 10) }"),
  ]

  @Test(arguments: badInputs.map(\.0)) func badInputGetsAGoldenError(_ name: String) throws {
    let input = try #require(Self.badInputs.first { $0.0 == name }?.1)
    var session = MFA.session()
    let result = session.run(input)
    let error = try #require(result.errors.first, "\(name) succeeded")
    #expect(error.code == .verbFailed)
    let rendered = error.render(source: input)
    #expect(rendered.contains("^"))
    if let mismatch = snapshotMismatch(of: rendered, named: "stock_model-\(name).txt") { Issue.record("\(mismatch)") }
    #expect(session.run("stock_model of \"USE\" lifetime fixed(t = 3)").succeeded)
  }
}
