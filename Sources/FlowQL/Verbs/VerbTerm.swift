/// A term argument such as `weibull(shape = 2.5, scale = 14)`: a name and its arguments, each
/// positional or named, evaluated to constants.
public struct VerbTerm: Sendable, Hashable {
  /// One argument: an optional label (`shape`) and its value.
  public struct Argument: Sendable, Hashable {
    /// The name before `=`, or nil for a positional argument.
    public var label: String?
    /// The evaluated value.
    public var value: VerbArgument

    /// Creates an argument.
    public init(label: String?, value: VerbArgument) {
      self.label = label
      self.value = value
    }
  }

  /// The term's name as written (`weibull`).
  public var name: String
  /// The arguments in written order.
  public var arguments: [Argument]

  /// Creates a term.
  public init(name: String, arguments: [Argument]) {
    self.name = name
    self.arguments = arguments
  }
}
