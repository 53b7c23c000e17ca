extension MaterialFlowModel {
  /// The bundled model of China's rare-earth supply chain 2015–2022, derived from the package
  /// resources (quotas, trade, prices, parameters) by the rules R1–R13 of the data README.
  ///
  /// - Parameter mode: ``SupplyMode/official`` (quotas only, the default) or
  ///   ``SupplyMode/undocumented`` (adds the undocumented-mining estimate).
  /// - Throws: ``FlowModelError`` when a resource is missing or malformed.
  public static func bundled(mode: SupplyMode = .official) throws -> MaterialFlowModel {
    let data = try RareEarthData.loadBundled()
    return try MaterialFlowModel(recipe: RareEarthRecipe(data: data, mode: mode))
  }

  /// Derives the model from a recipe: mass by the rules, value from the price book, cost by
  /// MFCA propagation.
  init(recipe: RareEarthRecipe) throws {
    self.init(recipe: recipe, derived: try recipe.deriveWithLifetimes())
  }

  /// The model of a recipe already derived; with `layers` `.mass` the cost layer is not
  /// propagated (it stays 0, as the derivation left it).
  init(recipe: RareEarthRecipe, derived: Derivation, layers: FlowLayers = .all) {
    let costed =
      layers == .mass
      ? derived.flows
      : CostPropagation.propagate(
        processes: recipe.data.processes, flows: derived.flows, centreCosts: derived.centreCosts)
    self.init(
      name: "rare_earth_china", processes: recipe.data.processes, flows: costed,
      stocks: derived.stocks, centreCosts: derived.centreCosts, mode: recipe.mode,
      notes: derived.notes, recipe: recipe)
  }
}
