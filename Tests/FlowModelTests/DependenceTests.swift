import Testing

@testable import FlowModel

@Suite struct DependenceTests {
  @Test func productionImportsAndExportsPerMaterial() throws {
    let model = try Bundled.model()
    let table = try model.dependence(years: 2022...2022)
    #expect(
      table.columnNames == [
        "year", "material", "production", "imports", "exports", "apparent_consumption", "net_import_reliance",
      ])
    #expect(close(table.numbers("production").reduce(0, +), 210_000))
    // Imports 2022, independently: US 45,900 + other 10,000 + primary 33,100 × 0.8 + magnets 2,357 × 0.36.
    #expect(close(table.numbers("imports").reduce(0, +), 45_900 + 10_000 + 33_100 * 0.8 + 2_357 * 0.36))
    for row in 0..<table.rowCount {
      let material = table.texts("material")[row]
      let exports = mass(model.flows) { $0.year == 2022 && $0.target.hasPrefix("EXP") && $0.material == material }
      #expect(close(table.numbers("exports")[row], exports))
      let imports = table.numbers("imports")[row]
      let apparent = table.numbers("production")[row] + imports - exports
      #expect(close(table.numbers("apparent_consumption")[row], apparent))
      #expect(close(table.numbers("net_import_reliance")[row], (imports - exports) / apparent))
    }
  }

  @Test func filtersMaterialsAndGroupsByStage() throws {
    let model = try Bundled.model()
    let heavy = try model.dependence(of: ["HREE"])
    #expect(Set(heavy.texts("material")) == ["HREE"])
    #expect(heavy.rowCount == 8)
    let stages = try model.dependence(years: 2020...2020, by: .stage)
    #expect(stages.columnNames == ["year", "stage", "inputs", "imported", "import_share"])
    let separation = try #require(stages.texts("stage").firstIndex(of: "Separation"))
    let imported = mass(model.flows) { $0.year == 2020 && $0.source == "IMP_PRIM" }
    #expect(close(stages.numbers("imported")[separation], imported))
    #expect(throws: FlowModelError.self) { try model.dependence(of: ["XREE"]) }
  }
}
