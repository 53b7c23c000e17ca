import Foundation
import TestSupport
import Testing

@testable import FlowMFA
@testable import FlowQL

/// Every `flowql` example of docs/language.md runs on the bundled model with the MFA verbs.
@Suite struct MFADocsTests {
  static let docs = repositoryText("docs/language.md")

  @Test func everyExampleRunsWithTheVerbs() {
    let blocks = flowqlBlocks(Self.docs)
    var ran = 0
    for block in blocks {
      for chunk in block.components(separatedBy: "\n\n") {
        let code = chunk.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        guard !code.isEmpty, !code.contains("…") else { continue }
        var session = MFA.session()
        _ = session.run("scenario more_ore { scale \"IMP_CONC_US\" -> \"CONC\" by 2 }")
        let result = session.run(code)
        #expect(result.succeeded, "\(code)\n\(result.renderedErrors)")
        ran += 1
      }
    }
    #expect(ran >= 30)
  }

  @Test func closingNoteShowsTheFourQuestions() {
    for code in ["balance year 2022", "mfca of \"SEP\" year 2022", "dependence years 2015..2022", "study"] {
      #expect(Self.docs.contains("$ flowql run -e '\(code)'"), "\(code)")
    }
  }
}
