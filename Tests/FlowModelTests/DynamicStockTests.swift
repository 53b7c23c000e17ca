import Foundation
import Testing

@testable import FlowModel

@Suite struct DynamicStockTests {
  static let distributions: [LifetimeDistribution] = [
    .fixed(years: 7), .normal(mean: 9, sd: 4), .foldedNormal(mean: 4, sd: 5),
    .logNormal(mean: 12, sd: 6), .weibull(shape: 2.5, scale: 14),
  ]

  /// A seeded, reproducible series of positive numbers.
  static func series(_ n: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<n).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return 10 + Double(state >> 11) / Double(1 << 53) * 990
    }
  }

  @Test(arguments: distributions) func inflowDrivenBalancesEveryYear(_ lifetime: LifetimeDistribution) {
    let inflow = Self.series(60, seed: 7)
    let r = DynamicStockModel(lifetime: lifetime, years: 60).inflowDriven(inflow)
    let change = r.stockChange
    for t in inflow.indices {
      #expect(abs(r.inflow[t] - r.outflow[t] - change[t]) <= 1e-9 * r.stock.max()!)
      #expect(r.stock[t] >= -1e-9 && r.outflow[t] >= -1e-9)
    }
  }

  @Test func fixedLifetimeShiftsTheInflow() {
    let inflow = Self.series(30, seed: 3)
    let r = DynamicStockModel(lifetime: .fixed(years: 6), years: 30).inflowDriven(inflow)
    #expect(Array(r.outflow.prefix(6)) == Array(repeating: 0, count: 6))
    #expect(Array(r.outflow.dropFirst(6)) == Array(inflow.prefix(24)))
  }

  @Test func cohortsSumToTheTotals() {
    let inflow = Self.series(25, seed: 11)
    let r = DynamicStockModel(lifetime: .weibull(shape: 1.8, scale: 9), years: 25).inflowDriven(inflow)
    for t in inflow.indices {
      let s = (0..<25).reduce(0) { $0 + r.stock(year: t, cohort: $1) }
      let o = (0..<25).reduce(0) { $0 + r.outflow(year: t, cohort: $1) }
      #expect(abs(s - r.stock[t]) <= 1e-9 * r.stock[t])
      #expect(abs(o - r.outflow[t]) <= 1e-9 * max(r.outflow[t], 1))
    }
    #expect(r.stock(year: 3, cohort: 4) == 0)
  }

  @Test(arguments: distributions) func stockDrivenInvertsInflowDriven(_ lifetime: LifetimeDistribution) throws {
    let inflow = Self.series(40, seed: 5)
    let model = DynamicStockModel(lifetime: lifetime, years: 40)
    let forward = model.inflowDriven(inflow)
    let back = try model.stockDriven(forward.stock)
    for t in inflow.indices {
      #expect(abs(back.inflow[t] - inflow[t]) <= 1e-7 * inflow[t])
      #expect(abs(back.outflow[t] - forward.outflow[t]) <= 1e-7 * max(forward.outflow[t], 1))
    }
    #expect(back.negativeInflowYears.isEmpty)
  }

  @Test func aFallingStockGivesNegativeInflowsThatAreKept() throws {
    let stock = [100.0, 100, 100, 10, 10, 10]
    let r = try DynamicStockModel(lifetime: .weibull(shape: 2, scale: 20), years: 6).stockDriven(stock)
    #expect(r.negativeInflowYears == [3])
    #expect(r.inflow[3] < 0)
    #expect(r.stock == stock)
  }

  @Test func survivalMatchesClosedForms() {
    // Independent anchors: the median of a normal is its mean; a Weibull at its scale keeps
    // e^−1; a log-normal's median is exp(μ_ln) = mean² / √(mean² + sd²); a folded normal with
    // mean 0 is the half-normal, P(|X| > sd) = 2 · 0.158655…
    #expect(abs(LifetimeDistribution.normal(mean: 9, sd: 3).survival(atAge: 9) - 0.5) < 1e-15)
    #expect(abs(LifetimeDistribution.weibull(shape: 3, scale: 14).survival(atAge: 14) - exp(-1)) < 1e-15)
    let median = 144 / (144.0 + 36).squareRoot()
    #expect(abs(LifetimeDistribution.logNormal(mean: 12, sd: 6).survival(atAge: median) - 0.5) < 1e-12)
    #expect(abs(LifetimeDistribution.foldedNormal(mean: 0, sd: 2).survival(atAge: 2) - 0.317_310_507_862_914) < 1e-12)
    #expect(LifetimeDistribution.fixed(years: 3).survival(atAge: 2.5) == 1)
    #expect(LifetimeDistribution.fixed(years: 3).survival(atAge: 3) == 0)
  }

  @Test func badParametersAreNamed() {
    let bad: [(LifetimeDistribution, String)] = [
      (.normal(mean: 10, sd: -1), "sd"), (.weibull(shape: 0, scale: 10), "shape"),
      (.weibull(shape: 2, scale: -3), "scale"), (.logNormal(mean: 0, sd: 2), "mean"),
      (.fixed(years: -2), "t"), (.foldedNormal(mean: .nan, sd: 1), "mean"),
    ]
    for (d, name) in bad {
      #expect(throws: DynamicStockError.self) { try d.validate() }
      do {
        try d.validate()
      } catch {
        guard case .invalidParameter(let n, _) = error else {
          Issue.record("wrong error \(error)")
          continue
        }
        #expect(n == name)
      }
    }
    #expect(throws: Never.self) { try LifetimeDistribution.fixed(years: 0).validate() }
  }

  @Test func stockDrivenNeedsSurvivors() {
    #expect(throws: DynamicStockError.self) {
      try DynamicStockModel(lifetime: .fixed(years: 0.4), years: 5).stockDriven([1, 2, 3, 4, 5])
    }
  }

  @Test func namesRoundTrip() {
    for d in Self.distributions {
      let (name, _, values) = d.parts
      #expect(LifetimeDistribution(name: name, parameters: values) == d)
    }
    #expect(LifetimeDistribution(name: "weibull", parameters: [1]) == nil)
    #expect(LifetimeDistribution.weibull(shape: 2.5, scale: 14).text == "weibull(shape = 2.5, scale = 14)")
  }
}
