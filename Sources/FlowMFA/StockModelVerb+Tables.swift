import FlowModel
import FlowQL

extension StockModelVerb {
  /// `year, [material,] inflow, outflow, stock, stock_change`, one row per year (and material).
  static func totalsTable(
    _ results: [(material: String?, result: DynamicStockResult)], firstYear: Int, byMaterial: Bool
  ) -> Table {
    var year: [Int] = []
    var material: [String] = []
    var inflow: [Double] = []
    var outflow: [Double] = []
    var stock: [Double] = []
    var change: [Double] = []
    for (m, r) in results {
      year += r.stock.indices.map { firstYear + $0 }
      material += Array(repeating: m ?? "", count: r.stock.count)
      inflow += r.inflow
      outflow += r.outflow
      stock += r.stock
      change += r.stockChange
    }
    return Table(
      [.year("year", year)] + (byMaterial ? [.text("material", material)] : []) + [
        .number("inflow", inflow, .mass), .number("outflow", outflow, .mass), .number("stock", stock, .mass),
        .number("stock_change", change, .mass),
      ])
  }

  /// `year, [material,] cohort, stock, outflow`: one row per year and cohort up to that year,
  /// for the cohorts with an inflow. The cohort is text (`"2015"`), so that it can split a
  /// chart's series.
  static func cohortTable(
    _ results: [(material: String?, result: DynamicStockResult)], firstYear: Int, byMaterial: Bool
  ) -> Table {
    var year: [Int] = []
    var material: [String] = []
    var cohort: [String] = []
    var stock: [Double] = []
    var outflow: [Double] = []
    for (m, r) in results {
      for t in r.stock.indices {
        for c in 0...t where r.inflow[c] != 0 {
          year.append(firstYear + t)
          material.append(m ?? "")
          cohort.append(String(firstYear + c))
          stock.append(r.stock(year: t, cohort: c))
          outflow.append(r.outflow(year: t, cohort: c))
        }
      }
    }
    return Table(
      [.year("year", year)] + (byMaterial ? [.text("material", material)] : []) + [
        .text("cohort", cohort), .number("stock", stock, .mass), .number("outflow", outflow, .mass),
      ])
  }
}
