import FlowModel
import FlowQL

/// `stock_model of name lifetime dist(…) [years A..B] [by material|cohort] [inflow t | stock t]`:
/// a dynamic stock model whose cohorts leave by a lifetime distribution, inflow- or stock-driven.
struct StockModelVerb: Verb {
  let signature = VerbSignature(
    name: "stock_model",
    summary: """
      Dynamic stock model (as ODYM and flodym): each year's inflow is a cohort that leaves by the \
      lifetime distribution fixed(t), normal(mean, sd), foldednormal(mean, sd), lognormal(mean, sd) \
      or weibull(shape, scale), in years. Inflow-driven from the flows into the process `of`, or \
      from a `let` table with year and a mass column (`inflow t`); stock-driven with `stock t`. \
      Timing as flodym's default (inflow_at = "middle"): inflows arrive at mid-year, stock is \
      counted at the end of the year. Columns: year, [material,] inflow, outflow, stock, \
      stock_change (t); `by cohort`: year, [material,] cohort, stock, outflow.
      """,
    example: "stock_model of \"USE\" lifetime weibull(shape = 2.5, scale = 14) years 2015..2040",
    clauses: [
      .init(
        "of", .one, summary: "the process whose inflows enter the stock (or a label with a table)", values: .processes),
      .init("lifetime", .term, summary: "the lifetime distribution, such as `weibull(shape = 2.5, scale = 14)`"),
      .init(
        "years", .one, summary: "the years to model, as in `2015..2040` (default: the years of the data)",
        values: .years),
      .init("by", .list, summary: "`material` and/or `cohort`", values: .words(["material", "cohort"])),
      .init("inflow", .one, summary: "a `let` table with `year` and a mass column: the inflow of each year"),
      .init("stock", .one, summary: "a `let` table with `year` and a mass column: the stock wanted each year"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let lifetimeClause = call.clause("lifetime"), case .term(let term)? = lifetimeClause.arguments.first else {
      throw VerbError(
        "`stock_model` needs a lifetime", help: "add `lifetime weibull(shape = 2.5, scale = 14)`")
    }
    let lifetime = try LifetimeDistribution(term: term, clause: "lifetime")
    let grouping = try StockModelInput.grouping(call)
    let input = try StockModelInput(call, catalog: catalog, byMaterial: grouping.byMaterial)
    let years = try input.yearRange(call)
    let model = DynamicStockModel(lifetime: lifetime, years: years.count)
    var warnings: [String] = []
    var results: [(material: String?, result: DynamicStockResult)] = []
    for (material, series) in input.series {
      if isCancelled() { break }
      let values = try input.aligned(series, to: years, material: material)
      let result: DynamicStockResult
      if input.stockDriven {
        do { result = try model.stockDriven(values) } catch { throw VerbError(error.description, clause: "lifetime") }
        let negative = result.negativeInflowYears.map { years.lowerBound + $0 }
        if !negative.isEmpty { warnings.append(Self.negativeInflowWarning(negative, material: material)) }
      } else {
        result = model.inflowDriven(values)
      }
      results.append((material, result))
    }
    let mode = input.stockDriven ? "stock-driven" : "inflow-driven"
    let caption = "stock_model of \(input.name) · \(lifetime.text) · \(mode) · \(years.lowerBound)–\(years.upperBound)"
    let table =
      grouping.byCohort
      ? Self.cohortTable(results, firstYear: years.lowerBound, byMaterial: grouping.byMaterial)
      : Self.totalsTable(results, firstYear: years.lowerBound, byMaterial: grouping.byMaterial)
    return VerbOutput(table.captioned(caption), warnings: warnings)
  }

  static func negativeInflowWarning(_ years: [Int], material: String?) -> String {
    let listed = years.prefix(8).map(String.init).joined(separator: ", ") + (years.count > 8 ? ", …" : "")
    return "stock_model: the stock falls faster than its cohorts leave, so the inflow is negative in "
      + "\(years.count == 1 ? "year" : "years") \(listed)\(material.map { " (\($0))" } ?? ""); "
      + "the values are kept, not clipped (ODYM issue #10)"
  }
}
