import FlowModel

/// A table reshaped for x/y charts: categories along x, one value row per series.
struct SeriesData: Sendable {
  /// The x labels, in drawing order.
  var categories: [String]
  /// Numeric x positions when x is ordered (years, numbers); `nil` for text categories.
  var positions: [Double]?
  /// Whether x holds years (labels without thousands separators, integer ticks).
  var isYear: Bool
  /// The series names (the value column's name when there is a single series).
  var names: [String]
  /// `values[series][category]` in base units; `nan` where the table has no row.
  var values: [[Double]]
  /// Notes for the caller.
  var warnings: [String] = []
  /// `bounds[series][category]` (low, high) in base units, when the chart draws bounds.
  var bounds: [[(low: Double, high: Double)]]? = nil

  /// The most series drawn; the rest are summed into "Other".
  static let maxSeries = 8

  /// Reshapes `table` as `chart` describes: long form (one value column split by a series
  /// column) or wide form (several value columns). Rows sharing x and series are added.
  init(_ table: Table, chart: ResolvedChart, order: [String]) {
    let xColumn = table[chart.x]
    var keys: [String] = []
    var positionOf: [String: Double] = [:]
    var indexOf: [String: Int] = [:]
    var rowCategory: [Int] = []
    isYear = false
    var ordered = false
    if let xColumn {
      let format = ColumnFormat(xColumn, options: DisplayOptions())
      isYear = format.isYear
      switch xColumn.values {
      case .year, .number: ordered = true
      case .text, .bool: ordered = false
      }
      for row in 0..<table.rowCount {
        let cell = xColumn[row: row]
        let key = format.text(cell, minus: NumberText.typographicMinus)
        if indexOf[key] == nil {
          indexOf[key] = keys.count
          keys.append(key)
          switch cell {
          case .year(let y): positionOf[key] = Double(y)
          case .number(let v, _): positionOf[key] = v
          default: break
          }
        }
        rowCategory.append(indexOf[key] ?? 0)
      }
    }
    var seriesNames: [String] = []
    var seriesIndex: [String: Int] = [:]
    var cells: [[Double]] = []
    var duplicates = 0
    func add(_ series: String, _ category: Int, _ value: Double) {
      let s: Int
      if let existing = seriesIndex[series] {
        s = existing
      } else {
        s = seriesNames.count
        seriesIndex[series] = s
        seriesNames.append(series)
        cells.append([Double](repeating: .nan, count: keys.count))
      }
      if cells[s][category].isNaN {
        cells[s][category] = value
      } else if !value.isNaN {
        cells[s][category] += value
        duplicates += 1
      }
    }
    if let seriesName = chart.series, case .text(let labels)? = table[seriesName]?.values,
      let yName = chart.y.first, case .number(let v)? = table[yName]?.values
    {
      for row in 0..<table.rowCount { add(labels[row], rowCategory[row], v[row]) }
    } else {
      for yName in chart.y {
        guard case .number(let v)? = table[yName]?.values else { continue }
        if seriesIndex[yName] == nil {
          seriesIndex[yName] = seriesNames.count
          seriesNames.append(yName)
          cells.append([Double](repeating: .nan, count: keys.count))
        }
        for row in 0..<table.rowCount { add(yName, rowCategory[row], v[row]) }
      }
    }
    categories = keys
    positions = ordered ? keys.map { positionOf[$0] ?? 0 } : nil
    names = seriesNames
    values = cells
    if duplicates > 0 {
      warnings.append(
        "\(duplicates) rows repeat an x value\(chart.series == nil ? "" : " and series"); their values were added")
    }
    orderCategories(kind: chart.kind, explicit: order, sort: chart.sort)
  }

  /// The number of categories.
  var count: Int { categories.count }

  /// The total of each category over all series (missing values count as 0).
  var categoryTotals: [Double] {
    (0..<count).map { c in values.reduce(0) { $0 + ($1[c].isNaN ? 0 : $1[c]) } }
  }

  /// The total of each series over all categories.
  var seriesTotals: [Double] {
    values.map { row in row.reduce(0) { $0 + ($1.isNaN ? 0 : abs($1)) } }
  }

  /// Orders categories: an explicit list first; else `sort` (`value`: largest first, ties by
  /// name; `name`; `none`: table order); automatically, ordered x ascending and bar/pie
  /// categories by value.
  private mutating func orderCategories(kind: ChartKind, explicit: [String], sort: ChartSpec.Sort) {
    var permutation = Array(0..<count)
    let totals = categoryTotals
    let byValue = { (a: Int, b: Int) in
      totals[a] != totals[b] ? totals[a] > totals[b] : self.categories[a] < self.categories[b]
    }
    if !explicit.isEmpty {
      let rank = Dictionary(explicit.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      permutation.sort { (rank[categories[$0]] ?? Int.max, $0) < (rank[categories[$1]] ?? Int.max, $1) }
    } else {
      switch sort {
      case .none: break
      case .name: permutation.sort { (categories[$0], $0) < (categories[$1], $1) }
      case .value: permutation.sort(by: byValue)
      case .automatic:
        if let positions {
          permutation.sort { (positions[$0], $0) < (positions[$1], $1) }
        } else if kind == .bar || kind == .pie {
          permutation.sort(by: byValue)
        }
      }
    }
    categories = permutation.map { categories[$0] }
    positions = positions.map { p in permutation.map { p[$0] } }
    values = values.map { row in permutation.map { row[$0] } }
  }

  /// Orders series by total, largest first (ties by name), for stacks: largest at the bottom.
  mutating func orderSeriesByTotal() {
    let totals = seriesTotals
    let permutation = Array(0..<names.count).sorted { a, b in
      totals[a] != totals[b] ? totals[a] > totals[b] : names[a] < names[b]
    }
    names = permutation.map { names[$0] }
    values = permutation.map { values[$0] }
  }

  /// Keeps the `maxSeries - 1` largest series and sums the rest into "Other".
  mutating func lumpSmallSeries() {
    guard names.count > Self.maxSeries else { return }
    let totals = seriesTotals
    let ranked = Array(0..<names.count).sorted { a, b in
      totals[a] != totals[b] ? totals[a] > totals[b] : names[a] < names[b]
    }
    let keep = Set(ranked.prefix(Self.maxSeries - 1))
    var other = [Double](repeating: .nan, count: count)
    for s in 0..<names.count where !keep.contains(s) {
      for c in 0..<count where !values[s][c].isNaN {
        other[c] = (other[c].isNaN ? 0 : other[c]) + values[s][c]
      }
    }
    let lumped = names.count - keep.count
    let kept = (0..<names.count).filter { keep.contains($0) }
    names = kept.map { names[$0] } + ["Other"]
    values = kept.map { values[$0] } + [other]
    warnings.append("\(lumped) smaller series were summed into \"Other\" (at most \(Self.maxSeries) series are drawn)")
  }
}
