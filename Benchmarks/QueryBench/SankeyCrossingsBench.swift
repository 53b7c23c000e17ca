import Charts
import FlowKernel
import FlowModel
import FlowQL
import Foundation

/// The link crossings of the bundled model's Sankeys, every year and every `by` the crossing
/// tests hold (`by stage` and the default), with d3's order and minimised, and their totals; so a
/// change to the ordering can be judged before and after. `--sankey-crossings DIR` also writes each
/// chart's SVG to DIR, to compare two builds byte for byte.
enum SankeyCrossingsBench {
  static func run(svgDirectory: String?) {
    var engine = FlowEngine.bundled()
    guard let processes = table(engine.run("processes")) else { return print("no processes table") }
    var totals: [String: (d3: Int, ours: Int)] = [:]
    for by in ["", " by stage", " by kind", " by name"] {
      for year in 2015...2022 {
        let query = "sankey year \(year)\(by)"
        let result = engine.run(query)
        guard let display = display(result), let table = display.table, let request = display.chart else {
          print(query + ": no chart")
          continue
        }
        if let svgDirectory, let svg = display.svg {
          let name = query.replacing(" ", with: "_") + ".svg"
          try? svg.write(toFile: svgDirectory + "/" + name, atomically: true, encoding: .utf8)
        }
        var counts: [Int] = []
        for minimise in [false, true] {
          var spec = ChartSpec(request.kind, options: request.options)
          spec.nodes = request.nodes ?? processes
          spec.minimiseCrossings = minimise
          var palette = ColorAssignment()
          counts.append((try? ChartRenderer().render(table, spec: spec, palette: &palette))?.sankey?.crossings ?? -1)
        }
        print("crossings \(query): d3 order \(counts[0]), minimised \(counts[1])")
        let key = by.isEmpty ? "default" : String(by.dropFirst())
        totals[key, default: (0, 0)].d3 += counts[0]
        totals[key, default: (0, 0)].ours += counts[1]
      }
    }
    for key in ["default", "by stage", "by kind", "by name"] {
      let t = totals[key] ?? (0, 0)
      print("total \(key): d3 order \(t.d3), minimised \(t.ours)")
    }
  }

  private static func display(_ result: FlowEngine.CellResult) -> FlowEngine.Display? {
    for event in result.events.reversed() { if case .display(let d) = event { return d } }
    return nil
  }

  private static func table(_ result: FlowEngine.CellResult) -> Table? { display(result)?.table }
}
