/// A problem found while loading a user's CSV file, located by file, line and column.
///
/// ```
/// flows.csv:4:5 (mass): 'abc' is not a number
/// ```
public struct CSVLoadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public enum Problem: Sendable, Hashable {
    /// The file could not be read or parsed; the reason follows.
    case unreadable(String)
    /// A required column is missing from the header.
    case missingColumn(String)
    /// A row has a different number of fields from the header.
    case wrongFieldCount(expected: Int, found: Int)
    /// A required field is empty.
    case emptyField
    /// A numeric field does not hold a finite number.
    case notANumber(String)
    /// A year field does not hold an integer year.
    case notAYear(String)
    /// A mass is negative.
    case negativeMass(Double)
    /// A `sigma` or `uncertainty` is negative.
    case negativeUncertainty(Double)
    /// A flow names a process that the processes file does not list.
    case unknownProcess(String)
    /// The same key appears twice; `firstLine` is where it appeared first.
    case duplicateRow(firstLine: Int)
    /// A process kind is not one of the known kinds.
    case unknownKind(String)
    /// A stock is given for a process that is not of kind `stock`.
    case notAStock(String, stockProcesses: [String])
    /// An `initial_stock` column in a model of several materials (which needs a stocks file).
    case initialStockNeedsOneMaterial([String])
  }

  /// The file name, such as `flows.csv`.
  public var file: String
  /// The 1-based line (the header is line 1); 0 when the whole file is at fault.
  public var line: Int
  /// The 1-based column number, or `nil` when the whole row is at fault.
  public var column: Int?
  /// The column's header name, or `nil`.
  public var columnName: String?
  /// What is wrong.
  public var problem: Problem

  /// Creates an error.
  public init(
    file: String, line: Int, column: Int? = nil, columnName: String? = nil, problem: Problem
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.problem = problem
  }

  /// The message as `file:line:column (name): problem`.
  public var description: String {
    var location = "\(file):\(line)"
    if let column { location += ":\(column)" }
    if let columnName { location += " (\(columnName))" }
    return "\(location): \(message)"
  }

  private var message: String {
    switch problem {
    case .unreadable(let reason): "cannot read the file: \(reason)"
    case .missingColumn(let name): "missing required column '\(name)'"
    case .wrongFieldCount(let expected, let found): "expected \(expected) fields, found \(found)"
    case .emptyField: "the field is empty"
    case .notANumber(let text): "'\(text)' is not a number"
    case .notAYear(let text): "'\(text)' is not a year"
    case .negativeMass(let mass): "mass \(mass) is negative"
    case .negativeUncertainty(let v): "\(v) is negative; a sigma or uncertainty must be ≥ 0"
    case .unknownProcess(let id): "unknown process '\(id)' (not in the processes file)"
    case .duplicateRow(let first): "duplicate row (same year, source, target, material as line \(first))"
    case .unknownKind(let kind):
      "unknown kind '\(kind)'; use one of \(ProcessKind.allCases.map(\.rawValue).joined(separator: ", "))"
    case .notAStock(let id, let stocks):
      "'\(id)' is not a process of kind stock"
        + (stocks.isEmpty ? "" : " (stock processes: \(stocks.joined(separator: ", ")))")
    case .initialStockNeedsOneMaterial(let materials):
      "initial_stock needs a model of one material, this one has \(materials.count)"
        + " (\(materials.joined(separator: ", "))); give the stocks in a stocks file instead"
    }
  }
}
