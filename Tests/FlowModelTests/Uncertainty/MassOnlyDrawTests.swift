import Testing

@testable import FlowModel

/// Draws of the bundled model that derive only the mass layer (``FlowLayers/mass``), and the
/// balance check every draw passes.
@Suite struct MassOnlyDrawTests {
  /// The same stream gives the same draw with either set of layers: the same redraws, flows
  /// (every column but cost and value), stocks and notes; the mass-only draw leaves cost and
  /// value at 0, the full one has them.
  @Test func massOnlyDrawHasTheSameFlowsWithoutCostAndValue() throws {
    let model = try MaterialFlowModel.bundled()
    let inputs = model.uncertainInputs()
    for run in 1...8 {
      var a = RandomStream(seed: 5, run: UInt64(run))
      var b = a
      var fullRedraws = Redraws()
      var massRedraws = Redraws()
      let full = try model.drawn(inputs, &a, redraws: &fullRedraws)
      let mass = try model.drawn(inputs, &b, redraws: &massRedraws, layers: .mass)
      #expect(fullRedraws == massRedraws, "run \(run)")
      #expect(a == b, "run \(run): both consumed the same numbers")
      #expect(mass.flows.masses == full.flows.masses, "run \(run)")
      #expect(mass.flows.years == full.flows.years)
      #expect(Array(mass.flows.sources) == Array(full.flows.sources))
      #expect(Array(mass.flows.targets) == Array(full.flows.targets))
      #expect(Array(mass.flows.materials) == Array(full.flows.materials))
      #expect(Array(mass.flows.goods) == Array(full.flows.goods))
      #expect(Array(mass.flows.provenances) == Array(full.flows.provenances))
      #expect(Array(mass.flows.rules) == Array(full.flows.rules))
      #expect(mass.stocks.map(\.stockChange) == full.stocks.map(\.stockChange))
      #expect(mass.notes == full.notes)
      #expect(mass.flows.costs.allSatisfy { $0 == 0 } && mass.flows.values.allSatisfy { $0 == 0 })
      #expect(full.flows.costs.contains { $0 > 0 } && full.flows.values.contains { $0 > 0 })
      #expect(mass.centreCosts.isEmpty && !full.centreCosts.isEmpty)
      #expect(try mass.dependence() == full.dependence(), "run \(run): dependence reads mass only")
    }
  }

  /// `isMassBalanced` says what the `ok` column of `balance()` says, on a balanced and on an
  /// unbalanced model.
  @Test func isMassBalancedAgreesWithTheBalanceTable() throws {
    func model(leaving mass: Double) -> MaterialFlowModel {
      MaterialFlowModel(
        processes: [Process(id: "MINE", kind: .source), Process(id: "MILL"), Process(id: "MARKET", kind: .sink)],
        flows: [
          Flow(year: 2020, source: "MINE", target: "MILL", material: "Cu", mass: 100),
          Flow(year: 2020, source: "MILL", target: "MARKET", material: "Cu", mass: mass),
          Flow(year: 2021, source: "MINE", target: "MILL", material: "Cu", mass: 50),
          Flow(year: 2021, source: "MILL", target: "MARKET", material: "Cu", mass: 50),
        ])
    }
    for (mass, balanced) in [(100.0, true), (100.00001, true), (100.001, false), (90.0, false)] {
      let m = model(leaving: mass)
      guard case .bool(let ok)? = try m.balance()["ok"]?.values else {
        Issue.record("balance has no ok column")
        return
      }
      #expect(ok.allSatisfy { $0 } == balanced, "MILL sends \(mass) of 100 t")
      #expect(m.isMassBalanced == balanced, "MILL sends \(mass) of 100 t")
    }
    #expect(try MaterialFlowModel.bundled().isMassBalanced)
  }
}
