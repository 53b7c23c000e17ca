public import FlowModel

/// The query of a `.query` clause (`compare a, b: dependence years 2015..2022`), parsed with the
/// cell.
///
/// A verb runs it on any catalog — another model, a perturbed copy — as often as it needs; it is
/// never parsed again, its diagnostics point at their place in the cell, and an interrupt of the
/// cell stops it.
public struct VerbQuery: Sendable {
  var query: Query
  let bindings: [String: Binding]
  let source: SourceText
  let joinByteLimit: Int

  /// Where the query is written in the cell.
  public var range: SourceRange { query.range }

  /// The query as written.
  package var text: String { source.text(query.range) }

  /// The layers of the model's flows the query reads: `.mass` only when it starts with a verb
  /// whose signature reads mass alone and every later stage works on the table it is given
  /// (`where`, `select`, `derive`, `drop`, `rename`, `summarize`, `sort`, `top`, `take`,
  /// `pivot`, `schema`, `chart`); a table source, a verb or `join` after `|`, `| in name`,
  /// `| sql` or `| save` reads `.all`.
  public func flowLayers(_ verbs: VerbRegistry) -> FlowLayers {
    guard case .verb(let syntax) = query.source, verbs.verb(named: syntax.name.text)?.signature.reads == .mass,
      query.stages.allSatisfy(\.readsTableOnly)
    else { return .all }
    return .mass
  }

  /// Runs the query on `catalog`, with the session's bindings.
  ///
  /// - Throws: the query's first ``Diagnostic``, or ``VerbError`` when it gives a single value.
  /// - Returns: the query's table, its chart request and its warnings.
  public func run(catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    try withoutActuallyEscaping(isCancelled) { isCancelled in
      var evaluator = Evaluator(catalog: catalog, bindings: bindings, source: source, isCancelled: isCancelled)
      evaluator.joinByteLimit = joinByteLimit
      guard case .table(let table, let chart) = try evaluator.evaluate(query) else {
        throw VerbError(
          "the query after `:` gives a single value, not a table", help: "start it with a table or a verb")
      }
      return VerbOutput(table, chart: chart, warnings: evaluator.warnings.map { $0.message })
    }
  }

  /// The query without a final `| chart …` stage, and that stage: a verb that combines several
  /// runs into one table (`compare`) draws that table with it.
  public func splittingFinalChart() -> (VerbQuery, VerbChart?) {
    guard let last = query.stages.last, case .chart(let syntax) = last.kind else { return (self, nil) }
    var trimmed = self
    trimmed.query = Query(
      source: query.source, stages: query.stages.dropLast(), range: SourceRange(query.range.start, last.range.start))
    return (trimmed, VerbChart(syntax: syntax, bindings: bindings, source: source))
  }
}

extension Stage {
  /// Whether the stage reads nothing but the table it is given (not the catalog's model).
  fileprivate var readsTableOnly: Bool {
    switch kind {
    case .where, .select, .derive, .drop, .rename, .summarize, .sort, .top, .take, .pivot, .schema, .chart: true
    case .join, .verb, .inModel, .sql, .save: false
    }
  }
}

/// A `| chart …` stage taken off a ``VerbQuery`` (``VerbQuery/splittingFinalChart()``).
public struct VerbChart: Sendable {
  let syntax: ChartSyntax
  let bindings: [String: Binding]
  let source: SourceText

  /// The chart request for `table`, with the columns it names checked against that table.
  public func request(for table: Table, catalog: Catalog) throws(Diagnostic) -> ChartRequest {
    let evaluator = Evaluator(catalog: catalog, bindings: bindings, source: source, isCancelled: { false })
    return try evaluator.chartRequest(syntax, table)
  }
}
