extension MaterialFlowModel {
  /// The model with `scenario`'s edits applied.
  ///
  /// For the bundled model the flows are re-derived from the raw inputs with each edit applied
  /// where its flow is produced, so everything downstream follows (for example a larger
  /// concentrate import raises separation output and the residual domestic uses). A `scale` or
  /// `set` on a flow that closes a balance (a pass-through) makes an imbalance, which
  /// ``balance(of:years:byMaterial:tolerance:)`` reports. A `move` keeps the source's outflow
  /// unchanged. For a user model the edits are passed downstream by transfer coefficients (see
  /// ``propagated(baseline:edited:processes:)``): each quantity centre and market keeps its
  /// output shares, and stocks accumulate the difference.
  /// - Throws: ``FlowModelError/invalidScenario(_:)`` or ``FlowModelError/unknownProcess(_:candidates:)``
  ///   for an edit that names an unknown process, no existing flow, or a bad number.
  public func applying(_ scenario: Scenario) throws -> MaterialFlowModel {
    try validate(scenario)
    let edits = scenario.edits.flatMap(resolvingPriceTargets)
    if var recipe {
      recipe.edits += edits
      return try MaterialFlowModel(recipe: recipe)
    }
    var edited = self.flows
    for edit in edits { Self.apply(edit, to: &edited, years: index.years) }
    let flows = Self.propagated(baseline: self.flows, edited: edited, processes: processes)
    return MaterialFlowModel(
      name: name, processes: processes, flows: flows,
      stocks: Self.accumulatedStocks(processes: processes, flows: flows, anchors: initialStockAnchors),
      centreCosts: centreCosts, mode: mode, notes: notes, recipe: nil)
  }

  /// A `setPrice` naming a process becomes one edit per good that process outputs.
  private func resolvingPriceTargets(_ edit: Scenario.Edit) -> [Scenario.Edit] {
    guard case .setPrice(let good, let price, let material, let years) = edit,
      index.processIndex[good] != nil, recipe != nil
    else { return [edit] }
    // The goods it sells, not what it loses (a residue flowing to a loss sink keeps its value).
    let losses = Set(processes.filter(\.isLoss).map(\.id))
    let goods = Set(flows.filter { $0.source == good && !losses.contains($0.target) }.compactMap(\.good)).sorted()
    return goods.map { .setPrice(good: $0, price: price, material: material, years: years) }
  }

  /// Checks every edit against the model before anything is derived.
  private func validate(_ scenario: Scenario) throws {
    func check(_ selector: FlowSelector, mayCreate: Bool) throws {
      _ = try process(selector.source)
      _ = try process(selector.target)
      if let years = selector.years { _ = try resolvedYears(years) }
      if let material = selector.material, !mayCreate, index.materialIndex[material] == nil {
        throw FlowModelError.unknownMaterial(material, candidates: index.materials)
      }
      let exists = flows.contains { $0.source == selector.source && $0.target == selector.target }
      if !exists && !(mayCreate && selector.material != nil) {
        throw FlowModelError.invalidScenario(
          "there is no flow \(selector.source) → \(selector.target) in \(scenario.name)")
      }
    }
    for edit in scenario.edits {
      switch edit {
      case .scale(let selector, let factor):
        guard factor.isFinite, factor >= 0 else {
          throw FlowModelError.invalidScenario("scale factor \(factor) must be a number ≥ 0")
        }
        try check(selector, mayCreate: false)
      case .set(let selector, let mass):
        guard mass.isFinite, mass >= 0 else {
          throw FlowModelError.invalidScenario("mass \(mass) must be a number ≥ 0")
        }
        try check(selector, mayCreate: true)
      case .move(let share, let selector, let target):
        guard share.isFinite, (0...1).contains(share) else {
          throw FlowModelError.invalidScenario("share \(share) must lie between 0 and 1")
        }
        try check(selector, mayCreate: false)
        _ = try process(target)
      case .setPrice(let good, let price, let material, let years):
        guard price.isFinite, price >= 0 else {
          throw FlowModelError.invalidScenario("price \(price) must be a number ≥ 0")
        }
        if let material, index.materialIndex[material] == nil {
          throw FlowModelError.unknownMaterial(material, candidates: index.materials)
        }
        if let years { _ = try resolvedYears(years) }
        let goods = Set(flows.compactMap(\.good))
        guard goods.contains(good) || index.processIndex[good] != nil else {
          throw FlowModelError.invalidScenario(
            "unknown good '\(good)'; priced goods are \(goods.sorted().joined(separator: ", "))")
        }
      case .lifetime(let process, let lifetime):
        try validateLifetime(process, lifetime)
      }
    }
  }

  /// Applies one edit directly to a user model's flows.
  private static func apply(_ edit: Scenario.Edit, to flows: inout [Flow], years modelYears: [Int]) {
    func matching(_ selector: FlowSelector) -> [Int] {
      flows.indices.filter {
        flows[$0].source == selector.source && flows[$0].target == selector.target
          && selector.matches(year: flows[$0].year, material: flows[$0].material)
      }
    }
    switch edit {
    case .scale(let selector, let factor):
      for i in matching(selector) {
        flows[i].mass *= factor
        flows[i].cost *= factor
        flows[i].value *= factor
      }
    case .set(let selector, let mass):
      let rows = matching(selector)
      if rows.isEmpty, let material = selector.material {
        for year in modelYears where selector.years?.contains(year) ?? true {
          flows.append(
            Flow(
              year: year, source: selector.source, target: selector.target, material: material,
              mass: mass, rule: "scenario set"))
        }
        return
      }
      let years = Set(rows.map { flows[$0].year })
      for year in years {
        let inYear = rows.filter { flows[$0].year == year }
        let total = inYear.reduce(0) { $0 + flows[$1].mass }
        for i in inYear {
          let factor = total > 0 ? mass / total : 0
          let newMass = total > 0 ? flows[i].mass * factor : mass / Double(inYear.count)
          let unitCost = flows[i].mass > 0 ? flows[i].cost / flows[i].mass : 0
          let unitValue = flows[i].mass > 0 ? flows[i].value / flows[i].mass : 0
          flows[i].mass = newMass
          flows[i].cost = newMass * unitCost
          flows[i].value = newMass * unitValue
        }
      }
    case .move(let share, let selector, let target):
      for i in matching(selector) {
        var moved = flows[i]
        moved.target = target
        moved.mass *= share
        moved.cost *= share
        moved.value *= share
        flows[i].mass -= moved.mass
        flows[i].cost -= moved.cost
        flows[i].value -= moved.value
        if let j = flows.firstIndex(where: {
          $0.year == moved.year && $0.source == moved.source && $0.target == target
            && $0.material == moved.material
        }) {
          flows[j].mass += moved.mass
          flows[j].cost += moved.cost
          flows[j].value += moved.value
        } else {
          flows.append(moved)
        }
      }
    case .setPrice(let good, let price, let material, let years):
      for i in flows.indices
      where (flows[i].good == good || flows[i].source == good)
        && (material.map { $0 == flows[i].material } ?? true)
        && (years?.contains(flows[i].year) ?? true)
      {
        flows[i].value = flows[i].mass * price
      }
    case .lifetime:
      break  // rejected for user models by `validate`
    }
  }
}
