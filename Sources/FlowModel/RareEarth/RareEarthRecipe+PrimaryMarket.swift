extension RareEarthRecipe {
  /// R7, R8, R9 at the primary-product market.
  ///
  /// R7 Exports of compounds and metals: customs gross t × REO factor, split into compounds and
  /// metals by the 2021 metal share, and into element groups by this year's separated output
  /// composition. R8 Magnet-chain demand: magnet production (gross t) × REO content = magnet
  /// blanks, drawn through the metals stage together with the metal exports. R9 Residual domestic
  /// uses: what remains of the separated output is split over functional materials and
  /// traditional uses by the end-use shares of its element group (light and heavy groups have
  /// their own); a negative residual is clamped to zero and reported.
  func primaryMarket(_ input: RuleInput) throws -> RuleStep {
    let year = input.year
    let composition = Self.composition(input.inflow)
    let exports = try exportsREO(year)
    let metalShare = try data.parameter("EXPORT_METAL_SHARE")
    let magnetH = try data.parameter("MAGNET_HREE_SHARE")
    let blanks = try data.series("magnet_production_gross", year) * data.parameter("REO_FACTOR_MAGNET")
    let exportTag = weakest(input, tag(year, series: ["exp_rare_earths_gross"], parameters: Self.exportFactors))
    let metalTag = min(
      exportTag,
      tag(year, series: ["magnet_production_gross"], parameters: ["REO_FACTOR_MAGNET", "MAGNET_HREE_SHARE"]))
    var step = RuleStep()
    for m in Self.materials {
      let share = composition[m] ?? 0
      step.fixed.append(
        Draft(
          target: "EXP_PRIM", material: m, mass: exports * (1 - metalShare) * share, weight: share,
          good: "oxide", provenance: exportTag.text, rule: "R7 compound exports × REO factor"))
      let magnetWeight = m == "HREE" ? magnetH : 1 - magnetH
      step.fixed.append(
        Draft(
          target: "MET", material: m, mass: blanks * magnetWeight + exports * metalShare * share,
          weight: magnetWeight, good: "oxide", provenance: metalTag.text,
          rule: "R8 magnet blanks + metal exports"))
    }
    let shareTag = tag(year, parameters: Self.endUseShareNames)
    var normalised: [String: [String: Double]] = [:]  // end use → material → share
    for m in Self.materials {
      let raw = try Self.endUses.map { try data.parameter(Self.endUseShare($0, material: m)) }
      let sum = raw.reduce(0, +)
      for (use, share) in zip(Self.endUses, raw) { normalised[use, default: [:]][m] = sum > 0 ? share / sum : 0 }
    }
    step.closing = Self.endUses.map { use in
      RuleStep.Closing(
        use, shares: normalised[use] ?? [:], good: "oxide", rule: "R9 residual domestic use × end-use share",
        tag: shareTag)
    }
    return step
  }

  /// The end-use share parameters of R9, light group first.
  private static let endUseShareNames = materials.flatMap { m in endUses.map { endUseShare($0, material: m) } }
}
