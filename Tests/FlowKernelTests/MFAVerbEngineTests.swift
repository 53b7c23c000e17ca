import Charts
import Foundation
import JupyterKernel
import Testing

@testable import FlowKernel

/// The MFA verbs as the kernel and `flowql run` show them.
@Suite struct MFAVerbEngineTests {
  static func plain(_ event: FlowEngine.Event) -> String? {
    guard case .display(let display) = event else { return nil }
    return display.bundle.data["text/plain"]
  }

  @Test func closingNoteQueriesShowTablesWithCaptions() {
    var engine = FlowEngine.bundled()
    let cases = [
      ("balance year 2022", "balance · 2022"),
      ("mfca of \"SEP\" year 2022", "mfca · 2022"),
      ("dependence years 2015..2022", "dependence by material · 2015–2022"),
      ("study", "study reproduction"),
      ("balance", "balance · 2022 (latest year in model)"),
    ]
    for (code, caption) in cases {
      let result = engine.run(code)
      #expect(result.error == nil, "\(code)")
      let text = result.events.compactMap(Self.plain).first ?? ""
      #expect(text.hasPrefix(caption), "\(code): \(text.prefix(80))")
    }
  }

  @Test func setDecimalsTwoIsNotTheAutomaticDefault() {
    var engine = FlowEngine.bundled()
    // A ratio column: one decimal automatically.
    let query = "dependence years 2022..2022 | select net_import_reliance"
    func decimals() -> [Int] {
      let text = engine.run(query).events.compactMap(Self.plain).first ?? ""
      return text.split(separator: "\n").dropFirst(2).map { $0.split(separator: ".").last?.count ?? 0 }
    }
    let automatic = decimals()
    #expect(engine.run("set decimals = 2").error == nil)
    let fixed = decimals()
    #expect(engine.run("set decimals = auto").error == nil)
    #expect(automatic == [1, 1])
    #expect(fixed == [2, 2])
    #expect(decimals() == automatic)
  }

  @Test func aSetHalfwayThroughACellChangesOnlyWhatFollows() {
    var engine = FlowEngine.bundled()
    let result = engine.run("flows | take 1 | select mass\nset units = t\nflows | take 1 | select mass\n2.5 kt")
    let shown = result.events.compactMap(Self.plain)
    #expect(shown.count == 3)
    #expect(shown.first?.contains("mass (kt)") == true, "\(shown)")
    #expect(shown.dropFirst().first?.contains("mass (t)") == true, "\(shown)")
    #expect(shown.last == "2,500.00 t")
  }

  @Test func aSankeyInALoadedModelNamesThatModelsProcesses() throws {
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Notebooks/data")
    var engine = FlowEngine.bundled()
    let load = engine.run(
      "load \"\(data.path)/can_flows.csv\" as cans processes \"\(data.path)/can_processes.csv\"")
    #expect(load.error == nil)
    let result = engine.run("sankey year 2022 | in cans")
    let svg = result.events.compactMap { if case .display(let d) = $0 { d.svg } else { nil } }.first ?? ""
    // Names and kinds come from the cans processes table, not the bundled model's.
    #expect(svg.contains("Rolling"))
    #expect(svg.contains("1 return flow (Remelting → Rolling 66.4 kt)"), "\(svg.prefix(600))")
  }

  @Test func sankeyDrawsAChartByDefaultAndScenariosCarryOver() {
    var engine = FlowEngine.bundled()
    let sankey = engine.run("sankey year 2022 by stage split by material min 2 kt")
    #expect(sankey.error == nil)
    #expect(
      sankey.events.contains { if case .display(let d) = $0, let svg = d.svg { svg.contains("<svg") } else { false } })
    #expect(engine.run("scenario more_ore { scale \"IMP_CONC_US\" -> \"CONC\" by 2 }").error == nil)
    let compared = engine.run(
      "compare baseline, more_ore: dependence years 2015..2022 | chart line with (x = year, y = net_import_reliance, series = scenario)"
    )
    #expect(compared.error == nil)
    #expect(
      compared.events.contains {
        if case .display(let d) = $0, let svg = d.svg { svg.contains("more_ore") } else { false }
      })
  }

  @Test func verbErrorsAreAnnotated() {
    var engine = FlowEngine.bundled()
    let result = engine.run("mfca of \"SPE\" year 2022")
    #expect(result.error?.code == "E402")
    #expect(result.error?.traceback.contains("  = help: did you mean `SEP` (Smelting and separation)?") == true)
  }
}
