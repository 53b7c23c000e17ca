import FlowModel
import Foundation
import TestSupport
import Testing

@testable import FlowQL

/// `docs/language.md` must cover every topic and error code, and its examples must run.
@Suite struct DocsTests {
  static let docs = repositoryText("docs/language.md")

  @Test func coversEveryTopicAndCode() {
    #expect(!Self.docs.isEmpty)
    for topic in Help.builtIn {
      #expect(Self.docs.contains("`\(topic.name)"), "docs miss `\(topic.name)`")
    }
    for code in DiagnosticCode.allCases {
      #expect(Self.docs.contains("| `\(code.rawValue)` |"), "docs miss \(code.rawValue)")
    }
  }

  /// §8's option table lists exactly the options of the contract (``ChartOption``), with their kinds.
  @Test func chartSectionListsExactlyTheOptions() throws {
    let section = try #require(
      Self.docs.components(separatedBy: "## 8. Charts").last?.components(separatedBy: "## 9.").first)
    let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
    var listed: [String] = []
    for row in rows {
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      let names = cells[0].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
      for name in names {
        let option = try #require(ChartOption(rawValue: name), "docs list `\(name)`, which is no option")
        let kinds = ChartKind.allCases.filter { option.kinds.contains($0) }.map(\.rawValue)
        let documented =
          cells[1] == "all"
          ? kinds.count == 8
          : cells[1].hasPrefix("all but")
            ? kinds.count == 7
              && !kinds.contains(String(cells[1].dropFirst(8).trimmingCharacters(in: CharacterSet(charactersIn: " `"))))
            : cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } == kinds
        #expect(documented, "\(name): docs say \(cells[1]), the contract \(kinds)")
        listed.append(name)
      }
    }
    #expect(Set(listed) == Set(ChartOption.allCases.map(\.rawValue)))
  }

  @Test func everyHelpTopicHasAnExampleOrIsACode() {
    for topic in Help.builtIn where topic.category != .code {
      #expect(!topic.example.isEmpty, "\(topic.name) has no example")
    }
  }

  // `save` writes a file; SaveTests runs its example in a temporary folder. The database topics'
  // examples need a server: Tests/python/test_database.py runs them against PostgreSQL.
  @Test(
    arguments: Help.builtIn.filter {
      !$0.example.isEmpty && !$0.example.hasPrefix("balance") && !$0.example.hasPrefix("sankey") && $0.name != "save"
        && $0.category != .database
    }.map(\.name))
  func helpExampleRuns(_ name: String) throws {
    // The chart kind `table`, not the database topic of that name.
    let topic = try #require(Help.builtIn.first { $0.name == name && $0.category != .database })
    var session = Fixtures.session()
    let result = session.run(topic.example)
    #expect(result.succeeded, "\(topic.example)\n\(result.renderedErrors)")
  }

  @Test func helpFindsTopicsOfSeveralWords() throws {
    var session = Fixtures.session()
    let cases = [
      ("help load table", "load table — databases"), ("help set rows", "rows — options"),
      ("help table", "table — databases"), ("help chart table", "table — chart kinds"),
    ]
    for (input, title) in cases {
      let result = session.run(input)
      #expect(result.succeeded, "\(result.renderedErrors)")
      guard case .page(_, let text)? = result.outputs.first else {
        Issue.record("\(input) showed no page")
        continue
      }
      #expect(text.hasPrefix(title), "\(input): \(text)")
    }
  }

  @Test func examplesWithoutMFAVerbsRun() {
    let verbs = [
      "balance", "sankey", "dependence", "value_added", "mfca", "upstream", "downstream", "path", "study",
      "scenario", "compare", "load", "models", "stock_model", "uncertainty", "sensitivity", "reconcile",
    ]
    let blocks = flowqlBlocks(Self.docs)
    var ran = 0
    for block in blocks {
      for chunk in block.components(separatedBy: "\n\n") {
        let code = chunk.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        guard !code.isEmpty, !code.contains("…"), !verbs.contains(where: { code.hasPrefix($0) }),
          !code.contains("stock_model")
        else { continue }
        var session = Fixtures.session()
        let result = session.run(code)
        #expect(result.succeeded, "\(code)\n\(result.renderedErrors)")
        ran += 1
      }
    }
    #expect(ran >= 15)
  }
}
