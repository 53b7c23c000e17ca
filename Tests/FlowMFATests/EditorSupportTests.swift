import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

@Suite struct MFAEditorTests {
  static func completions(_ code: String, in session: Session = MFA.session()) -> [String] {
    session.completions(in: code, cursor: code.unicodeScalars.count).matches
  }

  @Test func completesKeywordsYearsProcessesAndModels() {
    #expect(Self.completions("bal") == ["balance"])
    #expect(Self.completions("balance ").contains("tolerance"))
    #expect(Self.completions("balance year ").first == "2022")
    #expect(Self.completions("balance years 201") == (2015...2019).reversed().map(String.init))
    #expect(Self.completions("balance of ").contains("SEP"))
    #expect(Self.completions("balance of SEP, ").contains("MAG"))
    #expect(Self.completions("mfca of \"Se").contains("SEP") || Self.completions("mfca of \"Se").contains("Separation"))
    #expect(Self.completions("sankey layer ").prefix(3) == ["mass", "cost", "value"])
    #expect(Self.completions("balance by ").contains("material"))
    #expect(Self.completions("compare ").contains("baseline"))
    #expect(Self.completions("balance | ").contains("in"))
    #expect(Self.completions("balance | in scenario ").contains("baseline"))
    #expect(Session.isComplete("scenario s {\n  scale A -> B by 2", verbs: MFAVerbs.all.map(\.signature)) != .complete)
  }

  @Test func helpAndInspectShowDocsWithAnExample() throws {
    for verb in MFAVerbs.all.map(\.signature) {
      var session = MFA.session()
      let result = session.run("help \(verb.name)")
      guard case .page(_, let text)? = result.outputs.first else {
        Issue.record("no help for \(verb.name)")
        continue
      }
      #expect(text.contains(verb.example), "\(verb.name)")
      #expect(text.contains("Columns"), "\(verb.name) documents its columns")
    }
    let inspected = try #require(MFA.session().inspect(code: "mfca of \"SEP\"", cursor: 2, detail: 0))
    #expect(inspected.contains("ISO 14051"))
  }

  @Test func everyVerbExampleRuns() {
    for verb in MFAVerbs.all.map(\.signature) where verb.name != "load" {
      var session = MFA.session()
      if verb.name == "compare" { _ = session.run("scenario more_ore { scale \"IMP_CONC_US\" -> \"CONC\" by 2 }") }
      let result = session.run(verb.example)
      #expect(result.succeeded, "\(verb.example)\n\(result.renderedErrors)")
    }
  }

  /// Every verb answers on the bundled model; their speed is measured by `make bench`.
  @Test func everyVerbAnswersOnTheBundledModel() {
    var session = MFA.session()
    for code in [
      "balance year 2022", "mfca year 2022", "dependence years 2015..2022", "value_added by stage", "sankey",
      "upstream of MAG", "study",
    ] {
      let result = session.run(code)
      #expect(result.succeeded, "\(code)\n\(result.renderedErrors)")
      #expect(result.outputs.contains { if case .table(let t, _) = $0 { t.rowCount > 0 } else { false } }, "\(code)")
    }
  }
}
