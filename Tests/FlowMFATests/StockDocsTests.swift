import Foundation
import Testing

@testable import FlowModel
@testable import FlowQL

/// The stock and propagation example of `docs/language.md` (§ `load`) and `help load`, run end
/// to end on the copper fixture.
@Suite struct StockDocsTests {
  /// The lines of the docs' copper example, with paths pointing at the fixture.
  static func docsExample() throws -> [String] {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/language.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    let start = try #require(text.range(of: "```text\nload \"copper/flows.csv\""))
    let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
    return text[text.index(start.lowerBound, offsetBy: 8)..<end.lowerBound].split(separator: "\n").map {
      String($0).replacing("\"copper/", with: "\"Tests/Fixtures/copper/")
    }
  }

  @Test func theDocsExampleRunsAndEveryStepShowsTheStock() throws {
    let lines = try Self.docsExample()
    #expect(lines.count == 5)
    var session = MFA.session()
    _ = MFA.table(lines[0], in: &session)
    let balance = MFA.table(lines[1], in: &session)
    #expect(balance.bools("ok").allSatisfy { $0 })
    #expect(balance.number("stock_change", where: "process", is: "USE") ?? 0 > 0)
    let stocks = MFA.table(lines[2], in: &session)
    #expect(stocks.texts("process") == ["USE", "USE", "USE"])
    let sankey = MFA.table(lines[3], in: &session)
    #expect(sankey.texts("target").contains("USE (stock +)"))
    let scenario = MFA.table(lines[4], in: &session)
    #expect(scenario.caption?.hasSuffix("every process balanced") == true)
    let after = MFA.table("balance | in more_recycling", in: &session)
    #expect(after.bools("ok").allSatisfy { $0 })
    // The scenario passed the extra scrap on: more reaches use than in the loaded model.
    #expect(
      (after.number("inputs", where: "process", is: "USE") ?? 0)
        > (balance.number("inputs", where: "process", is: "USE") ?? .infinity))
  }

  @Test func helpLoadExplainsStocksAndPropagation() throws {
    var session = MFA.session()
    let result = session.run("help load")
    let text = result.outputs.compactMap { output -> String? in
      if case .page(_, let t) = output { return t }
      if case .stdout(let t) = output { return t }
      return nil
    }.joined()
    #expect(text.contains("initial_stock"))
    #expect(text.contains("stocks file (year, process, material, stock"))
    #expect(text.contains("transfer coefficients"))
  }
}
