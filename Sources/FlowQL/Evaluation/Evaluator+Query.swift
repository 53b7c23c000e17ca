import FlowModel

/// The result of one query: a table (with an optional chart request) or a single value.
enum QueryResult {
  case table(Table, chart: ChartRequest?)
  case value(Cell)
}

extension Evaluator {
  /// Evaluates a whole query.
  mutating func evaluate(_ query: Query) throws(Diagnostic) -> QueryResult {
    if case .expression(let expr) = query.source {
      try checkCancelled(expr.range)
      return .value(try eval(expr, .scalar).cell(0))
    }
    if case .name(let name) = query.source, query.stages.isEmpty, let cell = scalarBinding(name.text) {
      return .value(cell)
    }
    let saved = catalog
    defer { catalog = saved }
    try enterModel(of: query)
    let needed = prunesColumns ? query.neededColumns() : query.stages.map { _ in nil }
    var (table, chart) = try evaluateSource(query.source, input: nil)
    let source = table
    // A verb's own chart request is its table's natural chart: a later `chart` stage takes its
    // columns (x, y, series) and settings where it sets none.
    let natural = chart?.options ?? []
    for (index, stage) in query.stages.enumerated() {
      try checkCancelled(stage.keyword.range)
      table = table.keeping(needed[index])
      do throws(Diagnostic) {
        switch stage.kind {
        case .chart(let syntax):
          chart = try chartRequest(syntax, table).filling(natural.filter { Self.fits($0, table) })
        case .inModel: continue
        default:
          nextStageColumns = index + 1 < needed.count ? needed[index + 1] : nil
          (table, chart) = try apply(stage, to: table)
        }
      } catch where error.code != .interrupted && prunesColumns {
        throw unprunedDiagnostic(query, failedAt: index, source: source, like: error) ?? error
      }
    }
    if chart?.kind == .sankey { chart?.nodes = catalog.tables["processes"] }
    return .table(table, chart: chart)
  }

  /// The diagnostic stage `index` gives with every column in view, when carrying only the needed
  /// columns made it less helpful (an unknown column's did-you-mean and column list). The stages
  /// before it are replayed on none of the source's rows, so the source — a `load`, a `scenario`
  /// — is not run again. Nil unless the replay fails at that stage with the same code.
  private mutating func unprunedDiagnostic(
    _ query: Query, failedAt index: Int, source: Table, like original: Diagnostic
  ) -> Diagnostic? {
    let (warnings, models, next) = (self.warnings, definedModels, nextStageColumns)
    defer { (self.warnings, definedModels, nextStageColumns) = (warnings, models, next) }
    nextStageColumns = nil
    var table = source.gathering([])
    for (position, stage) in query.stages.prefix(index + 1).enumerated() {
      do throws(Diagnostic) {
        switch stage.kind {
        case .chart(let syntax): _ = try chartRequest(syntax, table)
        case .inModel: continue
        default: (table, _) = try apply(stage, to: table)
        }
      } catch {
        return position == index && error.code == original.code ? error : nil
      }
    }
    return nil
  }

  /// The table after the first `stageCount` stages (for completion and inspection).
  mutating func table(after query: Query, stageCount: Int) throws(Diagnostic) -> Table {
    let saved = catalog
    defer { catalog = saved }
    try enterModel(of: query)
    var (table, _) = try evaluateSource(query.source, input: nil)
    for stage in query.stages.prefix(stageCount) { (table, _) = try apply(stage, to: table) }
    return table
  }

  /// `| in name` anywhere in the query: the whole query runs against that model.
  private mutating func enterModel(of query: Query) throws(Diagnostic) {
    for stage in query.stages {
      guard case .inModel(let name) = stage.kind else { continue }
      guard let switched = catalog.using(model: name.text) else {
        let names = catalog.models.names
        throw Diagnostic(
          .unknownName, "unknown scenario or model `\(name.text)`", at: name.range,
          label: "no model of this name",
          help: Suggestions.didYouMean(name.text, in: names)
            ?? "define one with `scenario \(name.text) { … }` or `load \"file.csv\" as \(name.text)`",
          notes: names.isEmpty ? [] : ["models: " + Suggestions.list(names)])
      }
      catalog = switched
    }
  }

  /// The table a source names or computes, with a verb's default chart.
  mutating func evaluateSource(_ source: Source, input: Table?) throws(Diagnostic) -> (Table, ChartRequest?) {
    switch source {
    case .name(let name):
      try checkCancelled(name.range)
      if let t = table(named: name.text) { return (t, nil) }
      if scalarBinding(name.text) != nil {
        throw Diagnostic(
          .notATable, "`\(name.text)` is a single value, not a table", at: name.range,
          label: "bound by `let` to a value", help: "stages need a table, such as `flows`")
      }
      var candidates = tableNames + bindings.keys.sorted() + catalog.verbs.signatures.map(\.name)
      candidates += Parser.statementKeywords
      throw Diagnostic(
        .unknownName, "unknown table `\(name.text)`", at: name.range, label: "no table of this name",
        help: Suggestions.didYouMean(name.text, in: candidates),
        notes: ["tables: " + tableNames.joined(separator: ", ")])
    case .verb(let syntax):
      try checkCancelled(syntax.name.range)
      return try runVerb(syntax, input: input)
    case .expression(let expr):
      throw Diagnostic(
        .notATable, "a single value is not a table", at: expr.range,
        help: "start the query with a table such as `flows`")
    }
  }

  /// Whether a natural chart's setting still fits the table (its columns survived the stages).
  static func fits(_ setting: (ChartOption, ChartOptionValue), _ table: Table) -> Bool {
    switch setting.1 {
    case .name(let n) where [.column, .columns].contains(setting.0.value): table[n] != nil
    case .names(let ns) where [.column, .columns].contains(setting.0.value): ns.allSatisfy { table[$0] != nil }
    default: true
    }
  }
}
