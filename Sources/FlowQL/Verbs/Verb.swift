import FlowModel

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

  /// Creates a signature.
  public init(
    name: String, summary: String, example: String, clauses: [VerbClauseSpec],
    acceptsInput: Bool = false
  ) {
    self.name = name
    self.summary = summary
    self.example = example
    self.clauses = clauses
    self.acceptsInput = acceptsInput
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
    /// A `{ … }` block kept as raw text (`scenario x { … }`).
    case block
    /// The rest of the statement, pipes included, as a FlowQL query the verb may run with
    /// ``VerbCall/run(_:catalog:isCancelled:)`` (`compare a, b: dependence years 2015..2022`).
    /// An optional `:` before it is skipped. Must be the verb's last clause.
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

/// An evaluated verb argument.
public enum VerbArgument: Sendable, Hashable {
  /// A constant: text, number (with dimension), year or truth value.
  case value(Cell)
  /// A bare name such as `material` or `stage` (no column or binding of that name applies).
  case name(String)
  /// A year range `2015..2022`, both ends included.
  case range(Int, Int)
  /// A term `name(value, label = value, …)` of a `.term` clause.
  case term(VerbTerm)

  /// The argument as text (for strings and names).
  public var text: String? {
    switch self {
    case .value(.text(let s)), .name(let s): s
    default: nil
    }
  }

  /// The argument as a number in base units.
  public var number: Double? {
    switch self {
    case .value(.number(let v, _)): v
    case .value(.year(let y)): Double(y)
    default: nil
    }
  }

  /// The argument as a whole number (years, counts).
  public var integer: Int? {
    guard let n = number, n.rounded() == n, abs(n) < 1e15 else { return nil }
    return Int(n)
  }
}

/// One parsed and evaluated clause.
public struct VerbClause: Sendable, Hashable {
  /// The clause keyword as declared in the signature ("" for leading arguments).
  public var keyword: String
  /// The evaluated arguments (lists flattened).
  public var arguments: [VerbArgument]
  /// For `.block` clauses: the text between the braces.
  public var block: String?
  /// For `.query` clauses: the query text.
  public var query: String?
  /// Where `query` starts in the cell, so its diagnostics point at the right place.
  var queryOffset = 0
  /// Where `block` starts in the cell (verbs that parse their block report errors there).
  var blockOffset = 0

  /// Creates a clause (hosts use this to test their verbs directly).
  public init(keyword: String, arguments: [VerbArgument], block: String? = nil) {
    self.keyword = keyword
    self.arguments = arguments
    self.block = block
  }
}

/// A verb invocation handed to ``Verb/evaluate(_:catalog:isCancelled:)``.
public struct VerbCall: Sendable {
  /// The verb's name.
  public var name: String
  /// The clauses in written order.
  public var clauses: [VerbClause]
  /// The incoming table when the verb follows `|`.
  public var input: Table?
  /// The session's `let` tables, for verbs that refer to named results.
  public var tables: [String: Table]
  /// The session's bindings, for running `.query` clauses.
  var bindings: [String: Binding] = [:]

  /// Creates a call (hosts use this to test their verbs directly).
  public init(name: String, clauses: [VerbClause], input: Table? = nil, tables: [String: Table] = [:]) {
    self.name = name
    self.clauses = clauses
    self.input = input
    self.tables = tables
  }

  /// Runs a `.query` clause against `catalog` (for example a scenario's modified flows), with
  /// the session's bindings. Errors are reported at their place in the cell.
  ///
  /// - Throws: the query's first ``Diagnostic``, or ``VerbError`` when the clause has no query.
  /// - Returns: the query's last table and its chart request.
  public func run(_ clause: VerbClause, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let text = clause.query else {
      throw VerbError("`\(clause.keyword)` holds no query", clause: clause.keyword)
    }
    var session = Session(catalog: catalog, bindings: bindings)
    let result = session.run(text, isCancelled: isCancelled)
    if var error = result.errors.first {
      error.range = SourceRange(error.range.start + clause.queryOffset, error.range.end + clause.queryOffset)
      throw error
    }
    for case .table(let table, let chart) in result.outputs.reversed() {
      return VerbOutput(table, chart: chart, warnings: result.warnings.map(\.message))
    }
    throw VerbError("the query after `\(clause.keyword)` produced no table", clause: clause.keyword)
  }

  /// The first clause with this keyword.
  public func clause(_ keyword: String) -> VerbClause? {
    clauses.first { $0.keyword == keyword }
  }
}

/// What a verb returns: a table, an optional default chart and warnings for stderr.
public struct VerbOutput: Sendable {
  /// The result table.
  public var table: Table
  /// A chart shown unless a later `| chart …` overrides it.
  public var chart: ChartRequest?
  /// Warnings shown on stderr (imbalances, defaulted years …).
  public var warnings: [String]
  /// Models the verb defines (`scenario`, `load`); the session keeps them once the statement
  /// has succeeded, so a failing statement changes nothing.
  public var definedModels: [NamedModel]

  /// Creates an output.
  public init(
    _ table: Table, chart: ChartRequest? = nil, warnings: [String] = [], definedModels: [NamedModel] = []
  ) {
    self.table = table
    self.chart = chart
    self.warnings = warnings
    self.definedModels = definedModels
  }
}

/// A problem a verb reports; FlowQL turns it into an `E402` diagnostic under the clause.
public struct VerbError: Error, Sendable, Hashable {
  /// The one-line message.
  public var message: String
  /// An optional fix.
  public var help: String?
  /// The clause keyword responsible, or nil for the verb as a whole.
  public var clause: String?

  /// Creates a verb error.
  public init(_ message: String, help: String? = nil, clause: String? = nil) {
    self.message = message
    self.help = help
    self.clause = clause
  }
}

/// The verbs a host makes available, by name.
public struct VerbRegistry: Sendable {
  private var verbs: [String: any Verb] = [:]

  /// An empty registry.
  public init() {}

  /// Creates a registry holding `verbs`.
  public init(_ verbs: [any Verb]) {
    for v in verbs { register(v) }
  }

  /// Adds or replaces a verb.
  public mutating func register(_ verb: any Verb) {
    verbs[verb.signature.name.lowercased()] = verb
  }

  /// The verb with this name (case-insensitive).
  public func verb(named name: String) -> (any Verb)? { verbs[name.lowercased()] }

  /// Every signature, sorted by name.
  public var signatures: [VerbSignature] {
    verbs.values.map(\.signature).sorted { $0.name < $1.name }
  }
}
