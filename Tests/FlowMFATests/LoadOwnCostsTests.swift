import Foundation
import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

/// `load` with `energy_cost, system_cost` in the processes file, and a recycling loop: run from
/// FlowQL source to the `mfca` table.
@Suite struct LoadOwnCostsTests {
  static let flows = """
    year,source,target,material,mass,value
    2021,ORE,SMELT,Cu,100,200000
    2021,SMELT,FAB,Cu,126,0
    2021,SMELT,SLAG,Cu,4,0
    2021,FAB,USE,Cu,126,0
    2021,USE,WM,Cu,40,0
    2021,WM,SMELT,Cu,30,0
    2021,WM,LANDFILL,Cu,10,0
    """

  static let processes = """
    id,name,stage,stage_order,kind,loss,energy_cost,system_cost
    ORE,Ore,Supply,0,source,false,,
    SMELT,Smelting,Smelting,1,quantity_centre,false,100,400
    FAB,Fabrication,Fabrication,2,quantity_centre,false,50,
    USE,Use,Use,3,stock,false,,
    WM,Waste management,Waste management,4,quantity_centre,false,20,30
    SLAG,Slag,Losses,5,sink,true,,
    LANDFILL,Landfill,Losses,5,sink,true,,
    """

  @Test func ownCostsAndRecyclingReachTheMFCATable() throws {
    let dir = try LoadVerbTests.folder(["flows.csv": Self.flows, "processes.csv": Self.processes])
    var session = MFA.session()
    let f = dir.appendingPathComponent("flows.csv").path
    let p = dir.appendingPathComponent("processes.csv").path
    _ = MFA.table("load \"\(f)\" as cu processes \"\(p)\"", in: &session)
    let table = MFA.table(
      "mfca | in cu | select process, loss_share, energy_cost_product, system_cost_product", in: &session)
    #expect(table.texts("process") == ["SMELT", "FAB", "WM"])
    // Recycling (30 of 40 t) is WM's product: a loss share of 1/4, not 100 %.
    #expect(close(table.number("loss_share", where: "process", is: "WM")!, 0.25))
    // 100 US$/t energy on SMELT's 126 t of product (slag is a loss): 126 / 130 of it to products.
    #expect(close(table.number("energy_cost_product", where: "process", is: "SMELT")!, 100 * 126 * 126 / 130))
    #expect(close(table.number("system_cost_product", where: "process", is: "FAB")!, 0))
    // Without the columns the same model has no own costs.
    let plain = try LoadVerbTests.folder(["flows.csv": Self.flows])
    _ = MFA.table("load \"\(plain.appendingPathComponent("flows.csv").path)\" as bare", in: &session)
    let bare = MFA.table("mfca | in bare | summarize e = sum(energy_cost_product)", in: &session)
    #expect(bare.numbers("e") == [0])
  }

  @Test func aBadOwnCostIsLocated() throws {
    let bad = Self.processes.replacingOccurrences(of: "false,100,400", with: "false,cheap,400")
    let dir = try LoadVerbTests.folder(["flows.csv": Self.flows, "processes.csv": bad])
    var session = MFA.session()
    let f = dir.appendingPathComponent("flows.csv").path
    let p = dir.appendingPathComponent("processes.csv").path
    let error = try #require(MFA.error("load \"\(f)\" as cu processes \"\(p)\"", in: &session))
    #expect(error.message.contains("processes.csv:3:7 (energy_cost): 'cheap' is not a number"), "\(error.message)")
  }
}
