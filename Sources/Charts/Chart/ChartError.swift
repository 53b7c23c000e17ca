public import FlowModel

/// A chart the user cannot have as asked: a code, a one-line message, help naming candidates,
/// and the option responsible (the caller points its caret there; `nil` means the chart stage).
public struct ChartError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, as a diagnostic code of the catalogue.
  public enum Code: String, Sendable, Hashable {
    /// An option must name a column (inference found several or none).
    case needsOption = "E601"
    /// A column does not suit its role.
    case unsuitableColumn = "E602"
    /// Nothing to draw.
    case empty = "E603"
    /// The unit measures something else.
    case unitMismatch = "E604"
  }

  /// The code.
  public var code: Code
  /// The one-line message, e.g. "unknown column `yaer`".
  public var message: String
  /// What to do instead, e.g. "choose `series = material` or drop the other text columns".
  public var help: String
  /// The option whose value caused the error, if one did.
  public var option: ChartOption?

  /// Creates an error.
  public init(_ code: Code, _ message: String, help: String, option: ChartOption? = nil) {
    self.code = code
    self.message = message
    self.help = help
    self.option = option
  }

  /// The message and help on two lines.
  public var description: String { "\(message)\n  = help: \(help)" }
}
