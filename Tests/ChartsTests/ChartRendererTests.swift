import FlowModel
import Foundation
import TestSupport
import Testing

@testable import Charts

/// One golden chart: a name, a table and a spec.
struct ChartCase: Sendable, CustomTestStringConvertible {
  var name: String
  var table: Table
  var spec: ChartSpec
  var testDescription: String { name }

  static let all: [ChartCase] = [
    ChartCase(name: "bar", table: Fixtures.inflowByProcess, spec: ChartSpec(.bar)),
    ChartCase(name: "column", table: Fixtures.massByYearAndMaterial, spec: ChartSpec(.column)),
    ChartCase(name: "column-long-labels", table: Fixtures.throughputByProcess, spec: ChartSpec(.column)),
    ChartCase(name: "line", table: Fixtures.massByYearAndMaterial, spec: ChartSpec(.line)),
    ChartCase(
      name: "line-single", table: Fixtures.totalByYear,
      spec: ChartSpec(.line, title: "Total rare-earth output, 2015–2022")),
    ChartCase(name: "area", table: Fixtures.massByYearAndMaterial, spec: ChartSpec(.area)),
    ChartCase(name: "stacked", table: Fixtures.lossCosts, spec: ChartSpec(.stacked, unit: "MUSD")),
    ChartCase(name: "stacked100", table: Fixtures.massByYearAndMaterial, spec: ChartSpec(.stacked100)),
    ChartCase(name: "pie", table: Fixtures.scrapDestinations, spec: ChartSpec(.pie)),
  ]
}

@Suite struct ChartRendererTests {
  private func render(_ c: ChartCase) throws -> RenderedChart {
    var palette = ColorAssignment()
    return try ChartRenderer().render(c.table, spec: c.spec, palette: &palette)
  }

  @Test(arguments: ChartCase.all)
  func chartMatchesGoldenSVG(_ c: ChartCase) throws {
    let chart = try render(c)
    #expect(xmlProblem(chart.svg) == nil)
    #expect(snapshotMismatch(of: chart.svg, named: "\(c.name).svg") == nil)
  }

  @Test(arguments: ChartCase.all)
  func rendersAreByteIdentical(_ c: ChartCase) throws {
    #expect(try render(c).svg == render(c).svg)
    #expect(try render(c).bundle == render(c).bundle)
  }

  @Test func bundleWrapsTheSVGInAFigure() throws {
    let chart = try render(ChartCase.all[0])
    let bundle = chart.bundle
    #expect(bundle.mimeTypes == ["image/svg+xml", "text/html", "text/plain"])
    #expect(bundle.plain == chart.summary)
    #expect(snapshotMismatch(of: bundle.data["text/html"] ?? "", named: "bar.html") == nil)
    #expect(xmlProblem(bundle.data["text/html"] ?? "") == nil)
    let html = bundle.data["text/html"] ?? ""
    let encoded = try #require(html.split(separator: "base64,").last?.split(separator: "\"").first)
    #expect(Data(base64Encoded: String(encoded)).map { String(decoding: $0, as: UTF8.self) } == chart.svg)
    #expect(chart.svg.contains("<title id=\"\(chart.id)-title\">Inflow by process, 2021</title>"))
    #expect(
      chart.summary
        == "Bar chart “Inflow by process, 2021”, 8 bars (process), in kt: largest Smelting and separation 301.2 kt, smallest Landfill and dissipation 9.6 kt."
    )
  }

  @Test func coloursStayWithTheirSeriesAcrossCharts() throws {
    var palette = ColorAssignment()
    _ = palette.colors(for: ["HREE"])
    let chart = try ChartRenderer().render(Fixtures.massByYearAndMaterial, spec: ChartSpec(.line), palette: &palette)
    #expect(palette.names == ["HREE", "LREE", "New scrap"])
    #expect(chart.svg.contains("stroke=\"\(ColorAssignment.palette[0])\""))
    var again = palette
    #expect(again.colors(for: ["LREE", "HREE"]) == [ColorAssignment.palette[1], ColorAssignment.palette[0]])
  }

  @Test func hostileNamesAreEscapedInSVG() throws {
    var palette = ColorAssignment()
    let table = Table(
      [
        .text("<script>", ["<script>alert(1)</script>", "A & B", "\"q\" 'q'"]),
        .number("m&m", [3, 2, 1], .mass),
      ], caption: "</title><script>x</script>")
    for kind in [ChartKind.bar, .column, .pie] {
      let chart = try ChartRenderer().render(table, spec: ChartSpec(kind), palette: &palette)
      #expect(!chart.svg.contains("<script"))
      #expect(chart.svg.contains("&lt;script&gt;"))
      #expect(xmlProblem(chart.svg) == nil)
      #expect(xmlProblem(chart.bundle.data["text/html"] ?? "") == nil)
      #expect(!(chart.bundle.data["text/html"] ?? "").contains("<script"))
    }
  }

  @Test func pieWithManySlicesBecomesABarWithAWarning() throws {
    var palette = ColorAssignment()
    let chart = try ChartRenderer().render(Fixtures.inflowByProcess, spec: ChartSpec(.pie), palette: &palette)
    #expect(chart.summary.hasPrefix("Bar chart"))
    #expect(chart.warnings == ["pie chart: 8 slices are too many to compare (at most 6); drawn as a bar chart"])
  }

  @Test func inferenceNamesCandidatesWhenAmbiguous() {
    let flows = Table([
      .year("year", [2021]), .text("source", ["A"]), .text("target", ["B"]), .text("material", ["LREE"]),
      .number("mass", [1], .mass),
    ])
    #expect(
      throws: ChartError(
        .needsOption, "cannot tell which column splits the series: `source`, `target`, `material`",
        help: "choose one with `series = source`, or drop the others with `select`")
    ) {
      try ChartSpec(.line).resolve(for: flows)
    }
    #expect(
      throws: ChartError(
        .unsuitableColumn, "unknown column `yaer`",
        help: "did you mean `year`? columns here: `year`, `source`, `target`, `material`, `mass`")
    ) {
      try ChartSpec(.line, x: "yaer").resolve(for: flows)
    }
    #expect(throws: ChartError.self) { try ChartSpec(.line, series: "material", unit: "MUSD").resolve(for: flows) }
  }

  @Test func inferencePicksYearValuesAndSeries() throws {
    let resolved = try ChartSpec(.line).resolve(for: Fixtures.massByYearAndMaterial)
    #expect(resolved.x == "year")
    #expect(resolved.y == ["mass"])
    #expect(resolved.series == "material")
    #expect(resolved.title == "Rare-earth output by material, 2015–2022")
    let wide = try ChartSpec(.stacked).resolve(for: Fixtures.lossCosts)
    #expect(wide.x == "process")
    #expect(wide.y.count == 3)
    #expect(wide.series == nil)
  }

  @Test func missingYearsAreGapsNotInterpolated() throws {
    var palette = ColorAssignment()
    let table = Table([.year("year", [2015, 2016, 2019, 2020]), .number("mass", [1, 2, 3, 4], .mass)])
    let chart = try ChartRenderer().render(table, spec: ChartSpec(.line, yTitle: "REO (t)"), palette: &palette)
    let path = try #require(chart.svg.split(separator: "\n").first { $0.contains("<path d=\"M") })
    #expect(path.components(separatedBy: "M").count - 1 == 2)
    #expect(chart.svg.contains(">REO (t)</text>"))
  }

  @Test func niceTicksFollowD3() {
    let scale = NiceScale(0, 178_400, count: 8)
    #expect(scale.ticks == [0, 20_000, 40_000, 60_000, 80_000, 100_000, 120_000, 140_000, 160_000, 180_000])
    let small = NiceScale(0, 0.93, count: 5)
    #expect(small.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    #expect(small.decimals == 1)
    #expect(NiceScale(-3.2, 7.9, count: 10).ticks.first == -4)
  }
}
