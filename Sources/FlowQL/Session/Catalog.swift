public import FlowModel

/// The named tables a session can query and the names used for did-you-mean and completion.
///
/// The host (the kernel) fills it from the bundled model; tests build small ones.
///
/// ```
/// let catalog = Catalog(tables: ["flows": flows, "processes": processes])
/// ```
public struct Catalog: Sendable {
  /// Source tables by name (`flows`, `processes`, `stocks`, …).
  public var tables: [String: Table]
  /// Process ids and names, for completion inside quotes and did-you-mean.
  public var processes: [String]
  /// Material names (`LREE`, `HREE`), for completion and did-you-mean.
  public var materials: [String]
  /// Host-provided verbs (`balance`, `sankey`, …).
  public var verbs: VerbRegistry
  /// The material-flow models verbs run on: the bundled `baseline`, scenarios and loaded models.
  public var models: ModelSet

  /// Creates a catalog. When `processes` or `materials` are nil they are read from the
  /// `processes` table (`id`, `name`) and the `flows` table (`material`).
  public init(
    tables: [String: Table], processes: [String]? = nil, materials: [String]? = nil,
    verbs: VerbRegistry = VerbRegistry(), models: ModelSet = ModelSet()
  ) {
    self.tables = tables
    self.verbs = verbs
    self.models = models
    self.processes = processes ?? Self.distinctText(tables["processes"], ["id", "name"])
    self.materials = materials ?? Self.distinctText(tables["flows"], ["material"])
  }

  /// The table names, sorted.
  public var tableNames: [String] { tables.keys.sorted() }

  private static func distinctText(_ table: Table?, _ columns: [String]) -> [String] {
    var seen = Set<String>()
    var out: [String] = []
    for name in columns {
      guard case .text(let values)? = table?[name]?.values else { continue }
      for v in values where !v.isEmpty && seen.insert(v).inserted { out.append(v) }
    }
    return out
  }
}
