import FlowModel
import Foundation
import TestSupport
import Testing

@testable import Charts

@Suite struct SankeyTests {
  private func render(_ table: Table, _ spec: ChartSpec) throws -> RenderedChart {
    var palette = ColorAssignment()
    return try ChartRenderer().render(table, spec: spec, palette: &palette)
  }

  private var rareEarthSpec: ChartSpec {
    ChartSpec(.sankey, series: "material", min: 1_000, nodes: SankeyFixtures.rareEarthNodes)
  }

  @Test func cycleIsDrawnAsAReturnArcWithAWarning() throws {
    let chart = try render(SankeyFixtures.cycle, ChartSpec(.sankey))
    #expect(xmlProblem(chart.svg) == nil)
    #expect(snapshotMismatch(of: chart.svg, named: "sankey-cycle.svg") == nil)
    #expect(
      chart.warnings == [
        "[W610] Sankey contains a loop: B → C → B; the return flow C → B (20.0 kt) is drawn as an arc below the diagram",
        "[W610] Sankey contains a loop: A → B → C → D → A; the return flow D → A (10.0 kt) is drawn as an arc below the diagram",
      ])
    #expect(chart.summary.contains("2 return flows"))
  }

  @Test func rareEarthSupplyChainMatchesGolden() throws {
    let chart = try render(SankeyFixtures.rareEarthLinks, rareEarthSpec)
    #expect(xmlProblem(chart.svg) == nil)
    #expect(snapshotMismatch(of: chart.svg, named: "sankey-rare-earth.svg") == nil)
    #expect(chart.warnings.contains { $0.hasPrefix("[W610] Sankey contains a loop: SEP → PRIM → MET → MAG → SEP") })
    #expect(
      chart.warnings.first?.hasPrefix("8 flows below 1.0 kt (2.7 kt in total) were not drawn") == true,
      "\(chart.warnings)")
  }

  @Test func rareEarthWithoutNodesTableUsesDepthColumns() throws {
    let chart = try render(SankeyFixtures.rareEarthLinks, ChartSpec(.sankey))
    #expect(xmlProblem(chart.svg) == nil)
    #expect(snapshotMismatch(of: chart.svg, named: "sankey-depth.svg") == nil)
  }

  @Test func rendersAreByteIdentical() throws {
    #expect(
      try render(SankeyFixtures.rareEarthLinks, rareEarthSpec).svg
        == render(SankeyFixtures.rareEarthLinks, rareEarthSpec).svg)
    #expect(
      try render(SankeyFixtures.cycle, ChartSpec(.sankey)).bundle
        == render(SankeyFixtures.cycle, ChartSpec(.sankey)).bundle)
  }

  @Test func stageOrdersThatAreAllTheSameLeaveColumnsToTheFlows() throws {
    // A loaded model's processes file without `stage_order`: every order is 0, stages differ.
    let nodes = Table([
      .text("id", ["MINE", "SMELT", "ROLL", "USE", "REMELT"]),
      .text("name", ["Mining", "Smelting", "Rolling", "Use", "Remelting"]),
      .text("stage", ["Primary", "Primary", "Fabrication", "Use", "Recycling"]),
      .text("kind", ["source", "quantity_centre", "quantity_centre", "stock", "quantity_centre"]),
      .number("stage_order", [0, 0, 0, 0, 0]),
    ])
    let links = Table([
      .text("source", ["MINE", "SMELT", "ROLL", "USE", "REMELT"]),
      .text("target", ["SMELT", "ROLL", "USE", "REMELT", "ROLL"]),
      .number("mass", [50, 50, 100, 50, 50], .mass),
    ])
    let spec = ChartSpec(.sankey, nodes: nodes)
    var graph = SankeyGraph(table: links, chart: try spec.resolve(for: links), spec: spec, unit: { "\($0)" })
    let columns = graph.prepare(stageOrder: [])
    let column = { (id: String) in graph.nodes.firstIndex { $0.id == id }.map { columns[$0] } ?? -1 }
    #expect(["MINE", "SMELT", "ROLL", "USE", "REMELT"].map(column) == [0, 1, 2, 3, 4])
    #expect(
      graph.links.filter(\.isLoop).map { "\(graph.nodes[$0.source].id)→\(graph.nodes[$0.target].id)" } == [
        "REMELT→ROLL"
      ])
  }

  @Test func boundaryNodesSitNextToTheirNeighbours() throws {
    var graph = SankeyGraph(
      table: SankeyFixtures.rareEarthLinks, chart: try rareEarthSpec.resolve(for: SankeyFixtures.rareEarthLinks),
      spec: rareEarthSpec, unit: { "\($0)" })
    let columns = graph.prepare(stageOrder: [])
    let column = { (id: String) in graph.nodes.firstIndex { $0.id == id }.map { columns[$0] } ?? -1 }
    #expect(column("IMP_CONC_US") == column("MIN_ROCK"))
    #expect(column("IMP_PRIM") == column("CONC"))
    #expect(column("EXP_MAG") == column("USE"))
    #expect(column("SEP") == column("CONC") + 1)
  }

  @Test func isLoopColumnMarksReturnFlows() throws {
    let table = Table([
      .text("source", ["A", "B", "B"]), .text("target", ["B", "C", "A"]),
      .number("value", [10, 8, 2], .mass), .bool("is_loop", [false, false, true]),
    ])
    let chart = try render(table, ChartSpec(.sankey))
    #expect(
      chart.warnings == [
        "[W610] Sankey contains a loop: A → B → A; the return flow B → A (2 t) is drawn as an arc below the diagram"
      ])
    #expect(chart.svg.contains("return flow 2 t"))
  }

  @Test func explicitStageOrderWins() throws {
    let nodes = Table([
      .text("id", ["a", "b", "c"]), .text("stage", ["late", "early", "middle"]),
    ])
    let links = Table([.text("source", ["a", "b"]), .text("target", ["c", "a"]), .number("value", [5, 5], .mass)])
    let spec = ChartSpec(.sankey, order: ["early", "middle", "late"], nodes: nodes)
    var graph = SankeyGraph(table: links, chart: try spec.resolve(for: links), spec: spec, unit: { "\($0)" })
    let columns = graph.prepare(stageOrder: spec.order)
    #expect(columns == [2, 0, 1])
    #expect(graph.links.map(\.isLoop) == [true, false])
  }

  @Test func smallFlowsAreLumpedOrDropped() throws {
    let table = Table([
      .text("source", ["A", "A", "A", "A"]), .text("target", ["B", "B", "B", "C"]),
      .text("split", ["x", "y", "z", "x"]), .number("value", [50, 3, 3, 2], .mass),
    ])
    let chart = try render(table, ChartSpec(.sankey, min: 5))
    #expect(chart.warnings == ["3 flows below 5 t: 2 lumped into \"Other\", 1 (2 t in total) not drawn"])
    #expect(chart.svg.contains("Other"))
    let dropped = try render(table, ChartSpec(.sankey, min: 10))
    #expect(dropped.warnings == ["3 flows below 10 t (8 t in total) were not drawn"])
  }

  @Test func hostileNodeNamesAreEscaped() throws {
    let table = Table(
      [
        .text("source", ["<script>", "A & B"]), .text("target", ["A & B", "\"q\" 'q'"]),
        .number("value", [10, 5], .mass),
      ], caption: "<b>x</b>")
    let chart = try render(table, ChartSpec(.sankey))
    #expect(!chart.svg.contains("<script"))
    #expect(!chart.svg.contains("<b>"))
    #expect(xmlProblem(chart.svg) == nil)
  }

  @Test func missingColumnsExplainThemselves() throws {
    #expect(throws: ChartError.self) { try ChartSpec(.sankey).resolve(for: Fixtures.inflowByProcess) }
    let flows = Table([
      .text("source", ["A"]), .text("target", ["B"]), .number("mass", [1], .mass), .number("value", [2], .money),
    ])
    #expect(
      throws: ChartError(
        .needsOption, "cannot tell which column holds the flow values",
        help: "choose one with `y = mass`; numeric columns: `mass`, `value`")
    ) {
      try ChartSpec(.sankey).resolve(for: flows)
    }
    #expect(try ChartSpec(.sankey, y: ["mass"]).resolve(for: flows).dimension == .mass)
  }

  /// Speed is measured by `flowql-bench --verbs` (make bench), not asserted here.
  @Test func largeGraphLaysOutEveryNodeAndLink() throws {
    let table = SankeyFixtures.large(nodes: 200, links: 1_000)
    let chart = try render(table, ChartSpec(.sankey))
    #expect(xmlProblem(chart.svg) == nil)
    #expect(chart.summary.contains("200 nodes"))
  }
}
