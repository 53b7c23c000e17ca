/// A model's flows, stored by column: years, dictionary-encoded ids and materials, and one array
/// per layer. It reads as a collection of ``Flow`` values (each built when read), but holds no
/// per-row structs: a million loaded flows take about 53 bytes each, and the `flows` table the
/// language sees shares these arrays instead of copying them.
///
/// ```
/// for flow in model.flows where flow.year == 2022 { … }
/// model.flows.masses.reduce(0, +)
/// ```
public struct FlowColumns: Sendable {
  /// Each flow's year.
  public private(set) var years: [Int]
  /// Each flow's source process id.
  public private(set) var sources: TextColumn
  /// Each flow's target process id.
  public private(set) var targets: TextColumn
  /// Each flow's material.
  public private(set) var materials: TextColumn
  /// Each flow's mass, in t.
  public private(set) var masses: [Double]
  /// Each flow's cost, in US$.
  public private(set) var costs: [Double]
  /// Each flow's value, in US$.
  public private(set) var values: [Double]
  /// Each flow's good, `""` when not known.
  public private(set) var goods: TextColumn
  /// Each flow's provenance (F/D/E), `""` for user data.
  public private(set) var provenances: TextColumn
  /// Each flow's derivation rule, `""` when none.
  public private(set) var rules: TextColumn
  /// Each flow's absolute standard uncertainty of the mass, in t (NaN where not given); `nil`
  /// when no flow has one.
  public private(set) var sigmas: [Double]?
  /// Each flow's relative standard uncertainty of the mass in % (NaN where not given); `nil` when
  /// no flow has one.
  public private(set) var uncertainties: [Double]?

  /// The columns of `flows`.
  public init(_ flows: some Sequence<Flow>) {
    let flows = Array(flows)
    years = flows.map(\.year)
    sources = TextColumn(flows.lazy.map(\.source))
    targets = TextColumn(flows.lazy.map(\.target))
    materials = TextColumn(flows.lazy.map(\.material))
    masses = flows.map(\.mass)
    costs = flows.map(\.cost)
    values = flows.map(\.value)
    goods = TextColumn(flows.lazy.map { $0.good ?? "" })
    provenances = TextColumn(flows.lazy.map { $0.provenance ?? "" })
    rules = TextColumn(flows.lazy.map { $0.rule ?? "" })
    sigmas = flows.contains { $0.sigma != nil } ? flows.map { $0.sigma ?? .nan } : nil
    uncertainties = flows.contains { $0.uncertainty != nil } ? flows.map { $0.uncertainty ?? .nan } : nil
  }

  /// Columns read by a loader; text columns without values (`goods` …) hold `""` throughout.
  init(
    years: [Int], sources: TextColumn, targets: TextColumn, materials: TextColumn, masses: [Double],
    costs: [Double], values: [Double], sigmas: [Double]?, uncertainties: [Double]?
  ) {
    self.years = years
    self.sources = sources
    self.targets = targets
    self.materials = materials
    self.masses = masses
    self.costs = costs
    self.values = values
    let empty = TextColumn(dictionary: [""], codes: [UInt32](repeating: 0, count: years.count))
    goods = empty
    provenances = empty
    rules = empty
    self.sigmas = sigmas
    self.uncertainties = uncertainties
  }

  /// The rows at `indices`, in that order.
  func gathering(_ indices: [Int]) -> FlowColumns {
    var result = self
    result.years = indices.map { years[$0] }
    result.sources = sources.gathered(indices)
    result.targets = targets.gathered(indices)
    result.materials = materials.gathered(indices)
    result.masses = indices.map { masses[$0] }
    result.costs = indices.map { costs[$0] }
    result.values = indices.map { values[$0] }
    result.goods = goods.gathered(indices)
    // A loader's model shares one empty column for these three; so does the gathered model.
    result.provenances = Self.same(provenances, goods) ? result.goods : provenances.gathered(indices)
    result.rules = Self.same(rules, goods) ? result.goods : rules.gathered(indices)
    result.sigmas = sigmas.map { s in indices.map { s[$0] } }
    result.uncertainties = uncertainties.map { u in indices.map { u[$0] } }
    return result
  }

  /// Whether two columns hold the same codes over the same dictionary (at once when they share
  /// storage).
  private static func same(_ a: TextColumn, _ b: TextColumn) -> Bool {
    a.dictionary == b.dictionary && a.codes == b.codes
  }

  /// The flows ordered by year, keeping the order within a year (a counting sort of row numbers).
  ///
  /// - Complexity: O(rows + years).
  func sortedByYear() -> FlowColumns {
    guard let low = years.min(), let high = years.max(), high - low < 1 << 20 else {
      return gathering(years.indices.sorted { years[$0] < years[$1] })
    }
    if zip(years, years.dropFirst()).allSatisfy({ $0 <= $1 }) { return self }
    var start = [Int](repeating: 0, count: high - low + 2)
    for y in years { start[y - low + 1] += 1 }
    for k in 1..<start.count { start[k] += start[k - 1] }
    var order = [Int](repeating: 0, count: years.count)
    for (row, y) in years.enumerated() {
      order[start[y - low]] = row
      start[y - low] += 1
    }
    return gathering(order)
  }
}

extension FlowColumns: RandomAccessCollection {
  public var startIndex: Int { 0 }
  public var endIndex: Int { years.count }

  /// The flow in row `i`, built from the columns.
  public subscript(i: Int) -> Flow {
    Flow(
      year: years[i], source: sources[i], target: targets[i], material: materials[i], mass: masses[i],
      cost: costs[i], value: values[i], good: Self.optional(goods[i]), provenance: Self.optional(provenances[i]),
      rule: Self.optional(rules[i]), sigma: sigmas.flatMap { $0[i].isNaN ? nil : $0[i] },
      uncertainty: uncertainties.flatMap { $0[i].isNaN ? nil : $0[i] })
  }

  private static func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
}
