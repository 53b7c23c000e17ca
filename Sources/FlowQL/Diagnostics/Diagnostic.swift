/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
  /// The statement failed.
  case error
  /// The statement ran, but the result may surprise.
  case warning
}

/// A problem found in a cell: a stable code, a one-line message, the responsible source range,
/// and optional `help:` and `note:` lines.
///
/// ```
/// let d = Diagnostic(.unknownColumn, "unknown column `yaer`", at: SourceRange(14, 18),
///                    label: "not a column of this table", help: "did you mean `year`?")
/// print(d.render(source: "flows | where yaer == 2020"))
/// ```
public struct Diagnostic: Error, Sendable, Hashable {
  /// The stable code, such as `E201`.
  public var code: DiagnosticCode
  /// Error or warning.
  public var severity: Severity
  /// The one-line message.
  public var message: String
  /// The responsible token(s), in Unicode-scalar offsets.
  public var range: SourceRange
  /// A short text printed after the carets.
  public var label: String?
  /// How to fix it (`help:` lines).
  public var help: [String]
  /// Context (`note:` lines).
  public var notes: [String]

  /// Creates a diagnostic; `help` and `note` are optional single lines.
  public init(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
    help: String? = nil, notes: [String] = [], severity: Severity? = nil
  ) {
    self.code = code
    self.message = message
    self.range = range
    self.label = label
    self.help = help.map { [$0] } ?? []
    self.notes = notes
    self.severity = severity ?? (code.rawValue.hasPrefix("W") ? .warning : .error)
  }

  /// The Jupyter `ename`: the code, e.g. `E201`.
  public var ename: String { code.rawValue }

  /// The Jupyter `evalue`: the one-line message.
  public var evalue: String { message }
}
