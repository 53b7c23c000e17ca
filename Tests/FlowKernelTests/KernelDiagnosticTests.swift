import Charts
import Foundation
import TestSupport
import Testing

@testable import FlowKernel
@testable import FlowQL

/// Golden files for the diagnostics the kernel raises (charts are drawn there; cells are measured
/// there): `Snapshots/<code>.txt` holds the input and what the user reads (traceback or stderr).
@Suite struct KernelDiagnosticTests {
  static let triggers: [(DiagnosticCode, String)] = [
    (.chartNeedsOption, "flows | where year == 2022\n  | chart bar"),
    (
      .chartColumnUnsuitable,
      "flows | summarize total = sum(mass) by year, material\n  | chart line with (series = year)"
    ),
    (.chartEmpty, "flows | where year == 1990 | summarize total = sum(mass) by year | chart line"),
    (.chartUnitMismatch, "flows | summarize total = sum(mass) by year | chart line with (unit = MUSD)"),
    (.sankeyReturnFlow, "sankey year 2022"),
  ]

  @Test func everyKernelCodeHasATrigger() {
    let codes = Set(Self.triggers.map(\.0)).union([.cellTooLong])
    // The chart codes (E6xx, W6xx) and E001; `DiagnosticSnapshotTests` in FlowQLTests covers the rest.
    let kernel = DiagnosticCode.allCases.filter { ["E6", "W6", "E0"].contains(String($0.rawValue.prefix(2))) }
    #expect(codes == Set(kernel))
  }

  @Test(arguments: triggers.map { $0.0.rawValue })
  func rendersGoldenMessage(_ code: String) throws {
    let (expected, input) = try #require(Self.triggers.first { $0.0.rawValue == code })
    var engine = FlowEngine.bundled()
    let result = engine.run(input)
    let stderr = result.events.compactMap { event -> String? in
      if case .stderr(let text) = event { text } else { nil }
    }.joined()
    let shown = result.error.map { $0.traceback.joined(separator: "\n") } ?? stderr
    #expect(shown.contains("[\(expected.rawValue)]"), "\(shown)")
    let text = diagnosticGolden(input: input, shown: shown)
    if let mismatch = snapshotMismatch(of: text, named: "\(code).txt") { Issue.record("\(mismatch)") }
  }

  @Test func oversizedCellIsE001WithACaret() {
    var engine = FlowEngine.bundled()
    let code = "flows | take 1 # " + String(repeating: "x", count: FlowEngine.maximumCellBytes)
    let error = engine.run(code).error
    #expect(error?.code == "E001")
    let text = error?.traceback.joined(separator: "\n") ?? ""
    #expect(text.contains("^"))
    if let mismatch = snapshotMismatch(of: text, named: "E001.txt") { Issue.record("\(mismatch)") }
    // The kernel keeps its state: the next cell runs.
    #expect(engine.run("flows | take 1").error == nil)
  }

  @Test func anOptionThatCausesTheErrorGetsTheCaret() throws {
    var engine = FlowEngine.bundled()
    let code = "flows | summarize total = sum(mass) by year | chart line with (title = \"T\", unit = MUSD)"
    let text = try #require(engine.run(code).error).traceback.joined(separator: "\n")
    let caretLine = try #require(text.split(separator: "\n").first { $0.contains("^") })
    let caret = try #require(caretLine.firstIndex(of: "^"))
    let column = caretLine.distance(from: caretLine.startIndex, to: caret) - 4  // "  | " gutter
    #expect(code.dropFirst(column).hasPrefix("unit = MUSD"))
  }
}
