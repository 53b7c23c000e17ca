/// Inflow, outflow and stock of a dynamic stock model, year by year (index 0 is the first year).
public struct DynamicStockResult: Sendable {
  /// The model that produced the result.
  public let model: DynamicStockModel
  /// Inflow of each year (t).
  public let inflow: [Double]
  /// Outflow of each year (t).
  public let outflow: [Double]
  /// Stock at the end of each year (t).
  public let stock: [Double]

  /// `stock(t) − stock(t − 1)`, with no stock before the first year.
  public var stockChange: [Double] {
    stock.indices.map { stock[$0] - ($0 == 0 ? 0 : stock[$0 - 1]) }
  }

  /// The indices of the years with a negative inflow (a stock-driven model whose stock falls
  /// faster than its cohorts leave).
  public var negativeInflowYears: [Int] { inflow.indices.filter { inflow[$0] < 0 } }

  /// The stock at the end of year `t` that entered in year `cohort` (0 for a later cohort).
  public func stock(year t: Int, cohort c: Int) -> Double {
    c <= t ? inflow[c] * model.survival[t - c] : 0
  }

  /// The outflow in year `t` of the goods that entered in year `cohort` (0 for a later cohort).
  public func outflow(year t: Int, cohort c: Int) -> Double {
    c <= t ? inflow[c] * model.leaving[t - c] : 0
  }
}
