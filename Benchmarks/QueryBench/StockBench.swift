import FlowModel
import Foundation

/// Dynamic stock models, 200 cohorts × 200 years, for each lifetime distribution: inflow-driven
/// and stock-driven, on the series in `SERIES` (one number a line). Prints one JSON object of
/// median seconds, keyed `distribution inflow|stock`, and the stock of the last year of each run
/// so that Benchmarks/stock_bench.py can check it against flodym's.
enum StockBench {
  static func run(seriesFile: String) throws {
    let series = try String(contentsOfFile: seriesFile, encoding: .utf8)
      .split(whereSeparator: \.isNewline).compactMap { Double($0) }
    let distributions: [(String, LifetimeDistribution)] = [
      ("fixed", .fixed(years: 15)), ("normal", .normal(mean: 15, sd: 5)),
      ("foldednormal", .foldedNormal(mean: 15, sd: 5)), ("lognormal", .logNormal(mean: 15, sd: 5)),
      ("weibull", .weibull(shape: 2.5, scale: 15)),
    ]
    var results: [String: Double] = [:]
    for (name, lifetime) in distributions {
      var last = 0.0
      let inflow = EndToEndBench.median(
        (0..<21).map { _ in
          EndToEndBench.time {
            last = DynamicStockModel(lifetime: lifetime, years: series.count).inflowDriven(series).stock.last ?? 0
          }
        })
      results["\(name) inflow"] = inflow
      results["\(name) inflow check"] = last
      let stock = EndToEndBench.median(
        (0..<21).map { _ in
          EndToEndBench.time {
            last =
              (try? DynamicStockModel(lifetime: lifetime, years: series.count).stockDriven(series))?.inflow.last ?? 0
          }
        })
      results["\(name) stock"] = stock
      results["\(name) stock check"] = last
    }
    let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
  }
}
