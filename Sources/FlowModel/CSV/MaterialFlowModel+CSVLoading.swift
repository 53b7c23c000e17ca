public import FoundationEssentials

extension MaterialFlowModel {
  /// Loads a user's model from CSV files.
  ///
  /// The flows file needs the columns `year, source, target, material, mass` and may add
  /// `cost` and `value` (US$); mass is in t. The optional processes file needs `id` and may add
  /// `name, stage, stage_order, kind, loss, description, initial_stock` and the own costs
  /// `energy_cost, system_cost` (US$ per t of product output; without a `cost` column in the flows
  /// file the cost layer is then propagated along the chain). Without it, processes are inferred
  /// from the flows (only sends: source; only receives: sink; else quantity centre).
  ///
  /// A process of kind `stock` accumulates: each year its stock change is inputs − outputs and
  /// its stock the running sum from an initial stock — 0, the processes file's `initial_stock`
  /// (t at the start of the first year, for a model of one material), or the optional stocks
  /// file (`year, process, material, stock`: the stock at the end of that year).
  ///
  /// The whole input is checked before a model is built, so nothing half-loaded is kept.
  /// ```
  /// let model = try MaterialFlowModel.load(flowsCSV: flowsURL, processesCSV: nil)
  /// ```
  /// - Parameter name: the model's name in captions (default: the flows file's name).
  /// - Throws: ``CSVLoadError`` naming file, line and column: a missing column, a
  ///   non-numeric or negative mass, a bad year, an unknown process (when a processes file is
  ///   given), a duplicate (year, source, target, material) row, or a stock for a process that
  ///   is not of kind `stock`.
  /// - Complexity: O(rows).
  public static func load(
    flowsCSV: URL, processesCSV: URL? = nil, stocksCSV: URL? = nil, name: String? = nil
  ) throws -> MaterialFlowModel {
    let processRecords = try processesCSV.map(CSVRecords.init(url:))
    let processes = try processRecords.map(ProcessCSV.parse) ?? []
    let ownCosts = try processRecords.map(ProcessCSV.ownCosts) ?? [:]
    let flowRecords = try CSVRecords(url: flowsCSV)
    let flows = try FlowCSV.parse(
      flowRecords, knownProcesses: processesCSV == nil ? nil : Set(processes.map(\.id)))
    var materials: [String] = []
    for flow in flows where !materials.contains(flow.material) { materials.append(flow.material) }
    var anchors =
      try processRecords.map { try StockCSV.initialStocks($0, processes: processes, materials: materials) } ?? []
    let fileAnchors = try stocksCSV.map { try StockCSV.parse(CSVRecords(url: $0), processes: processes) } ?? []
    anchors.removeAll { a in fileAnchors.contains { $0.process == a.process && $0.material == a.material } }
    anchors += fileAnchors
    return MaterialFlowModel(
      name: name ?? flowsCSV.deletingPathExtension().lastPathComponent, processes: processes, flows: flows,
      stocks: accumulatedStocks(processes: processes, flows: flows, anchors: anchors)
    ).withOwnCosts(ownCosts, flowsHaveCosts: flowRecords.column("cost") != nil)
  }
}
