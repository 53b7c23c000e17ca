import FlowModel

/// The file formats `save` writes, named by their extension.
public enum SaveFormat: String, Sendable, Hashable, CaseIterable {
  /// RFC 4180 CSV with units in the header, which `load` reads back.
  case csv
  /// The table as JSON: caption, columns (name, type, unit) and rows.
  case json
  /// The chart's SVG, the same bytes the notebook shows.
  case svg
  /// The table's or chart's HTML, the same bytes the notebook shows.
  case html

  /// The format of `path`'s extension (any case), or `nil`.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }

  /// Whether FlowQL writes the format itself; SVG and HTML are rendered by the host.
  var isData: Bool { self == .csv || self == .json }
}

/// A `save "file"` stage: where to write and where the file name stands in the cell.
public struct SaveTarget: Sendable, Hashable {
  /// The path as written, relative to the working directory (the notebook's folder).
  public var path: String
  /// The format from the extension.
  public var format: SaveFormat
  /// The file name literal in the cell, for carets.
  public var range: SourceRange

  init(path: String, range: SourceRange) {
    self.path = path
    self.format = SaveFormat(path: path) ?? .csv
    self.range = range
  }

  /// Writes `bytes` whole or not at all.
  ///
  /// - Returns: the confirmation to show, `wrote <what> to <path>`.
  /// - Throws: `E410` at the file name when the file cannot be written.
  public func write(_ bytes: [UInt8], what: String) throws(Diagnostic) -> String {
    do {
      try AtomicFile.write(bytes, to: path)
    } catch {
      throw Diagnostic(
        .writeFailed, "cannot write `\(path)`: \(error.reason)", at: range, label: "not written",
        help: "paths are relative to the notebook's folder; check that the folder exists and is writable",
        notes: ["an existing file of this name is left as it was"])
    }
    return "wrote \(what) to \(path)\n"
  }

  /// `E411`: a query that draws no chart cannot be saved as SVG.
  public var missingChart: Diagnostic {
    Diagnostic(
      .saveNeedsChart, "`\(path)` needs a chart, and this query draws none", at: range,
      label: "an SVG file holds a chart",
      help: "add `| chart bar` (or another kind) after `save`, or save the table as .csv, .json or .html")
  }

  /// What a data file of `table` holds, for the confirmation: `512 rows × 10 columns`.
  static func describe(_ table: Table) -> String {
    "\(count(table.rowCount, "row")) × \(count(table.columns.count, "column"))"
  }

  private static func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }
}
