import FoundationEssentials

extension MaterialFlowModel {
  /// Loads a user's model from CSV files.
  ///
  /// The flows file needs the columns `year, source, target, material, mass` and may add
  /// `cost` and `value` (US$), `sigma` (t) and `uncertainty` (%); mass is in t. A header may
  /// give another unit in brackets (`mass [kt]`), as `save` writes them. Other columns are ignored. The optional processes file needs `id` and may add
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
    let file = flowsCSV.lastPathComponent
    let columns = try MappedFile.withBytes(of: flowsCSV.path, file: file) { bytes in
      try FlowCSV.read(bytes, file: file, processes: processesCSV == nil ? nil : processes.map(\.id))
    }
    return MaterialFlowModel(
      name: flowsCSV.deletingPathExtension().lastPathComponent, processes: processes, columns: columns)
  }
}
