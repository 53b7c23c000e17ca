/// The derivation rules of the bundled model (R1–R13 of the data README), a table keyed by process.
///
/// Each rule sees the process's inflow by element group in one year and returns the flows fixed
/// by data or parameters plus the outflows that close its balance. Rule numbers (R1–R13) appear
/// in the `rule` column of the flows table. Each fixed flow's provenance is the weakest tag of the
/// series and parameters it is computed from (and of the inflow, when it is a share of it); the
/// closing flows add the inflow and the fixed flows (``RareEarthRecipe/evaluate``).
extension RareEarthRecipe {
  /// A process's rule: its step in one year, given what it receives.
  typealias Rule = @Sendable (RareEarthRecipe, RuleInput) throws -> RuleStep

  /// The rule of each process that has one; a process without a rule passes nothing on.
  ///
  /// A lifetime model replaces `USE` (rule R12) here; the shape is one closure per process id.
  static let rules: [String: Rule] = [
    "ENV": { try $0.extraction($1) },
    "MIN_ROCK": { try $0.beneficiation($1, recovery: "RECOVERY_ROCK") },
    "MIN_ION": { try $0.beneficiation($1, recovery: "RECOVERY_ION") },
    "MIN_UNDOC": { try $0.beneficiation($1, recovery: "RECOVERY_ION") },
    "IMP_CONC_US": { try $0.concentrateImports($1, series: "imp_conc_us") },
    "IMP_CONC_OTH": { try $0.concentrateImports($1, series: "imp_conc_oth") },
    "IMP_PRIM": { try $0.primaryImports($1) },
    "IMP_MET_MAG": { try $0.magnetImports($1) },
    "CONC": { _, _ in RuleStep(closing: [.init("SEP", good: "concentrate", rule: "R5 concentrate to separation")]) },
    "SEP": { try $0.separation($1) },
    "PRIM": { try $0.primaryMarket($1) },
    "MET": { try $0.metals($1) },
    "MAG": { try $0.magnets($1) },
    "FM_POL": { $0.functionalMaterial($1) },
    "FM_CAT": { $0.functionalMaterial($1) },
    "FM_HS": { $0.functionalMaterial($1) },
    "FM_PHO": { $0.functionalMaterial($1) },
    "TRAD": { _, _ in
      RuleStep(closing: [.init("USE", good: "traditional_product", rule: "R11 traditional products to use")])
    },
    "USE": { try $0.endOfLife($1) },
    "WM": { try $0.wasteManagement($1) },
  ]

  /// The end-use processes of rule R9, in order.
  static let endUses = ["FM_POL", "FM_CAT", "FM_HS", "FM_PHO", "TRAD"]

  /// The parameter holding the end-use share of `use` for `material` (separate light and heavy
  /// shares).
  static func endUseShare(_ use: String, material: String) -> String {
    material == "HREE" ? "SHARE_HREE_" + use : "SHARE_" + use
  }

  /// The step of `input.process` (an empty step when the process has no rule).
  func step(_ input: RuleInput) throws -> RuleStep {
    try Self.orderedRules[input.slot]?(self, input) ?? RuleStep()
  }

  /// The rule of each process of ``order``, by position.
  private static let orderedRules = order.map { rules[$0] }

  /// R1 Mining from quotas: the rock-type (light) quota is the total quota minus the
  /// ion-adsorption quota. Extraction = quota / recovery, so that the mine output equals the quota
  /// and the tailings are quota × (1/recovery − 1). Element groups by deposit matrix.
  /// R3 Undocumented supply (undocumented mode only): the estimate of illegal mining, taken as
  /// ion-adsorption feed (the literature's cases are Tb, Dy, Tm from southern clays).
  private func extraction(_ input: RuleInput) throws -> RuleStep {
    let year = input.year
    let total = try data.series("quota_total", year)
    let ion = try data.series("quota_ion", year)
    var step = RuleStep()
    step.fixed += try split(
      "MIN_ROCK", (total - ion) / data.parameter("RECOVERY_ROCK"), hree: "ROCK_HREE_SHARE", good: "ore",
      tag: tag(year, series: ["quota_total", "quota_ion"], parameters: ["RECOVERY_ROCK"]),
      rule: "R1 rock-type quota / recovery")
    step.fixed += try split(
      "MIN_ION", ion / data.parameter("RECOVERY_ION"), hree: "ION_HREE_SHARE", good: "ore",
      tag: tag(year, series: ["quota_ion"], parameters: ["RECOVERY_ION"]), rule: "R1 ion-adsorption quota / recovery")
    if mode == .undocumented {
      step.fixed += try split(
        "MIN_UNDOC", data.series("undocumented_supply", year) / data.parameter("RECOVERY_ION"),
        hree: "ION_HREE_SHARE", good: "ore",
        tag: tag(year, series: ["undocumented_supply"], parameters: ["RECOVERY_ION"]),
        rule: "R3 undocumented supply / recovery")
    }
    return step
  }

  /// R2 Mining and beneficiation: tailings = inflow × (1 − recovery); the rest is concentrate.
  private func beneficiation(_ input: RuleInput, recovery name: String) throws -> RuleStep {
    RuleStep(
      fixed: proportional(
        "TAIL", 1 - (try data.parameter(name)), of: input, good: "residue",
        tag: tag(input.year, parameters: [name]), rule: "R2 tailings (1 − recovery)"),
      closing: [.init("CONC", good: "concentrate", rule: "R2 concentrate")])
  }

  /// R4 Imports of concentrate (US exports of ores and compounds; other monazite and MREC), t REO,
  /// rock-type element split.
  private func concentrateImports(_ input: RuleInput, series: String) throws -> RuleStep {
    RuleStep(
      fixed: try split(
        "CONC", data.series(series, input.year), hree: "ROCK_HREE_SHARE", good: "concentrate",
        tag: tag(input.year, series: [series]), rule: "R4 concentrate imports"))
  }

  /// R4 Imports of primary products (Myanmar mixed oxides and carbonates), fed to separation,
  /// ion-adsorption element split.
  private func primaryImports(_ input: RuleInput) throws -> RuleStep {
    RuleStep(
      fixed: try split(
        "SEP", data.series("imp_prim", input.year), hree: "ION_HREE_SHARE", good: "mixed_primary",
        tag: tag(input.year, series: ["imp_prim"]), rule: "R4 primary-product imports"))
  }

  /// R4 Imports of magnets: gross t × REO content of NdFeB, straight to domestic use.
  private func magnetImports(_ input: RuleInput) throws -> RuleStep {
    RuleStep(
      fixed: try split(
        "USE", data.series("imp_magnets_gross", input.year) * data.parameter("REO_FACTOR_MAGNET"),
        hree: "MAGNET_HREE_SHARE", good: "magnet_import",
        tag: tag(input.year, series: ["imp_magnets_gross"], parameters: ["REO_FACTOR_MAGNET"]),
        rule: "R4 magnet imports × REO factor"))
  }

  /// R6 Separation: a fixed share of the input is lost (about 10 %, S1); the rest are separated
  /// primary products in the same element group.
  private func separation(_ input: RuleInput) throws -> RuleStep {
    try share(
      input, "SEP_LOSS", to: "SEP_RES", good: "residue", rule: "R6 separation loss",
      rest: .init("PRIM", good: "oxide", rule: "R6 separated output"))
  }

  /// R8 Metals: metal exports are fixed by customs data (split by the composition of the separated
  /// output); the rest goes to magnet making.
  private func metals(_ input: RuleInput) throws -> RuleStep {
    let composition = Self.composition(input.inflow(of: "PRIM"))
    let metalExports = try exportsREO(input.year) * data.parameter("EXPORT_METAL_SHARE")
    let provenance = weakest(input, tag(input.year, series: ["exp_rare_earths_gross"], parameters: Self.exportFactors))
    return RuleStep(
      fixed: Self.materials.map { m in
        Draft(
          target: "EXP_MET", material: m, mass: metalExports * (composition[m] ?? 0),
          weight: composition[m] ?? 0, good: "metal", provenance: provenance.text,
          rule: "R7 metal exports × REO factor")
      },
      closing: [.init("MAG", good: "metal", rule: "R8 metal to magnets")])
  }

  /// R10 Magnets: new scrap (swarf) returns to separation; exports fixed by customs data (never
  /// more than the finished magnets); the rest goes to domestic use.
  private func magnets(_ input: RuleInput) throws -> RuleStep {
    let swarf = try data.parameter("SWARF_SHARE")
    let magnetH = try data.parameter("MAGNET_HREE_SHARE")
    var step = RuleStep()
    step.fixed += proportional(
      "SEP", swarf, of: input, good: "scrap", tag: tag(input.year, parameters: ["SWARF_SHARE"]),
      rule: "R10 new scrap to separation")
    let exports = try data.series("exp_magnets_gross", input.year) * data.parameter("REO_FACTOR_MAGNET")
    let provenance = weakest(
      input,
      tag(
        input.year, series: ["exp_magnets_gross"],
        parameters: ["SWARF_SHARE", "REO_FACTOR_MAGNET", "MAGNET_HREE_SHARE"]))
    for (m, weight) in [("LREE", 1 - magnetH), ("HREE", magnetH)] {
      let finished = (input.inflow[m] ?? 0) * (1 - swarf)
      step.fixed.append(
        Draft(
          target: "EXP_MAG", material: m, mass: min(exports * weight, finished), weight: weight,
          good: "magnet", provenance: provenance.text, rule: "R10 magnet exports × REO factor"))
    }
    step.closing = [.init("USE", good: "magnet", rule: "R10 magnets to domestic use")]
    return step
  }

  /// R11 Functional materials: no loss data, everything made goes to use.
  private func functionalMaterial(_ input: RuleInput) -> RuleStep {
    RuleStep(closing: [.init("USE", good: "functional_material", rule: "R11 functional materials to use")])
  }

  /// R12 Use: end-of-life outflow = a share of the year's inflow (a lifetime proxy, dissipative
  /// uses included); the rest accumulates as in-use stock.
  private func endOfLife(_ input: RuleInput) throws -> RuleStep {
    RuleStep(
      fixed: proportional(
        "WM", try data.parameter("USE_EOL_SHARE"), of: input, good: "end_of_life",
        tag: tag(input.year, parameters: ["USE_EOL_SHARE"]), rule: "R12 end-of-life outflow"),
      keepsStock: true)
  }

  /// R13 Waste management: under 1 % is recycled to separation, the rest is landfilled or
  /// dissipated.
  private func wasteManagement(_ input: RuleInput) throws -> RuleStep {
    try share(
      input, "EOL_RECYCLING_RATE", to: "SEP", good: "recycled", rule: "R13 end-of-life recycling",
      rest: .init("DISS", good: "end_of_life", rule: "R13 landfill and dissipation"))
  }

  /// The share `parameter` of the inflow goes to `target`; `rest` takes the remainder.
  private func share(
    _ input: RuleInput, _ parameter: String, to target: String, good: String, rule: String,
    rest: RuleStep.Closing
  ) throws -> RuleStep {
    RuleStep(
      fixed: proportional(
        target, try data.parameter(parameter), of: input, good: good,
        tag: tag(input.year, parameters: [parameter]), rule: rule),
      closing: [rest])
  }
}

/// What a rule sees: the process, the year, and the inflows evaluated so far this year.
struct RuleInput {
  var process: String
  var year: Int
  /// The process's slot (``DerivationSlots``).
  var slot: Int
  /// Every process's inflow so far this year, by slot and material.
  var inflows: Inflows
  /// The materials numbered so far.
  var materials: [String]

  /// The process's inflow by material.
  var inflow: MaterialMasses { MaterialMasses(inflows: inflows, slot: slot, materials: materials) }

  /// The weakest provenance of the flows into the process this year.
  var inflowTag: ProvenanceTag { inflows.tag(slot: slot) }

  /// The inflow of another process of the evaluation order, by material.
  func inflow(of process: String) -> MaterialMasses {
    MaterialMasses(inflows: inflows, slot: DerivationSlots.ordered.existingSlot(process), materials: materials)
  }
}

extension RareEarthRecipe {
  /// The parameters that turn customs exports of rare earths into t REO of compounds and metals.
  static let exportFactors = ["REO_FACTOR_EXPORTS", "EXPORT_METAL_SHARE"]

  /// Customs exports of compounds and metals in `year`, in t REO.
  func exportsREO(_ year: Int) throws -> Double {
    try data.series("exp_rare_earths_gross", year) * data.parameter("REO_FACTOR_EXPORTS")
  }

  /// The weakest tag of the series (in `year`) and parameters named, at most derived.
  func tag(_ year: Int, series: [String] = [], parameters: [String] = []) -> ProvenanceTag {
    // ProvenanceTag.weakest over both lists, without building them.
    var weakest = ProvenanceTag.derived
    for name in series { weakest = min(weakest, data.tag(series: name, year)) }
    for name in parameters { weakest = min(weakest, data.tag(parameter: name)) }
    return weakest
  }

  /// `tag` weakened by the rule's inflow.
  func weakest(_ input: RuleInput, _ tag: ProvenanceTag) -> ProvenanceTag {
    min(tag, input.inflowTag)
  }

  /// Each material's share of `inflow`.
  static func composition(_ inflow: MaterialMasses) -> [String: Double] {
    let total = inflow.total
    return Dictionary(
      uniqueKeysWithValues: materials.map { ($0, total > 0 ? (inflow[$0] ?? 0) / total : 0) })
  }

  /// Splits `total` t into LREE and HREE by the deposit-matrix parameter `hree`, whose tag joins
  /// `tag`.
  func split(
    _ target: String, _ total: Double, hree name: String, good: String, tag: ProvenanceTag, rule: String
  ) throws -> [Draft] {
    let hree = try data.parameter(name)
    let provenance = min(tag, data.tag(parameter: name)).text
    return [
      Draft(
        target: target, material: "LREE", mass: total * (1 - hree), weight: 1 - hree, good: good,
        provenance: provenance, rule: rule),
      Draft(
        target: target, material: "HREE", mass: total * hree, weight: hree, good: good,
        provenance: provenance, rule: rule),
    ]
  }

  /// `share` of the inflow of each material; the inflow's tag joins `tag`.
  func proportional(
    _ target: String, _ share: Double, of input: RuleInput, good: String, tag: ProvenanceTag, rule: String
  ) -> [Draft] {
    let total = input.inflow.total
    let provenance = weakest(input, tag).text
    return Self.materials.map { m in
      Draft(
        target: target, material: m, mass: (input.inflow[m] ?? 0) * share,
        weight: total > 0 ? (input.inflow[m] ?? 0) / total : 0.5, good: good, provenance: provenance,
        rule: rule)
    }
  }
}
