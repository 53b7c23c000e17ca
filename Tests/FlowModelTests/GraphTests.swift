import Testing

@testable import FlowModel

@Suite struct GraphTests {
  private func edges(_ table: Table) -> Set<String> {
    Set(zip(table.texts("source"), table.texts("target")).map { "\($0)→\($1)" })
  }

  @Test func upstreamOfSeparation() throws {
    let model = try Bundled.model()
    let table = try model.upstream(of: "SEP", years: 2022...2022)
    #expect(Array(table.columnNames.prefix(7)) == ["year", "source", "target", "material", "mass", "cost", "value"])
    let found = edges(table)
    #expect(found.isSuperset(of: ["ENV→MIN_ROCK", "MIN_ROCK→CONC", "CONC→SEP", "IMP_PRIM→SEP", "MAG→SEP"]))
    #expect(!found.contains("SEP→SEP_RES"))
    #expect(!found.contains("PRIM→EXP_PRIM"))
  }

  @Test func downstreamOfMagnets() throws {
    let model = try Bundled.model()
    let found = edges(try model.downstream(of: "MAG"))
    #expect(found.isSuperset(of: ["MAG→EXP_MAG", "MAG→USE", "USE→WM", "WM→DISS", "MAG→SEP", "SEP→PRIM"]))
    #expect(!found.contains("ENV→MIN_ROCK"))
  }

  @Test func pathsBetweenTwoProcesses() throws {
    let model = try Bundled.model()
    let found = edges(try model.paths(from: "IMP_PRIM", to: "EXP_MAG"))
    #expect(found.isSuperset(of: ["IMP_PRIM→SEP", "SEP→PRIM", "PRIM→MET", "MET→MAG", "MAG→EXP_MAG"]))
    #expect(!found.contains("SEP→SEP_RES"))
    #expect(!found.contains("CONC→SEP"))
    #expect(try model.paths(from: "EXP_MAG", to: "ENV").rowCount == 0)
    #expect(throws: FlowModelError.self) { try model.upstream(of: "NOPE") }
  }
}
