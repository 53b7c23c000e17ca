import Foundation
import Testing

@testable import FlowModel
@testable import FlowQL

/// Completion and Shift-Tab that know the model a query runs on (issue 18), on the copper
/// fixture loaded as `copper`.
@Suite struct ClassroomEditorTests {
  static let copper = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/copper").path

  /// A session with the bundled model and the copper fixture as `copper`.
  static func session() -> Session {
    var session = MFA.session()
    _ = MFA.table(
      "load \"\(copper)/flows.csv\" as copper processes \"\(copper)/processes.csv\" stocks \"\(copper)/stocks.csv\"",
      in: &session)
    return session
  }

  static func complete(_ code: String, in session: Session) -> CompletionList {
    session.completions(in: code, cursor: code.unicodeScalars.count)
  }

  @Test func afterInCopperQuotedIDsAreTheCopperModels() {
    let session = Self.session()
    let c = Self.complete("flows | in copper | where source == \"", in: session)
    #expect(c.matches.contains("SMELT"))
    #expect(!c.matches.contains("SEP"))
    #expect(c.documentation[c.matches.firstIndex(of: "SMELT")!] == "Smelting")
    // `| in copper` after the cursor counts too: the whole statement runs on the model.
    let code = "flows | where source == \"SM\" | in copper"
    let inside = session.completions(in: code, cursor: 27)
    #expect(inside.matches == ["SMELT"])
  }

  @Test func loadCompletesFileNamesFromTheNotebooksFolderCSVFirst() {
    // Tests run in the package root, as the kernel runs in the notebook's folder.
    let c = Self.complete("load \"Tests/Fixtures/copper/", in: MFA.session())
    #expect(
      c.matches == [
        "Tests/Fixtures/copper/flows.csv", "Tests/Fixtures/copper/processes.csv",
        "Tests/Fixtures/copper/stocks.csv", "Tests/Fixtures/copper/README.md",
      ])
    #expect(c.types.allSatisfy { $0 == "path" })
    let processes = Self.complete("load \"x.csv\" as x processes \"Tests/Fixtures/copper/p", in: MFA.session())
    #expect(processes.matches == ["Tests/Fixtures/copper/processes.csv"])
  }

  @Test func aDotAfterTargetOffersProcessFields() {
    let c = Self.complete("flows | in copper | where target.", in: Self.session())
    #expect(c.matches.starts(with: ["id", "name", "stage", "kind"]))
    #expect(!c.matches.contains("mass"))
    #expect(c.types.allSatisfy { $0 == "field" })
  }

  @Test func insideQuotesIDsAreOfferedWithDisplayNamesAsDocumentation() {
    let c = Self.complete("flows | where source == \"Smelt", in: MFA.session())
    #expect(c.matches == ["SEP"])
    #expect(c.documentation == ["Smelting and separation"])
  }

  @Test func aDisplayNameInAFilterGetsTheIdAsDidYouMean() throws {
    var session = MFA.session()
    let result = session.run("flows | where source == \"Smelting and separation\"")
    let warning = try #require(result.warnings.first)
    #expect(warning.code == .noSuchValue)
    #expect(warning.help == ["did you mean `SEP` (Smelting and separation)? Process columns hold ids."])
  }

  @Test func shiftTabOnAModelName() throws {
    let code = "flows | in copper"
    let text = try #require(Self.session().inspect(code: code, cursor: 13))
    #expect(text.hasPrefix("model `copper` (loaded): 12 processes, 39 flows, 2020–2022, materials Cu"))
    #expect(text.contains("stocks in USE"))
  }

  @Test func shiftTabOnTargetStage() throws {
    let code = "flows | in copper | where target.stage == \"Use\""
    let text = try #require(Self.session().inspect(code: code, cursor: 35))
    #expect(text.hasPrefix("`target.stage`: the `stage` of each flow's target process"))
    #expect(text.contains("model `copper`"))
  }

  @Test func shiftTabOnAQuotedIDOfTheLoadedModel() throws {
    let code = "flows | in copper | where source == \"SMELT\""
    let text = try #require(Self.session().inspect(code: code, cursor: 39))
    #expect(
      text == "process \"SMELT\" of model `copper`: Smelting\nstage: Smelting\nkind: quantity_centre\n"
        + "Smelting of concentrate and old scrap")
  }
}
