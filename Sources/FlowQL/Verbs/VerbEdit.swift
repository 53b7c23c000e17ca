import FlowModel

/// One edit of a `{ … }` block (`scenario x { scale "SEP" -> "MAG" by 1.2 }`), parsed with the
/// cell, its values evaluated.
///
/// Every part carries its place in the cell, so a verb can put its errors under the part
/// responsible (``VerbEdit/range``, ``VerbName/range``, ``VerbValue/range``).
public struct VerbEdit: Sendable {
  /// The edits a block may hold.
  public enum Kind: Sendable {
    /// `scale A -> B [(filters)] by factor`
    case scale(VerbFlowSelector, factor: VerbValue)
    /// `set A -> B [(filters)] = mass`
    case set(VerbFlowSelector, mass: VerbValue)
    /// `move share of A -> B [(filters)] to C`
    case move(share: VerbValue, VerbFlowSelector, to: VerbName)
    /// `set price of good [(filters)] = price`
    case setPrice(good: VerbName, filters: [VerbFilter], price: VerbValue)
    /// `lifetime of process = distribution(…)`; the value is a ``VerbArgument/term(_:)``.
    case lifetime(process: VerbName, VerbValue)
  }

  /// What the edit does.
  public var kind: Kind
  /// Where the edit is written.
  public var range: SourceRange
  /// The edit as written (for reports).
  public var text: String
}

/// A process id or name as written in an edit.
public struct VerbName: Sendable, Hashable {
  /// The text, without quotes.
  public var text: String
  /// Where it is written.
  public var range: SourceRange
}

/// An evaluated value of an edit: a number with its dimension, a year range or a bare name.
public struct VerbValue: Sendable, Hashable {
  /// The value.
  public var argument: VerbArgument
  /// Where its expression is written.
  public var range: SourceRange
}

/// `material = "HREE"`, `year = 2022` or `years = 2020..2022` narrowing a flow.
public struct VerbFilter: Sendable, Hashable {
  /// `material`, `year` or `years`, as written.
  public var name: VerbName
  /// Its value.
  public var value: VerbValue
}

/// `A -> B (filters)` as written in an edit.
public struct VerbFlowSelector: Sendable, Hashable {
  /// The source process.
  public var source: VerbName
  /// The target process.
  public var target: VerbName
  /// The narrowing filters, in written order.
  public var filters: [VerbFilter]
}
