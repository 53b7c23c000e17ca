import FlowModel
import Foundation
import TestSupport
import Testing

@testable import Charts
@testable import FlowKernel
@testable import FlowQL

/// `sankey years A..B [every N]` from FlowQL source to SVG: one panel per year, every panel at one
/// scale (checked from the layout: band width ÷ flow and node height ÷ throughput are the same in
/// every panel, and the scale bar is drawn at that scale), the scale bar shown, same bytes twice.
@Suite struct SankeyPanelsTests {
  static let code = "sankey years 2015..2022 every 2 split by material"

  /// Pixels per base unit of every band of every panel, and of every node, measured from the drawing.
  static func ratios(_ chart: RenderedChart) -> (bands: [Double], nodes: [Double]) {
    var bands: [Double] = []
    var nodes: [Double] = []
    for panel in chart.sankeyPanels {
      var inflow = [Double](repeating: 0, count: panel.nodes.count)
      var outflow = inflow
      for link in panel.links {
        bands.append(link.width / link.value)
        outflow[link.source] += link.value
        inflow[link.target] += link.value
      }
      // Nodes drawn at least 1 px tall tell nothing about the scale.
      for (n, node) in panel.nodes.enumerated() where node.height > 2 {
        nodes.append(node.height / max(inflow[n], outflow[n]))
      }
    }
    return (bands, nodes)
  }

  static func spread(_ values: [Double]) -> Double {
    guard let low = values.min(), let high = values.max(), low > 0 else { return .infinity }
    return high / low - 1
  }

  @Test func everyPanelHasTheSameKilotonnesPerPixel() throws {
    let chart = try SankeyBundledTests.chart(Self.code)
    #expect(chart.sankeyPanels.map(\.panel) == ["2015", "2017", "2019", "2021"])
    let (bands, nodes) = Self.ratios(chart)
    #expect(bands.count > 40 && nodes.count > 20)
    #expect(Self.spread(bands) < 1e-9, "band widths per tonne differ across panels")
    #expect(Self.spread(nodes) < 0.01, "node heights per tonne differ across panels")
    // Drawn one by one, the years take different scales: the panels share one on purpose.
    let alone = try ["2015", "2021"].map {
      try #require(try SankeyBundledTests.chart("sankey year \($0) split by material").sankey).pixelsPerUnit
    }
    #expect(Self.spread(alone) > 0.05, "the single diagrams happen to share a scale; the test proves nothing")
    let bar = try #require(chart.scaleBar)
    #expect(abs(bar.box.height / bar.value / bands[0] - 1) < 1e-9, "the scale bar is not drawn at the panels' scale")
    #expect(chart.svg.contains(bar.text) && bar.box.height > 16 && bar.box.height <= 40)
    // A round quantity: 1, 2 or 5 × 10ⁿ kt, written in the label.
    let kilotonnes = bar.value / 1_000
    let mantissa = kilotonnes / pow(10, log10(kilotonnes).rounded(.down))
    #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "\(bar.value)")
    #expect(bar.text.hasPrefix("\(Int(kilotonnes)) kt"), "\(bar.text)")
    for name in ["2015", "2017", "2019", "2021"] { #expect(chart.svg.contains(">\(name)</text>")) }
  }

  @Test func aGivenScaleHoldsInEveryPanel() throws {
    let chart = try SankeyBundledTests.chart("sankey years 2021..2022 | chart sankey with (scale = 1 kt)")
    #expect(chart.sankeyPanels.count == 2)
    for ratio in Self.ratios(chart).bands { #expect(abs(ratio * 1_000 - 1) < 1e-9) }
  }

  @Test func panelsKeepLabelsWholeAndApart() throws {
    for panel in try SankeyBundledTests.chart(Self.code).sankeyPanels {
      SankeyGeometryChecks.check(panel, "panel \(panel.panel ?? "")")
    }
  }

  @Test func sameBytesTwiceAndTheGolden() throws {
    let a = try SankeyBundledTests.chart(Self.code).svg
    #expect(a == (try SankeyBundledTests.chart(Self.code).svg))
    if let mismatch = snapshotMismatch(of: a, named: "sankey-years.svg") { Issue.record("\(mismatch)") }
  }

  @Test func theTableHasOneYearPerPanel() {
    var session = Session(catalog: try! BundledCatalog.make())
    guard case .table(let table, let request?)? = session.run("sankey years 2016..2020 every 2").outputs.last else {
      Issue.record("no table")
      return
    }
    guard case .year(let years)? = table["year"]?.values else {
      Issue.record("no year column")
      return
    }
    #expect(Set(years) == [2016, 2018, 2020])
    #expect(request[.panels] == .name("year"))
    #expect(table.caption?.contains("every 2 years (3 panels)") == true)
  }

  @Test func everyWithoutYearsIsAnErrorAtEvery() {
    var engine = FlowEngine.bundled()
    let error = engine.run("sankey year 2022 every 2").error
    #expect(error?.traceback.joined(separator: "\n").contains("`every` needs `years`") == true)
    let zero = engine.run("sankey years 2015..2022 every 0").error
    #expect(zero?.traceback.joined(separator: "\n").contains("whole number of years") == true)
  }
}
