import FlowModel

@testable import FlowQL

/// A small synthetic catalog: 2 years × a handful of flows between rare-earth processes.
enum Fixtures {
  static let flows = Table(
    [
      .year("year", [2021, 2021, 2021, 2021, 2022, 2022, 2022, 2022]),
      .text("source", ["MIN", "IMP_CONC_US", "SEP", "SEP", "MIN", "IMP_CONC_US", "SEP", "MAG"]),
      .text("target", ["SEP", "SEP", "MAG", "EXP_PRIM", "SEP", "SEP", "MAG", "SEP"]),
      .text("material", ["LREE", "LREE", "LREE", "HREE", "LREE", "HREE", "LREE", "LREE"]),
      .number("mass", [100_000, 20_000, 50_000, 5_000, 120_000, 30_000, 60_000, 2_000], .mass),
      .number("cost", [1e8, 3e7, 2e8, 4e7, 1.2e8, 4e7, 2.4e8, 1e6], .money),
      .number("value", [2e8, 5e7, 4e8, 8e7, 2.4e8, 6e7, 4.8e8, 3e6], .money),
    ])

  static let processes = Table([
    .text("id", ["MIN", "IMP_CONC_US", "SEP", "MAG", "EXP_PRIM"]),
    .text("name", ["Mining", "US concentrate imports", "Separation", "Magnet manufacturing", "Primary exports"]),
    .text("stage", ["mining", "boundary", "separation", "manufacturing", "boundary"]),
    .text("kind", ["process", "boundary", "process", "process", "boundary"]),
    .text("description", ["", "", "", "", ""]),
  ])

  static let stocks = Table([
    .year("year", [2021, 2022]),
    .text("process", ["MAG", "MAG"]),
    .text("material", ["LREE", "LREE"]),
    .number("stock", [1_000, 1_500], .mass),
    .number("stock_change", [1_000, 500], .mass),
  ])

  static let catalog = Catalog(
    tables: ["flows": flows, "processes": processes, "stocks": stocks],
    verbs: VerbRegistry([EchoVerb(), ScaleVerb(), CompareVerb()]))

  static func session() -> Session { Session(catalog: catalog) }
}

/// A dummy source verb: `echo of "SEP", "MAG" year 2022 [by material] [min 2 kt] [block { … }]`.
struct EchoVerb: Verb {
  let signature = VerbSignature(
    name: "echo", summary: "Lists its clauses as a table (test verb).", example: "echo of \"SEP\" year 2022",
    clauses: [
      .init("of", .list, summary: "process ids"), .init("year", .one, summary: "a year"),
      .init("years", .one), .init("by", .one), .init("split by", .one), .init("min", .one),
      .init("block", .block), .init("fail", .flag), .init("term", .term),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    if call.clause("fail") != nil { throw VerbError("echo was asked to fail", help: "remove `fail`", clause: "fail") }
    var keys: [String] = []
    var values: [String] = []
    for clause in call.clauses {
      for a in clause.arguments {
        keys.append(clause.keyword)
        switch a {
        case .value(let c): values.append("\(c)")
        case .name(let n): values.append("name:\(n)")
        case .range(let a, let b): values.append("\(a)..\(b)")
        case .term(let t):
          let args = t.arguments.map { ($0.label.map { $0 + "=" } ?? "") + "\($0.value)" }
          values.append("term:\(t.name)(\(args.joined(separator: ", ")))")
        }
      }
      for edit in clause.edits {
        keys.append(clause.keyword)
        values.append("edit:\(edit.text)")
      }
    }
    return VerbOutput(
      Table([.text("clause", keys), .text("argument", values)]),
      chart: ChartRequest(kind: .table), warnings: call.clauses.isEmpty ? ["echo has no clauses"] : [])
  }
}

/// A dummy stage verb: `| scale by 2` multiplies every numeric column.
struct ScaleVerb: Verb {
  let signature = VerbSignature(
    name: "scale", summary: "Multiplies numeric columns (test verb).", example: "flows | scale by 2",
    clauses: [.init("by", .one)], acceptsInput: true)

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let input = call.input else { throw VerbError("scale needs an input table") }
    let k = call.clause("by")?.arguments.first?.number ?? 1
    var t = input
    for c in input.columns {
      if case .number(let v) = c.values {
        t.setColumn(Column(c.name, .number(v.map { $0 * k }), dimension: c.dimension))
      }
    }
    return VerbOutput(t)
  }
}

/// A dummy `compare a, b: query`: runs the query once per name (with masses scaled by the
/// name's position) and stacks the results with a `scenario` column.
struct CompareVerb: Verb {
  let signature = VerbSignature(
    name: "compare", summary: "Runs a query per scenario (test verb).", example: "compare a, b: flows | take 1",
    clauses: [.init("", .list, summary: "scenario names"), .init(":", .query, summary: "the query")])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let names = call.clause("")?.arguments.compactMap(\.text), let query = call.clause(":") else {
      throw VerbError("compare needs names and a query")
    }
    var scenario: [String] = []
    var mass: [Double] = []
    for (i, name) in names.enumerated() {
      var modified = catalog
      if let flows = catalog.tables["flows"], case .number(let m)? = flows["mass"]?.values {
        var f = flows
        f.setColumn(.number("mass", m.map { $0 * Double(i + 1) }, .mass))
        modified.tables["flows"] = f
      }
      let out = try call.run(query, catalog: modified, isCancelled: isCancelled)
      guard case .number(let v)? = out.table["total"]?.values else { throw VerbError("no total column", clause: ":") }
      scenario += Array(repeating: name, count: v.count)
      mass += v
    }
    return VerbOutput(Table([.text("scenario", scenario), .number("total", mass, .mass)]))
  }
}
