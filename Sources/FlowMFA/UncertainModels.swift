import FlowModel
import FlowQL

/// The session's models, ready to be drawn or swung: each bundled or loaded model with its
/// uncertain inputs; scenarios are re-derived from their drawn base, so `| in scenario` sees
/// the same draw.
struct UncertainModels: Sendable {
  let catalog: Catalog
  let entries: [Entry]
  /// The models the query may use.
  let needed: Set<String>

  struct Entry: Sendable {
    var model: NamedModel
    var inputs: [UncertainInput]
  }

  /// - Parameters:
  ///   - query: only the current model, the models this text names (`| in name`) and their
  ///     bases are drawn; the others stay as they are.
  ///   - perSeries: one factor per series and price (sensitivity) instead of one input per year.
  init(_ catalog: Catalog, query: String, perSeries: Bool = false) {
    self.catalog = catalog
    var words = Set(query.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    if let current = catalog.models.currentName { words.insert(current) }
    var needed = Set<String>()
    for name in catalog.models.names.reversed() where words.contains(name) || needed.contains(name) {
      needed.insert(name)
      if case .scenario(let base, _)? = catalog.models[name]?.origin { needed.insert(base) }
    }
    self.needed = needed
    entries = catalog.models.all.map { entry in
      if case .scenario = entry.origin { return Entry(model: entry, inputs: []) }
      guard needed.contains(entry.name) else { return Entry(model: entry, inputs: []) }
      let measured = FlowMeasurements.given(entry) ?? []
      return Entry(model: entry, inputs: entry.model.uncertainInputs(measurements: measured, perSeries: perSeries))
    }
  }

  /// The model every other current model derives from (a scenario's base, followed down).
  var root: String? {
    var name = catalog.models.currentName
    while let current = name, case .scenario(let base, _)? = catalog.models[current]?.origin { name = base }
    return name
  }

  /// The inputs of ``root``.
  var rootInputs: [UncertainInput] { entries.first { $0.model.name == root }?.inputs ?? [] }

  /// Run `run` of the Monte Carlo under `seed`: run 0 is the unperturbed catalog, every other
  /// run draws each model's inputs from the run's own stream. `redraws` counts the draws and
  /// the infeasible ones; `layers` are the layers of the flows the query reads
  /// (``VerbQuery/flowLayers(_:)``).
  func drawn(run: Int, seed: UInt64, redraws: inout Redraws, layers: FlowLayers = .all) throws -> Catalog {
    guard run > 0 else { return catalog }
    var stream = RandomStream(seed: seed, run: UInt64(run))
    var counted = Redraws()
    let result = try replacing { entry in
      entry.inputs.isEmpty
        ? nil : try entry.model.model.drawn(entry.inputs, &stream, redraws: &counted, layers: layers)
    }
    redraws.add(counted)
    return result
  }

  /// The catalog with ``root``'s input `target` set to `value`.
  func setting(_ target: UncertainInput.Target, _ value: Double) throws -> Catalog {
    let root = self.root
    return try replacing { $0.model.name == root ? try $0.model.model.with([(target, value)]) : nil }
  }

  /// The catalog with some models replaced (`replacement` returns nil to keep one); scenarios
  /// whose base changed are derived again.
  private func replacing(_ replacement: (Entry) throws -> MaterialFlowModel?) throws -> Catalog {
    var set = ModelSet()
    var changed = Set<String>()
    for entry in entries {
      var model = entry.model
      if case .scenario(let base, let scenario) = model.origin, changed.contains(base), needed.contains(model.name),
        let derived = set[base]
      {
        model = NamedModel(name: model.name, model: try derived.model.applying(scenario), origin: model.origin)
        changed.insert(model.name)
      } else if let new = try replacement(entry) {
        model = NamedModel(name: model.name, model: new, origin: model.origin)
        changed.insert(model.name)
      }
      set.define(model)
    }
    var copy = catalog
    copy.models = set
    guard let current = catalog.models.currentName, let switched = copy.using(model: current) else { return copy }
    return switched
  }
}
