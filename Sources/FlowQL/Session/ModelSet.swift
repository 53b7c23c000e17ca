public import FlowModel

/// A material-flow model the session knows by name, with its language tables built once.
///
/// ```
/// let baseline = NamedModel(name: "baseline", model: try .bundled(), origin: .bundled)
/// baseline.tables["flows"]   // the `flows` table of this model
/// ```
public struct NamedModel: Sendable {
  /// Where a model came from.
  public enum Origin: Sendable, Hashable {
    /// The model the kernel ships with.
    case bundled
    /// `scenario name [from base] { … }`: `base` with the scenario's edits applied.
    case scenario(base: String, Scenario)
    /// `load "flows.csv" as name [processes "p.csv"]`, with the paths as written.
    case loaded(flows: String, processes: String?)
    /// `reconcile … as name`: the flows of `base` reconciled against their balances.
    case reconciled(base: String)

    /// A short word for listings: `bundled`, `scenario` or `loaded`.
    public var kind: String {
      switch self {
      case .bundled: "bundled"
      case .scenario: "scenario"
      case .loaded: "loaded"
      case .reconciled: "reconciled"
      }
    }
  }

  /// The session name (`baseline`, `more_recycling`, `mine`).
  public var name: String
  /// The model itself.
  public var model: MaterialFlowModel
  /// Where it came from.
  public var origin: Origin
  /// `flows`, `processes` and `stocks` of this model, as the language sees them.
  public let tables: [String: Table]
  /// Process ids then display names, for completion and did-you-mean.
  public let processNames: [String]

  /// Wraps `model` and builds its tables.
  /// - Complexity: O(flows).
  public init(name: String, model: MaterialFlowModel, origin: Origin) {
    self.name = name
    self.model = model
    self.origin = origin
    tables = ["flows": model.flowsTable(), "processes": model.processesTable(), "stocks": model.stocksTable()]
    var seen = Set<String>()
    processNames = (model.processes.map(\.id) + model.processes.map(\.name)).filter { seen.insert($0).inserted }
  }
}

/// The models of a session by name, and which one verbs run on.
///
/// The bundled model is `baseline`; `scenario` and `load` add more. `| in name` runs a query on
/// another model (``Catalog/using(model:)``).
public struct ModelSet: Sendable {
  /// The name of the bundled model.
  public static let baselineName = "baseline"

  private var byName: [String: NamedModel] = [:]
  private var order: [String] = []
  /// The model verbs run on, when the set is not empty.
  public private(set) var currentName: String?

  /// An empty set (catalogs without a model).
  public init() {}

  /// A set holding `baseline` as the current model.
  public init(baseline: NamedModel) {
    define(baseline)
  }

  /// Adds or replaces a model; the first model added becomes the current one.
  public mutating func define(_ model: NamedModel) {
    if byName[model.name] == nil { order.append(model.name) }
    byName[model.name] = model
    if currentName == nil { currentName = model.name }
  }

  /// The model called `name`.
  public subscript(name: String) -> NamedModel? { byName[name] }

  /// The model verbs run on.
  public var current: NamedModel? { currentName.flatMap { byName[$0] } }

  /// Every model name, in the order defined.
  public var names: [String] { order }

  /// Every model, in the order defined.
  public var all: [NamedModel] { order.compactMap { byName[$0] } }

  /// Makes `name` the current model; false when there is no such model.
  mutating func select(_ name: String) -> Bool {
    guard byName[name] != nil else { return false }
    currentName = name
    return true
  }
}

extension Catalog {
  /// This catalog with `name` as the current model: verbs run on it, and `flows`, `processes`
  /// and `stocks` are its tables. Nil when the session has no such model.
  public func using(model name: String) -> Catalog? {
    var copy = self
    guard copy.models.select(name), let entry = copy.models.current else { return nil }
    for (key, table) in entry.tables { copy.tables[key] = table }
    copy.processes = entry.processNames
    copy.materials = entry.model.materials
    return copy
  }
}
