extension MaterialFlowModel {
  /// The names of the raw data tables behind the model (`sources`, `inputs`, `prices`,
  /// `parameters`, `mfca_costs`, `study_targets`, `processes`); empty for a user model.
  public var dataTableNames: [String] { recipe == nil ? [] : RareEarthData.tableFiles }

  /// A raw data table behind the bundled model, with its `source_id` and F/D/E `kind` columns,
  /// or `nil` for an unknown name or a user model.
  ///
  /// ```
  /// model.dataTable("parameters")  // name, value, unit, kind, source_id, range_low, range_high, note
  /// ```
  public func dataTable(_ name: String) -> Table? {
    guard recipe != nil, RareEarthData.tableFiles.contains(name) else { return nil }
    return try? RareEarthData.table(named: name)
  }

  /// The model's scalar parameters (name → value); empty for a user model.
  public var parameters: [String: Double] { recipe?.data.parameters ?? [:] }

  /// The model re-derived with some parameters changed (for example `["SEP_LOSS": 0.12]`).
  ///
  /// Every flow is derived again from the raw inputs, so the result is consistent; scenario
  /// edits already applied are kept.
  /// - Throws: ``FlowModelError/invalidScenario(_:)`` for an unknown parameter, a non-finite
  ///   value, or a user model (which has no parameters).
  public func withParameters(_ changes: [String: Double]) throws -> MaterialFlowModel {
    guard var recipe else {
      throw FlowModelError.invalidScenario("a user model has no parameters to change")
    }
    for (name, value) in changes {
      guard recipe.data.parameters[name] != nil else {
        throw FlowModelError.invalidScenario(
          "unknown parameter '\(name)'; parameters are "
            + FlowModelError.ranked(Array(recipe.data.parameters.keys), near: name).prefix(5)
            .joined(separator: ", "))
      }
      guard value.isFinite, value >= 0 else {
        throw FlowModelError.invalidScenario("parameter \(name) = \(value) must be a number ≥ 0")
      }
      recipe.data.parameters[name] = value
    }
    return try MaterialFlowModel(recipe: recipe)
  }
}
