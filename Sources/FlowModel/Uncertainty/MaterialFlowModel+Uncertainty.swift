extension MaterialFlowModel {
  /// The uncertain inputs Monte Carlo draws (the data README lists them).
  ///
  /// The bundled model: every parameter with a range (triangular with its mode at the value, or
  /// the shape of a `distribution` column), every input series value and every price by its F/D/E
  /// tag (normal, relative σ from ``FlowMeasurement/pedigreeCV(_:)``). A user model: every flow
  /// with a measurement in `measurements` (normal with its σ); the other flows are exact.
  /// - Parameter perSeries: one factor per series and per price instead of one input per year
  ///   (the inputs ``sensitivity`` swings).
  public func uncertainInputs(measurements: [FlowMeasurement] = [], perSeries: Bool = false) -> [UncertainInput] {
    guard let recipe else { return flowInputs(measurements) }
    return parameterInputs() + tagInputs(recipe.data, perSeries: perSeries)
  }

  /// The model with some inputs set to new values, re-derived so that every flow is consistent
  /// (mass-balanced) with them; a user model gets the flow masses replaced.
  /// - Throws: ``FlowModelError`` when the derivation fails.
  public func with(_ values: [(UncertainInput.Target, Double)]) throws -> MaterialFlowModel {
    guard var recipe else {
      var masses = flows.map(\.mass)
      for case (.flow(let i), let value) in values { masses[i] = value }
      return replacingMasses(masses)
    }
    for (target, value) in values { recipe.data.set(target, value) }
    return try MaterialFlowModel(recipe: recipe)
  }

  /// One Monte Carlo draw: each input drawn from its own distribution with `stream`.
  ///
  /// The bundled model's inputs are drawn independently, so a draw can be infeasible: outflows
  /// fixed by data (exports) larger than what flows in. Such a draw is not a mass-balanced
  /// system; it is rejected and drawn again from the same stream (at most `attempts` times, so
  /// the result still depends only on the seed and the run), and `redraws` counts every draw,
  /// the rejected ones and where they failed.
  /// - Parameter layers: `.mass` derives only the mass layer of the bundled model's draw (cost
  ///   and value stay 0) for a query that reads nothing else; the draws are the same.
  /// - Throws: ``FlowModelError/invalidScenario(_:)`` when every attempt was infeasible.
  public func drawn(
    _ inputs: [UncertainInput], _ stream: inout RandomStream, redraws: inout Redraws, attempts: Int = 100,
    layers: FlowLayers = .all
  ) throws -> MaterialFlowModel {
    for _ in 0..<attempts {
      let values = inputs.map { ($0.target, $0.draw(&stream)) }
      redraws.attempts += 1
      guard var recipe, recipe.edits.isEmpty else {
        let model = try with(values)
        if recipe == nil || model.isMassBalanced { return model }
        redraws.reject(notes: model.notes)
        continue
      }
      // A draw whose derivation clamps a residual cannot balance: it is rejected after the
      // first such year, before the later years, the costs and the balance are computed.
      for (target, value) in values { recipe.data.set(target, value) }
      let derived = try recipe.derive(stoppingAtClamp: true, layers: layers)
      if !derived.stoppedAtClamp {
        let model = MaterialFlowModel(recipe: recipe, derived: derived, layers: layers)
        if model.isMassBalanced { return model }
      }
      redraws.reject(notes: derived.notes)
    }
    throw FlowModelError.invalidScenario("\(attempts) draws in a row were not mass-balanced")
  }

  private func parameterInputs() -> [UncertainInput] {
    guard let table = dataTable("parameters"), case .text(let names)? = table["name"]?.values,
      case .number(let values)? = table["value"]?.values, case .number(let lows)? = table["range_low"]?.values,
      case .number(let highs)? = table["range_high"]?.values
    else { return [] }
    let units = table["unit"].flatMap { if case .text(let u) = $0.values { u } else { nil } }
    let shapes = table["distribution"].flatMap { if case .text(let d) = $0.values { d } else { nil } }
    var out: [UncertainInput] = []
    for (i, name) in names.enumerated() where lows[i].isFinite && highs[i].isFinite && highs[i] > lows[i] {
      let shape = shapes?[i] ?? ""
      guard let distribution = InputDistribution.named(shape, value: values[i], low: lows[i], high: highs[i])
      else { continue }
      let limits = units?[i] == "fraction" ? 0.0...1.0 : 0.0...Double.greatestFiniteMagnitude
      out.append(
        UncertainInput(
          name: name, target: .parameter(name), base: values[i], distribution: distribution, low: lows[i],
          high: highs[i], limits: limits))
    }
    return out
  }

  private func tagInputs(_ data: RareEarthData, perSeries: Bool) -> [UncertainInput] {
    var out: [UncertainInput] = []
    for name in data.series.keys.sorted() {
      let years = data.series[name, default: [:]].keys.sorted()
      if perSeries {
        let cv = years.compactMap { FlowMeasurement.pedigreeCV(data.kind(name, $0)) }.max() ?? 0
        guard cv > 0 else { continue }
        out.append(.relative(name: "series " + name, target: .seriesFactor(name), value: 1, sd: cv))
        continue
      }
      for year in years {
        guard let value = data.series[name]?[year], let cv = FlowMeasurement.pedigreeCV(data.kind(name, year)),
          value != 0
        else { continue }
        out.append(
          .relative(
            name: "series \(name) \(year)", target: .series(name, year: year), value: value, sd: cv * abs(value)))
      }
    }
    guard let table = dataTable("prices"), case .text(let products)? = table["product"]?.values,
      case .year(let years)? = table["year"]?.values, case .number(let prices)? = table["usd_per_kg"]?.values,
      case .text(let kinds)? = table["kind"]?.values
    else { return out }
    var factorCV: [String: Double] = [:]
    for i in products.indices {
      guard let cv = FlowMeasurement.pedigreeCV(kinds[i]), prices[i] > 0 else { continue }
      if perSeries {
        factorCV[products[i]] = max(factorCV[products[i]] ?? 0, cv)
      } else {
        out.append(
          .relative(
            name: "price \(products[i]) \(years[i])", target: .price(products[i], year: years[i]), value: prices[i],
            sd: cv * prices[i]))
      }
    }
    for (product, cv) in factorCV.sorted(by: { $0.key < $1.key }) {
      out.append(.relative(name: "price " + product, target: .priceFactor(product), value: 1, sd: cv))
    }
    return out
  }

  private func flowInputs(_ measurements: [FlowMeasurement]) -> [UncertainInput] {
    var out: [UncertainInput] = []
    for (i, measurement) in measurements.enumerated() {
      guard case .measured(let sigma) = measurement, sigma > 0, i < flows.count, !flows[i].mass.isNaN else { continue }
      let f = flows[i]
      out.append(
        .relative(name: "flow \(f.source) → \(f.target) \(f.year)", target: .flow(i), value: f.mass, sd: sigma))
    }
    return out
  }
}

extension RareEarthData {
  /// Sets one input (`flow` targets do not apply to the raw data and are ignored).
  mutating func set(_ target: UncertainInput.Target, _ value: Double) {
    switch target {
    case .parameter(let name): parameters[name] = value
    case .series(let name, let year): series[name]?[year] = value
    case .price(let product, let year): prices[product]?[year] = value
    case .seriesFactor(let name): series[name] = series[name]?.mapValues { $0 * value }
    case .priceFactor(let product): prices[product] = prices[product]?.mapValues { $0 * value }
    case .flow: break
    }
  }
}
