import Testing

@testable import FlowModel

@Suite struct MFCATests {
  @Test(arguments: SupplyMode.allCases)
  func positivePlusNegativeEqualsTotal(mode: SupplyMode) throws {
    let model = try Bundled.model(mode)
    let table = try model.mfca()
    let years = table.yearValues("year")
    let processes = table.texts("process")
    for row in 0..<table.rowCount {
      // Independently: material cost carried in by input flows, own costs from the records.
      let materialIn = model.flows.filter { $0.year == years[row] && $0.target == processes[row] }
        .reduce(0) { $0 + $1.cost }
      let own = model.centreCosts.filter { $0.year == years[row] && $0.process == processes[row] }
        .reduce(0) { $0 + $1.energy + $1.system + $1.wasteManagement }
      let positive = ["material_cost_product", "energy_cost_product", "system_cost_product", "waste_mgmt_cost_product"]
        .reduce(0) { $0 + table.numbers($1)[row] }
      let negative = table.numbers("total_loss_cost")[row]
      #expect(close(positive + negative, materialIn + own, 1e-9), "\(years[row]) \(processes[row])")
    }
  }

  @Test func wasteManagementCostGoesToLossesAndSharesFollowMass() throws {
    let model = try Bundled.model()
    let table = try model.mfca(of: ["SEP"], years: 2020...2020)
    #expect(table.rowCount == 1)
    let wmc = model.centreCosts.filter { $0.year == 2020 && $0.process == "SEP" }
      .reduce(0) { $0 + $1.wasteManagement }
    #expect(close(table.numbers("waste_mgmt_cost")[0], wmc))
    let loss = mass(model.flows) { $0.year == 2020 && $0.source == "SEP" && $0.target == "SEP_RES" }
    let product = mass(model.flows) { $0.year == 2020 && $0.source == "SEP" && $0.target == "PRIM" }
    #expect(close(table.numbers("loss_share")[0], loss / (loss + product)))
    let materialLoss = table.numbers("material_loss_cost")[0]
    let materialProduct = table.numbers("material_cost_product")[0]
    #expect(close(materialLoss / (materialLoss + materialProduct), loss / (loss + product)))
  }

  @Test func flowCostLayerConservesCostAtEveryCentre() throws {
    let model = try Bundled.model()
    for process in model.processes where process.kind == .quantityCentre {
      for year in model.years {
        let input = model.flows.filter { $0.year == year && $0.target == process.id }.reduce(0) { $0 + $1.cost }
        let output = model.flows.filter { $0.year == year && $0.source == process.id }.reduce(0) { $0 + $1.cost }
        let own = model.centreCosts.filter { $0.year == year && $0.process == process.id }
          .reduce(0) { $0 + $1.energy + $1.system + $1.wasteManagement }
        #expect(close(output, input + own, 1e-6), "\(year) \(process.id)")
      }
    }
  }

  @Test func importsArePurchasedAtMarketValue() throws {
    let model = try Bundled.model()
    for flow in model.flows where flow.source.hasPrefix("IMP") {
      #expect(flow.cost == flow.value)
    }
  }
}
