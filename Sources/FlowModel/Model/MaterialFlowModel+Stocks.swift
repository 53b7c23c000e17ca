/// A known stock level of a `stock` process: the stock at the end of `year`, or at the start of
/// the model's first year when `year` is `nil`.
struct StockAnchor: Sendable, Hashable {
  /// The stock process.
  var process: String
  /// The material.
  var material: String
  /// The year whose end the stock is given for, or `nil` for the start of the first year.
  var year: Int?
  /// The stock, in t.
  var stock: Double
}

extension MaterialFlowModel {
  /// The stock records of every process of kind `stock`, accumulated from its flows.
  ///
  /// Per year and material, the stock change is inputs − outputs and the stock is the initial
  /// stock plus the running sum of the changes. The initial stock is 0 unless an anchor gives
  /// the stock at the end of a year (then the initial stock is that stock minus the changes up
  /// to and including that year) or at the start of the first year.
  /// - Complexity: O(flows + stock processes × materials × years).
  static func accumulatedStocks(
    processes: [Process], flows: [Flow], anchors: [StockAnchor] = []
  ) -> [StockRecord] {
    let stockIDs = processes.filter { $0.kind == .stock }.map(\.id)
    guard !stockIDs.isEmpty else { return [] }
    let isStock = Set(stockIDs)
    struct Key: Hashable {
      var process: String, material: String
    }
    var change: [Key: [Int: Double]] = [:]
    var materials: [String] = []
    for flow in flows {
      if !materials.contains(flow.material) { materials.append(flow.material) }
      if isStock.contains(flow.target) {
        change[Key(process: flow.target, material: flow.material), default: [:]][flow.year, default: 0] += flow.mass
      }
      if isStock.contains(flow.source) {
        change[Key(process: flow.source, material: flow.material), default: [:]][flow.year, default: 0] -= flow.mass
      }
    }
    var initial: [Key: Double] = [:]
    for anchor in anchors {
      let key = Key(process: anchor.process, material: anchor.material)
      if !materials.contains(anchor.material) { materials.append(anchor.material) }
      let before = (change[key] ?? [:]).filter { year, _ in anchor.year.map { year <= $0 } ?? false }
      initial[key] = anchor.stock - before.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
    }
    let years = Set(flows.map(\.year)).sorted()
    var records: [StockRecord] = []
    var running: [Key: Double] = initial
    for year in years {
      for process in stockIDs {
        for material in materials {
          let key = Key(process: process, material: material)
          guard change[key] != nil || initial[key] != nil else { continue }
          let delta = change[key]?[year] ?? 0
          running[key, default: 0] += delta
          records.append(
            StockRecord(year: year, process: process, material: material, stock: running[key]!, stockChange: delta))
        }
      }
    }
    return records
  }

  /// The initial stocks behind `stocks`: each stock's first record less its change.
  var initialStockAnchors: [StockAnchor] {
    var seen = Set<[String]>()
    var anchors: [StockAnchor] = []
    for record in stocks where seen.insert([record.process, record.material]).inserted {
      anchors.append(
        StockAnchor(
          process: record.process, material: record.material, year: nil, stock: record.stock - record.stockChange))
    }
    return anchors
  }
}
