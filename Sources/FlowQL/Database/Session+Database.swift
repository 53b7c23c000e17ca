import FlowModel
import FlowSQL

extension Session {
  /// `connect`, `connections` and `load table`.
  mutating func executeDatabase(_ statement: Statement, _ evaluator: inout Evaluator, into result: inout RunResult)
    throws(Diagnostic)
  {
    switch statement.kind {
    case .connect(let target, let name):
      guard case .text(let text) = try evaluator.eval(target, .scalar).cell(0) else {
        throw Diagnostic(
          .typeMismatch, "the connection string must be text", at: target.range,
          help: "e.g. `connect \"postgresql://me@localhost:5432/db\" as \(name.text)`")
      }
      guard let connector = catalog.connector else {
        throw Diagnostic(
          .cannotConnect, "this FlowQL has no database driver", at: statement.range,
          help: "connect from the FlowQL kernel or `flowql run`, which link libpq; a program embedding FlowQL "
            + "sets `catalog.connector = PostgresConnector()`")
      }
      do {
        catalog.connections[name.text] = try connector.connect(text)
      } catch {
        if error == .passwordInConnectionString { result.source = Self.masking(target.range, in: result.source) }
        throw evaluator.diagnostic(error, at: target.range)
      }
      result.outputs.append(.table(connectionsTable(only: name.text), chart: nil))
    case .connections:
      result.outputs.append(.table(connectionsTable(only: nil), chart: nil))
    case .loadTable(let syntax):
      let (table, model) = try evaluator.loadModel(syntax)
      catalog.models.define(model)
      result.outputs.append(.table(table, chart: nil))
    default:
      break
    }
  }

  /// `source` with the text in `range` (a connection string holding a password) replaced by
  /// `*`s of the same length, so the rendered error points at it without showing it.
  static func masking(_ range: SourceRange, in source: String) -> String {
    var scalars = Array(source.unicodeScalars)
    for i in range.start + 1..<max(range.start + 1, min(range.end - 1, scalars.count)) { scalars[i] = "*" }
    var out = ""
    out.unicodeScalars.append(contentsOf: scalars)
    return out
  }

  /// The open connections: name, where they point (never a password) and the SQL dialect.
  private func connectionsTable(only: String?) -> Table {
    let names = catalog.connections.keys.sorted().filter { only == nil || $0 == only }
    return Table(
      [
        .text("connection", names), .text("target", names.map { catalog.connections[$0]?.displayName ?? "" }),
        .text("dialect", names.map { catalog.connections[$0]?.dialect.rawValue ?? "" }),
      ], caption: only.map { "connected \($0) · use it with `table \"schema.name\" in \($0)`" } ?? "connections")
  }
}

extension Evaluator {
  /// `load table … in db as m [processes …]`: flows summed by year, source, target and material
  /// in the database (`SUM(mass) … GROUP BY year, source, target, material`), then a model.
  mutating func loadModel(_ syntax: LoadTableSyntax) throws(Diagnostic) -> (Table, NamedModel) {
    guard syntax.model.text != ModelSet.baselineName else {
      throw Diagnostic(
        .verbFailed, "`baseline` is the bundled model and cannot be replaced", at: syntax.model.range,
        help: "choose another name")
    }
    let (source, db) = try compileQuery(syntax.flows, [])
    let keys = ["year", "source", "target", "material"]
    for name in keys + ["mass"] where source.schema[name] == nil {
      throw Diagnostic(
        .unknownColumn, "`\(syntax.flows.name.text)` has no column `\(name)`", at: syntax.flows.name.range,
        help: "a flows table needs year, source, target, material and mass (t); cost and value (US$) are optional",
        notes: ["columns: " + source.schema.columnNames.joined(separator: ", ")])
    }
    let layers = ["mass", "cost", "value"].filter { source.schema[$0] != nil }
    var compiled = source
    var step = SQLSelect(
      items: keys.map { (.column($0), $0) }
        + layers.map { (.call(.coalesce, [.call(.sum, [.column($0)]), .value(.number(0))]), $0) },
      from: .previous)
    step.groupBy = keys.map { .column($0) }
    compiled.pipeline.steps.append(step)
    compiled.schema = Table(
      keys.map { source.schema[$0]! } + layers.map { source.schema[$0]! }, caption: source.schema.caption)
    let flows = try fetch(compiled, db, at: syntax.flows.range)
    var processes: [Process] = []
    if let name = syntax.processes {
      let table = TableSyntax(name: name, connection: syntax.flows.connection, range: name.range)
      let (compiledProcesses, _) = try compileQuery(table, [])
      processes = Self.processes(try fetch(compiledProcesses, db, at: name.range))
    }
    let model = MaterialFlowModel(name: syntax.model.text, processes: processes, flows: Self.flows(flows))
    let origin = "\(syntax.flows.name.text) in \(syntax.flows.connection.text)"
    let entry = NamedModel(
      name: syntax.model.text, model: model,
      origin: .loaded(
        flows: origin, processes: syntax.processes.map { "\($0.text) in \(syntax.flows.connection.text)" }))
    let years = try? model.yearRange()
    let table = Table(
      [
        .text("model", [syntax.model.text]), .text("flows_table", [origin]),
        .number("processes", [Double(model.processes.count)]), .number("flows", [Double(model.flows.count)]),
        .year("first_year", [years?.lowerBound ?? 0]), .year("last_year", [years?.upperBound ?? 0]),
        .text("materials", [model.materials.joined(separator: ", ")]),
      ], caption: "loaded \(syntax.model.text) from \(db.displayName) · use it with `| in \(syntax.model.text)`")
    return (table, entry)
  }

  private static func texts(_ table: Table, _ name: String) -> [String]? {
    if case .text(let v)? = table[name]?.values { return (0..<v.count).map { v[$0] } }
    return nil
  }

  private static func numbers(_ table: Table, _ name: String) -> [Double]? {
    switch table[name]?.values {
    case .number(let v)?: v
    case .year(let v)?: v.map(Double.init)
    default: nil
    }
  }

  private static func flows(_ table: Table) -> [Flow] {
    let n = table.rowCount
    let (source, target, material) = (
      texts(table, "source") ?? [], texts(table, "target") ?? [], texts(table, "material") ?? []
    )
    let year = numbers(table, "year") ?? []
    let (mass, cost, value) = (numbers(table, "mass") ?? [], numbers(table, "cost"), numbers(table, "value"))
    return (0..<n).map { i in
      Flow(
        year: Int(year[i]), source: source[i], target: target[i], material: material[i], mass: mass[i],
        cost: cost?[i] ?? 0, value: value?[i] ?? 0)
    }
  }

  private static func processes(_ table: Table) -> [Process] {
    guard let ids = texts(table, "id") else { return [] }
    let names = texts(table, "name")
    let stages = texts(table, "stage")
    let order = numbers(table, "stage_order")
    let kinds = texts(table, "kind")
    let descriptions = texts(table, "description")
    var loss: [Bool]?
    if case .bool(let v)? = table["loss"]?.values { loss = v }
    return ids.indices.map { i in
      Process(
        id: ids[i], name: names?[i], stage: stages?[i] ?? "", stageOrder: Int(order?[i] ?? 0),
        kind: kinds.flatMap { ProcessKind(rawValue: $0[i]) } ?? .quantityCentre, isLoss: loss?[i] ?? false,
        description: descriptions?[i] ?? "")
    }
  }
}
