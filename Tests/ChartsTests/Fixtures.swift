import FlowModel
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Tables shared by the Charts tests: small, hand-written, rare-earth flavoured.
enum Fixtures {
  static let years = Array(2015...2022)

  /// Mass by year and material, long form (year, material, mass).
  static var massByYearAndMaterial: Table {
    let light: [Double] = [105_000, 105_000, 105_000, 120_850, 127_850, 140_000, 148_850, 178_400]
    let heavy: [Double] = [17_900, 17_900, 17_900, 19_150, 4_150, 19_100, 19_150, 17_600]
    let magnet: [Double] = [4_000, 4_500, 5_200, 6_100, 6_800, 7_900, 9_400, 10_200]
    var year: [Int] = []
    var material: [String] = []
    var mass: [Double] = []
    for (i, y) in years.enumerated() {
      year += [y, y, y]
      material += ["LREE", "HREE", "New scrap"]
      mass += [light[i], heavy[i], magnet[i]]
    }
    return Table(
      [.year("year", year), .text("material", material), .number("mass", mass, .mass)],
      caption: "Rare-earth output by material, 2015–2022")
  }

  /// Total mass by year (one series).
  static var totalByYear: Table {
    let t = massByYearAndMaterial
    guard case .number(let mass)? = t["mass"]?.values else { return t }
    var totals: [Double] = []
    for i in stride(from: 0, to: mass.count, by: 3) {
      let sum: Double = mass[i] + mass[i + 1] + mass[i + 2]
      totals.append(sum)
    }
    return Table([.year("year", years), .number("total", totals, .mass)])
  }

  /// Inflow by process in one year (text x, one value column).
  static var inflowByProcess: Table {
    Table(
      [
        .text(
          "process",
          [
            "Smelting and separation", "Concentrate pool", "Primary products", "Metals and alloys",
            "Magnet manufacturing", "End use", "Waste management", "Landfill and dissipation",
          ]),
        .number("inflow", [301_200, 244_300, 271_100, 92_400, 68_900, 51_700, 9_800, 9_600], .mass),
      ], caption: "Inflow by process, 2021")
  }

  /// Throughput of twelve processes with long names (labels at 45°).
  static var throughputByProcess: Table {
    let names = [
      "Mining and beneficiation, rock-type", "Mining and leaching, ion-adsorption", "Concentrate pool",
      "Smelting and separation", "Separation residues", "Primary products", "Metals and alloys",
      "Magnet manufacturing", "Polishing powders", "Catalysts", "End use", "Waste management",
    ]
    let values: [Double] = [
      148_850, 22_150, 218_200, 271_200, 27_120, 244_080, 95_000, 93_500, 21_000, 17_500,
      171_000, 30_000,
    ]
    return Table(
      [.text("process", names), .number("throughput", values, .mass)], caption: "Throughput by process, 2021")
  }

  /// Where new scrap goes (few slices, for the pie).
  static var scrapDestinations: Table {
    Table(
      [
        .text("target", ["Separation", "Landfill", "Export", "Stockpile"]),
        .number("mass", [12_400, 3_100, 1_900, 600], .mass),
      ], caption: "Destinations of magnet new scrap, 2021")
  }

  /// Cost categories per process (wide form, money).
  static var lossCosts: Table {
    Table(
      [
        .text("process", ["Mining", "Separation", "Metals", "Magnets"]),
        .number("material_loss_cost", [120e6, 410e6, 95e6, 60e6], .money),
        .number("energy_loss_cost", [30e6, 85e6, 40e6, 22e6], .money),
        .number("system_loss_cost", [55e6, 140e6, 35e6, 48e6], .money),
      ], caption: "Cost of material losses by process, 2021")
  }

  /// A table with hostile names in every text position.
  static var hostile: Table {
    Table(
      [
        .text("<script>alert(1)</script>", ["<script>", "A & B", "\"quoted\" 'single'"]),
        .number("mass & \"more\"", [1_500, -20, .nan], .mass),
      ], caption: "<b>caption</b> & \"more\"")
  }

  /// A long table (75 rows) of years and values, to exercise truncation.
  static var long: Table {
    let n = 75
    return Table(
      [
        .year("year", (0..<n).map { 1950 + $0 }),
        .text("process", (0..<n).map { "P\($0)" }),
        .number("mass", (0..<n).map { Double($0) * 1234.5 + 0.25 }, .mass),
        .number("share", (0..<n).map { Double($0) / Double(n) }, .ratio),
        .number("price", (0..<n).map { 3_912 + Double($0) * 100 }, .price),
      ], caption: "A long table")
  }
}

/// Checks that `xml` parses as XML with Foundation's parser; returns the error text or `nil`.
func xmlProblem(_ xml: String) -> String? {
  let parser = XMLParser(data: Data(xml.utf8))
  if parser.parse() && parser.parserError == nil { return nil }
  return
    "line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")"
}
