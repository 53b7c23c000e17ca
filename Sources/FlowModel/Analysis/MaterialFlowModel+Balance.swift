extension MaterialFlowModel {
  /// The mass balance of each process and year: inputs − outputs − stock change.
  ///
  /// Boundary sources and sinks balance against the outside world: they are left out unless
  /// named, and when named show their totals with zero imbalance. A last `SYSTEM` row per year
  /// (and material) balances the whole system: boundary inflows − boundary outflows − total
  /// stock change.
  ///
  /// Columns: `year, process, [material,] inputs, outputs, stock_change, imbalance` (t),
  /// `imbalance_pct` (ratio of inputs), `ok` (|imbalance| ≤ tolerance × max(inputs, outputs)).
  /// ```
  /// try model.balance(of: ["SEP"], years: 2022...2022)
  /// ```
  /// - Parameters:
  ///   - processes: process ids to report, or `nil` for every non-boundary process.
  ///   - years: the years, or `nil` for every year of the model.
  ///   - byMaterial: one row per material instead of one per process.
  ///   - tolerance: the relative tolerance of `ok` (default 1e-6).
  /// - Throws: ``FlowModelError`` for an unknown process or a year outside the model.
  /// - Complexity: O(flows + processes × years × materials).
  public func balance(
    of processes: [String]? = nil, years: ClosedRange<Int>? = nil, byMaterial: Bool = false,
    tolerance: Double = 1e-6
  ) throws -> Table {
    let range = try resolvedYears(years)
    let selected = try resolvedProcesses(processes)
    var builder = BalanceRows(byMaterial: byMaterial, tolerance: tolerance)
    forEachBalanceRow(range, selected, byMaterial: byMaterial) { year, process, material, i, o, s in
      builder.append(year: year, process: process, material: material, inputs: i, outputs: o, stockChange: s)
    }
    return builder.table(caption: "balance · \(name) · \(yearLabel(range))")
  }
}

extension MaterialFlowModel {
  /// Whether every process balances in every year (relative tolerance 1e-6): every `ok` of
  /// ``balance(of:years:byMaterial:tolerance:)`` with its defaults, without building the table.
  public var isMassBalanced: Bool {
    guard let range = try? resolvedYears(nil) else { return false }
    var balanced = true
    forEachBalanceRow(range, nil, byMaterial: false) { _, _, _, i, o, s in
      if !BalanceRows.isBalanced(inputs: i, outputs: o, stockChange: s, tolerance: 1e-6) { balanced = false }
    }
    return balanced
  }

  /// Each row of the balance over `range`: year, process (or `SYSTEM`), material (`""` unless
  /// `byMaterial`), inputs, outputs and stock change; `selected` process indices, or every
  /// non-boundary process and the `SYSTEM` row.
  private func forEachBalanceRow(
    _ range: ClosedRange<Int>, _ selected: [Int]?, byMaterial: Bool,
    _ row: (Int, String, String, Double, Double, Double) -> Void
  ) {
    let p = self.processes.count
    let m = byMaterial ? max(index.materials.count, 1) : 1
    let y = index.years.count
    var inputs = [Double](repeating: 0, count: y * p * m)
    var outputs = inputs
    var stockChange = inputs
    for (yi, flowRange) in index.yearRanges.enumerated() where range.contains(index.years[yi]) {
      for i in flowRange {
        let mi = byMaterial ? index.material[i] : 0
        inputs[(yi * p + index.target[i]) * m + mi] += flows.masses[i]
        outputs[(yi * p + index.source[i]) * m + mi] += flows.masses[i]
      }
    }
    for record in stocks {
      guard let yi = index.yearPosition(record.year), let pi = index.processIndex[record.process]
      else { continue }
      let mi = byMaterial ? (index.materialIndex[record.material] ?? 0) : 0
      stockChange[(yi * p + pi) * m + mi] += record.stockChange
    }
    let rows = selected ?? self.processes.indices.filter { !self.processes[$0].isBoundary }
    for (yi, year) in index.years.enumerated() where range.contains(year) {
      for mi in 0..<m {
        let material = byMaterial ? index.materials[mi] : ""
        var boundaryIn = 0.0
        var boundaryOut = 0.0
        var totalStock = 0.0
        for pi in 0..<p {
          let k = (yi * p + pi) * m + mi
          switch self.processes[pi].kind {
          case .source: boundaryIn += outputs[k]
          case .sink: boundaryOut += inputs[k]
          default: totalStock += stockChange[k]
          }
        }
        for pi in rows {
          let k = (yi * p + pi) * m + mi
          let boundary = self.processes[pi].isBoundary
          row(
            year, self.processes[pi].id, material, inputs[k], outputs[k],
            boundary ? inputs[k] - outputs[k] : stockChange[k])
        }
        if selected == nil { row(year, "SYSTEM", material, boundaryIn, boundaryOut, totalStock) }
      }
    }
  }
}

/// Collects balance rows column by column.
private struct BalanceRows {
  let byMaterial: Bool
  let tolerance: Double
  var years: [Int] = []
  var processes: [String] = []
  var materials: [String] = []
  var inputs: [Double] = []
  var outputs: [Double] = []
  var stockChange: [Double] = []
  var imbalance: [Double] = []
  var imbalancePct: [Double] = []
  var ok: [Bool] = []

  init(byMaterial: Bool, tolerance: Double) {
    self.byMaterial = byMaterial
    self.tolerance = tolerance
  }

  mutating func append(
    year: Int, process: String, material: String, inputs i: Double, outputs o: Double,
    stockChange s: Double
  ) {
    let gap = i - o - s
    years.append(year)
    processes.append(process)
    materials.append(material)
    inputs.append(i)
    outputs.append(o)
    stockChange.append(s)
    imbalance.append(gap)
    imbalancePct.append(i > 0 ? gap / i : (gap == 0 ? 0 : .nan))
    ok.append(Self.isBalanced(inputs: i, outputs: o, stockChange: s, tolerance: tolerance))
  }

  /// Whether |inputs − outputs − stock change| ≤ tolerance × max(inputs, outputs).
  static func isBalanced(inputs i: Double, outputs o: Double, stockChange s: Double, tolerance: Double) -> Bool {
    abs(i - o - s) <= tolerance * max(i, o, 1e-9)
  }

  func table(caption: String) -> Table {
    var columns: [Column] = [.year("year", years), .text("process", processes)]
    if byMaterial { columns.append(.text("material", materials)) }
    columns += [
      .number("inputs", inputs, .mass), .number("outputs", outputs, .mass),
      .number("stock_change", stockChange, .mass), .number("imbalance", imbalance, .mass),
      .number("imbalance_pct", imbalancePct, .ratio), .bool("ok", ok),
    ]
    return Table(columns, caption: caption)
  }
}
