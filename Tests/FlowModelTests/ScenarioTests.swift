import Testing

@testable import FlowModel

@Suite struct ScenarioTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var edit: Scenario.Edit
    var testDescription: String { name }
  }

  static let massConserving: [Case] = [
    Case(name: "double US concentrate", edit: .scale(FlowSelector("IMP_CONC_US", "CONC"), by: 2)),
    Case(name: "halve compound exports", edit: .scale(FlowSelector("PRIM", "EXP_PRIM"), by: 0.5)),
    Case(name: "set primary imports", edit: .set(FlowSelector("IMP_PRIM", "SEP", years: 2020...2022), mass: 50_000)),
    Case(
      name: "set HREE mining from nothing", edit: .set(FlowSelector("ENV", "MIN_ION", material: "HREE"), mass: 40_000)),
    Case(
      name: "move exports to traditional uses",
      edit: .move(share: 0.3, of: FlowSelector("PRIM", "EXP_PRIM"), to: "TRAD")),
    Case(
      name: "move magnet exports home",
      edit: .move(share: 0.5, of: FlowSelector("MAG", "EXP_MAG", material: "LREE"), to: "USE")),
    Case(name: "magnets twice as dear", edit: .setPrice(good: "magnet", price: 300_000)),
    Case(name: "price by process", edit: .setPrice(good: "SEP", price: 20_000, material: "LREE")),
  ]

  @Test(arguments: massConserving)
  func everyEditKeepsEveryBalanceClosed(_ c: Case) throws {
    let base = try Bundled.model()
    let changed = try base.applying(Scenario(c.name, [c.edit]))
    #expect(try changed.balance().bools("ok").allSatisfy { $0 }, "\(c.name)")
    #expect(try changed.balance(byMaterial: true).bools("ok").allSatisfy { $0 })
    // Cost layer stays conserved at every centre, too.
    let mfca = try changed.mfca()
    #expect(mfca.rowCount > 0)
  }

  @Test func scalingAnImportFlowsDownstream() throws {
    let base = try Bundled.model()
    let changed = try base.applying(Scenario("2× US", [.scale(FlowSelector("IMP_CONC_US", "CONC"), by: 2)]))
    let extra = mass(base.flows) { $0.year == 2022 && $0.source == "IMP_CONC_US" }
    let sepBefore = mass(base.flows) { $0.year == 2022 && $0.source == "CONC" }
    let sepAfter = mass(changed.flows) { $0.year == 2022 && $0.source == "CONC" }
    #expect(close(sepAfter - sepBefore, extra))
    let residualBefore = mass(base.flows) { $0.year == 2022 && $0.source == "PRIM" && $0.target == "TRAD" }
    let residualAfter = mass(changed.flows) { $0.year == 2022 && $0.source == "PRIM" && $0.target == "TRAD" }
    #expect(residualAfter > residualBefore)
    // The 2015 flow was zero and stays zero.
    #expect(mass(changed.flows) { $0.year == 2015 && $0.source == "IMP_CONC_US" } == 0)
  }

  @Test func moveKeepsTheSourcesOutflow() throws {
    let base = try Bundled.model()
    let changed = try base.applying(
      Scenario("exports home", [.move(share: 0.3, of: FlowSelector("PRIM", "EXP_PRIM"), to: "TRAD")]))
    for year in base.years {
      // PRIM still passes on exactly what it receives; what it receives grows only by the
      // extra recycling of the material that now stays in China (well under 0.1 %).
      let before = mass(base.flows) { $0.year == year && $0.source == "PRIM" }
      let after = mass(changed.flows) { $0.year == year && $0.source == "PRIM" }
      let received = mass(changed.flows) { $0.year == year && $0.target == "PRIM" }
      #expect(close(after, received, 1e-9))
      #expect(abs(after / before - 1) < 1e-3)
      let exportsBefore = mass(base.flows) { $0.year == year && $0.target == "EXP_PRIM" }
      let exportsAfter = mass(changed.flows) { $0.year == year && $0.target == "EXP_PRIM" }
      #expect(close(exportsAfter, 0.7 * exportsBefore, 1e-9))
    }
  }

  @Test func setPriceChangesValueNotMass() throws {
    let base = try Bundled.model()
    let changed = try base.applying(Scenario("dear magnets", [.setPrice(good: "magnet", price: 300_000)]))
    let flow = try #require(changed.flows.first { $0.year == 2020 && $0.source == "MAG" && $0.target == "EXP_MAG" })
    #expect(close(flow.value, flow.mass * 300_000))
    #expect(close(mass(changed.flows) { _ in true }, mass(base.flows) { _ in true }))
  }

  @Test func comparisonShowsTheDelta() throws {
    let base = try Bundled.model()
    let changed = try base.applying(
      Scenario("more", [.set(FlowSelector("IMP_PRIM", "SEP", years: 2022...2022), mass: 50_000)]))
    let table = base.comparison(with: changed, name: "more")
    #expect(
      Array(table.columnNames.prefix(7)) == [
        "year", "source", "target", "material", "mass", "scenario_mass", "delta_mass",
      ])
    let rows = table.texts("source").indices.filter {
      table.yearValues("year")[$0] == 2022 && table.texts("source")[$0] == "IMP_PRIM"
    }
    let delta = rows.reduce(0) { $0 + table.numbers("delta_mass")[$1] }
    #expect(close(delta, 50_000 - 33_100 * 0.8))  // the 2022 primary imports: 33,100 t gross × 0.8
  }

  @Test func userModelScenarioConservesTheSource() throws {
    let model = try MaterialFlowModel.load(
      flowsCSV: try fixture("flows.csv"), processesCSV: try fixture("processes.csv"))
    let changed = try model.applying(
      Scenario("to stock", [.move(share: 0.5, of: FlowSelector("FAB", "EXPORT"), to: "STOCK_USE")]))
    for year in model.years {
      #expect(
        close(
          mass(model.flows) { $0.year == year && $0.source == "FAB" },
          mass(changed.flows) { $0.year == year && $0.source == "FAB" }))
    }
    #expect(try changed.balance().bools("ok").allSatisfy { $0 })
  }

  @Test func invalidEditsAreRejected() throws {
    let base = try Bundled.model()
    let bad: [Scenario.Edit] = [
      .move(share: 1.5, of: FlowSelector("PRIM", "EXP_PRIM"), to: "TRAD"),
      .scale(FlowSelector("PRIM", "EXP_MAG"), by: 2),
      .scale(FlowSelector("PRIM", "EXP_PRIM"), by: -1),
      .set(FlowSelector("PRIM", "NOWHERE"), mass: 1),
      .setPrice(good: "unobtainium", price: 1),
      .scale(FlowSelector("PRIM", "EXP_PRIM", years: 2010...2012), by: 2),
    ]
    for edit in bad {
      #expect(throws: FlowModelError.self) { try base.applying(Scenario("bad", [edit])) }
    }
  }
}
