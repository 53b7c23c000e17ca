/// Market prices of the goods the bundled model's flows carry, in US$/t REO-equivalent.
///
/// Oxide prices are baskets: the element prices of `prices.csv` weighted by the basket
/// compositions `LB_*` (LREE) and `HB_*` (HREE) of `parameters.csv`. The other goods are
/// documented multiples of the basket (parameters `*_PRICE_FRACTION`, `*_PRICE_FACTOR`) or, for
/// magnets, the export unit value per kg of magnet divided by the REO content of a magnet.
/// `setPrice` scenario edits override a good's final price.
struct PriceBook: Sendable {
  /// An override from a ``Scenario/Edit/setPrice(good:price:material:years:)`` edit.
  struct Override: Sendable {
    var good: String
    var price: Double
    var material: String?
    var years: ClosedRange<Int>?
  }

  let data: RareEarthData
  var overrides: [Override] = []

  /// The price of `good` for `material` in `year`, in US$/t.
  func price(_ good: String, material: String, year: Int) throws -> Double {
    if let override = overrides.last(where: {
      $0.good == good && ($0.material.map { $0 == material } ?? true)
        && ($0.years?.contains(year) ?? true)
    }) {
      return override.price
    }
    switch good {
    case "concentrate": return try data.parameter("CONC_PRICE_FRACTION") * basket(material, year)
    case "mixed_primary": return try data.parameter("MIXED_PRICE_FRACTION") * basket(material, year)
    case "oxide": return try basket(material, year)
    case "metal": return try data.parameter("METAL_PRICE_FACTOR") * basket(material, year)
    case "scrap", "recycled":
      return try data.parameter("SCRAP_PRICE_FRACTION") * basket(material, year)
    case "functional_material":
      return try data.parameter("FM_PRICE_FACTOR") * basket(material, year)
    case "traditional_product":
      return try data.parameter("TRAD_PRICE_FACTOR") * basket(material, year)
    case "magnet":
      return try data.price("magnet", year) * 1000 / data.parameter("REO_FACTOR_MAGNET")
    case "magnet_import":
      return try data.price("magnet_import", year) * 1000 / data.parameter("REO_FACTOR_MAGNET")
    default: return 0  // ore in the ground, end-of-life material, residues: no market value
    }
  }

  /// The oxide basket price of `material` in `year`, in US$/t (the data README, Model notes).
  func basket(_ material: String, _ year: Int) throws -> Double {
    let prefix = material == "HREE" ? "HB_" : "LB_"
    let elements = material == "HREE" ? ["Gd", "Tb", "Dy", "Y", "HoLu"] : ["La", "Ce", "NdPr", "Sm", "Eu"]
    var weighted = 0.0
    var total = 0.0
    for element in elements {
      let share = try data.parameter(prefix + element)
      weighted += share * (try data.price(element, year))
      total += share
    }
    return total > 0 ? weighted / total * 1000 : 0
  }
}
