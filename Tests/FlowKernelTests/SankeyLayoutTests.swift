import FlowModel
import Testing

@testable import Charts
@testable import FlowKernel
@testable import FlowQL

/// Where the Sankey puts sinks, how it uses its height and routes return flows, and synthetic
/// graphs of 200 nodes, all checked over the layout data.
@Suite struct SankeyLayoutTests {
  /// Names of the bundled sinks (losses, exports) and of the stages made only of sinks.
  static let sinkNames: Set<String> = {
    guard let processes = try? BundledCatalog.make().tables["processes"],
      case .text(let names)? = processes["name"]?.values, case .text(let stages)? = processes["stage"]?.values,
      case .text(let kinds)? = processes["kind"]?.values
    else { return [] }
    let isSink = kinds.map { $0 == "sink" }
    var result = Set(names.indices.filter { isSink[$0] }.map { names[$0] })
    for stage in Set(stages) where stages.indices.filter({ stages[$0] == stage }).allSatisfy({ isSink[$0] }) {
      result.insert(stage)
    }
    return result.union(["sink"])
  }()

  /// The name a label shows (its lines but the value).
  static func name(_ g: SankeyGeometry, node: Int) -> String? {
    g.labelNodes.firstIndex(of: node).map { g.labels[$0].lines.dropLast().joined(separator: " ") }
  }

  /// Sinks stand in the column after the process they leave: a band into a loss or an export never
  /// runs behind another node, and no node column stands between its ends. Grouped by stage or
  /// kind, a sink fed from several columns (`Losses`, `sink`) is drawn beside each of them.
  @Test(arguments: SankeyBundledTests.geometryCases)
  func sinksStandNextToWhatTheyLeave(_ code: String) throws {
    let g = try #require(try SankeyBundledTests.chart(code).sankey)
    var checked = 0
    for link in g.links where !link.isLoop {
      guard let target = Self.name(g, node: link.target), Self.sinkNames.contains(target) else { continue }
      checked += 1
      let boxes = SankeyGeometryChecks.footprint(link)
      for (n, node) in g.nodes.enumerated() where n != link.source && n != link.target {
        if boxes.contains(where: { $0.overlaps(node) }) {
          Issue.record("\(code): the band into \(target) runs behind node \(Self.name(g, node: n) ?? "\(n)")")
        }
      }
      #expect(!SankeyGeometryChecks.spansColumns(link, g), "\(code): \(target) stands columns away from its source")
    }
    #expect(checked > 0, "\(code): no sink found")
  }

  /// Grouped by stage, the losses of every stage are one node per column they leave: each copy fed
  /// from one column, together all the table's losses (summed here from the verb's table); the
  /// description counts the sink once and says it is drawn beside each column.
  @Test(arguments: ["sankey year 2022 by stage", "sankey year 2015 by kind"])
  func aGroupedSinkStandsBesideEachColumn(_ code: String) throws {
    let sink = code.contains("by stage") ? "Losses" : "sink"
    var session = Session(catalog: try BundledCatalog.make())
    guard case .table(let table, _)? = session.run(code).outputs.last,
      case .text(let targets)? = table["target"]?.values, case .number(let values)? = table["value"]?.values
    else { throw ChartError(.empty, "no table", help: "") }
    let total = targets.indices.filter { targets[$0] == sink }.reduce(0) { $0 + values[$1] }
    let chart = try SankeyBundledTests.chart(code)
    let g = try #require(chart.sankey)
    let copies = g.nodes.indices.filter { Self.name(g, node: $0) == sink }
    #expect(copies.count > 1, "\(code): \(sink) drawn once")
    // The description counts each node once and says where the sink is drawn.
    let names = Set(g.nodes.indices.compactMap { Self.name(g, node: $0) })
    #expect(chart.summary.contains(": \(names.count) nodes and"), "\(chart.summary)")
    #expect(chart.summary.contains("drawn beside each of the \(copies.count) columns it leaves"), "\(chart.summary)")
    var drawn = 0.0
    for copy in copies {
      let into = g.links.filter { $0.target == copy && !$0.isLoop }
      #expect(Set(into.map { g.nodes[$0.source].x }).count == 1, "\(code): a \(sink) node fed from several columns")
      drawn += into.reduce(0) { $0 + $1.value }
    }
    #expect(abs(drawn - total) <= 1e-6 * total && total > 0, "\(code): \(drawn) drawn of \(total)")
  }

  /// The tallest column (nodes, the slots of bands that skip columns and the labels beside them)
  /// fills the plot height (within one node gap), for the default height and a given one.
  @Test(arguments: [
    "sankey year 2022", "sankey year 2018 by stage", "sankey year 2022 | chart sankey with (height = 900)",
  ])
  func theDiagramUsesItsHeight(_ code: String) throws {
    let g = try #require(try SankeyBundledTests.chart(code).sankey)
    var columns: [Double: (top: Double, bottom: Double)] = [:]
    let labels = zip(g.labelNodes, g.labels).map { n, label in
      SankeyGeometry.Box(x: g.nodes[n].x, y: label.box.y, width: 0, height: label.box.height)
    }
    for node in g.nodes + g.slots + labels {
      let span = columns[node.x] ?? (node.y, node.y + node.height)
      columns[node.x] = (min(span.top, node.y), max(span.bottom, node.y + node.height))
    }
    let tallest = columns.values.map { $0.bottom - $0.top }.max() ?? 0
    let plot = g.plotBottom - g.plotTop
    #expect(tallest >= plot - g.padding && tallest <= plot + 1e-6, "\(code): tallest column \(tallest) of \(plot)")
    if code.contains("900") { #expect(g.height == 900) }
  }

  /// Return flows (new scrap, recycling) run below the diagram, under every node, and cross none.
  @Test func returnFlowsRunBelowEveryNode() throws {
    let g = try #require(try SankeyBundledTests.chart("sankey year 2022").sankey)
    let loops = g.links.filter(\.isLoop)
    #expect(loops.count >= 2)
    let lowest = g.nodes.map { $0.y + $0.height }.max() ?? 0
    for loop in loops {
      // The third part of the route is the lane under the diagram.
      let lane = try #require(loop.route.count == 5 ? loop.route[2] : nil)
      #expect(lane.y > lowest, "the lane of \(loop.source) → \(loop.target) is not below the nodes")
    }
    SankeyGeometryChecks.check(g, "sankey year 2022")
  }

  /// Flows under `min` are lumped (with a split) or left out, and the warning says so.
  @Test func tinyFlowsAreLumpedAndSaidSo() throws {
    // How many links are under 2 kt, counted from the verb's table (return flows are never lumped).
    var session = Session(catalog: try BundledCatalog.make())
    guard case .table(let table, _)? = session.run("sankey year 2022 split by material").outputs.last,
      case .number(let values)? = table["value"]?.values, case .bool(let loops)? = table["is_loop"]?.values
    else { throw ChartError(.empty, "no table", help: "") }
    let small = values.indices.filter { values[$0] > 0 && values[$0] < 2_000 && !loops[$0] }.count
    let chart = try SankeyBundledTests.chart("sankey year 2022 split by material | chart sankey with (min = 2 kt)")
    #expect(small > 0)
    #expect(chart.warnings.contains { $0.hasPrefix("\(small) flows below 2.0 kt") }, "\(chart.warnings)")
  }

  /// Seeded random layered graphs of 200 nodes (10 columns of 20), 30 of their 400 links skipping
  /// two to four columns: the same geometric checks, the skipping bands through slots.
  @Test(arguments: [UInt64(1), 2, 3])
  func syntheticGraphsOf200Nodes(_ seed: UInt64) throws {
    let table = Self.layered(seed: seed, layers: 10, perLayer: 20, links: 400, skipping: 30)
    var palette = ColorAssignment()
    let chart = try ChartRenderer().render(table, spec: ChartSpec(.sankey), palette: &palette)
    let g = try #require(chart.sankey)
    #expect(g.nodes.count == 200)
    #expect(g.slots.count >= 30, "synthetic graph \(seed): \(g.slots.count) slots")
    SankeyGeometryChecks.check(g, "synthetic graph \(seed)")
  }

  /// The gap between nodes is 3 % of the plot height (at least 6 px); every gap in a column is at
  /// least that, and widened beside a node shorter than its label so that the label clears the
  /// node above and below; some gaps stay narrower than a label (they are not all label-sized).
  @Test(arguments: ["sankey year 2022", "sankey year 2022 | chart sankey with (height = 900)"])
  func gapsAreProportionalAndWidenedForLabels(_ code: String) throws {
    let g = try #require(try SankeyBundledTests.chart(code).sankey)
    let plot = g.plotBottom - g.plotTop
    #expect(abs(g.padding - max(6, 0.03 * plot)) < 1e-9, "\(code): padding \(g.padding) for a plot of \(plot)")
    let members = g.nodes + g.slots
    var narrow = 0
    for x in Set(members.map(\.x)) {
      let column = members.filter { $0.x == x }.sorted { $0.y < $1.y }
      for (a, b) in zip(column, column.dropFirst()) {
        let gap = b.y - (a.y + a.height)
        #expect(gap >= g.padding - 1e-6, "\(code): a gap of \(gap) under \(a)")
        if gap < SankeyLabels.lineHeight * 2 { narrow += 1 }
      }
    }
    #expect(narrow > 0, "\(code): every gap is as tall as a label")
  }

  /// A layered graph: every node gets at least one link to the next layer and one from the previous, the rest at random.
  static func layered(seed: UInt64, layers: Int, perLayer: Int, links: Int, skipping: Int = 0) -> Table {
    var random = SplitMix64(seed: seed)
    var source: [String] = []
    var target: [String] = []
    var value: [Double] = []
    func add(_ a: Int, _ b: Int) {
      source.append("Node \(a) of layer \(a / perLayer)")
      target.append("Node \(b) of layer \(b / perLayer)")
      value.append(Double(random.next() % 9_000 + 1_000))
    }
    for a in 0..<((layers - 1) * perLayer) {
      add(a, (a / perLayer + 1) * perLayer + Int(random.next() % UInt64(perLayer)))
    }
    for b in perLayer..<(layers * perLayer) {
      add((b / perLayer - 1) * perLayer + Int(random.next() % UInt64(perLayer)), b)
    }
    for _ in 0..<skipping {
      let a = Int(random.next() % UInt64((layers - 4) * perLayer))
      let span = 2 + Int(random.next() % 3)
      add(a, (a / perLayer + span) * perLayer + Int(random.next() % UInt64(perLayer)))
    }
    while source.count < links {
      let a = Int(random.next() % UInt64((layers - 1) * perLayer))
      add(a, (a / perLayer + 1) * perLayer + Int(random.next() % UInt64(perLayer)))
    }
    return Table([.text("source", source), .text("target", target), .number("value", value, .mass)])
  }
}
