import FlowModel
import FlowQL

/// `uncertainty [runs N] [seed S] [level 90 %]: query`: Monte Carlo over any query.
struct UncertaintyVerb: Verb {
  let signature = VerbSignature(
    name: "uncertainty",
    summary: """
      Runs the query after `:` (pipes and `| in name` included) on N models whose inputs are \
      drawn at random and returns its table with every numeric column x followed by x_low and \
      x_high (the percentiles of the level) and x_sd. x is the value on the unperturbed model, \
      which is run 1; runs 2…N are draws, each from its own random stream derived from the seed \
      and the run number: same seed, same result, on any number of threads. Rows are matched \
      across runs by the non-numeric columns before the first numeric one; a row missing in some \
      runs is kept with a `runs` count and a warning. With `model` and `target` columns \
      (`uncertainty: study`) `interval` says whether the target lies `inside` the model's \
      interval or `above` / `below` it.
      What is drawn. The bundled model: every parameter with a range in parameters.csv, \
      triangular between range_low and range_high with its mode at the value (a `distribution` \
      column may say uniform, normal or lognormal; the range is then the 90 % interval); every \
      input series value and every price, normal with a relative σ by its tag from the ecoinvent \
      pedigree matrix (reliability score 2, 3 or 4, basic uncertainty 1.05): F 3.5 %, D 5.4 %, \
      E 9.5 % (the data README gives the table and the sources). The flows are derived again \
      from the drawn inputs, so every draw is mass-balanced; \
      a draw whose outflows fixed by data exceed the inflow is drawn again, and a warning says \
      how many of all draws were, and where (the intervals are conditional on feasibility). \
      Scenarios are derived from the drawn base. A loaded model: each flow with a `sigma` (t) or \
      `uncertainty` (%) is drawn normal; the other flows are exact.
      Columns: the query's columns, each numeric x followed by x_low, x_high and x_sd; `runs` when a row \
      is missing in some runs; `interval` for a table with `model` and `target`.
      Defaults: runs 1000, seed 1, level 90 %.
      """,
    example: "uncertainty runs 200: dependence year 2022",
    clauses: [
      .init("runs", .one, summary: "how many runs (default 1000), the unperturbed model first"),
      .init("seed", .one, summary: "the random seed, a whole number ≥ 0 (default 1)"),
      .init("level", .one, summary: "the central interval, as in `level 90 %` (default)"),
      .init(":", .query, summary: "the query to run on each drawn model"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let runs = try Self.whole(call, "runs", default: 1000, range: 1...1_000_000)
    let seed = try Self.whole(call, "seed", default: 1, range: 0...Int.max)
    let level = try Self.level(call)
    guard let query = call.clause(":")?.query else {
      throw VerbError("`uncertainty` needs a query after `:`", help: "e.g. `\(signature.example)`")
    }
    guard catalog.models.current != nil else {
      throw VerbError("no material-flow model is loaded", help: "load one with `load \"flows.csv\" as mine`")
    }
    let models = UncertainModels(catalog, query: query.text)
    let base = try query.run(catalog: catalog, isCancelled: isCancelled)
    let layers = query.flowLayers(catalog.verbs)
    let results: [(Table, Redraws)]
    do {
      results = try MonteCarloRunner(runs: runs).run(isCancelled: isCancelled) { run in
        var redraws = Redraws()
        let drawn = try models.drawn(run: run, seed: UInt64(seed), redraws: &redraws, layers: layers)
        return (try query.run(catalog: drawn, isCancelled: { false }).table, redraws)
      }
    } catch MonteCarloRunner.Stop.cancelled {
      throw Diagnostic(
        .interrupted, "interrupted", at: query.range, label: "stopped here",
        notes: ["bindings made before the interrupt are kept"])
    } catch let error as FlowModelError {
      throw VerbError("a drawn model could not be derived: \(error.description)")
    }
    var summary = UncertaintySummary(results.map(\.0), level: level)
    summary.table = Self.withIntervalVerdict(summary.table)
    var redraws = Redraws()
    for (_, r) in results { redraws.add(r) }
    var warnings = base.warnings + summary.warnings
    if let warning = Self.redrawWarning(redraws) { warnings.append(warning) }
    let percent = Self.percentText(level)
    let caption = (base.table.caption ?? "query") + " · uncertainty: \(runs) runs, seed \(seed), \(percent) interval"
    return VerbOutput(Table(summary.table.columns, caption: caption), chart: base.chart, warnings: warnings)
  }

  /// `30 of 229 draws (13 %) were not mass-balanced …`, naming where the rejected draws failed; nil
  /// when none was.
  static func redrawWarning(_ redraws: Redraws) -> String? {
    guard redraws.rejected > 0 else { return nil }
    let places = redraws.commonest(3).map { "\($0.place) (\($0.count))" }.joined(separator: ", ")
    let percent = Int((redraws.rate * 100).rounded())
    return "\(redraws.rejected) of \(redraws.attempts) draws (\(percent) %) were not mass-balanced and were drawn "
      + "again: outflows fixed by data exceeded the inflow, most often at \(places); the intervals are "
      + "conditional on feasibility"
  }

  /// A whole-number clause within `range`.
  static func whole(_ call: VerbCall, _ keyword: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
    guard let clause = call.clause(keyword) else { return value }
    guard clause.arguments.count == 1, let n = clause.arguments[0].integer, range.contains(n) else {
      throw VerbError(
        "`\(keyword)` takes a whole number from \(range.lowerBound)\(range.upperBound == Int.max ? " up" : " to \(range.upperBound)")",
        help: "e.g. `\(keyword) \(value)`", clause: keyword)
    }
    return n
  }

  /// `level 90 %` (or `level 0.9`) as a fraction strictly between 0 and 1.
  static func level(_ call: VerbCall) throws -> Double {
    guard let clause = call.clause("level") else { return 0.9 }
    guard clause.arguments.count == 1, case .value(.number(let v, let dimension)) = clause.arguments[0] else {
      throw VerbError("`level` takes a percentage, as in `level 90 %`", clause: "level")
    }
    let fraction = dimension == .ratio || v < 1 ? v : v / 100
    guard fraction > 0, fraction < 1 else {
      throw VerbError("the level must lie between 0 % and 100 %", help: "e.g. `level 90 %`", clause: "level")
    }
    return fraction
  }

  /// `0.9` as `90 %`, `0.995` as `99.5 %`.
  static func percentText(_ fraction: Double) -> String {
    let p = (fraction * 1000).rounded() / 10
    return (p == p.rounded() ? String(Int(p)) : String(p)) + " %"
  }

  /// Adds `interval` (inside / above / below) when the table compares `model` with `target`.
  static func withIntervalVerdict(_ table: Table) -> Table {
    guard case .number(let low)? = table["model_low"]?.values, case .number(let high)? = table["model_high"]?.values,
      case .number(let target)? = table["target"]?.values
    else { return table }
    let verdicts = target.indices.map { i -> String in
      if target[i].isNaN || low[i].isNaN { return "" }
      return target[i] < low[i] ? "below" : (target[i] > high[i] ? "above" : "inside")
    }
    var columns = table.columns
    let at = (columns.firstIndex { $0.name == "model_sd" } ?? columns.count - 1) + 1
    columns.insert(.text("interval", verdicts), at: at)
    return Table(columns, caption: table.caption)
  }
}
