/// A chart the user cannot have as asked: a one-line message plus help naming candidates.
public struct ChartError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The one-line message, e.g. "unknown column `yaer`".
  public var message: String
  /// What to do instead, e.g. "choose `series = material` or drop the other text columns".
  public var help: String

  /// Creates an error.
  public init(_ message: String, help: String) {
    self.message = message
    self.help = help
  }

  /// The message and help on two lines.
  public var description: String { "\(message)\n  = help: \(help)" }
}
