import Charts
import FlowKernel
import FlowModel
import Foundation

/// Every bundled-model verb end to end (parse, evaluate, render), Sankey small multiples of 8
/// years, and Sankey layout + SVG for a synthetic 200-node, 1,000-link graph. Prints median milliseconds over 20 runs.
enum EndToEndBench {
  static let queries = [
    "flows | where year == 2022 | summarize total = sum(mass) by target",
    "balance year 2022",
    "mfca of \"SEP\" year 2022",
    "dependence years 2015..2022",
    "value_added by stage year 2022",
    "sankey year 2022",
    "upstream of \"MAG\" year 2022",
    "study",
  ]

  static func run() {
    print("end to end on the bundled model (median of 20 runs, ms; goal ≤ 5 ms each)")
    for query in queries {
      var engine = FlowEngine.bundled()
      let first = engine.run(query)
      guard first.error == nil else {
        print(pad(query) + "        n/a  (\(first.error?.message ?? ""))")
        continue
      }
      let ms = median((0..<20).map { _ in time { _ = engine.run(query) } }) * 1000
      print(pad(query) + String(format: "%11.3f", ms))
    }
    // Small multiples: 8 years of the bundled model, one panel each at one scale.
    var engine = FlowEngine.bundled()
    let multiples = "sankey years 2015..2022"
    if engine.run(multiples).error == nil {
      let ms = median((0..<20).map { _ in time { _ = engine.run(multiples) } }) * 1000
      print(pad(multiples + " (8 panels)") + String(format: "%11.3f", ms) + "  (goal ≤ 20 ms)")
    }
    let (links, nodes) = syntheticGraph(nodes: 200, links: 1000)
    var palette = ColorAssignment()
    for minimise in [false, true] {
      var spec = ChartSpec(.sankey, nodes: nodes)
      spec.minimiseCrossings = minimise
      let ms =
        median((0..<10).map { _ in time { _ = try? ChartRenderer().render(links, spec: spec, palette: &palette) } })
        * 1000
      let crossings = (try? ChartRenderer().render(links, spec: spec, palette: &palette))?.sankey?.crossings ?? -1
      let what = minimise ? "with crossing minimisation" : "d3 order, no minimisation"
      print(
        pad("Sankey layout + SVG, 200 nodes / 1,000 links, \(what)") + String(format: "%11.3f", ms)
          + "  (\(crossings) crossings; goal ≤ 50 ms)")
    }
  }

  static func pad(_ text: String) -> String {
    text.count >= 64 ? text : text + String(repeating: " ", count: 64 - text.count)
  }

  static func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  /// A layered DAG: 200 nodes in 10 stages, 1,000 links between consecutive stages (seeded LCG).
  static func syntheticGraph(nodes: Int, links: Int) -> (Table, Table) {
    var state: UInt64 = 2015
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let perStage = nodes / 10
    let ids = (0..<nodes).map { String(format: "N%03d", $0) }
    var sources: [String] = []
    var targets: [String] = []
    var values: [Double] = []
    var seen = Set<String>()
    while sources.count < links {
      let stage = next(9)
      let s = ids[stage * perStage + next(perStage)]
      let t = ids[(stage + 1) * perStage + next(perStage)]
      guard seen.insert(s + t).inserted else { continue }
      sources.append(s)
      targets.append(t)
      values.append(Double(1 + next(1000)))
    }
    let links = Table([.text("source", sources), .text("target", targets), .number("value", values, .mass)])
    let nodesTable = Table([
      .text("id", ids), .text("name", ids), .text("stage", ids.indices.map { "stage \($0 / perStage)" }),
      .number("stage_order", ids.indices.map { Double($0 / perStage) }),
      .text("kind", ids.map { _ in "quantity_centre" }),
    ])
    return (links, nodesTable)
  }
}
