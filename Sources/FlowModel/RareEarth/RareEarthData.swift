import FoundationEssentials

/// The raw inputs of the bundled rare-earth model, as read from the package resources.
///
/// Nothing here is a flow: flows are derived from these inputs by ``RareEarthDerivation``.
struct RareEarthData: Sendable {
  /// A study figure the model is compared with.
  struct Target: Sendable {
    var id: String
    var metric: String
    var value: Double
    var unit: String
    /// `approx`, `above` or `below`.
    var comparison: String
    var sourceID: String
    var note: String
  }

  /// An own cost of a quantity centre per t of product output.
  struct UnitCost: Sendable {
    var process: String
    /// A material, or `*` for every material.
    var material: String
    /// `EC`, `SC` or `WMC`.
    var category: String
    var usdPerTonne: Double
    /// What the unit cost is per t of: the centre's product output or all it handles.
    var basis: CentreCost.Basis = .product
  }

  var processes: [Process]
  /// Yearly input series (quotas, trade, production), by series name and year.
  var series: [String: [Int: Double]]
  /// The provenance tag (F/D/E) of each series value.
  var seriesKind: [String: [Int: String]]
  /// Scalar parameters by name.
  var parameters: [String: Double]
  /// The provenance tag (F/D/E) of each parameter.
  var parameterKinds: [String: String] = [:]
  /// Element and product prices in US$/kg, by product and year.
  var prices: [String: [Int: Double]]
  var unitCosts: [UnitCost]
  var targets: [Target]
  /// Citation by source id.
  var sources: [String: String]
  var years: ClosedRange<Int>

  /// The value of `name` in `year`.
  ///
  /// - Throws: ``FlowModelError/resourceMalformed(file:line:message:)`` when it is missing.
  func series(_ name: String, _ year: Int) throws -> Double {
    guard let value = series[name]?[year] else {
      throw FlowModelError.resourceMalformed(
        file: "inputs.csv", line: 0, message: "no value for series '\(name)' in \(year)")
    }
    return value
  }

  /// The provenance tag of `name` in `year` (`E` when unknown).
  func kind(_ name: String, _ year: Int) -> String { seriesKind[name]?[year] ?? "E" }

  /// The parameter `name`.
  ///
  /// - Throws: ``FlowModelError/resourceMalformed(file:line:message:)`` when it is missing.
  func parameter(_ name: String) throws -> Double {
    guard let value = parameters[name] else {
      throw FlowModelError.resourceMalformed(
        file: "parameters.csv", line: 0, message: "missing parameter '\(name)'")
    }
    return value
  }

  /// The provenance of series `name` in `year`.
  func tag(series name: String, _ year: Int) -> ProvenanceTag { ProvenanceTag(kind(name, year)) }

  /// The provenance of parameter `name` (an estimate when unknown).
  func tag(parameter name: String) -> ProvenanceTag { ProvenanceTag(parameterKinds[name] ?? "E") }

  /// The price of `product` in `year`, in US$/kg.
  func price(_ product: String, _ year: Int) throws -> Double {
    guard let value = prices[product]?[year] else {
      throw FlowModelError.resourceMalformed(
        file: "prices.csv", line: 0, message: "no price for '\(product)' in \(year)")
    }
    return value
  }
}
