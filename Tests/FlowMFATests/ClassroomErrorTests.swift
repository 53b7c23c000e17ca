import Foundation
import TestSupport
import Testing

@testable import FlowModel
@testable import FlowQL

/// The error messages issue 18 fixed, each with a golden file in `MFA/Snapshots/class-<name>.txt`
/// (the copper fixture is loaded as `copper` first).
@Suite struct ClassroomErrorTests {
  static let cases: [(name: String, code: String)] = [
    ("load-without-quotes", "load copper_flows.csv as copper2"),
    ("mfca-misspelt-stage", "mfca of \"Seperation\""),
    ("year-outside-the-model", "flows | in copper | where year == 2019"),
    ("kind-that-no-target-has", "flows | in copper | where target.kind == \"boundary\""),
    ("display-name-for-an-id", "flows | where source == \"Smelting and separation\""),
    (
      "stock-for-a-process-that-is-no-stock",
      "load \"Tests/Fixtures/copper/flows.csv\" as c processes \"Tests/Fixtures/copper/processes.csv\" stocks \".build/class-tests/bad_stocks.csv\""
    ),
  ]

  @Test(arguments: cases.map(\.name))
  func rendersGoldenMessage(_ name: String) throws {
    let code = try #require(Self.cases.first { $0.name == name }).code
    // Relative paths: tests run in the package root, as the kernel runs in the notebook's folder.
    try FileManager.default.createDirectory(atPath: ".build/class-tests", withIntermediateDirectories: true)
    try "year,process,material,stock\n2019,SMELT,Cu,5\n".write(
      toFile: ".build/class-tests/bad_stocks.csv", atomically: true, encoding: .utf8)
    var session = ClassroomEditorTests.session()
    let result = session.run(code)
    let diagnostics = result.errors + result.warnings
    #expect(!diagnostics.isEmpty)
    let rendered = diagnostics.map { $0.render(source: code) }.joined(separator: "\n")
    let text = "input:\n    " + code + "\n\n" + rendered
    if let mismatch = snapshotMismatch(of: text, named: "class-\(name).txt") { Issue.record("\(mismatch)") }
  }
}
