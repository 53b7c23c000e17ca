import Testing

@testable import FlowModel

/// A user model of a million flows goes through the computations and stays consistent.
///
/// Speed is measured by `make bench` (`flowql-bench --verbs`, `Benchmarks/query_bench.py`), not
/// asserted here: unit tests carry no timing assertions.
@Suite struct LargeModelTests {
  @Test func aMillionRowUserModelBalancesAndAnswersEveryComputation() throws {
    var flows: [Flow] = []
    flows.reserveCapacity(1_000_000)
    let chain = (0..<101).map { "P\($0)" }
    for year in 0..<100 {
      for step in 0..<100 {
        for material in 0..<100 {
          flows.append(
            Flow(year: 1900 + year, source: chain[step], target: chain[step + 1], material: "m\(material)", mass: 1))
        }
      }
    }
    let big = MaterialFlowModel(processes: [], flows: flows)
    let balance = try big.balance()
    #expect(balance.bools("ok").allSatisfy { $0 })
    // A pure chain: every inner process passes 100 materials × 1 t per year through.
    #expect(try big.balance(of: ["P50"], years: 1950...1950)["inputs"]?[row: 0] == .number(100, .mass))
    #expect(try big.mfca().rowCount > 0)
    #expect(try big.dependence().rowCount == 100 * 100)
  }
}
