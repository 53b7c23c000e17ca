public import FlowModel

/// A host-provided table-producing command such as `balance`, `sankey` or `mfca`.
///
/// A verb is a source with keyword clauses: `balance of "SEP" year 2022 tolerance 1 %`.
/// FlowQL parses the clauses using the verb's ``signature``, evaluates each argument to a
/// constant, and calls ``evaluate(_:catalog:isCancelled:)``. Verbs with
/// ``VerbSignature/acceptsInput`` may also follow `|` and receive the table so far.
///
/// ```
/// struct Echo: Verb {
///   let signature = VerbSignature(name: "echo", summary: "Repeats a number.",
///                                 example: "echo value 3", clauses: [.init("value", .one)])
///   func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
///     VerbOutput(Table([.number("value", [call.clause("value")?.arguments.first?.number ?? 0])]))
///   }
/// }
/// ```
public protocol Verb: Sendable {
  /// The verb's name and clauses; drives parsing, completion and `help`.
  var signature: VerbSignature { get }
  /// Computes the verb's table. Throw ``VerbError`` for problems the user can fix.
  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput
}

/// The clauses a verb accepts, with docs for `help` and `inspect`.
public struct VerbSignature: Sendable, Hashable {
  /// The verb's keyword, lower case.
  public var name: String
  /// One sentence on what the verb computes.
  public var summary: String
  /// A runnable example.
  public var example: String
  /// The clauses, in the order they are documented.
  public var clauses: [VerbClauseSpec]
  /// Whether the verb may follow `|` and transform the incoming table.
  public var acceptsInput: Bool
  /// The layers of the model's flows the verb reads: `.mass` when its table depends on nothing
  /// but the mass layer (and ids, years, materials, stocks), so that `uncertainty` may skip the
  /// cost and value layers of each drawn model (``VerbQuery/flowLayers(_:)``).
  public var reads: FlowLayers

  /// Creates a signature.
  public init(
    name: String, summary: String, example: String, clauses: [VerbClauseSpec],
    acceptsInput: Bool = false, reads: FlowLayers = .all
  ) {
    self.name = name
    self.summary = summary
    self.example = example
    self.clauses = clauses
    self.acceptsInput = acceptsInput
    self.reads = reads
  }
}

/// One clause of a verb: a keyword (one or two words; "" for leading arguments) and its arity.
public struct VerbClauseSpec: Sendable, Hashable {
  /// How many arguments follow the keyword.
  public enum Arity: Sendable, Hashable {
    /// No argument (`propagate`).
    case flag
    /// One expression (`year 2022`, `tolerance 1 %`).
    case one
    /// One or more comma-separated expressions (`of "SEP", "MAG"`).
    case list
    /// One term: a name with arguments that may be named (`lifetime weibull(shape = 2.5, scale = 14)`),
    /// handed to the verb as ``VerbArgument/term(_:)``.
    case term
    /// A `{ … }` block of edits (`scenario x { scale A -> B by 1.2 }`), parsed with the cell into
    /// ``VerbClause/edits``.
    case block
    /// The rest of the statement, pipes included, as a FlowQL query parsed with the cell
    /// (``VerbClause/query``) that the verb may run with ``VerbCall/run(_:catalog:isCancelled:)``
    /// (`compare a, b: dependence years 2015..2022`). An optional `:` before it is skipped. Must be
    /// the verb's last clause.
    case query
  }

  /// The keyword, such as `of` or `split by`; "" means arguments right after the verb name,
  /// and ":" a colon (`compare a, b: query`).
  public var keyword: String
  /// What follows the keyword.
  public var arity: Arity
  /// One line for completion and help.
  public var summary: String
  /// What completion offers after the keyword.
  public var values: ValueHint

  /// Values completion offers after a clause keyword.
  public enum ValueHint: Sendable, Hashable {
    /// Nothing in particular.
    case none
    /// These words (`material`, `stage` …).
    case words([String])
    /// The years of the current model.
    case years
    /// The process ids of the current model.
    case processes
    /// The names of the session's models (`baseline`, scenarios, loaded models).
    case models
  }

  /// Creates a clause description. A keyword `{` means a `.block` written right here.
  public init(_ keyword: String, _ arity: Arity, summary: String = "", values: ValueHint = .none) {
    self.keyword = keyword
    self.arity = arity
    self.summary = summary
    self.values = values
  }

  var words: [String] { keyword.split(separator: " ").map { String($0).lowercased() } }
}
