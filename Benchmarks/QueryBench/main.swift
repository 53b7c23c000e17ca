// FlowQL's side of the query-engine benchmark: times CSV load and four queries on a user model.
//
// Usage: flowql-bench FLOWS.csv PROCESSES.csv [RUNS]. Prints one JSON object of median seconds.
// Benchmarks/query_bench.py runs this next to pandas and DuckDB on the same files.
// `flowql-bench --verbs` instead times every bundled-model verb end to end and a large Sankey;
// `flowql-bench --stocks SERIES` times dynamic stock models (Benchmarks/stock_bench.py).
import FlowModel
import FlowQL
import Foundation

let arguments = CommandLine.arguments
if arguments.count == 2, arguments[1] == "--verbs" {
  EndToEndBench.run()
  exit(0)
}
if arguments.count == 3, arguments[1] == "--stocks" {
  try StockBench.run(seriesFile: arguments[2])
} else if arguments.count == 4, arguments[1] == "--uncertainty" {
  try UncertaintyBench.run(flows: URL(fileURLWithPath: arguments[2]), processes: URL(fileURLWithPath: arguments[3]))
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

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

var model = try MaterialFlowModel.load(flowsCSV: flowsURL, processesCSV: processesURL)
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
