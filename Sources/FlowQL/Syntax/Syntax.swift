import FlowModel

/// A parsed cell: its statements in order.
struct Program: Sendable {
  var statements: [Statement]
}

/// One statement of a cell.
struct Statement: Sendable {
  enum Kind: Sendable {
    /// A query or a bare expression (`flows | take 5`, `45015 / 3912`).
    case query(Query)
    /// `let name = query-or-expression`.
    case binding(name: Name, value: Query)
    /// `set option = value`.
    case set(option: Name, value: Expr)
    /// `print expr`.
    case print(Expr)
    /// `warn expr`.
    case warn(Expr)
    /// `help [topic]`.
    case help(topic: Name?)
    /// `clear`.
    case clear
  }

  var kind: Kind
  var range: SourceRange
}

/// A name and where it is written.
struct Name: Sendable, Hashable {
  var text: String
  var range: SourceRange
}

/// A source followed by stages.
struct Query: Sendable {
  var source: Source
  var stages: [Stage]
  var range: SourceRange
}

/// Where a query's table comes from.
enum Source: Sendable {
  /// A catalog table or a `let` name.
  case name(Name)
  /// A host-provided verb with its clauses.
  case verb(VerbSyntax)
  /// A bare expression; its value is the statement's result.
  case expression(Expr)
}

/// A verb as written: its name and its clauses (arguments not yet evaluated).
struct VerbSyntax: Sendable {
  struct Clause: Sendable {
    var keyword: String
    var range: SourceRange
    var arguments: [Expr]
    /// For `.block` clauses: the edits between the braces.
    var edits: [EditSyntax] = []
    /// For `.query` clauses: the rest of the statement.
    var query: Query?
    /// For `.term` clauses: the term as written.
    var term: TermSyntax?
  }

  var name: Name
  var clauses: [Clause]
  var range: SourceRange
}

/// One `| stage`.
struct Stage: Sendable {
  enum Kind: Sendable {
    case `where`(Expr)
    case select([Assignment])
    case derive([Assignment])
    case drop([Name])
    case rename([(new: Name, old: Name)])
    case summarize(aggregates: [Assignment], by: [Assignment])
    case sort([SortKey])
    /// `top N by key [with others]`: `others` adds one row summing the rest.
    case top(count: Expr, by: [SortKey], others: Bool)
    case take(Expr)
    case pivot(columns: Name, values: Name)
    case join(kind: JoinKind, right: Source, on: [(left: Name, right: Name)])
    case schema
    case chart(ChartSyntax)
    case verb(VerbSyntax)
    /// `in [scenario|model] name`: the whole query runs against that model.
    case inModel(Name)
  }

  var kind: Kind
  var keyword: Name
  var range: SourceRange
}

/// How `join` keeps rows.
enum JoinKind: String, Sendable {
  case inner, left
}

/// `name = expr`, or a bare expression whose name is derived from it.
struct Assignment: Sendable {
  var name: Name?
  var value: Expr

  /// The output column name: the explicit name, or one derived from the expression.
  var outputName: String { name?.text ?? value.defaultName }
}

/// One sort key: an expression and a direction.
struct SortKey: Sendable {
  var value: Expr
  var descending: Bool
}

/// `chart kind with (…)` as written.
struct ChartSyntax: Sendable {
  var kind: Name
  var options: [(name: Name, value: Expr)]
  /// From the kind to the closing `)`.
  var range: SourceRange
}

/// An expression with its source range.
struct Expr: Sendable {
  indirect enum Kind: Sendable {
    case number(Double)
    case quantity(Double, FlowModel.Unit)
    case string(String)
    case bool(Bool)
    case name(String)
    /// `source.stage`: a column and a field of the processes table.
    case path([Name])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr, operatorRange: SourceRange)
    case call(Name, [Expr])
    case list([Expr])
    case range(Expr, Expr)
    /// Placeholder for a missing expression; the parser has reported it.
    case missing
  }

  var kind: Kind
  var range: SourceRange
  /// The height of the expression tree; the parser caps it so evaluation cannot overflow the stack.
  var depth = 1

  /// A column name derived from the expression (`sum(mass)` → `sum_mass`).
  var defaultName: String {
    switch kind {
    case .name(let n): n
    case .path(let parts): parts.map(\.text).joined(separator: "_")
    case .call(let f, let args):
      ([f.text]
        + args.compactMap { a -> String? in
          let n = a.defaultName
          return n.isEmpty ? nil : n
        }).joined(separator: "_")
    default: ""
    }
  }
}

/// Prefix operators.
enum UnaryOperator: String, Sendable {
  case negate = "-"
  case not = "not"
}

/// Infix operators, loosest first.
enum BinaryOperator: String, Sendable {
  case or, and
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case `in`
  case contains = "~"
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"

  var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
    default: false
    }
  }
}
