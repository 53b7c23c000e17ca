import Foundation
import Testing

@testable import FlowModel

@Suite struct CSVLoadingTests {
  struct BadFile: Sendable, CustomTestStringConvertible {
    var file: String
    var withProcesses: Bool
    var line: Int
    var column: Int?
    var columnName: String?
    var problem: CSVLoadError.Problem
    var testDescription: String { file }
  }

  static let badFiles: [BadFile] = [
    BadFile(
      file: "negative_mass.csv", withProcesses: false, line: 3, column: 5, columnName: "mass",
      problem: .negativeMass(-5)),
    BadFile(
      file: "non_numeric_mass.csv", withProcesses: false, line: 4, column: 5, columnName: "mass",
      problem: .notANumber("ten")),
    BadFile(
      file: "unknown_process.csv", withProcesses: true, line: 3, column: 3, columnName: "target",
      problem: .unknownProcess("FABR", closest: "FAB")),
    BadFile(
      file: "duplicate_row.csv", withProcesses: false, line: 4, column: nil, columnName: nil,
      problem: .duplicateRow(firstLine: 2)),
    BadFile(
      file: "missing_column.csv", withProcesses: false, line: 1, column: nil, columnName: "material",
      problem: .missingColumn("material")),
    BadFile(
      file: "bad_year.csv", withProcesses: false, line: 2, column: 1, columnName: "year", problem: .notAYear("twenty")),
  ]

  @Test func loadsFlowsAndProcesses() throws {
    let model = try MaterialFlowModel.load(
      flowsCSV: try fixture("flows.csv"), processesCSV: try fixture("processes.csv"))
    #expect(model.name == "flows")
    #expect(model.flows.count == 9)
    #expect(model.years == [2020, 2021])
    #expect(try model.process("SLAG").isLoss)
    #expect(try model.process("SMELT").name == "Smelter")
    let first = try #require(model.flows.first { $0.year == 2020 && $0.source == "MINE" })
    #expect(first.cost == 1000 && first.value == 5000)
    #expect(try model.balance().bools("ok").allSatisfy { $0 })
    let mfca = try model.mfca(of: ["SMELT"], years: 2020...2020)
    #expect(close(mfca.numbers("loss_share")[0], 0.1))
    #expect(close(mfca.numbers("material_loss_cost")[0], 100))
  }

  @Test func infersProcessesWithoutAProcessesFile() throws {
    let model = try MaterialFlowModel.load(flowsCSV: try fixture("flows.csv"))
    #expect(try model.process("MINE").kind == .source)
    #expect(try model.process("EXPORT").kind == .sink)
    #expect(try model.process("SMELT").kind == .quantityCentre)
  }

  @Test(arguments: badFiles)
  func badFilesNameFileLineAndColumn(_ bad: BadFile) throws {
    let processes = bad.withProcesses ? try fixture("processes.csv") : nil
    var loaded: MaterialFlowModel?
    do {
      loaded = try MaterialFlowModel.load(flowsCSV: try fixture(bad.file), processesCSV: processes)
      Issue.record("\(bad.file) loaded")
    } catch let error as CSVLoadError {
      #expect(error.file == bad.file)
      #expect(error.line == bad.line)
      #expect(error.column == bad.column)
      #expect(error.columnName == bad.columnName)
      #expect(error.problem == bad.problem)
      #expect(error.description.hasPrefix("\(bad.file):\(bad.line)"))
    }
    #expect(loaded == nil)
  }

  @Test func badProcessFilesAndRowsAreLocated() throws {
    let flows = try fixture("flows.csv")
    #expect(
      throws: CSVLoadError(
        file: "bad_kind_processes.csv", line: 3, column: 3, columnName: "kind", problem: .unknownKind("factory"))
    ) {
      try MaterialFlowModel.load(flowsCSV: flows, processesCSV: try fixture("bad_kind_processes.csv"))
    }
    #expect(
      throws: CSVLoadError(
        file: "duplicate_processes.csv", line: 3, column: 1, columnName: "id", problem: .duplicateRow(firstLine: 2))
    ) {
      try MaterialFlowModel.load(flowsCSV: flows, processesCSV: try fixture("duplicate_processes.csv"))
    }
    #expect(
      throws: CSVLoadError(file: "wrong_field_count.csv", line: 2, problem: .wrongFieldCount(expected: 5, found: 6))
    ) {
      try MaterialFlowModel.load(flowsCSV: try fixture("wrong_field_count.csv"))
    }
  }

  @Test func missingFileIsAnError() throws {
    let url = try fixture("does_not_exist.csv")
    #expect(throws: CSVLoadError.self) { try MaterialFlowModel.load(flowsCSV: url) }
  }
}
