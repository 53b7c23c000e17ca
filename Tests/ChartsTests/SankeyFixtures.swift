import FlowModel

/// Sankey inputs: a small synthetic graph with two loops, and a rare-earth-like supply chain.
enum SankeyFixtures {
  /// A → B → C → D with a return flow C → B and a long loop D → A; B also loses to E.
  static var cycle: Table {
    Table(
      [
        .text("source", ["A", "B", "C", "C", "B", "D", "D"]),
        .text("target", ["B", "C", "D", "B", "E", "A", "F"]),
        .number("value", [100_000, 80_000, 60_000, 20_000, 40_000, 10_000, 50_000], .mass),
      ], caption: "Synthetic flows with a recycling loop")
  }

  /// The nodes of the rare-earth supply chain (id, name, stage, stage_order, kind).
  static var rareEarthNodes: Table {
    let rows: [(String, String, String, Double, String)] = [
      ("ENV", "Lithosphere", "Environment", 0, "source"),
      ("MIN_ROCK", "Mining, rock-type", "Mining", 1, "quantity centre"),
      ("MIN_ION", "Mining, ion-adsorption", "Mining", 1, "quantity centre"),
      ("TAIL", "Tailings", "Concentrate", 2, "sink"),
      ("CONC", "Concentrate pool", "Concentrate", 2, "market node"),
      ("IMP_CONC_US", "Imports: US concentrate", "Imports", 9, "boundary source"),
      ("IMP_CONC_OTH", "Imports: other concentrate", "Imports", 9, "boundary source"),
      ("IMP_PRIM", "Imports: mixed REO", "Imports", 9, "boundary source"),
      ("SEP", "Separation", "Separation", 3, "quantity centre"),
      ("SEP_RES", "Separation residues", "Primary", 4, "sink"),
      ("PRIM", "Primary products", "Primary", 4, "market node"),
      ("EXP_PRIM", "Exports: oxides", "Exports", 9, "boundary sink"),
      ("IMP_MET_MAG", "Imports: metals", "Imports", 9, "boundary source"),
      ("MET", "Metals and alloys", "Metals", 5, "quantity centre"),
      ("EXP_MET", "Exports: metals", "Exports", 9, "boundary sink"),
      ("MAG", "Magnet manufacturing", "Products", 6, "quantity centre"),
      ("FM", "Functional materials", "Products", 6, "quantity centre"),
      ("TRAD", "Traditional uses", "Products", 6, "quantity centre"),
      ("EXP_MAG", "Exports: magnets", "Exports", 9, "boundary sink"),
      ("USE", "In-use stock", "Use", 7, "stock"),
      ("WM", "Waste management", "End of life", 8, "quantity centre"),
      ("DISS", "Landfill and dissipation", "Disposal", 9, "sink"),
    ]
    return Table([
      .text("id", rows.map(\.0)), .text("name", rows.map(\.1)), .text("stage", rows.map(\.2)),
      .number("stage_order", rows.map(\.3)), .text("kind", rows.map(\.4)),
    ])
  }

  /// Flows of one year in t REO, split into LREE and HREE by a light share per flow.
  static var rareEarthLinks: Table {
    let flows: [(String, String, Double, Double)] = [
      ("ENV", "MIN_ROCK", 248_083, 0.985), ("MIN_ROCK", "CONC", 148_850, 0.985), ("MIN_ROCK", "TAIL", 99_233, 0.985),
      ("ENV", "MIN_ION", 44_300, 0.44), ("MIN_ION", "CONC", 22_150, 0.44), ("MIN_ION", "TAIL", 22_150, 0.44),
      ("IMP_CONC_US", "CONC", 44_200, 0.985), ("IMP_CONC_OTH", "CONC", 3_000, 0.9),
      ("CONC", "SEP", 218_200, 0.92), ("IMP_PRIM", "SEP", 36_400, 0.6), ("MAG", "SEP", 16_600, 0.97),
      ("SEP", "SEP_RES", 27_120, 0.9), ("SEP", "PRIM", 244_080, 0.9),
      ("PRIM", "EXP_PRIM", 35_000, 0.85), ("PRIM", "MET", 95_000, 0.95), ("PRIM", "FM", 70_000, 0.9),
      ("PRIM", "TRAD", 44_080, 0.9), ("IMP_MET_MAG", "MET", 3_000, 0.95),
      ("MET", "EXP_MET", 4_500, 0.95), ("MET", "MAG", 93_500, 0.97),
      ("MAG", "EXP_MAG", 20_000, 0.97), ("MAG", "USE", 56_900, 0.97),
      ("FM", "USE", 70_000, 0.9), ("TRAD", "USE", 44_080, 0.9),
      ("USE", "WM", 30_000, 0.92), ("WM", "SEP", 250, 0.92), ("WM", "DISS", 29_750, 0.92),
    ]
    var source: [String] = []
    var target: [String] = []
    var material: [String] = []
    var value: [Double] = []
    for (s, t, v, light) in flows {
      source += [s, s]
      target += [t, t]
      material += ["LREE", "HREE"]
      value += [v * light, v * (1 - light)]
    }
    return Table(
      [
        .text("source", source), .text("target", target), .text("material", material),
        .number("value", value, .mass),
      ], caption: "Rare-earth flows, 2021 (t REO)")
  }

  /// A random-looking but deterministic layered graph for the performance check.
  static func large(nodes: Int, links: Int) -> Table {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let layers = 10
    var source: [String] = []
    var target: [String] = []
    var value: [Double] = []
    for _ in 0..<links {
      let a = Int(next() % UInt64(nodes - nodes / layers))
      let layer = a / (nodes / layers)
      let b = min(nodes - 1, (layer + 1) * (nodes / layers) + Int(next() % UInt64(nodes / layers)))
      source.append("N\(a)")
      target.append("N\(b)")
      value.append(Double(next() % 10_000 + 1))
    }
    return Table([.text("source", source), .text("target", target), .number("value", value, .mass)])
  }
}
