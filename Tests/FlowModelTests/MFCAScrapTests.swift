import Testing

@testable import FlowModel

/// One MFCA rule for material returned to production (new scrap, recycling): a product of the
/// centre that sends it, in the flows' cost layer and in the `mfca` table alike.
@Suite struct MFCAScrapTests {
  /// The table's row agrees with the flows out of the centre: masses, loss cost and product cost.
  static func expectTableMatchesFlows(_ model: MaterialFlowModel) throws {
    let table = try model.mfca()
    let losses = Set(model.processes.filter(\.isLoss).map(\.id))
    let years = table.yearValues("year")
    let processes = table.texts("process")
    #expect(table.rowCount > 0)
    for row in 0..<table.rowCount {
      let out = model.flows.filter { $0.year == years[row] && $0.source == processes[row] }
      let lost = out.filter { losses.contains($0.target) }
      let kept = out.filter { !losses.contains($0.target) }
      let label = "\(years[row]) \(processes[row])"
      #expect(close(table.numbers("loss_mass")[row], lost.reduce(0) { $0 + $1.mass }), "\(label) loss mass")
      #expect(close(table.numbers("product_mass")[row], kept.reduce(0) { $0 + $1.mass }), "\(label) product mass")
      #expect(close(table.numbers("total_loss_cost")[row], lost.reduce(0) { $0 + $1.cost }, 1e-7), "\(label) loss cost")
      let productCost = [
        "material_cost_product", "energy_cost_product", "system_cost_product", "waste_mgmt_cost_product",
      ]
      .reduce(0) { $0 + table.numbers($1)[row] }
      #expect(close(productCost, kept.reduce(0) { $0 + $1.cost }, 1e-7), "\(label) product cost")
    }
  }

  @Test(arguments: SupplyMode.allCases)
  func tableAndFlowsAgreeOnEveryCentreAndYear(mode: SupplyMode) throws {
    try Self.expectTableMatchesFlows(try Bundled.model(mode))
  }

  @Test func newScrapIsAProductOfTheMagnetCentre() throws {
    let model = try Bundled.model()
    let table = try model.mfca(of: ["MAG"])
    for (row, year) in table.yearValues("year").enumerated() {
      let scrap = mass(model.flows) { $0.year == year && $0.source == "MAG" && $0.target == "SEP" }
      let all = mass(model.flows) { $0.year == year && $0.source == "MAG" }
      #expect(scrap > 0)
      #expect(table.numbers("loss_mass")[row] == 0)
      #expect(close(table.numbers("product_mass")[row], all))
      // The scrap carries its mass share of the centre's costs back to separation.
      let flows = model.flows.filter { $0.year == year && $0.source == "MAG" && $0.material == "LREE" }
      let scrapFlow = try #require(flows.first { $0.target == "SEP" })
      let perTonne = flows.reduce(0) { $0 + $1.cost } / flows.reduce(0) { $0 + $1.mass }
      #expect(close(scrapFlow.cost / scrapFlow.mass, perTonne, 1e-7))
    }
  }

  @Test func wasteManagementPaysOwnCostsOnAllItHandlesAndEndOfLifeGoodsCarryNoCost() throws {
    let model = try Bundled.model()
    for year in model.years {
      let handled = mass(model.flows) { $0.year == year && $0.target == "WM" }
      let own = model.centreCosts.filter { $0.year == year && $0.process == "WM" }
      // 0.5 US$/kg handled: 10 % energy, 40 % system, 50 % waste management (mfca_costs.csv).
      #expect(close(own.reduce(0) { $0 + $1.energy }, 50 * handled))
      #expect(close(own.reduce(0) { $0 + $1.system }, 200 * handled))
      #expect(close(own.reduce(0) { $0 + $1.wasteManagement }, 250 * handled))
      #expect(model.flows.filter { $0.year == year && $0.source == "USE" }.allSatisfy { $0.cost == 0 })
      let landfill = model.flows.filter { $0.year == year && $0.source == "WM" && $0.target == "DISS" }
      let ownTotal = own.reduce(0) { $0 + $1.energy + $1.system + $1.wasteManagement }
      #expect(landfill.reduce(0) { $0 + $1.cost } <= ownTotal + 1e-6)
    }
  }

  /// A user's model with a recycling loop and own costs in its processes file; the expected
  /// figures are worked out by hand in the comments.
  @Test func userModelRecyclingIsAProductAndOwnCostsAreCharged() throws {
    let model = try MaterialFlowModel.load(
      flowsCSV: try fixture("recycling_flows.csv"), processesCSV: try fixture("recycling_processes.csv"))
    let table = try model.mfca(years: 2021...2021)
    func row(_ id: String) throws -> Int { try #require(table.texts("process").firstIndex(of: id)) }
    // WM handles 40 t: 30 t back to smelting (a product), 10 t to landfill (a loss).
    let wm = try row("WM")
    #expect(close(table.numbers("loss_share")[wm], 10.0 / 40))
    // Own costs per t of product output: WM 20 + 30 US$/t × 30 t; SMELT 100 + 400 US$/t × 126 t.
    #expect(close(table.numbers("energy_cost_product")[wm] + table.numbers("energy_loss_cost")[wm], 20 * 30))
    let smelt = try row("SMELT")
    #expect(close(table.numbers("system_cost_product")[smelt] + table.numbers("system_loss_cost")[smelt], 400 * 126))
    // Costs propagate: WM's 1,500 US$ go 3/4 with the recycled copper into SMELT, which adds the
    // ore's 200,000 US$ and its own 63,000 US$ and loses 4 of 130 t to slag.
    let slag = try #require(model.flows.first { $0.target == "SLAG" })
    #expect(close(slag.cost, (200_000 + 1_500 * 0.75 + 63_000) * 4 / 130))
    let recycled = try #require(model.flows.first { $0.source == "WM" && $0.target == "SMELT" })
    #expect(close(recycled.cost, 1_125))
    #expect(try #require(model.flows.first { $0.source == "USE" }).cost == 0)
    try Self.expectTableMatchesFlows(model)
  }

  @Test func aProcessesFileWithoutOwnCostsKeepsTheFlowsAsGiven() throws {
    let model = try MaterialFlowModel.load(
      flowsCSV: try fixture("flows.csv"), processesCSV: try fixture("processes.csv"))
    #expect(model.centreCosts.isEmpty)
  }
}
