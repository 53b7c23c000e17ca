/// One flow of material between two processes in one year, with its mass, cost and value layers.
///
/// Mass is in t (t REO-equivalent in the bundled model); cost and value are in nominal US$.
public struct Flow: Sendable, Hashable {
  /// The calendar year.
  public var year: Int
  /// The id of the process the material leaves.
  public var source: String
  /// The id of the process the material enters.
  public var target: String
  /// The material or element group, such as `LREE`.
  public var material: String
  /// The mass layer, in t.
  public var mass: Double
  /// The MFCA cost layer: the cumulative cost the material carries, in US$.
  public var cost: Double
  /// The value layer: mass times market price, in US$.
  public var value: Double
  /// The priced good the flow carries (`oxide`, `magnet`, …), or `nil` when not known.
  public var good: String?
  /// Provenance of the mass: `F` found, `D` derived, `E` estimate (or `nil` for user data).
  public var provenance: String?
  /// The derivation rule that produced the flow, such as `R6 separation loss`.
  public var rule: String?
  /// The standard deviation of the mass in t, from a user's `sigma` column (`nil` when not given).
  public var sigma: Double?
  /// The relative standard uncertainty of the mass in %, from a user's `uncertainty` column.
  public var uncertainty: Double?

  /// Creates a flow.
  public init(
    year: Int, source: String, target: String, material: String, mass: Double,
    cost: Double = 0, value: Double = 0, good: String? = nil, provenance: String? = nil,
    rule: String? = nil, sigma: Double? = nil, uncertainty: Double? = nil
  ) {
    self.year = year
    self.source = source
    self.target = target
    self.material = material
    self.mass = mass
    self.cost = cost
    self.value = value
    self.good = good
    self.provenance = provenance
    self.rule = rule
    self.sigma = sigma
    self.uncertainty = uncertainty
  }
}

/// The stock of one material held by a stock process at the end of a year.
public struct StockRecord: Sendable, Hashable {
  /// The calendar year.
  public var year: Int
  /// The id of the stock process.
  public var process: String
  /// The material or element group.
  public var material: String
  /// The stock at the end of the year, in t.
  public var stock: Double
  /// The change of the stock during the year (inflows − outflows), in t.
  public var stockChange: Double

  /// Creates a stock record.
  public init(year: Int, process: String, material: String, stock: Double, stockChange: Double) {
    self.year = year
    self.process = process
    self.material = material
    self.stock = stock
    self.stockChange = stockChange
  }
}

/// The own costs of a quantity centre for one material in one year (ISO 14051 categories).
///
/// Material cost is not stored here: it is carried into the centre by its input flows.
public struct CentreCost: Sendable, Hashable {
  /// The calendar year.
  public var year: Int
  /// The id of the quantity centre.
  public var process: String
  /// The material or element group.
  public var material: String
  /// Energy cost, in US$.
  public var energy: Double
  /// System cost (labour, depreciation, maintenance, overheads), in US$.
  public var system: Double
  /// Waste-management cost, in US$; charged entirely to material losses.
  public var wasteManagement: Double

  /// Creates a cost record.
  public init(
    year: Int, process: String, material: String, energy: Double, system: Double,
    wasteManagement: Double
  ) {
    self.year = year
    self.process = process
    self.material = material
    self.energy = energy
    self.system = system
    self.wasteManagement = wasteManagement
  }
}

/// Which supply data the bundled rare-earth model uses.
public enum SupplyMode: String, Sendable, Hashable, CaseIterable {
  /// Official figures only: mining equals the published quotas (the default).
  case official
  /// Adds the undocumented ("illegal") mining estimate of rule R3 as `ENV → MIN_UNDOC → CONC`.
  case undocumented
}
