public import FlowModel

/// What a `let` name holds: a table, or a single value from a bare expression.
public enum Binding: Sendable, Hashable {
  /// A table (`let y2020 = flows | where year == 2020`).
  case table(Table)
  /// A single value (`let ratio = 45015 / 3912`).
  case value(Cell)
}

/// The rows an expression is evaluated over.
struct Frame {
  /// The table whose columns names refer to; nil outside a stage.
  var table: Table?
  /// How many rows vectors have.
  var rowCount: Int
  /// Inside `summarize`: the group of each row; vectors then have one row per group.
  var grouping: Grouping?

  static let scalar = Frame(table: nil, rowCount: 1, grouping: nil)
}

/// Row → group assignment for `summarize`.
struct Grouping {
  var groupOf: [Int]
  var count: Int
  /// The first row of each group (used by key columns and `first`).
  var firstRow: [Int]
  var lastRow: [Int]
}

/// Evaluates statements of a parsed cell against a catalog and the session's bindings.
///
/// Each stage maps one ``Table`` to another, column at a time. Errors are ``Diagnostic``s
/// thrown with typed throws; `isCancelled` is polled once per stage and every few thousand
/// rows in the row loops.
struct Evaluator {
  /// The catalog; `| in name` swaps in one whose tables and models are those of `name`.
  var catalog: Catalog
  let bindings: [String: Binding]
  let source: SourceText
  let isCancelled: () -> Bool
  /// Warnings collected while evaluating (shown on stderr, not errors).
  var warnings: [Diagnostic] = []
  /// Models defined by verbs (`scenario`, `load`), kept by the session if the statement succeeds.
  var definedModels: [NamedModel] = []

  /// The most memory a join may take for its result (an estimate: 16 bytes per text or row
  /// index, 8 per number or year, 1 per flag). A join on a key that repeats a lot — `flows | join
  /// flows on material` twice makes 33 million rows — would otherwise fill the machine's memory
  /// and have the operating system end the kernel, losing every binding.
  var joinByteLimit = Session.defaultJoinByteLimit

  /// Whether stages carry only the columns later stages read (off only to test that it changes
  /// no answer).
  var prunesColumns = true

  /// The columns the stages after the current one read of its result (nil: all), so stages that
  /// pick rows (`where`, `sort`, `top`, `take`, `join`) gather only those.
  var nextStageColumns: Set<String>?

  /// How many rows a row loop handles between two cancellation checks.
  static let checkInterval = 1 << 14

  /// Throws `E900` when the host asked to stop.
  func checkCancelled(_ range: SourceRange) throws(Diagnostic) {
    if isCancelled() {
      throw Diagnostic(
        .interrupted, "interrupted", at: range, label: "stopped here",
        notes: ["bindings made before the interrupt are kept"])
    }
  }

  /// The let-bound single values, visible inside expressions.
  func scalarBinding(_ name: String) -> Cell? {
    if case .value(let c)? = bindings[name] { return c }
    return nil
  }

  /// Every table name in scope: catalog tables and table bindings.
  var tableNames: [String] {
    var names = Set(catalog.tables.keys)
    for (k, v) in bindings { if case .table = v { names.insert(k) } }
    return names.sorted()
  }

  /// The table called `name`: a `let` binding first, then the catalog.
  func table(named name: String) -> Table? {
    if case .table(let t)? = bindings[name] { return t }
    return catalog.tables[name]
  }

  /// An example quantity in `dimension`, for help lines.
  static func example(_ dimension: Dimension) -> String {
    switch dimension {
    case .none: "5"
    case .mass: "5 kt"
    case .money: "300 USD"
    case .price: "3912 USD/t"
    case .ratio: "40 %"
    }
  }
}
