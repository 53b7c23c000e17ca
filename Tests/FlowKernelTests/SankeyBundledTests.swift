import FlowModel
import Testing

@testable import Charts
@testable import FlowKernel
@testable import FlowQL

/// The Sankey of the bundled model, every year and every `by`, as the kernel draws it: labels
/// whole and apart, nodes inside the canvas, crossings no more than sweeps from random orders find.
@Suite struct SankeyBundledTests {
  /// The table and spec the kernel would render for `code`.
  static func chart(_ code: String, minimise: Bool = true, randomStart: UInt64? = nil) throws -> RenderedChart {
    var session = Session(catalog: try BundledCatalog.make())
    let result = session.run(code)
    guard case .table(let table, let request?)? = result.outputs.last else {
      throw ChartError(.empty, "no chart", help: "")
    }
    var spec = ChartSpec(request)
    spec.nodes = request.nodes ?? session.catalog.tables["processes"]
    spec.minimiseCrossings = minimise
    spec.randomStart = randomStart
    var palette = ColorAssignment()
    return try ChartRenderer().render(table, spec: spec, palette: &palette)
  }

  /// Every year with every `by` choice of the bundled model.
  static let geometryCases: [String] = (2015...2022).flatMap { year in
    ["", " by stage", " by kind", " by name"].map { "sankey year \(year)\($0)" }
  }

  @Test(arguments: geometryCases)
  func labelsAreWholeAndApart(_ code: String) throws {
    let geometry = try #require(try Self.chart(code).sankey)
    SankeyGeometryChecks.check(geometry, code)
  }

  @Test(arguments: geometryCases)
  func crossingsAreFewerThanD3s(_ code: String) throws {
    let ours = try #require(try Self.chart(code).sankey).crossings
    let d3 = try #require(try Self.chart(code, minimise: false).sankey).crossings
    print("crossings \(code): d3 order \(d3), minimised \(ours)")
    #expect(ours <= d3)
  }

  /// Every year with every `by` choice.
  @Test(arguments: geometryCases)
  func crossingsAreNoMoreThanTwentyRandomStartsFind(_ code: String) throws {
    let ours = try #require(try Self.chart(code).sankey).crossings
    var best = Int.max
    for seed in UInt64(1)...20 {
      best = min(best, try #require(try Self.chart(code, randomStart: seed).sankey).crossings)
    }
    #expect(ours <= best, "\(code): \(ours) crossings, a random start found \(best)")
  }

  @Test func sameBytesTwice() throws {
    #expect(try Self.chart("sankey year 2022 by stage").svg == Self.chart("sankey year 2022 by stage").svg)
  }
}
