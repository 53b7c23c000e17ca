import FlowKernel
import FlowModel
import Foundation

/// `flowql-bench --uncertainty FLOWS.csv PROCESSES.csv`: the Monte Carlo goal (1,000 runs of
/// `dependence years 2015..2022` on the bundled model, ≤ 2 s) beside the same query run 1,000
/// times without draws, and the reconciliation of the given user model (timed without loading).
/// Prints one JSON object of seconds; Benchmarks/uncertainty_bench.py puts numpy beside it.
enum UncertaintyBench {
  static func run(flows: URL, processes: URL) throws {
    var engine = FlowEngine.bundled()
    let query = "dependence years 2015..2022"
    var cpu: [Double] = []
    let monteCarlo = median(
      (0..<3).map { _ in
        let before = cpuSeconds()
        let wall = seconds { _ = engine.run("uncertainty runs 1000: " + query) }
        cpu.append(cpuSeconds() - before)
        return wall
      })
    let plain = seconds { for _ in 0..<1000 { _ = engine.run(query) } }
    let model = try MaterialFlowModel.load(flowsCSV: flows, processesCSV: processes)
    let measurements: [FlowMeasurement] = model.flows.map { flow in
      if flow.mass.isNaN { return .unknown }
      guard let sigma = flow.sigma, sigma > 0 else { return .exact }
      return .measured(sigma: sigma)
    }
    let years = try model.yearRange()
    var chiSquare = 0.0
    let reconcile = median(
      (0..<7).map { _ in
        seconds {
          chiSquare = (try? model.reconciled(measurements, years: years, byMaterial: false))?.chiSquare ?? .nan
        }
      })
    let results: [String: Double] = [
      "monte_carlo_1000": monteCarlo, "monte_carlo_1000_cpu": median(cpu), "plain_1000": plain, "reconcile": reconcile,
      "chi_square": chiSquare,
      "processes": Double(model.processes.count), "flows": Double(model.flows.count),
    ]
    let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
  }

  private static func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  /// CPU time of the whole process so far (user + system, every thread), in seconds: beside the
  /// wall time it shows how much of a run was waiting for a core on a loaded machine.
  private static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
  }
}
