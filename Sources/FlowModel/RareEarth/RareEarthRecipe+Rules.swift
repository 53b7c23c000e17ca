/// The derivation rules of the bundled model (rare-earth-model.md §4.3), one per process.
///
/// Each rule sees the process's inflow by element group in one year and returns the flows fixed
/// by data or parameters plus the outflows that close its balance. Rule numbers (R1–R13) appear
/// in the `rule` column of the flows table.
extension RareEarthRecipe {
  /// The rule for `process` in `year`, given its inflow by material and every process's
  /// inflow so far this year.
  func step(
    _ process: String, year: Int, inflow: [String: Double], inflows: [String: [String: Double]]
  ) throws -> RuleStep {
    var step = RuleStep()
    let rockH = try data.parameter("ROCK_HREE_SHARE")
    let ionH = try data.parameter("ION_HREE_SHARE")
    let magnetH = try data.parameter("MAGNET_HREE_SHARE")
    switch process {
    case "ENV":
      // R1 Mining from quotas: the rock-type (light) quota is the total quota minus the
      // ion-adsorption quota. Extraction = quota / recovery, so that the mine output equals the
      // quota and the tailings are quota × (1/recovery − 1). Element groups by deposit matrix.
      let total = try data.series("quota_total", year)
      let ion = try data.series("quota_ion", year)
      let rock = total - ion
      step.fixed += try split(
        "MIN_ROCK", rock / data.parameter("RECOVERY_ROCK"), hree: rockH, good: "ore",
        provenance: "D", rule: "R1 rock-type quota / recovery")
      step.fixed += try split(
        "MIN_ION", ion / data.parameter("RECOVERY_ION"), hree: ionH, good: "ore",
        provenance: data.kind("quota_ion", year), rule: "R1 ion-adsorption quota / recovery")
      // R3 Undocumented supply (undocumented mode only): the estimate of illegal mining, taken
      // as ion-adsorption feed (the literature's cases are Tb, Dy, Tm from southern clays).
      if mode == .undocumented {
        step.fixed += split(
          "MIN_UNDOC", try data.series("undocumented_supply", year) / data.parameter("RECOVERY_ION"),
          hree: ionH, good: "ore", provenance: "E", rule: "R3 undocumented supply / recovery")
      }
    case "MIN_ROCK", "MIN_ION", "MIN_UNDOC":
      // R2 Mining and beneficiation: tailings = inflow × (1 − recovery); the rest is concentrate.
      let recovery = try data.parameter(process == "MIN_ROCK" ? "RECOVERY_ROCK" : "RECOVERY_ION")
      step.fixed += proportional(
        "TAIL", 1 - recovery, of: inflow, good: "residue", provenance: "E",
        rule: "R2 tailings (1 − recovery)")
      step.closing = [("CONC", 1, "concentrate", "R2 concentrate")]
    case "IMP_CONC_US", "IMP_CONC_OTH":
      // R4 Imports of concentrate (US exports of ores and compounds; other monazite and MREC),
      // t REO, rock-type element split.
      let series = process == "IMP_CONC_US" ? "imp_conc_us" : "imp_conc_oth"
      step.fixed += split(
        "CONC", try data.series(series, year), hree: rockH, good: "concentrate",
        provenance: data.kind(series, year), rule: "R4 concentrate imports")
    case "IMP_PRIM":
      // R4 Imports of primary products (Myanmar mixed oxides and carbonates), fed to separation,
      // ion-adsorption element split.
      step.fixed += split(
        "SEP", try data.series("imp_prim", year), hree: ionH, good: "mixed_primary",
        provenance: data.kind("imp_prim", year), rule: "R4 primary-product imports")
    case "IMP_MET_MAG":
      // R4 Imports of magnets: gross t × REO content of NdFeB, straight to domestic use.
      step.fixed += split(
        "USE", try data.series("imp_magnets_gross", year) * data.parameter("REO_FACTOR_MAGNET"),
        hree: magnetH, good: "magnet_import", provenance: data.kind("imp_magnets_gross", year),
        rule: "R4 magnet imports × REO factor")
    case "CONC":
      // R5 Concentrate pool: everything that enters goes on to separation.
      step.closing = [("SEP", 1, "concentrate", "R5 concentrate to separation")]
    case "SEP":
      // R6 Separation: a fixed share of the input is lost (about 10 %, S1); the rest are
      // separated primary products in the same element group.
      step.fixed += proportional(
        "SEP_RES", try data.parameter("SEP_LOSS"), of: inflow, good: "residue", provenance: "D",
        rule: "R6 separation loss")
      step.closing = [("PRIM", 1, "oxide", "R6 separated output")]
    case "PRIM":
      try primaryStep(&step, year: year, inflow: inflow, magnetH: magnetH)
    case "MET":
      // R8 Metals: metal exports are fixed by customs data; the rest goes to magnet making.
      let composition = Self.composition(inflows["PRIM"] ?? [:])
      let metalExports =
        try data.series("exp_rare_earths_gross", year) * data.parameter("REO_FACTOR_EXPORTS")
        * data.parameter("EXPORT_METAL_SHARE")
      step.fixed += Self.materials.map { m in
        Draft(
          target: "EXP_MET", material: m, mass: metalExports * (composition[m] ?? 0),
          weight: composition[m] ?? 0, good: "metal", provenance: "D",
          rule: "R7 metal exports × REO factor")
      }
      step.closing = [("MAG", 1, "metal", "R8 metal to magnets")]
    case "MAG":
      // R10 Magnets: new scrap (swarf) returns to separation; exports fixed by customs data
      // (never more than the finished magnets); the rest goes to domestic use.
      let swarf = try data.parameter("SWARF_SHARE")
      step.fixed += proportional(
        "SEP", swarf, of: inflow, good: "scrap", provenance: "E", rule: "R10 new scrap to separation")
      let exports = try data.series("exp_magnets_gross", year) * data.parameter("REO_FACTOR_MAGNET")
      for (m, weight) in [("LREE", 1 - magnetH), ("HREE", magnetH)] {
        let finished = (inflow[m] ?? 0) * (1 - swarf)
        step.fixed.append(
          Draft(
            target: "EXP_MAG", material: m, mass: min(exports * weight, finished), weight: weight,
            good: "magnet", provenance: data.kind("exp_magnets_gross", year),
            rule: "R10 magnet exports × REO factor"))
      }
      step.closing = [("USE", 1, "magnet", "R10 magnets to domestic use")]
    case "FM_POL", "FM_CAT", "FM_HS", "FM_PHO":
      // R11 Functional materials: no loss data, everything made goes to use.
      step.closing = [("USE", 1, "functional_material", "R11 functional materials to use")]
    case "TRAD":
      step.closing = [("USE", 1, "traditional_product", "R11 traditional products to use")]
    case "USE":
      // R12 Use: end-of-life outflow = a share of the year's inflow (lifetime proxy); the rest
      // accumulates as in-use stock.
      step.fixed += proportional(
        "WM", try data.parameter("USE_EOL_SHARE"), of: inflow, good: "end_of_life",
        provenance: "E", rule: "R12 end-of-life outflow")
      step.keepsStock = true
    case "WM":
      // R13 Waste management: under 1 % is recycled to separation, the rest is landfilled or
      // dissipated.
      step.fixed += proportional(
        "SEP", try data.parameter("EOL_RECYCLING_RATE"), of: inflow, good: "recycled",
        provenance: "E", rule: "R13 end-of-life recycling")
      step.closing = [("DISS", 1, "end_of_life", "R13 landfill and dissipation")]
    default:
      break
    }
    return step
  }

  /// R7, R8, R9 at the primary-product market.
  private func primaryStep(
    _ step: inout RuleStep, year: Int, inflow: [String: Double], magnetH: Double
  ) throws {
    // R7 Exports of compounds and metals: customs gross t × REO factor, split into compounds
    // and metals by the 2021 metal share, and into element groups by this year's separated
    // output composition.
    let composition = Self.composition(inflow)
    let exportsREO = try data.series("exp_rare_earths_gross", year) * data.parameter("REO_FACTOR_EXPORTS")
    let metalShare = try data.parameter("EXPORT_METAL_SHARE")
    // R8 Magnet chain demand: magnet production (gross t) × REO content = magnet blanks,
    // drawn through the metals stage together with the metal exports.
    let blanks = try data.series("magnet_production_gross", year) * data.parameter("REO_FACTOR_MAGNET")
    for m in Self.materials {
      let share = composition[m] ?? 0
      step.fixed.append(
        Draft(
          target: "EXP_PRIM", material: m, mass: exportsREO * (1 - metalShare) * share,
          weight: share, good: "oxide", provenance: "D", rule: "R7 compound exports × REO factor"))
      let magnetWeight = m == "HREE" ? magnetH : 1 - magnetH
      step.fixed.append(
        Draft(
          target: "MET", material: m, mass: blanks * magnetWeight + exportsREO * metalShare * share,
          weight: magnetWeight, good: "oxide", provenance: "D",
          rule: "R8 magnet blanks + metal exports"))
    }
    // R9 Residual domestic uses: what remains of the separated output after exports and the
    // magnet chain is split over functional materials and traditional uses by the default
    // end-use shares (§2.7). A negative residual is clamped to zero and reported.
    let names = ["FM_POL", "FM_CAT", "FM_HS", "FM_PHO", "TRAD"]
    let raw = try names.map { try data.parameter("SHARE_" + $0) }
    let sum = raw.reduce(0, +)
    step.closing = zip(names, raw).map { name, share in
      (name, sum > 0 ? share / sum : 0, "oxide", "R9 residual domestic use × end-use share")
    }
  }

  /// Each material's share of `inflow`.
  static func composition(_ inflow: [String: Double]) -> [String: Double] {
    let total = inflow.values.reduce(0, +)
    return Dictionary(
      uniqueKeysWithValues: materials.map { ($0, total > 0 ? (inflow[$0] ?? 0) / total : 0) })
  }

  /// Splits `total` t into LREE and HREE by the deposit matrix share `hree`.
  private func split(
    _ target: String, _ total: Double, hree: Double, good: String, provenance: String, rule: String
  ) -> [Draft] {
    [
      Draft(
        target: target, material: "LREE", mass: total * (1 - hree), weight: 1 - hree, good: good,
        provenance: provenance, rule: rule),
      Draft(
        target: target, material: "HREE", mass: total * hree, weight: hree, good: good,
        provenance: provenance, rule: rule),
    ]
  }

  /// `share` of the inflow of each material.
  private func proportional(
    _ target: String, _ share: Double, of inflow: [String: Double], good: String,
    provenance: String, rule: String
  ) -> [Draft] {
    let total = inflow.values.reduce(0, +)
    return Self.materials.map { m in
      Draft(
        target: target, material: m, mass: (inflow[m] ?? 0) * share,
        weight: total > 0 ? (inflow[m] ?? 0) / total : 0.5, good: good, provenance: provenance,
        rule: rule)
    }
  }
}
