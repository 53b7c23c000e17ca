import Testing

@testable import FlowModel

/// A flow's F/D/E tag is the weakest of everything it is computed from (F > D > E), and a rule's
/// output is at most D. The inputs of each rule are typed in here from the data README's rule
/// list, independently of the rule table.
@Suite struct ProvenanceTests {
  /// What a rule computes its flows from.
  struct Inputs {
    var series: [String] = []
    var parameters: [String] = []
    /// Whether the flow is a share of (or the remainder of) the source's inflow.
    var inflow = false
  }

  /// Every rule of the data README (R1–R13), as the flows table names them.
  static let allRules = [
    "R1 rock-type quota / recovery", "R1 ion-adsorption quota / recovery", "R2 tailings (1 − recovery)",
    "R2 concentrate", "R3 undocumented supply / recovery", "R4 concentrate imports", "R4 primary-product imports",
    "R4 magnet imports × REO factor", "R5 concentrate to separation", "R6 separation loss", "R6 separated output",
    "R7 compound exports × REO factor", "R7 metal exports × REO factor", "R8 magnet blanks + metal exports",
    "R8 metal to magnets", "R9 residual domestic use × end-use share", "R10 new scrap to separation",
    "R10 magnet exports × REO factor", "R10 magnets to domestic use", "R11 functional materials to use",
    "R11 traditional products to use", "R12 end-of-life outflow", "R13 end-of-life recycling",
    "R13 landfill and dissipation",
  ]

  static let exports = ["REO_FACTOR_EXPORTS", "EXPORT_METAL_SHARE"]
  static let magnetExports = ["SWARF_SHARE", "REO_FACTOR_MAGNET", "MAGNET_HREE_SHARE"]
  static let endUseShares = ["FM_POL", "FM_CAT", "FM_HS", "FM_PHO", "TRAD"].flatMap {
    ["SHARE_" + $0, "SHARE_HREE_" + $0]
  }

  /// The inputs of the rule `rule` that produced a flow out of `source`.
  static func inputs(rule: String, source: String) -> Inputs? {
    let recovery = source == "MIN_ROCK" ? "RECOVERY_ROCK" : "RECOVERY_ION"
    switch rule {
    case "R1 rock-type quota / recovery":
      return Inputs(series: ["quota_total", "quota_ion"], parameters: ["RECOVERY_ROCK", "ROCK_HREE_SHARE"])
    case "R1 ion-adsorption quota / recovery":
      return Inputs(series: ["quota_ion"], parameters: ["RECOVERY_ION", "ION_HREE_SHARE"])
    case "R3 undocumented supply / recovery":
      return Inputs(series: ["undocumented_supply"], parameters: ["RECOVERY_ION", "ION_HREE_SHARE"])
    case "R2 tailings (1 − recovery)", "R2 concentrate":
      return Inputs(parameters: [recovery], inflow: true)
    case "R4 concentrate imports":
      return Inputs(series: [source == "IMP_CONC_US" ? "imp_conc_us" : "imp_conc_oth"], parameters: ["ROCK_HREE_SHARE"])
    case "R4 primary-product imports":
      return Inputs(series: ["imp_prim"], parameters: ["ION_HREE_SHARE"])
    case "R4 magnet imports × REO factor":
      return Inputs(series: ["imp_magnets_gross"], parameters: ["REO_FACTOR_MAGNET", "MAGNET_HREE_SHARE"])
    case "R5 concentrate to separation", "R11 functional materials to use", "R11 traditional products to use":
      return Inputs(inflow: true)
    case "R6 separation loss", "R6 separated output":
      return Inputs(parameters: ["SEP_LOSS"], inflow: true)
    case "R7 compound exports × REO factor", "R7 metal exports × REO factor", "R8 metal to magnets":
      return Inputs(series: ["exp_rare_earths_gross"], parameters: exports, inflow: true)
    case "R8 magnet blanks + metal exports":
      return Inputs(
        series: ["exp_rare_earths_gross", "magnet_production_gross"],
        parameters: exports + ["REO_FACTOR_MAGNET", "MAGNET_HREE_SHARE"], inflow: true)
    case "R9 residual domestic use × end-use share":
      return Inputs(
        series: ["exp_rare_earths_gross", "magnet_production_gross"],
        parameters: exports + ["REO_FACTOR_MAGNET", "MAGNET_HREE_SHARE"] + endUseShares, inflow: true)
    case "R10 new scrap to separation":
      return Inputs(parameters: ["SWARF_SHARE"], inflow: true)
    case "R10 magnet exports × REO factor", "R10 magnets to domestic use":
      return Inputs(series: ["exp_magnets_gross"], parameters: magnetExports, inflow: true)
    case "R12 end-of-life outflow":
      return Inputs(parameters: ["USE_EOL_SHARE"], inflow: true)
    case "R13 end-of-life recycling", "R13 landfill and dissipation":
      return Inputs(parameters: ["EOL_RECYCLING_RATE"], inflow: true)
    default:
      return nil
    }
  }

  /// Checks every flow of `model` against its rule's inputs in `data`; returns the rules seen.
  @discardableResult
  static func check(_ model: MaterialFlowModel, _ data: RareEarthData, context: String = "") -> Set<String> {
    let strength = ["E": 0, "D": 1, "F": 2]
    var seen = Set<String>()
    for flow in model.flows {
      guard let rule = flow.rule, let inputs = inputs(rule: rule, source: flow.source) else {
        Issue.record("\(context) no inputs known for rule \(flow.rule ?? "nil") (\(flow.source) → \(flow.target))")
        continue
      }
      seen.insert(rule)
      var tags = ["D"]
      tags += inputs.series.map { data.seriesKind[$0]?[flow.year] ?? "E" }
      tags += inputs.parameters.map { data.parameterKinds[$0] ?? "E" }
      if inputs.inflow {
        tags += model.flows.filter { $0.year == flow.year && $0.target == flow.source }.compactMap(\.provenance)
      }
      let expected = tags.min { strength[$0, default: 0] < strength[$1, default: 0] }
      #expect(
        flow.provenance == expected,
        "\(context) \(flow.year) \(flow.source) → \(flow.target) \(flow.material) (\(rule)): \(flow.provenance ?? "nil"), expected \(expected ?? "")"
      )
    }
    return seen
  }

  @Test(arguments: SupplyMode.allCases)
  func bundledTagsAreTheWeakestOfTheirInputs(mode: SupplyMode) throws {
    let model = try Bundled.model(mode)
    let seen = Self.check(model, try RareEarthData.loadBundled())
    let expected = Self.allRules.filter { mode == .undocumented || !$0.hasPrefix("R3") }
    #expect(seen == Set(expected), "\(seen.symmetricDifference(expected).sorted())")
  }

  /// With every input found, each flow is derived; marking one input as an estimate makes every
  /// flow computed from it — directly or through an inflow — an estimate, and nothing else.
  @Test func oneEstimatedInputWeakensExactlyTheFlowsBuiltOnIt() throws {
    var found = try RareEarthData.loadBundled()
    found.seriesKind = found.seriesKind.mapValues { $0.mapValues { _ in "F" } }
    found.parameterKinds = found.parameterKinds.mapValues { _ in "F" }
    let all = try MaterialFlowModel(recipe: RareEarthRecipe(data: found, mode: .undocumented))
    #expect(all.flows.allSatisfy { $0.provenance == "D" })
    Self.check(all, found, context: "all F")
    let names =
      found.parameters.keys.map { (series: false, name: $0) } + found.series.keys.map { (series: true, name: $0) }
    for input in names.sorted(by: { $0.name < $1.name }) {
      var data = found
      if input.series {
        data.seriesKind[input.name] = data.seriesKind[input.name]?.mapValues { _ in "E" }
      } else {
        data.parameterKinds[input.name] = "E"
      }
      let model = try MaterialFlowModel(recipe: RareEarthRecipe(data: data, mode: .undocumented))
      Self.check(model, data, context: input.name)
    }
  }

  @Test func estimatedInputsMakeTheAuditedFlowsEstimates() throws {
    let model = try Bundled.model()
    // The audit's cases: R4 imports split by the estimated HREE share, R10 magnet exports by the
    // estimated 0.36 REO factor, R9 by estimated end-use shares, R1 by an estimated recovery.
    for (source, target) in [("IMP_CONC_US", "CONC"), ("MAG", "EXP_MAG"), ("PRIM", "FM_POL"), ("ENV", "MIN_ROCK")] {
      let flows = model.flows.filter { $0.source == source && $0.target == target }
      #expect(!flows.isEmpty)
      #expect(flows.allSatisfy { $0.provenance == "E" }, "\(source) → \(target)")
    }
  }
}
