/// A material-flow model: processes, yearly flows with mass, cost and value layers, and stocks.
///
/// The type is general: the bundled China rare-earth model (``bundled(mode:)``) and a user's own
/// model loaded from CSV (``load(flowsCSV:processesCSV:)``) are both `MaterialFlowModel`s. Every
/// computation (``balance(of:years:byMaterial:tolerance:)``, ``mfca(of:years:)``, …) returns a
/// ``Table``.
///
/// ```
/// let model = try MaterialFlowModel.bundled()
/// let check = try model.balance(years: 2022...2022)
/// ```
public struct MaterialFlowModel: Sendable {
  /// A short name for the model, such as `rare_earth_china`.
  public let name: String
  /// The processes, in stage order.
  public let processes: [Process]
  /// The flows, grouped by year.
  public let flows: [Flow]
  /// Stock records of stock processes (may be empty).
  public let stocks: [StockRecord]
  /// Own costs (energy, system, waste management) of quantity centres (may be empty).
  public let centreCosts: [CentreCost]
  /// The supply mode for the bundled model; `nil` for user models.
  public let mode: SupplyMode?
  /// Warnings raised while deriving the flows (for example a demand that exceeded supply).
  public let notes: [String]

  /// The recipe that derived the flows, kept so that scenarios can re-derive them.
  let recipe: RareEarthRecipe?
  /// Integer indices over the flows, built once.
  let index: FlowIndex

  /// Creates a model from explicit processes and flows.
  ///
  /// Processes referred to by flows but not listed are added as quantity centres (or as a
  /// source / sink when they only send / only receive). Without `stocks`, every process of kind
  /// `stock` accumulates from 0: its stock change is inputs − outputs.
  /// - Complexity: O(flows).
  public init(
    name: String = "model", processes: [Process], flows: [Flow], stocks: [StockRecord] = [],
    centreCosts: [CentreCost] = []
  ) {
    self.init(
      name: name, processes: processes, flows: flows,
      stocks: stocks.isEmpty ? Self.accumulatedStocks(processes: processes, flows: flows) : stocks,
      centreCosts: centreCosts, mode: nil, notes: [], recipe: nil)
  }

  init(
    name: String, processes: [Process], flows: [Flow], stocks: [StockRecord],
    centreCosts: [CentreCost], mode: SupplyMode?, notes: [String], recipe: RareEarthRecipe?
  ) {
    let completed = Self.completing(processes, with: flows)
    let sortedFlows = flows.sorted { $0.year < $1.year }
    self.name = name
    self.processes = completed
    self.flows = sortedFlows
    self.stocks = stocks
    self.centreCosts = centreCosts
    self.mode = mode
    self.notes = notes
    self.recipe = recipe
    self.index = FlowIndex(processes: completed, flows: sortedFlows)
  }

  /// The distinct years with flows, ascending.
  public var years: [Int] { index.years }

  /// The distinct materials, in order of first appearance.
  public var materials: [String] { index.materials }

  /// The first through the last year of the model.
  ///
  /// - Throws: ``FlowModelError/emptyModel`` when there are no flows.
  public func yearRange() throws -> ClosedRange<Int> {
    guard let first = index.years.first, let last = index.years.last else {
      throw FlowModelError.emptyModel
    }
    return first...last
  }

  /// The process with this id.
  ///
  /// - Throws: ``FlowModelError/unknownProcess(_:candidates:)`` with the closest ids.
  public func process(_ id: String) throws -> Process {
    guard let i = index.processIndex[id] else {
      throw FlowModelError.unknownProcess(
        id, candidates: FlowModelError.ranked(processes.map(\.id), near: id))
    }
    return processes[i]
  }

  /// Adds processes for ids used by flows but missing from `processes`, and sorts by stage.
  private static func completing(_ processes: [Process], with flows: [Flow]) -> [Process] {
    var known = Set(processes.map(\.id))
    var sends = Set<String>()
    var receives = Set<String>()
    for flow in flows {
      sends.insert(flow.source)
      receives.insert(flow.target)
    }
    var result = processes
    for id in (sends.union(receives)).sorted() where !known.contains(id) {
      let kind: ProcessKind =
        !receives.contains(id) ? .source : (!sends.contains(id) ? .sink : .quantityCentre)
      result.append(Process(id: id, kind: kind))
      known.insert(id)
    }
    return result.enumerated().sorted {
      ($0.element.stageOrder, $0.offset) < ($1.element.stageOrder, $1.offset)
    }.map(\.element)
  }
}

extension MaterialFlowModel {
  /// Resolves an optional year range against the model, throwing for years outside it.
  func resolvedYears(_ years: ClosedRange<Int>?) throws -> ClosedRange<Int> {
    let valid = try yearRange()
    guard let years else { return valid }
    for year in [years.lowerBound, years.upperBound] where !valid.contains(year) {
      throw FlowModelError.yearOutOfRange(year, valid: valid)
    }
    return years
  }

  /// Resolves optional process ids to indices, throwing for unknown ids.
  func resolvedProcesses(_ ids: [String]?) throws -> [Int]? {
    try ids?.map(resolvedProcess)
  }

  /// Resolves a process id to its index, throwing for an unknown id.
  func resolvedProcess(_ id: String) throws -> Int {
    guard let i = index.processIndex[id] else {
      throw FlowModelError.unknownProcess(
        id, candidates: FlowModelError.ranked(processes.map(\.id), near: id))
    }
    return i
  }

  /// A caption fragment for a year range, such as "2015–2022" or "2022".
  func yearLabel(_ years: ClosedRange<Int>) -> String {
    years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
  }
}
