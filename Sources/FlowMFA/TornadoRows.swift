import FlowModel
import FlowQL

/// The rows of a `sensitivity` table: one per input (and per row of the query's table).
struct TornadoRows {
  let base: Table
  let result: String
  private let baseValues: [Double]
  private var keyRows: [Int] = []
  private var parameter: [String] = []
  private var low: [Double] = []
  private var high: [Double] = []
  private var resultLow: [Double] = []
  private var resultHigh: [Double] = []

  init(base: Table, result: String) {
    self.base = base
    self.result = result
    baseValues = (try? SensitivityVerb.values(base, result)) ?? []
  }

  mutating func append(_ input: UncertainInput, low lows: [Double], high highs: [Double]) {
    for row in baseValues.indices {
      keyRows.append(row)
      parameter.append(input.name)
      low.append(input.low)
      high.append(input.high)
      resultLow.append(row < lows.count ? lows[row] : .nan)
      resultHigh.append(row < highs.count ? highs[row] : .nan)
    }
  }

  /// Sorted by swing (largest first, then by name), the `top` largest kept.
  func table(top: Int?, caption: String) -> Table {
    let swing = zip(resultLow, resultHigh).map { abs($1 - $0) }
    var order = swing.indices.sorted {
      (-swing[$0], parameter[$0], keyRows[$0]) < (-swing[$1], parameter[$1], keyRows[$1])
    }
    if let top { order = Array(order.prefix(top)) }
    let dimension = base[result]?.dimension ?? .none
    var columns: [Column] = base.columns.filter { if case .number = $0.values { false } else { true } }.map {
      $0.gathering(order.map { keyRows[$0] })
    }
    let baseAt = order.map { baseValues[keyRows[$0]] }
    columns += [
      .text("parameter", order.map { parameter[$0] }),
      .number("low", order.map { low[$0] }), .number("high", order.map { high[$0] }),
      .number("result_low", order.map { resultLow[$0] }, dimension),
      .number("result_high", order.map { resultHigh[$0] }, dimension),
      .number("swing", order.map { swing[$0] }, dimension),
      .number("change_low", zip(order, baseAt).map { resultLow[$0] - $1 }, dimension),
      .number("change_high", zip(order, baseAt).map { resultHigh[$0] - $1 }, dimension),
    ]
    return Table(columns, caption: caption)
  }

  /// A tornado: the change at each end as bars stacked around zero (the base value), in the
  /// table's order (largest swing first).
  static func chart(_ table: Table, result: String) -> ChartRequest {
    var seen = Set<String>()
    let order =
      table["parameter"].map { column in
        (0..<column.count).compactMap { row -> String? in
          guard case .text(let name) = column[row: row], seen.insert(name).inserted else { return nil }
          return name
        }
      } ?? []
    let title = "Change of \(result) at the low and high end of each input"
    let settings: [ChartSetting] = [
      ChartSetting(.x, .name("parameter")),
      ChartSetting(.y, .names(["change_low", "change_high"])),
      ChartSetting(.sort, .names(order)),
      ChartSetting(.title, .text(title)),
    ]
    return ChartRequest(kind: .bar, settings: settings)
  }
}
