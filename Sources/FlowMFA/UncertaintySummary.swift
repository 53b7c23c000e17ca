import FlowModel
import FlowQL

/// Combines the tables of the Monte Carlo runs: each numeric column `x` becomes `x` (run 0, the
/// unperturbed model), `x_low`, `x_high` (percentiles of the level) and `x_sd`.
///
/// Rows match across runs on the non-numeric columns before the first numeric one (as in
/// `compare`); the n-th row with the same key matches the n-th. A row some runs lack is kept,
/// with a `runs` column counting the runs that had it.
struct UncertaintySummary {
  var table: Table
  var warnings: [String] = []

  init(_ tables: [Table], level: Double) {
    let base = tables[0]
    let keys = base.columns.prefix { if case .number = $0.values { false } else { true } }.map(\.name)
    func rowKeys(_ t: Table) -> [[Cell]] {
      var seen: [[Cell]: Int] = [:]
      return (0..<t.rowCount).map { row in
        var key = keys.map { t[row: row, column: $0] ?? .text("") }
        let n = seen[key, default: 0]
        seen[key] = n + 1
        key.append(.number(Double(n), .none))
        return key
      }
    }
    let baseKeys = rowKeys(base)
    let numeric = base.columns.filter { if case .number = $0.values { true } else { false } }.map(\.name)
    // samples[column][row] = the values over the runs that have the row.
    var samples = Array(repeating: Array(repeating: [Double](), count: base.rowCount), count: numeric.count)
    var present = [Int](repeating: 0, count: base.rowCount)
    var baseRow: [[Cell]: Int] = [:]
    for (row, key) in baseKeys.enumerated() { baseRow[key] = row }
    for t in tables {
      let columns = numeric.map { name -> [Double]? in
        if case .number(let v)? = t[name]?.values { v } else { nil }
      }
      for (row, key) in rowKeys(t).enumerated() {
        guard let r = baseRow[key] else { continue }
        present[r] += 1
        for (c, values) in columns.enumerated() { samples[c][r].append(values?[row] ?? .nan) }
      }
    }
    var out: [Column] = []
    for column in base.columns {
      out.append(column)
      guard let c = numeric.firstIndex(of: column.name) else { continue }
      let summaries = samples[c].map { SampleSummary($0, level: level) }
      out.append(.number(column.name + "_low", summaries.map(\.low), column.dimension))
      out.append(.number(column.name + "_high", summaries.map(\.high), column.dimension))
      out.append(.number(column.name + "_sd", summaries.map(\.sd), column.dimension))
    }
    let missing = present.filter { $0 < tables.count }.count
    if missing > 0 {
      out.append(.number("runs", present.map(Double.init)))
      warnings.append(
        "\(missing) row\(missing == 1 ? " is" : "s are") missing in some runs; `runs` counts the runs that have each row"
      )
    }
    table = Table(out, caption: base.caption)
  }
}
