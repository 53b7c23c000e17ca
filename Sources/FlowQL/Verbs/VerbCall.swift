public import FlowModel

/// An evaluated verb argument.
public enum VerbArgument: Sendable, Hashable {
  /// A constant: text, number (with dimension), year or truth value.
  case value(Cell)
  /// A bare name such as `material` or `stage` (no column or binding of that name applies).
  case name(String)
  /// A year range `2015..2022`, both ends included.
  case range(Int, Int)
  /// A term `name(value, label = value, …)` of a `.term` clause or a `lifetime` edit.
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
public struct VerbClause: Sendable {
  /// The clause keyword as declared in the signature ("" for leading arguments).
  public var keyword: String
  /// The evaluated arguments (lists flattened).
  public var arguments: [VerbArgument]
  /// For `.block` clauses: the edits between the braces, parsed with the cell.
  public var edits: [VerbEdit]
  /// For `.query` clauses: the query, parsed with the cell.
  public var query: VerbQuery?
  /// Where the clause is written in the cell.
  public var range: SourceRange

  /// Creates a clause (hosts use this to test their verbs directly).
  public init(
    keyword: String, arguments: [VerbArgument], edits: [VerbEdit] = [], query: VerbQuery? = nil,
    range: SourceRange = .at(0)
  ) {
    self.keyword = keyword
    self.arguments = arguments
    self.edits = edits
    self.query = query
    self.range = range
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
  /// - Returns: the query's table and its chart request.
  public func run(_ clause: VerbClause, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let query = clause.query else {
      throw VerbError("`\(clause.keyword)` holds no query", clause: clause.keyword)
    }
    return try query.run(catalog: catalog, isCancelled: isCancelled)
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
