/// The raw inputs, the supply mode and the scenario edits from which the bundled model's flows
/// are derived.
struct RareEarthRecipe: Sendable {
  /// The element groups tracked, in the Chinese convention.
  static let materials = ["LREE", "HREE"]

  /// The order in which processes are evaluated each year (upstream first). Flows to a process
  /// already evaluated (new scrap and recycling back to `SEP`) are fed into the next iteration.
  static let order = [
    "ENV", "IMP_CONC_US", "IMP_CONC_OTH", "IMP_PRIM", "IMP_MET_MAG", "MIN_ROCK", "MIN_ION",
    "MIN_UNDOC", "CONC", "SEP", "PRIM", "MET", "MAG", "FM_POL", "FM_CAT", "FM_HS", "FM_PHO",
    "TRAD", "USE", "WM",
  ]

  var data: RareEarthData
  var mode: SupplyMode
  var edits: [Scenario.Edit] = []

  /// The price book with the recipe's `setPrice` edits applied.
  var priceBook: PriceBook {
    var book = PriceBook(data: data)
    for edit in edits {
      if case .setPrice(let good, let price, let material, let years) = edit {
        book.overrides.append(.init(good: good, price: price, material: material, years: years))
      }
    }
    return book
  }
}

/// A flow out of one process while it is being derived.
struct Draft: Sendable {
  var target: String
  var material: String
  var mass: Double
  /// The material's share of the rule's total, used to split a `set` edit on an empty flow.
  var weight: Double
  var good: String
  var provenance: String
  var rule: String
}

/// One process's derivation step in one year: flows fixed by data or by shares of the inflow,
/// and the outflows that close the balance with whatever remains.
struct RuleStep {
  /// An outflow that takes a share of what remains of the inflow after the fixed flows.
  struct Closing {
    var target: String
    /// The share of the remainder, by material.
    var shares: [String: Double]
    var good: String
    var rule: String
    /// The provenance of the shares (the inflow and the fixed flows are added when it is derived).
    var tag: ProvenanceTag

    /// A closing outflow taking `shares` by material.
    init(_ target: String, shares: [String: Double], good: String, rule: String, tag: ProvenanceTag) {
      self.target = target
      self.shares = shares
      self.good = good
      self.rule = rule
      self.tag = tag
    }

    /// A closing outflow taking all of the remainder.
    init(_ target: String, good: String, rule: String) {
      self.init(target, shares: Self.whole, good: good, rule: rule, tag: .derived)
    }

    /// A share of 1 of every material.
    private static let whole = Dictionary(uniqueKeysWithValues: RareEarthRecipe.materials.map { ($0, 1.0) })
  }

  /// Flows set by data or by a share of the inflow.
  var fixed: [Draft] = []
  /// Targets that share the remaining inflow (shares sum to 1 for each material).
  var closing: [Closing] = []
  /// Whether the remaining inflow stays in the process as a stock change.
  var keepsStock = false
}
