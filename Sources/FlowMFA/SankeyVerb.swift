import FlowModel
import FlowQL

/// `sankey [year Y | years A..B [every N]] [layer mass|cost|value] [by column] [split by column]
/// [min quantity] [order names]`: the links of one year, drawn as a Sankey diagram by default;
/// with `years`, one panel per year, all at one scale (small multiples).
struct SankeyVerb: Verb {
  let signature = VerbSignature(
    name: "sankey",
    summary: """
      The links of one year (default: the latest), summed per source and target, with a Sankey \
      diagram as the default display. `by` groups nodes by a column of `processes` (stage, kind, \
      name …); `split by` splits each link by a text column of `flows` (material, good …); `min` \
      drops links below a quantity; `order` fixes the order of the node columns. `years A..B` \
      draws one panel per year (`every N`: every Nth year), all at one scale with a scale bar, \
      so the years compare at a glance. Links inside \
      one group are dropped; is_loop marks links that run back upstream (scrap, recycling). \
      A stock's net accumulation is a link to a node `USE (stock +)` (mass layer).
      Columns: [year,] source, target, [split,] value (t or US$), unit, is_loop.
      """,
    example: "sankey year 2022 by stage split by material min 2 kt",
    clauses: [
      MFAVerbs.yearClause, MFAVerbs.yearsClause,
      .init("every", .one, summary: "with `years`: one panel every N years, as in `every 2`"),
      .init("layer", .one, summary: "`mass` (default), `cost` or `value`", values: .words(["mass", "cost", "value"])),
      .init(
        "by", .one, summary: "a column of `processes` to group nodes by", values: .words(["stage", "kind", "name"])),
      .init(
        "split by", .one, summary: "a text column of `flows`, such as `material`", values: .words(["material", "good"])),
      .init("min", .one, summary: "hide links below this quantity, as in `2 kt`"),
      .init("order", .list, summary: "node columns in this order (stage names, say)"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let years = try context.years()
    let model = context.model
    let layer = try context.word("layer", allowed: ["mass", "cost", "value"]) ?? "mass"
    let dimension: Dimension = layer == "mass" ? .mass : .money
    let processTable = context.entry.tables["processes"] ?? model.processesTable()
    let flowsTable = context.entry.tables["flows"] ?? model.flowsTable()
    let group = try groupColumn(context, processTable)
    let split = try splitColumn(context, flowsTable)
    let minimum = try minimum(call, dimension)
    let order = try context.texts("order")
    let panelYears = try panelYears(call, years.range)

    // Node label and upstream-ness per process.
    var label: [String: String] = [:]
    var rank: [String: Int] = [:]
    for (i, p) in model.processes.enumerated() {
      let name = group?[i] ?? p.id
      label[p.id] = name
      rank[name] = min(rank[name] ?? Int.max, p.stageOrder)
    }
    struct Key: Hashable { var year: Int, source: String, target: String, split: String }
    let process = Dictionary(model.processes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var totals: [Key: Double] = [:]
    var loops = Set<Key>()
    for (i, flow) in model.flows.enumerated() where years.range.contains(flow.year) {
      if let panelYears, !panelYears.contains(flow.year) { continue }
      let s = label[flow.source] ?? flow.source
      let t = label[flow.target] ?? flow.target
      guard s != t else { continue }
      let amount = layer == "mass" ? flow.mass : (layer == "cost" ? flow.cost : flow.value)
      let key = Key(year: panelYears == nil ? 0 : flow.year, source: s, target: t, split: split?[i] ?? "")
      totals[key, default: 0] += amount
      // A loop runs back upstream (scrap, recycling); flows into boundary sinks never do.
      if let from = process[flow.source], let to = process[flow.target], to.kind != .sink,
        to.stageOrder < from.stageOrder
      {
        loops.insert(key)
      }
    }
    if layer == "mass" {
      let splitByMaterial = try context.texts("split by")?.first == "material"
      for span in panelYears.map({ $0.map { $0...$0 } }) ?? [years.range] {
        let year = panelYears == nil ? 0 : span.lowerBound
        for link in Self.accumulationLinks(model, years: span, label: label, splitByMaterial: splitByMaterial) {
          let (node, process) =
            link.mass > 0 && link.target.hasSuffix(")") ? (link.target, link.source) : (link.source, link.target)
          rank[node] = rank[process] ?? 0
          totals[Key(year: year, source: link.source, target: link.target, split: link.split), default: 0] +=
            link.mass
        }
      }
    }
    // Each link's ranks looked up once, not at every comparison.
    var keys = totals.keys.map { ($0, rank[$0.source] ?? 0, rank[$0.target] ?? 0) }.sorted {
      ($0.0.year, $0.1, $0.2, $0.0.source, $0.0.target, $0.0.split)
        < ($1.0.year, $1.1, $1.2, $1.0.source, $1.0.target, $1.0.split)
    }.map(\.0)
    let before = keys.count
    if let minimum { keys = keys.filter { totals[$0]! >= minimum } }
    var columns: [Column] = panelYears == nil ? [] : [.year("year", keys.map(\.year))]
    columns += [.text("source", keys.map(\.source)), .text("target", keys.map(\.target))]
    if split != nil { columns.append(.text("split", keys.map(\.split))) }
    columns += [
      .number("value", keys.map { totals[$0]! }, dimension),
      .text("unit", Array(repeating: dimension.baseSymbol, count: keys.count)),
      .bool("is_loop", keys.map { loops.contains($0) }),
    ]
    var what = "sankey · \(layer)"
    if let by = call.clause("by")?.arguments.first?.text { what += " by \(by)" }
    var caption = context.caption(what, years)
    if let panelYears, let step = call.clause("every")?.arguments.first?.integer, step > 1 {
      caption += " every \(step) years (\(panelYears.count) panels)"
    }
    if before > keys.count { caption += " · \(before - keys.count) links below the minimum hidden" }
    var settings = order.map { [ChartSetting(.sort, .names($0))] } ?? []
    if panelYears != nil { settings.append(ChartSetting(.panels, .name("year"))) }
    return VerbOutput(Table(columns, caption: caption), chart: ChartRequest(kind: .sankey, settings: settings))
  }

  /// The years of the panels for `years A..B [every N]`, or nil for one diagram.
  private func panelYears(_ call: VerbCall, _ range: ClosedRange<Int>) throws -> [Int]? {
    let every = call.clause("every")
    guard call.clause("years") != nil else {
      if every != nil {
        throw VerbError("`every` needs `years`", help: "e.g. `sankey years 2015..2022 every 2`", clause: "every")
      }
      return nil
    }
    var step = 1
    if let every {
      guard every.arguments.count == 1, let n = every.arguments[0].integer, n >= 1 else {
        throw VerbError("`every` takes a whole number of years", help: "e.g. `every 2`", clause: "every")
      }
      step = n
    }
    return Array(stride(from: range.lowerBound, through: range.upperBound, by: step))
  }

  /// The node label of each process (in model order) for `by column`, or nil.
  private func groupColumn(_ context: MFAContext, _ processes: Table) throws -> [String]? {
    guard let name = try context.texts("by")?.first else { return nil }
    guard let column = processes[name] else {
      throw VerbError(
        "`processes` has no column `\(name)` to group nodes by",
        help: Suggestions.didYouMean(name, in: processes.columnNames)
          ?? "columns: " + processes.columnNames.joined(separator: ", "),
        clause: "by")
    }
    guard case .text(let values) = column.values else {
      throw VerbError("`\(name)` is not a text column of `processes`", clause: "by")
    }
    return values.map { $0.isEmpty ? "(none)" : $0 }
  }

  /// The split label of each flow (in model order) for `split by column`, or nil.
  private func splitColumn(_ context: MFAContext, _ flows: Table) throws -> [String]? {
    guard let name = try context.texts("split by")?.first else { return nil }
    guard let column = flows[name] else {
      throw VerbError(
        "`flows` has no column `\(name)` to split links by",
        help: Suggestions.didYouMean(name, in: flows.columnNames) ?? "e.g. `split by material`",
        clause: "split by")
    }
    guard case .text(let values) = column.values else {
      throw VerbError("`\(name)` is not a text column of `flows`", help: "e.g. `split by material`", clause: "split by")
    }
    return Array(values)
  }

  private func minimum(_ call: VerbCall, _ dimension: Dimension) throws -> Double? {
    guard let clause = call.clause("min") else { return nil }
    guard clause.arguments.count == 1, case .value(.number(let v, let d)) = clause.arguments[0] else {
      throw VerbError("`min` takes a quantity", help: "e.g. `min 2 kt`", clause: "min")
    }
    guard d == .none || d == dimension else {
      throw VerbError(
        "`min` is a \(d.rawValue) but this layer is \(dimension.rawValue)",
        help: dimension == .mass ? "e.g. `min 2 kt`" : "e.g. `min 10 MUSD`", clause: "min")
    }
    return v
  }
}
