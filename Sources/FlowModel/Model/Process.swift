/// The role a process plays in a material-flow system.
public enum ProcessKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A boundary source: material enters the system here (the lithosphere, imports).
  case source
  /// A boundary sink: material leaves the system here (exports, landfill, residues).
  case sink
  /// A quantity centre in the ISO 14051 sense: it transforms material and carries costs.
  case quantityCentre = "quantity_centre"
  /// A market node or pool: material is only passed on, with a mass balance but no costs.
  case market
  /// A stock: material may accumulate (in-use stock, landfill).
  case stock
}

/// A node of a material-flow system.
///
/// ```
/// Process(id: "SEP", name: "Smelting and separation", stage: "Separation",
///         stageOrder: 3, kind: .quantityCentre)
/// ```
public struct Process: Sendable, Hashable, Identifiable {
  /// The short identifier flows refer to, such as `SEP`.
  public var id: String
  /// The display name.
  public var name: String
  /// The supply-chain stage the process belongs to, such as "Separation".
  public var stage: String
  /// The position of the stage along the chain (0 = upstream boundary), used for ordering.
  public var stageOrder: Int
  /// What kind of node this is.
  public var kind: ProcessKind
  /// Whether material arriving here is a material loss (a negative product in MFCA terms).
  public var isLoss: Bool
  /// A one-sentence description.
  public var description: String

  /// Creates a process.
  public init(
    id: String, name: String? = nil, stage: String = "", stageOrder: Int = 0,
    kind: ProcessKind = .quantityCentre, isLoss: Bool = false, description: String = ""
  ) {
    self.id = id
    self.name = name ?? id
    self.stage = stage
    self.stageOrder = stageOrder
    self.kind = kind
    self.isLoss = isLoss
    self.description = description
  }

  /// Whether the process lies on the system boundary (a source or a sink).
  public var isBoundary: Bool { kind == .source || kind == .sink }
}
