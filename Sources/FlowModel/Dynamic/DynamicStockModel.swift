/// A dynamic stock model over consecutive years: cohorts enter with the inflow and leave by a
/// lifetime distribution (as ODYM and flodym compute them).
///
/// **Timing** (flodym's default, `inflow_at = "middle"`, one point per period): a year's inflow
/// arrives at mid-year, and stock is counted at the end of the year. A cohort that entered in
/// year `c` has age `t − c + ½` at the end of year `t`, so its surviving share is
/// `sf(t, c) = S(t − c + ½)`; the outflow of year `t` is what left between the ends of years
/// `t − 1` and `t` (for `t = c`, since arrival: `1 − S(½)`).
///
/// ```
/// let model = DynamicStockModel(lifetime: .fixed(years: 3), years: 8)
/// let result = model.inflowDriven([1, 2, 3, 0, 0, 0, 0, 0])
/// result.outflow  // [0, 0, 0, 1, 2, 3, 0, 0]: the inflow shifted by three years
/// ```
public struct DynamicStockModel: Sendable {
  /// The lifetime of every cohort.
  public let lifetime: LifetimeDistribution
  /// `survival[k]`: the share of a cohort left at the end of its `k`-th year after arrival.
  public let survival: [Double]
  /// `leaving[k]`: the share of a cohort that leaves in the `k`-th year after arrival.
  public let leaving: [Double]

  /// The survival curve of `lifetime` over `years` consecutive years.
  /// - Complexity: O(years) evaluations of the survival function (it depends only on the age).
  public init(lifetime: LifetimeDistribution, years: Int) {
    self.lifetime = lifetime
    let n = max(0, years)
    var survival = [Double](repeating: 0, count: n)
    var leaving = [Double](repeating: 0, count: n)
    for k in 0..<n {
      survival[k] = lifetime.survival(atAge: Double(k) + 0.5)
      leaving[k] = (k == 0 ? 1 : survival[k - 1]) - survival[k]
    }
    self.survival = survival
    self.leaving = leaving
  }

  /// Stock and outflow from the inflow of each year (`inflow.count` ≤ the model's years).
  /// - Complexity: O(n²).
  public func inflowDriven(_ inflow: [Double]) -> DynamicStockResult {
    let n = min(inflow.count, survival.count)
    var stock = [Double](repeating: 0, count: n)
    var outflow = [Double](repeating: 0, count: n)
    for t in 0..<n {
      var s = 0.0
      var o = 0.0
      for c in 0...t {
        s += inflow[c] * survival[t - c]
        o += inflow[c] * leaving[t - c]
      }
      stock[t] = s
      outflow[t] = o
    }
    return DynamicStockResult(model: self, inflow: Array(inflow.prefix(n)), outflow: outflow, stock: stock)
  }

  /// Inflow and outflow that keep the given stock (each year's stock at the end of the year):
  /// `i(t) = (S(t) − Σ_{c<t} sf(t, c) i(c)) / sf(t, t)`. The first year's stock is all new.
  ///
  /// A negative inflow means the stock shrinks faster than its cohorts leave; it is kept (never
  /// clipped) and its year listed in ``DynamicStockResult/negativeInflowYears``.
  /// - Throws: ``DynamicStockError/noSurvivalInFirstYear(_:)`` when nothing survives its first year.
  /// - Complexity: O(n²).
  public func stockDriven(_ stock: [Double]) throws(DynamicStockError) -> DynamicStockResult {
    let n = min(stock.count, survival.count)
    guard n > 0 else { return DynamicStockResult(model: self, inflow: [], outflow: [], stock: []) }
    guard survival[0] > 0 else { throw .noSurvivalInFirstYear(lifetime) }
    var inflow = [Double](repeating: 0, count: n)
    for t in 0..<n {
      var surviving = 0.0
      for c in 0..<t { surviving += survival[t - c] * inflow[c] }
      inflow[t] = (stock[t] - surviving) / survival[0]
    }
    var outflow = [Double](repeating: 0, count: n)
    for t in 0..<n {
      var o = 0.0
      for c in 0...t { o += inflow[c] * leaving[t - c] }
      outflow[t] = o
    }
    return DynamicStockResult(model: self, inflow: inflow, outflow: outflow, stock: Array(stock.prefix(n)))
  }
}
