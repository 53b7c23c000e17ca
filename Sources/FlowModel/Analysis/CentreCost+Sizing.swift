extension CentreCost {
  /// What an own unit cost is charged per t of.
  enum Basis: String, Sendable {
    /// Per t of the centre's product output (its outflows that are not material losses).
    case product
    /// Per t the centre handles (all its inflows), as for waste management.
    case input
  }

  /// An own-cost category of ISO 14051 other than material cost.
  enum Category: CaseIterable {
    case energy, system, wasteManagement
  }

  /// A unit cost in US$ per t of `basis`.
  struct Rate {
    var usdPerTonne: Double
    var basis: Basis
  }

  /// The own costs of every quantity centre, year and material: each unit cost times the mass it
  /// is charged on. Flows back upstream (new scrap, recycling) count as product output like any
  /// other outflow that is not a material loss.
  ///
  /// - Parameter rate: the unit cost of a centre, material and category, or `nil` for none.
  /// - Complexity: O(flows + centres × years × materials).
  static func sized(
    processes: [Process], flows: [Flow], rate: (_ process: String, _ material: String, Category) -> Rate?
  ) -> [CentreCost] {
    let losses = Set(processes.filter(\.isLoss).map(\.id))
    var product: [Key: Double] = [:]  // t by year, process and material
    var input: [Key: Double] = [:]
    var materials: [String] = []
    for flow in flows {
      if !materials.contains(flow.material) { materials.append(flow.material) }
      if !losses.contains(flow.target) {
        product[Key(year: flow.year, process: flow.source, material: flow.material), default: 0] += flow.mass
      }
      input[Key(year: flow.year, process: flow.target, material: flow.material), default: 0] += flow.mass
    }
    let years = Set(flows.map(\.year)).sorted()
    var result: [CentreCost] = []
    for process in processes where process.kind == .quantityCentre {
      // The rates do not depend on the year: looked up once per centre and material.
      let rates = materials.map { m in Category.allCases.map { rate(process.id, m, $0) } }
      for year in years {
        for (mi, m) in materials.enumerated() {
          let key = Key(year: year, process: process.id, material: m)
          let costs = rates[mi].map { r -> Double in
            guard let r else { return 0 }
            return r.usdPerTonne * ((r.basis == .product ? product[key] : input[key]) ?? 0)
          }
          guard costs.contains(where: { $0 != 0 }) else { continue }
          result.append(
            CentreCost(
              year: year, process: process.id, material: m, energy: costs[0], system: costs[1],
              wasteManagement: costs[2]))
        }
      }
    }
    return result
  }

  /// A year, process and material (a key cheaper to hash than the three joined in a string).
  private struct Key: Hashable {
    var year: Int
    var process: String
    var material: String
  }
}
