// FlowQL's side of the query-engine benchmark: times CSV load and four queries on a user model.
//
// Usage: flowql-bench FLOWS.csv PROCESSES.csv [RUNS]. Prints one JSON object of median seconds.
// Benchmarks/query_bench.py runs this next to pandas and DuckDB on the same files.
// `flowql-bench --verbs` instead times every bundled-model verb end to end and a large Sankey;
// `flowql-bench --sankey-crossings [DIR]` prints the bundled model's Sankey crossings (SVGs to DIR);
// `flowql-bench --stocks SERIES` times dynamic stock models (Benchmarks/stock_bench.py).
import FlowModel
import FlowQL
import Foundation

let arguments = CommandLine.arguments
if arguments.count == 2, arguments[1] == "--verbs" {
  EndToEndBench.run()
  exit(0)
}
if arguments.count >= 2, arguments.count <= 3, arguments[1] == "--sankey-crossings" {
  SankeyCrossingsBench.run(svgDirectory: arguments.count == 3 ? arguments[2] : nil)
  exit(0)
}
if arguments.count == 3, arguments[1] == "--stocks" {
  try StockBench.run(seriesFile: arguments[2])
} else if arguments.count == 4, arguments[1] == "--uncertainty" {
  try UncertaintyBench.run(flows: URL(fileURLWithPath: arguments[2]), processes: URL(fileURLWithPath: arguments[3]))
  exit(0)
}
if arguments.count == 4, arguments[1] == "--load" {
  // One load of a (large) file: seconds and memory, for Benchmarks/query_bench.py's 10M-row line.
  let base = residentBytes()
  let start = DispatchTime.now().uptimeNanoseconds
  let model = try MaterialFlowModel.load(
    flowsCSV: URL(fileURLWithPath: arguments[2]), processesCSV: URL(fileURLWithPath: arguments[3]))
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  let rows = Double(model.flowsTable().rowCount)
  _ = trimMalloc(0)
  let resident = residentBytes()
  withExtendedLifetime(model) {}
  let json = try JSONSerialization.data(
    withJSONObject: [
      "seconds": elapsed, "rows": rows, "bytes per row": Double(resident - base) / rows,
      "peak bytes per row": Double(peakBytes() - base) / rows,
    ], options: [.sortedKeys])
  print(String(decoding: json, as: UTF8.self))
  exit(0)
}
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: flowql-bench FLOWS.csv PROCESSES.csv [RUNS]\n".utf8))
  exit(2)
}
let flowsURL = URL(fileURLWithPath: arguments[1])
let processesURL = URL(fileURLWithPath: arguments[2])
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Returns freed heap pages to the system (glibc), so RSS shows what is still in use.
@_silgen_name("malloc_trim") func trimMalloc(_ pad: Int) -> Int32

/// The resident set size now, from /proc/self/statm.
func residentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// The largest resident set size so far (getrusage).
func peakBytes() -> Int {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return usage.ru_maxrss * 1024
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

// Resident memory the loaded model holds: RSS after one load (freed pages returned with
// malloc_trim) minus RSS before, per row; the flows table shares the model's columns.
let baseBytes = residentBytes()
var model = try MaterialFlowModel.load(flowsCSV: flowsURL, processesCSV: processesURL)
_ = trimMalloc(0)
let modelBytes = Double(residentBytes() - baseBytes)
let peakModelBytes = Double(peakBytes() - baseBytes)
var loadTimes: [Double] = []
for _ in 0..<max(1, runs / 2) {
  loadTimes.append(try seconds { model = try MaterialFlowModel.load(flowsCSV: flowsURL, processesCSV: processesURL) })
}
var tableTimes: [Double] = []
var flows = model.flowsTable()
for _ in 0..<runs { tableTimes.append(seconds { flows = model.flowsTable() }) }
var session = Session(catalog: Catalog(tables: ["flows": flows, "processes": model.processesTable()]))

let queries: [(String, String)] = [
  ("filter", "flows | where mass > 500 and year >= 2010 | summarize n = count()"),
  ("group-by sum", "flows | summarize total = sum(mass) by source, year"),
  ("join + group-by", "flows | join processes on source = id | summarize total = sum(mass) by stage"),
  ("sort", "flows | sort -mass"),
]
var results: [String: Double] = [
  "csv load": median(loadTimes) + median(tableTimes), "rows": Double(flows.rowCount),
  "bytes per row": modelBytes / Double(flows.rowCount), "peak bytes per row": peakModelBytes / Double(flows.rowCount),
]
for (name, query) in queries {
  let check = session.run(query)
  guard check.succeeded else {
    FileHandle.standardError.write(Data("\(name) failed:\n\(check.renderedErrors)\n".utf8))
    exit(1)
  }
  var times: [Double] = []
  for _ in 0..<runs { times.append(seconds { _ = session.run(query) }) }
  results[name] = median(times)
}
let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
