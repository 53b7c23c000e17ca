import FlowModel

/// A FlowQL session: the catalog, the `let` bindings and the `set` options, kept across cells.
///
/// `Session` is a value type; the kernel keeps one and calls ``run(_:isCancelled:)`` per cell.
///
/// ```
/// var session = Session(catalog: catalog)
/// let result = session.run("flows | where year == 2022 | top 3 by mass")
/// for output in result.outputs { … }
/// if !result.succeeded { print(result.renderedErrors) }
/// ```
public struct Session: Sendable {
  /// The named tables, process/material names and verbs.
  public var catalog: Catalog
  /// `let` bindings by name; they live as long as the session.
  public private(set) var bindings: [String: Binding] = [:]
  /// Display options set with `set`.
  public var options = Options()
  /// The most memory, in bytes, that one join's result may take; a larger join stops with `E323`
  /// instead of exhausting the machine's memory.
  public var joinByteLimit = Session.defaultJoinByteLimit

  /// 2 GB: a join of up to tens of millions of rows.
  public static let defaultJoinByteLimit = 2_000_000_000

  /// Creates a session over `catalog`.
  public init(catalog: Catalog) {
    self.catalog = catalog
  }

  /// A session with existing bindings (nested queries of verbs).
  init(catalog: Catalog, bindings: [String: Binding]) {
    self.catalog = catalog
    self.bindings = bindings
  }

  /// Runs one cell.
  ///
  /// - Parameters:
  ///   - code: the cell's text; an empty or comment-only cell produces no outputs and no errors.
  ///   - isCancelled: polled at least once per stage and every few thousand rows; when it
  ///     returns true the cell stops with `E900`.
  /// - Returns: the outputs in order, and the diagnostics of the statement that failed.
  public mutating func run(_ code: String, isCancelled: () -> Bool = { false }) -> RunResult {
    let source = SourceText(code)
    var result = RunResult(outputs: [], errors: [], warnings: [], source: code)
    let (program, diagnostics) = Parser.parse(source, verbs: catalog.verbs.signatures)
    if !diagnostics.isEmpty {
      result.errors = diagnostics
      return result
    }
    withoutActuallyEscaping(isCancelled) { isCancelled in
      for statement in program.statements {
        var evaluator = Evaluator(catalog: catalog, bindings: bindings, source: source, isCancelled: isCancelled)
        evaluator.joinByteLimit = joinByteLimit
        evaluator.fetchLimit = options.fetch
        do throws(Diagnostic) {
          try execute(statement, &evaluator, into: &result)
          for model in evaluator.definedModels { catalog.models.define(model) }
          flush(evaluator.warnings, into: &result, source: code)
        } catch {
          flush(evaluator.warnings, into: &result, source: code)
          result.errors = [error]
          return
        }
      }
    }
    return result
  }

  private func flush(_ warnings: [Diagnostic], into result: inout RunResult, source: String) {
    for w in warnings {
      result.warnings.append(w)
      result.outputs.append(.stderr(w.render(source: source)))
    }
  }

  private mutating func execute(
    _ statement: Statement, _ evaluator: inout Evaluator, into result: inout RunResult
  ) throws(Diagnostic) {
    switch statement.kind {
    case .query(let query):
      switch try evaluator.evaluate(query) {
      case .table(let t, let chart):
        result.outputs.append(.table(t, chart: chart))
        if let target = evaluator.pendingSave { try save(target, t, chart: chart, shown: true, into: &result) }
      case .value(let v): result.outputs.append(.value(v))
      case .sql(let text): result.outputs.append(.code(text, language: "sql"))
      }
    case .binding(let name, let query):
      switch try evaluator.evaluate(query) {
      case .table(let t, let chart):
        if let target = evaluator.pendingSave { try save(target, t, chart: chart, shown: false, into: &result) }
        bindings[name.text] = .table(t)
      case .value(let v): bindings[name.text] = .value(v)
      case .sql(let text): bindings[name.text] = .value(.text(text))
      }
    case .connect, .connections, .loadTable:
      try executeDatabase(statement, &evaluator, into: &result)
    case .set(let option, let value):
      try options.apply(option, value, evaluator: &evaluator)
      result.outputs.append(.options(options))
    case .print(let expr), .warn(let expr):
      try evaluator.checkCancelled(expr.range)
      let cell = try evaluator.eval(expr, .scalar).cell(0)
      let text = options.format(cell) + "\n"
      if case .print = statement.kind {
        result.outputs.append(.stdout(text))
      } else {
        result.outputs.append(.stderr(text))
      }
    case .help(let topic):
      let (title, text) = try Help.page(for: topic, catalog: catalog)
      result.outputs.append(.page(topic: title, text: text))
    case .clear:
      result.outputs.append(.clear)
    }
  }

  /// The value of a `let` binding, if the name is bound.
  public func binding(named name: String) -> Binding? { bindings[name] }

  /// Removes every binding and resets options (the catalog stays).
  public mutating func reset() {
    bindings = [:]
    options = Options()
  }
}
