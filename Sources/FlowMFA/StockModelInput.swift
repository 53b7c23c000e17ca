import FlowModel
import FlowQL

/// What a `stock_model` call models: the series by material (one unnamed series unless
/// `by material`), from the current model's flows into a process or from a `let` table.
struct StockModelInput {
  /// The stock's name for the caption (a process id or the label after `of`).
  var name: String
  /// Whether `stock t` gave the stock (otherwise the series are inflows).
  var stockDriven: Bool
  /// Year → mass, per material (nil material without `by material`), materials sorted.
  var series: [(material: String?, values: [Int: Double])]
  /// The clause the series came from, for errors.
  var clause: String

  /// `by material` and `by cohort`.
  static func grouping(_ call: VerbCall) throws -> (byMaterial: Bool, byCohort: Bool) {
    guard let clause = call.clause("by") else { return (false, false) }
    var words = Set<String>()
    for argument in clause.arguments {
      guard let word = argument.text?.lowercased(), ["material", "cohort"].contains(word) else {
        let given = argument.text ?? "a value"
        throw VerbError(
          "`stock_model … by` takes `material` or `cohort`, not `\(given)`",
          help: Suggestions.didYouMean(given, in: ["material", "cohort"]), clause: "by")
      }
      words.insert(word)
    }
    return (words.contains("material"), words.contains("cohort"))
  }

  init(_ call: VerbCall, catalog: Catalog, byMaterial: Bool) throws {
    guard let of = call.clause("of")?.arguments.first?.text else {
      throw VerbError(
        "`stock_model` needs `of` and a process (or a label for a table)", help: "e.g. `stock_model of \"USE\" …`")
    }
    let inflow = call.clause("inflow")
    let stock = call.clause("stock")
    if inflow != nil && stock != nil {
      throw VerbError(
        "give either `inflow` or `stock`, not both", help: "`inflow t` is inflow-driven, `stock t` stock-driven",
        clause: "stock")
    }
    stockDriven = stock != nil
    if let table = inflow ?? stock {
      clause = table.keyword
      name = of
      series = try Self.series(table, tables: call.tables, byMaterial: byMaterial)
    } else {
      clause = "of"
      let context = try MFAContext(call, catalog)
      let id = try context.processID(of, clause: "of")
      name = id
      var sums: [String: [Int: Double]] = [:]
      for flow in context.model.flows where flow.target == id {
        sums[byMaterial ? flow.material : "", default: [:]][flow.year, default: 0] += flow.mass
      }
      if sums.isEmpty {
        throw VerbError(
          "no flows enter `\(id)` in model `\(context.modelName)`", help: "name a process that receives flows",
          clause: "of")
      }
      series = sums.keys.sorted().map { (byMaterial ? $0 : nil, sums[$0] ?? [:]) }
    }
  }

  /// The series of a `let` table named by `clause`: its `year` column and its mass column.
  private static func series(
    _ clause: VerbClause, tables: [String: Table], byMaterial: Bool
  ) throws -> [(material: String?, values: [Int: Double])] {
    let keyword = clause.keyword
    guard clause.arguments.count == 1, let name = clause.arguments[0].text else {
      throw VerbError("`\(keyword)` takes the name of a `let` table", help: "e.g. `\(keyword) demand`", clause: keyword)
    }
    guard let table = tables[name] else {
      throw VerbError(
        "no table `\(name)`",
        help: Suggestions.didYouMean(name, in: tables.keys.sorted())
          ?? "make one first: `let \(name) = flows | summarize mass = sum(mass) by year`", clause: keyword)
    }
    let years = try Self.years(table, name: name, clause: keyword)
    let mass = try Self.massColumn(table, name: name, clause: keyword)
    var materials: [String]?
    if byMaterial {
      guard case .text(let column)? = table["material"]?.values else {
        throw VerbError(
          "`by material` needs a text column `material` in `\(name)`",
          help: "columns: " + table.columnNames.joined(separator: ", "), clause: "by")
      }
      materials = Array(column)
    }
    var sums: [String: [Int: Double]] = [:]
    for row in 0..<table.rowCount {
      guard mass[row].isFinite else {
        throw VerbError(
          "`\(name)` has no mass in year \(years[row])", help: "fill or drop the row before modelling it",
          clause: keyword)
      }
      sums[materials?[row] ?? "", default: [:]][years[row], default: 0] += mass[row]
    }
    if sums.isEmpty { throw VerbError("`\(name)` has no rows", clause: keyword) }
    return sums.keys.sorted().map { (byMaterial ? $0 : nil, sums[$0] ?? [:]) }
  }

  private static func years(_ table: Table, name: String, clause: String) throws -> [Int] {
    switch table["year"]?.values {
    case .year(let y)?: return y
    case .number(let v)? where v.allSatisfy { $0.rounded() == $0 && abs($0) < 1e6 }: return v.map { Int($0) }
    default:
      throw VerbError(
        "`\(name)` has no `year` column", help: "columns: " + table.columnNames.joined(separator: ", "),
        clause: clause)
    }
  }

  /// The mass column: the one called `mass`, `inflow` or `stock`, else the only mass column.
  private static func massColumn(_ table: Table, name: String, clause: String) throws -> [Double] {
    let masses = table.columns.filter { $0.dimension == .mass }
    let preferred = masses.first { ["mass", clause].contains($0.name) }
    guard let column = preferred ?? (masses.count == 1 ? masses.first : nil),
      case .number(let values) = column.values
    else {
      let help =
        masses.isEmpty
        ? "add one in tonnes, e.g. `| derive mass = value * 1 t`"
        : "name the one to use `mass`: " + masses.map { "`\($0.name)`" }.joined(separator: ", ")
      throw VerbError(
        masses.isEmpty ? "`\(name)` has no mass column" : "`\(name)` has several mass columns", help: help,
        clause: clause)
    }
    return values
  }

  /// The modelled years: `years A..B`, or the first through the last year of the data.
  func yearRange(_ call: VerbCall) throws -> ClosedRange<Int> {
    let dataYears = series.flatMap { $0.values.keys }
    guard let first = dataYears.min(), let last = dataYears.max() else { throw VerbError("no years to model") }
    guard let clause = call.clause("years") else { return first...last }
    let range: ClosedRange<Int>
    switch clause.arguments.first {
    case .range(let a, let b)? where clause.arguments.count == 1:
      guard a <= b else {
        throw VerbError(
          "the range \(a)..\(b) is empty", help: "write the earlier year first: `\(b)..\(a)`", clause: "years")
      }
      range = a...b
    default:
      throw VerbError("`years` takes a range, as in `years 2015..2040`", clause: "years")
    }
    guard range.count <= 1000 else {
      throw VerbError("\(range.count) years is too many", help: "model at most 1,000 years", clause: "years")
    }
    for y in [first, last] where !range.contains(y) {
      throw VerbError(
        "the \(stockDriven ? "stock" : "inflow") has year \(y), outside years \(range.lowerBound)..\(range.upperBound)",
        help: "widen the range to \(min(first, range.lowerBound))..\(max(last, range.upperBound)) or filter the data",
        clause: "years")
    }
    return range
  }

  /// The series as one value per year of `years`: a missing inflow year is 0; a stock needs
  /// every year.
  func aligned(_ values: [Int: Double], to years: ClosedRange<Int>, material: String?) throws -> [Double] {
    try years.map { year in
      if let v = values[year] { return v }
      guard !stockDriven else {
        throw VerbError(
          "the stock has no value for \(year)\(material.map { " (\($0))" } ?? "")",
          help: "a stock-driven model needs the stock in every year of \(years.lowerBound)..\(years.upperBound)",
          clause: clause)
      }
      return 0
    }
  }
}
