public import FoundationEssentials

extension MaterialFlowModel {
  /// Loads a user's model from CSV files.
  ///
  /// The flows file needs the columns `year, source, target, material, mass` and may add
  /// `cost` and `value` (US$); mass is in t. The optional processes file needs `id` and may add
  /// `name, stage, stage_order, kind, loss, description`. Without it, processes are inferred
  /// from the flows (only sends: source; only receives: sink; else quantity centre).
  ///
  /// The whole input is checked before a model is built, so nothing half-loaded is kept.
  /// ```
  /// let model = try MaterialFlowModel.load(flowsCSV: flowsURL, processesCSV: nil)
  /// ```
  /// - Throws: ``CSVLoadError`` naming file, line and column: a missing column, a
  ///   non-numeric or negative mass, a bad year, an unknown process (when a processes file is
  ///   given), or a duplicate (year, source, target, material) row.
  /// - Complexity: O(rows).
  public static func load(flowsCSV: URL, processesCSV: URL? = nil) throws -> MaterialFlowModel {
    let processes = try processesCSV.map { try ProcessCSV.parse(CSVRecords(url: $0)) } ?? []
    let flows = try FlowCSV.parse(
      CSVRecords(url: flowsCSV), knownProcesses: processesCSV == nil ? nil : Set(processes.map(\.id)))
    return MaterialFlowModel(
      name: flowsCSV.deletingPathExtension().lastPathComponent, processes: processes, flows: flows)
  }
}
