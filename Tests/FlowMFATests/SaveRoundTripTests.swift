import Foundation
import Testing

@testable import FlowModel
@testable import FlowQL

/// `flows | save "f.csv"` then `load "f.csv" as m`: the same flows.
@Suite struct SaveRoundTripTests {
  /// The bundled flows (good, provenance and rule included) saved, then loaded as a model.
  @Test func flowsSavedAsCSVLoadBackAsTheSameFlows() throws {
    let path = try LoadVerbTests.folder([:]).appendingPathComponent("f.csv").path
    var session = MFA.session()
    let saved = session.run("flows | save \"\(path)\"")
    #expect(saved.succeeded, "\(saved.renderedErrors)")
    let original = try #require(MFA.lastTable(saved))
    #expect(original.rowCount > 100)
    #expect(saved.outputs.contains(.stdout("wrote \(original.rowCount) rows × 10 columns to \(path)\n")))
    let loaded = session.run("load \"\(path)\" as m\nflows | in m")
    #expect(loaded.succeeded, "\(loaded.renderedErrors)")
    let back = try #require(MFA.lastTable(loaded))
    for name in ["year", "source", "target", "material", "mass", "cost", "value"] {
      #expect(back[name]?.values == original[name]?.values, "\(name)")
      #expect(back[name]?.dimension == original[name]?.dimension, "\(name)")
    }
  }

}

extension MFA {
  /// The last table a run showed, or nil.
  static func lastTable(_ result: RunResult) -> Table? {
    for case .table(let t, _) in result.outputs.reversed() { return t }
    return nil
  }
}
