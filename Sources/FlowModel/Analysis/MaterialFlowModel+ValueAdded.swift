/// How ``MaterialFlowModel/valueAdded(by:years:)`` groups its rows.
public enum ValueAddedGrouping: String, Sendable, Hashable, CaseIterable {
  /// One row per process and year.
  case process
  /// One row per stage and year (flows inside a stage cancel out).
  case stage
}

extension MaterialFlowModel {
  /// Value added per process or stage and year: value of outputs − value of inputs.
  ///
  /// Boundary sources and sinks and stocks are left out. Flows into loss processes carry no
  /// value, so a loss lowers value added. `share` is the row's share of the year's total value
  /// added (may be negative).
  ///
  /// Columns: `year, process|stage, input_value, output_value, value_added` (US$), `share`.
  /// - Throws: ``FlowModelError`` for a year outside the model.
  /// - Complexity: O(flows + processes × years).
  public func valueAdded(by grouping: ValueAddedGrouping = .process, years: ClosedRange<Int>? = nil)
    throws -> Table
  {
    let range = try resolvedYears(years)
    var groups: [String] = []
    var groupOf = [Int](repeating: -1, count: processes.count)
    var known: [String: Int] = [:]
    for (p, process) in processes.enumerated()
    where process.kind != .source && process.kind != .sink && process.kind != .stock {
      let label = grouping == .process ? process.id : process.stage
      if let g = known[label] {
        groupOf[p] = g
      } else {
        known[label] = groups.count
        groupOf[p] = groups.count
        groups.append(label)
      }
    }
    var yearColumn: [Int] = []
    var labels: [String] = []
    var inputs: [Double] = []
    var outputs: [Double] = []
    var added: [Double] = []
    var shares: [Double] = []
    for (yi, year) in index.years.enumerated() where range.contains(year) {
      var input = [Double](repeating: 0, count: groups.count)
      var output = input
      for i in index.yearRanges[yi] {
        let s = groupOf[index.source[i]]
        let t = groupOf[index.target[i]]
        if s >= 0 && s == t { continue }  // inside one stage
        if t >= 0 { input[t] += flows[i].value }
        if s >= 0 { output[s] += flows[i].value }
      }
      let total = zip(output, input).reduce(0) { $0 + $1.0 - $1.1 }
      for g in groups.indices {
        yearColumn.append(year)
        labels.append(groups[g])
        inputs.append(input[g])
        outputs.append(output[g])
        added.append(output[g] - input[g])
        shares.append(total != 0 ? (output[g] - input[g]) / total : 0)
      }
    }
    return Table(
      [
        .year("year", yearColumn), .text(grouping.rawValue, labels),
        .number("input_value", inputs, .money), .number("output_value", outputs, .money),
        .number("value_added", added, .money), .number("share", shares, .ratio),
      ], caption: "value added by \(grouping.rawValue) · \(name) · \(yearLabel(range))")
  }
}
