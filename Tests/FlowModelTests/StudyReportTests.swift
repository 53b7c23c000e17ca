import Foundation
import Testing

@testable import FlowModel

@Suite struct StudyReportTests {
  @Test func reportsEveryTargetWithItsRatio() throws {
    let model = try Bundled.model()
    let report = model.studyReport()
    #expect(Array(report.columnNames.prefix(4)) == ["metric", "model", "target", "ratio"])
    let data = try RareEarthData.loadBundled()
    #expect(report.texts("verdict").filter { $0 != "check" }.count == data.targets.count)
    for (row, metric) in report.texts("metric").enumerated() where report.texts("verdict")[row] != "check" {
      #expect(data.targets.contains { $0.metric == metric })
      #expect(close(report.numbers("ratio")[row], report.numbers("model")[row] / report.numbers("target")[row]))
      if ["off", "missed"].contains(report.texts("verdict")[row]) {
        #expect(report.texts("note")[row].contains("Why:"), "\(metric) misses without a reason")
      }
    }
  }

  @Test func cumulativeConcentrateInflowIsQuotasPlusImports() throws {
    let model = try Bundled.model()
    let report = model.studyReport()
    let row = try #require(report.texts("metric").firstIndex { $0.hasPrefix("Cumulative concentrate") })
    // 1,085 kt of quotas + 176.2 kt of US ore + 14 kt of other concentrate (the `Q_*` quota sources, USGS_MCS2019–2025 for US ore, `imp_conc_oth`).
    #expect(close(report.numbers("model")[row], 1_085_000 + 176_200 + 14_000))
  }

  @Test func undocumentedSupplyRaisesTheResidualDomesticUse() throws {
    let official = try Bundled.model().studyReport()
    let undocumented = try Bundled.model(.undocumented).studyReport()
    let row = try #require(official.texts("metric").firstIndex { $0.hasPrefix("Residual domestic uses") })
    #expect(official.numbers("model")[row] < 20_000)
    #expect(undocumented.numbers("model")[row] > official.numbers("model")[row] + 60_000)
  }

  @Test func printsTheReport() throws {
    for mode in SupplyMode.allCases {
      let report = try Bundled.model(mode).studyReport()
      print(report.caption ?? "")
      for row in 0..<report.rowCount {
        let metric = report.texts("metric")[row].padding(toLength: 70, withPad: " ", startingAt: 0)
        let model = String(format: "%14.4g", report.numbers("model")[row])
        let target = String(format: "%12.4g", report.numbers("target")[row])
        let ratio = String(format: "%6.2f", report.numbers("ratio")[row])
        print(
          "| \(metric) | \(model) | \(target) | \(ratio) | \(report.texts("unit")[row]) | \(report.texts("verdict")[row]) |"
        )
        if ProcessInfo.processInfo.environment["PRINT_NOTES"] != nil { print("    note: \(report.texts("note")[row])") }
      }
    }
  }
}
