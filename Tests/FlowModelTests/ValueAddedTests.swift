import Testing

@testable import FlowModel

@Suite struct ValueAddedTests {
  @Test func valueAddedIsOutputMinusInputValue() throws {
    let model = try Bundled.model()
    let table = try model.valueAdded(by: .process, years: 2021...2021)
    #expect(table.columnNames == ["year", "process", "input_value", "output_value", "value_added", "share"])
    let processes = table.texts("process")
    #expect(!processes.contains("ENV") && !processes.contains("USE") && !processes.contains("EXP_MAG"))
    for (row, id) in processes.enumerated() {
      let input = model.flows.filter { $0.year == 2021 && $0.target == id }.reduce(0) { $0 + $1.value }
      let output = model.flows.filter { $0.year == 2021 && $0.source == id }.reduce(0) { $0 + $1.value }
      #expect(close(table.numbers("value_added")[row], output - input), "\(id)")
    }
    #expect(close(table.numbers("share").reduce(0, +), 1))
  }

  @Test func stagesSumTheirProcesses() throws {
    let model = try Bundled.model()
    let byProcess = try model.valueAdded(by: .process, years: 2022...2022)
    let byStage = try model.valueAdded(by: .stage, years: 2022...2022)
    #expect(byStage.columnNames[1] == "stage")
    let stageOf = Dictionary(uniqueKeysWithValues: model.processes.map { ($0.id, $0.stage) })
    var sums: [String: Double] = [:]
    for (row, id) in byProcess.texts("process").enumerated() {
      sums[stageOf[id] ?? "", default: 0] += byProcess.numbers("value_added")[row]
    }
    for (row, stage) in byStage.texts("stage").enumerated() {
      #expect(close(byStage.numbers("value_added")[row], sums[stage] ?? .nan, 1e-9), "\(stage)")
    }
  }
}
