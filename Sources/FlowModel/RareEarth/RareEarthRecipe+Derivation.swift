/// The flows, stocks, own costs and notes derived from a recipe.
struct Derivation: Sendable {
  var flows: [Flow] = []
  var stocks: [StockRecord] = []
  var centreCosts: [CentreCost] = []
  var notes: [String] = []
  /// Whether ``RareEarthRecipe/derive(stoppingAtClamp:)`` stopped after the first year in which
  /// outflows fixed by data exceeded the inflow (the later years are then missing).
  var stoppedAtClamp = false
}

extension RareEarthRecipe {
  /// Derives every year's flows from the raw inputs by the rules, applying the scenario edits
  /// where each edited flow is produced, so that everything downstream follows.
  ///
  /// Each year is evaluated in ``order``; flows back to a process already evaluated (new scrap
  /// and recycling into `SEP`) feed the next pass, repeated until they change by less than
  /// 1e-9 t (two or three passes).
  /// - Parameter stoppingAtClamp: stop after the first year whose fixed outflows exceed the
  ///   inflow somewhere (a Monte Carlo draw that cannot balance needs no more).
  /// - Parameter layers: `.mass` leaves the value layer at 0 and the own costs empty (no price
  ///   or unit cost is looked up); the masses are the same.
  /// - Throws: ``FlowModelError`` for missing inputs or an edit that cannot be applied.
  func derive(stoppingAtClamp: Bool = false, layers: FlowLayers = .all) throws -> Derivation {
    var result = Derivation()
    var stock: [String: Double] = [:]
    let prices = priceBook
    var slots = DerivationSlots.ordered
    let isSource = Self.order.map { id in data.processes.first { $0.id == id }?.kind == .source }
    for year in data.years {
      var backward = Inflows()
      // The flows out of each process of the order, from the last pass.
      var drafts: [[Draft]] = []
      var stockChange: [String: Double] = [:]
      var notes: [String] = []
      for _ in 0..<100 {
        var inflows = backward
        var nextBackward = Inflows()
        drafts = []
        drafts.reserveCapacity(Self.order.count)
        stockChange = [:]
        notes = []
        for (position, process) in Self.order.enumerated() {
          let input = RuleInput(
            process: process, year: year, slot: position, inflows: inflows, materials: slots.materials)
          let outcome = try evaluate(input, isSource: isSource[position])
          notes += outcome.notes
          for (m, change) in outcome.stockChange { stockChange[m, default: 0] += change }
          drafts.append(outcome.drafts)
          for (k, draft) in outcome.drafts.enumerated() {
            // A target up to this position has been evaluated in this pass: its inflow feeds the next.
            let slot = slots.slot(draft.target, flow: k, from: position)
            let m = slots.material(draft.material)
            let tag = ProvenanceTag(draft.provenance)
            if slot <= position {
              nextBackward.add(slot: slot, material: m, mass: draft.mass, tag: tag)
            } else {
              inflows.add(slot: slot, material: m, mass: draft.mass, tag: tag)
            }
          }
        }
        let converged = Inflows.maxDifference(backward, nextBackward) < 1e-9
        backward = nextBackward
        if converged { break }
      }
      result.notes += notes
      if stoppingAtClamp, notes.contains(where: Self.isClampNote) {
        result.stoppedAtClamp = true
        return result
      }
      for (source, out) in zip(Self.order, drafts) {
        for draft in out where draft.mass != 0 {
          let value =
            layers == .mass ? 0 : draft.mass * (try prices.price(draft.good, material: draft.material, year: year))
          result.flows.append(
            Flow(
              year: year, source: source, target: draft.target, material: draft.material,
              mass: draft.mass, cost: 0, value: value, good: draft.good,
              provenance: draft.provenance, rule: draft.rule))
        }
      }
      for m in Self.materials {
        let change = stockChange[m] ?? 0
        stock[m, default: 0] += change
        result.stocks.append(
          StockRecord(year: year, process: "USE", material: m, stock: stock[m] ?? 0, stockChange: change))
      }
    }
    if layers == .all { result.centreCosts = try centreCosts(for: result.flows) }
    return result
  }

  /// One process in one year: its rule, the scenario edits on its outflows, and its closing.
  ///
  /// A closing flow is what remains of the inflow after the fixed flows, so its provenance is
  /// the weakest of the inflow, the fixed flows and its own shares.
  private func evaluate(_ input: RuleInput, isSource: Bool) throws -> (
    drafts: [Draft], stockChange: [String: Double], notes: [String]
  ) {
    let process = input.process
    let year = input.year
    let inflow = input.inflow
    let step = try step(input)
    var done = Set<Int>()
    var fixed = step.fixed
    try applyScaleAndSet(&fixed, source: process, year: year, done: &done, mayCreate: false)
    var closing: [Draft] = []
    var stockChange: [String: Double] = [:]
    var notes: [String] = []
    var remainderTag = min(input.inflowTag, .derived)
    for draft in fixed { remainderTag = min(remainderTag, ProvenanceTag(draft.provenance)) }
    if !isSource {
      for m in Self.materials {
        var out = 0.0
        for draft in fixed where draft.material == m { out += draft.mass }
        let remaining = (inflow[m] ?? 0) - out
        if step.keepsStock {
          stockChange[m] = remaining
          continue
        }
        if remaining < -1e-6 {
          notes.append(
            "\(year) \(process) \(m): \(Self.clampPhrase) by "
              + "\(Int((-remaining).rounded())) t; the residual is clamped to 0 and the balance "
              + "shows the gap")
        }
        for target in step.closing {
          let share = target.shares[m] ?? 0
          closing.append(
            Draft(
              target: target.target, material: m, mass: max(0, remaining) * share, weight: share,
              good: target.good, provenance: min(remainderTag, target.tag).text, rule: target.rule))
        }
      }
    }
    try applyScaleAndSet(&closing, source: process, year: year, done: &done, mayCreate: true)
    var drafts = fixed + closing
    try applyMoves(&drafts, source: process, year: year)
    return (drafts, stockChange, notes)
  }

  /// Applies the `scale` and `set` edits whose source is `source` to `drafts`.
  private func applyScaleAndSet(
    _ drafts: inout [Draft], source: String, year: Int, done: inout Set<Int>, mayCreate: Bool
  ) throws {
    for (e, edit) in edits.enumerated() {
      switch edit {
      case .scale(let selector, let factor) where selector.source == source:
        for i in drafts.indices
        where drafts[i].target == selector.target
          && selector.matches(year: year, material: drafts[i].material)
        {
          drafts[i].mass *= factor
        }
      case .set(let selector, let mass) where selector.source == source:
        guard selector.years?.contains(year) ?? true, !done.contains(e) else { continue }
        let matches = drafts.indices.filter {
          drafts[$0].target == selector.target
            && selector.matches(year: year, material: drafts[$0].material)
        }
        if matches.isEmpty {
          guard mayCreate else { continue }
          guard let material = selector.material else {
            throw FlowModelError.invalidScenario(
              "no flow \(selector.source) → \(selector.target) in \(year); name a material to create it")
          }
          drafts.append(
            Draft(
              target: selector.target, material: material, mass: mass, weight: 1,
              good: drafts.first?.good ?? "", provenance: "E", rule: "scenario set"))
        } else {
          let total = matches.reduce(0) { $0 + drafts[$1].mass }
          let weights = matches.reduce(0) { $0 + drafts[$1].weight }
          for i in matches {
            let share =
              total > 0
              ? drafts[i].mass / total
              : (weights > 0 ? drafts[i].weight / weights : 1 / Double(matches.count))
            drafts[i].mass = mass * share
            drafts[i].provenance = "E"
            drafts[i].rule = "scenario set"
          }
        }
        done.insert(e)
      default:
        continue
      }
    }
  }

  /// Applies the `move` edits whose source is `source`: mass leaves one target for another.
  private func applyMoves(_ drafts: inout [Draft], source: String, year: Int) throws {
    for edit in edits {
      guard case .move(let share, let selector, let newTarget) = edit, selector.source == source
      else { continue }
      for i in drafts.indices
      where drafts[i].target == selector.target
        && selector.matches(year: year, material: drafts[i].material)
      {
        let moved = drafts[i].mass * share
        drafts[i].mass -= moved
        if let j = drafts.firstIndex(where: {
          $0.target == newTarget && $0.material == drafts[i].material
        }) {
          drafts[j].mass += moved
        } else {
          var copy = drafts[i]
          copy.target = newTarget
          copy.mass = moved
          copy.provenance = "E"
          copy.rule = "scenario move"
          drafts.append(copy)
        }
      }
    }
  }

  /// Own costs (energy, system, waste management) of each quantity centre: the unit costs of
  /// `mfca_costs.csv` times the product output (or, with basis `input`, the mass handled).
  private func centreCosts(for flows: [Flow]) throws -> [CentreCost] {
    let codes: [CentreCost.Category: String] = [.energy: "EC", .system: "SC", .wasteManagement: "WMC"]
    // The first row for each process, category and material (or `*`), looked up once.
    var first: [String: CentreCost.Rate] = [:]
    for row in data.unitCosts where first["\(row.process)|\(row.category)|\(row.material)"] == nil {
      first["\(row.process)|\(row.category)|\(row.material)"] = CentreCost.Rate(
        usdPerTonne: row.usdPerTonne, basis: row.basis)
    }
    return CentreCost.sized(processes: data.processes, flows: flows) { process, material, category in
      let code = codes[category] ?? ""
      return first["\(process)|\(code)|\(material)"] ?? first["\(process)|\(code)|*"]
    }
  }

  /// The words of the note a clamped residual writes (``isClampNote(_:)`` looks for them).
  static let clampPhrase = "outflows fixed by data exceed the inflow"

  /// Whether a derivation note reports a residual clamped to 0.
  static func isClampNote(_ note: String) -> Bool { note.contains(clampPhrase) }
}
