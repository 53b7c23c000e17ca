import FlowModel
import FlowQL

/// `sensitivity [of names] [top N]: query`: one-at-a-time swings drawn as a tornado.
struct SensitivityVerb: Verb {
  let signature = VerbSignature(
    name: "sensitivity",
    summary: """
      One-at-a-time sensitivity of the query after `:`, which must give one numeric column: each \
      uncertain input (a parameter, an input series or a price as a whole, or a measured flow of \
      a loaded model) is set to the low and to the high end of its range with everything else at \
      its value, and the query is run again. Sorted by swing, drawn as a tornado (the change \
      from the base value at each end).
      Columns: [the query's key columns,] parameter, low, high, result_low, result_high, swing \
      (|result_high − result_low|), change_low, change_high (result − base).
      """,
    example: "sensitivity top 5: dependence year 2022 | where material == \"LREE\" | select net_import_reliance",
    clauses: [
      .init("of", .list, summary: "the inputs to swing (parameter names, `series name`, `price name`)"),
      .init("top", .one, summary: "keep the N largest swings"),
      .init(":", .query, summary: "a query giving one numeric column"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let query = call.clause(":")?.query else {
      throw VerbError("`sensitivity` needs a query after `:`", help: "e.g. `\(signature.example)`")
    }
    guard catalog.models.current != nil else {
      throw VerbError("no material-flow model is loaded", help: "load one with `load \"flows.csv\" as mine`")
    }
    let top = try call.clause("top").map { _ in try UncertaintyVerb.whole(call, "top", default: 10, range: 1...10_000) }
    let models = UncertainModels(catalog, query: query.text, perSeries: true)
    let inputs = try Self.selected(models.rootInputs, call)
    let base = try query.run(catalog: catalog, isCancelled: isCancelled)
    let result = try Self.resultColumn(base.table)
    let swings: [[Double]]
    do {
      swings = try MonteCarloRunner(runs: inputs.count * 2).run(isCancelled: isCancelled) { run in
        let input = inputs[run / 2]
        let catalog = try models.setting(input.target, run % 2 == 0 ? input.low : input.high)
        return try Self.values(query.run(catalog: catalog, isCancelled: { false }).table, result)
      }
    } catch MonteCarloRunner.Stop.cancelled {
      throw Diagnostic(.interrupted, "interrupted", at: query.range, label: "stopped here")
    }
    var rows = TornadoRows(base: base.table, result: result)
    for (i, input) in inputs.enumerated() { rows.append(input, low: swings[2 * i], high: swings[2 * i + 1]) }
    let table = rows.table(top: top, caption: (base.table.caption ?? "query") + " · sensitivity of \(result)")
    return VerbOutput(table, chart: TornadoRows.chart(table, result: result), warnings: base.warnings)
  }

  /// The inputs named in `of` (all when absent), or a did-you-mean error.
  static func selected(_ inputs: [UncertainInput], _ call: VerbCall) throws -> [UncertainInput] {
    guard let clause = call.clause("of") else {
      guard !inputs.isEmpty else {
        throw VerbError(
          "the model has no uncertain inputs", help: "give flows a `sigma` or `uncertainty` column in the flows file")
      }
      return inputs
    }
    let names = inputs.map(\.name)
    return try clause.arguments.map { argument in
      guard let name = argument.text else { throw VerbError("`of` takes input names", clause: "of") }
      if let input = inputs.first(where: { $0.name == name || $0.name.hasSuffix(" " + name) }) { return input }
      throw VerbError(
        "`\(name)` is no uncertain input of this model",
        help: Suggestions.didYouMean(name, in: names) ?? "inputs: " + Suggestions.list(names), clause: "of")
    }
  }

  /// The one numeric column of the query's table.
  static func resultColumn(_ table: Table) throws -> String {
    let numeric = table.columns.filter { if case .number = $0.values { true } else { false } }.map(\.name)
    guard numeric.count == 1, let name = numeric.first else {
      throw VerbError(
        "the query after `:` gives \(numeric.count) numeric columns; sensitivity needs exactly one",
        help: numeric.isEmpty ? "end it with a number column" : "add `| select \(numeric.last ?? "…")`", clause: ":")
    }
    return name
  }

  static func values(_ table: Table, _ column: String) throws -> [Double] {
    guard case .number(let v)? = table[column]?.values else {
      throw VerbError("a swung model's result has no column `\(column)`", clause: ":")
    }
    return v
  }
}
