import Testing

@testable import FlowModel

@Suite struct ParameterTests {
  @Test func changedParameterReDerivesConsistentFlows() throws {
    let base = try Bundled.model()
    #expect(base.parameters["SEP_LOSS"] == 0.10)
    let changed = try base.withParameters(["SEP_LOSS": 0.12, "SWARF_SHARE": 0.15])
    for year in changed.years {
      let input = mass(changed.flows) { $0.year == year && $0.target == "SEP" }
      let loss = mass(changed.flows) { $0.year == year && $0.target == "SEP_RES" }
      #expect(close(loss, 0.12 * input))
    }
    #expect(try changed.balance().bools("ok").allSatisfy { $0 })
    #expect(changed.notes.isEmpty)
    #expect(throws: FlowModelError.self) { try base.withParameters(["SEP_LOSSS": 0.2]) }
  }

  @Test func aShortfallIsClampedNotedAndShownByTheBalance() throws {
    // A 30 % separation loss leaves too little for exports and magnets in the 2016 official
    // data: the residual is clamped to zero, a note names it, and balance reports PRIM.
    let changed = try Bundled.model().withParameters(["SEP_LOSS": 0.3])
    #expect(changed.notes.contains { $0.hasPrefix("2016 PRIM") })
    let table = try changed.balance(of: ["PRIM"], years: 2016...2016)
    #expect(table.bools("ok") == [false])
    #expect(table.numbers("imbalance")[0] < 0)
  }

  @Test func rawDataTablesCarryProvenance() throws {
    let model = try Bundled.model()
    #expect(model.dataTableNames.contains("parameters"))
    let parameters = try #require(model.dataTable("parameters"))
    #expect(
      Array(parameters.columnNames.prefix(7)) == [
        "name", "value", "unit", "kind", "source_id", "range_low", "range_high",
      ])
    let inputs = try #require(model.dataTable("inputs"))
    #expect(inputs["year"]?.values.count == inputs.rowCount)
    #expect(model.dataTable("nonsense") == nil)
  }
}
