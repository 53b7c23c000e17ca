public import FlowModel

/// One output of a cell, in the order statements produced them.
public enum Output: Sendable, Hashable {
  /// A query's table, with the chart the query asked for (`| chart …`) or a verb's default.
  case table(Table, chart: ChartRequest?)
  /// The value of a bare expression (`45015 / 3912`).
  case value(Cell)
  /// Text for stdout (`print`).
  case stdout(String)
  /// Text for stderr (`warn`, and rendered warnings).
  case stderr(String)
  /// A pager payload for `help`.
  case page(topic: String, text: String)
  /// Clear the cell's output (`clear`).
  case clear
  /// The display options changed (`set`): outputs after this one are shown with `options`.
  case options(Options)
}

/// Everything a cell produced: outputs in order and, when a statement failed, its diagnostics.
///
/// A failing statement stops the cell; outputs and `let`s of earlier statements are kept.
/// Parse errors stop the cell before any statement runs.
public struct RunResult: Sendable, Hashable {
  /// Outputs in statement order.
  public var outputs: [Output]
  /// Errors that stopped the cell (up to 3 for parse errors, else 1). Empty on success.
  public var errors: [Diagnostic]
  /// Warnings (also rendered into `.stderr` outputs).
  public var warnings: [Diagnostic]
  /// The cell's source, for rendering diagnostics.
  public var source: String

  /// Whether the cell ran without errors.
  public var succeeded: Bool { errors.isEmpty }

  /// Whether the cell was stopped by an interrupt (`E900`).
  public var wasInterrupted: Bool { errors.contains { $0.code == .interrupted } }

  /// The errors rendered as one annotated block (the Jupyter `traceback` text).
  public var renderedErrors: String {
    errors.map { $0.render(source: source) }.joined(separator: "\n")
  }
}
