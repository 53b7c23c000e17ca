import Charts
import Foundation
import TestSupport
import Testing

@testable import FlowKernel
@testable import FlowQL

/// Every example in `docs/language.md`, the README and `help` runs to the end in the kernel's
/// engine, its chart (if it asks for one) rendered by the real renderer.
@Suite struct ChartExampleTests {
  /// The ```flowql blocks of a Markdown file of the repository, each as one cell.
  static func blocks(_ file: String) -> [String] { flowqlBlocks(repositoryText(file)) }

  /// Cells that need a file the test does not have, write one (`save`: SaveTests runs those in a
  /// temporary folder), or show a placeholder or a mistake on purpose.
  static func runnable(_ code: String) -> Bool {
    !code.contains("…") && !code.contains("load \"") && !code.contains("save \"") && !code.contains("in copper")
      && !code.contains("in mine")
      && !code.contains("<") && !code.contains("help ") && !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }

  /// The database topics' examples need a server: Tests/python/test_database.py runs them.
  static let examples: [String] =
    (blocks("docs/language.md") + blocks("README.md")).filter(runnable)
    + Help.builtIn.filter { $0.category != .database }.map(\.example).filter { !$0.isEmpty && runnable($0) }

  @Test func thereAreManyExamples() {
    #expect(Self.examples.count >= 40)
    #expect(Self.examples.filter { $0.contains("chart") || $0.hasPrefix("sankey") }.count >= 20)
  }

  @Test(arguments: examples)
  func exampleRunsWithItsChart(_ code: String) {
    var engine = FlowEngine.bundled()
    // The scenario the docs define once (§7) and use in later examples.
    if code.contains("more_ore") && !code.contains("scenario more_ore {") {
      #expect(engine.run(#"scenario more_ore { scale "IMP_CONC_US" -> "CONC" by 2 }"#).error == nil)
    }
    let result = engine.run(code)
    #expect(result.error == nil, "\(code)\n\(result.error?.traceback.joined(separator: "\n") ?? "")")
    let wantsChart = code.contains("| chart") && !code.contains("chart table") || code.hasPrefix("sankey")
    if wantsChart && !code.contains("layer cost | chart table") {
      let charts = result.events.compactMap { event -> String? in
        if case .display(let display) = event { return display.svg } else { return nil }
      }
      #expect(!charts.isEmpty, "\(code) drew no chart")
    }
  }
}
