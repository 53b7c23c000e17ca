import FlowModel
import FlowQL
import FoundationEssentials

/// `load "flows.csv" as name [processes "processes.csv"] [stocks "stocks.csv"]`: a user's own
/// model.
struct LoadVerb: Verb {
  let signature = VerbSignature(
    name: "load",
    summary: """
      Loads a model from CSV files, relative to the notebook's folder (the kernel's working \
      directory). The flows file needs year, source, target, material, mass (t) and may add \
      cost and value (US$); the optional processes file needs id and may add name, stage, \
      stage_order, kind, loss, description, initial_stock, and energy_cost, system_cost (US$ per t \
      of product output: the own costs `mfca` charges; without a cost column in the flows file, \
      costs are then carried along the chain). A process of kind stock accumulates: \
      its stock change is inputs − outputs each year and its stock the running sum from an \
      initial stock — 0, the initial_stock column (t at the start of the first year, one \
      material only) or the optional stocks file (year, process, material, stock: the stock \
      at the end of that year) — so balance, stocks and sankey show it. Scenarios on a loaded \
      model pass edits downstream by transfer coefficients (each process keeps its output \
      shares). Errors name the file, line and column; a failed load changes nothing. Then run \
      any query on it with `| in name`.
      Columns: model, flows_file, processes_file, processes, flows, first_year, last_year, materials.
      """,
    example: "load \"my_flows.csv\" as mine",
    clauses: [
      .init("", .one, summary: "the flows file, in quotes"),
      .init("as", .one, summary: "the model's name"),
      .init("processes", .one, summary: "an optional processes file, in quotes"),
      .init("stocks", .one, summary: "an optional stocks file (year, process, material, stock), in quotes"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let flowsPath = call.clause("")?.arguments.first?.text else {
      throw VerbError("`load` needs a file name in quotes", help: "e.g. `\(signature.example)`")
    }
    guard let modelName = call.clause("as")?.arguments.first?.text, !modelName.isEmpty else {
      throw VerbError(
        "`load` needs a model name after `as`", help: "e.g. `load \"\(flowsPath)\" as mine`",
        clause: call.clause("as") == nil ? nil : "as")
    }
    guard modelName != ModelSet.baselineName else {
      throw VerbError(
        "`baseline` is the bundled model and cannot be replaced", help: "choose another name", clause: "as")
    }
    let processesPath = try call.clause("processes").map { clause -> String in
      guard let text = clause.arguments.first?.text else {
        throw VerbError("`processes` needs a file name in quotes", clause: "processes")
      }
      return text
    }
    let stocksPath = try call.clause("stocks").map { clause -> String in
      guard let text = clause.arguments.first?.text else {
        throw VerbError("`stocks` needs a file name in quotes", clause: "stocks")
      }
      return text
    }
    for (path, clause) in [(flowsPath, ""), (processesPath, "processes"), (stocksPath, "stocks")] {
      guard let path, let data = FileManager.default.contents(atPath: Self.url(path).path),
        data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) })
      else { continue }
      throw VerbError(
        "\(Self.url(path).lastPathComponent):1: the file is empty",
        help: [
          "": "a flows file starts with the header `year,source,target,material,mass`",
          "processes": "a processes file starts with a header such as `id,name,stage,kind`",
          "stocks": "a stocks file starts with the header `year,process,material,stock`",
        ][clause],
        clause: clause)
    }
    let model: MaterialFlowModel
    do {
      model = try MaterialFlowModel.load(
        flowsCSV: Self.url(flowsPath), processesCSV: processesPath.map(Self.url),
        stocksCSV: stocksPath.map(Self.url), name: modelName)
    } catch let error as CSVLoadError {
      let clause =
        [(processesPath, "processes"), (stocksPath, "stocks")].first {
          $0.0.map { URL(fileURLWithPath: $0).lastPathComponent } == error.file
        }?.1 ?? ""
      throw VerbError(Self.message(error), help: Self.help(error), clause: clause)
    }
    guard let years = try? model.yearRange() else {
      throw VerbError("`\(flowsPath)` holds no flows", help: "add rows below the header", clause: "")
    }
    let entry = NamedModel(
      name: modelName, model: model, origin: .loaded(flows: flowsPath, processes: processesPath))
    let table = Table(
      [
        .text("model", [modelName]), .text("flows_file", [flowsPath]), .text("processes_file", [processesPath ?? ""]),
        .number("processes", [Double(model.processes.count)]), .number("flows", [Double(model.flows.count)]),
        .year("first_year", [years.lowerBound]), .year("last_year", [years.upperBound]),
        .text("materials", [model.materials.joined(separator: ", ")]),
      ], caption: "loaded \(modelName) · use it with `| in \(modelName)`")
    var warnings: [String] = []
    if let balance = try? model.balance(tolerance: 0.01) {
      warnings += BalanceVerb.failures(in: balance, tolerance: 0.01).map { "`\(modelName)`: " + $0 }
    }
    return VerbOutput(table, warnings: warnings, definedModels: [entry])
  }

  /// A path relative to the working directory (the notebook's folder).
  static func url(_ path: String) -> URL {
    URL(
      fileURLWithPath: path,
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
  }

  /// `file:line:column (name): problem`, without a line for whole-file problems.
  static func message(_ error: CSVLoadError) -> String {
    if error.line == 0, case .unreadable(let reason) = error.problem {
      return "cannot read `\(error.file)`: \(reason)"
    }
    return error.description
  }

  static func help(_ error: CSVLoadError) -> String? {
    switch error.problem {
    case .missingColumn: "a flows file needs the columns year, source, target, material, mass"
    case .negativeMass: "masses are in t and must be 0 or more"
    case .notANumber: "numbers use a dot for decimals and no thousands separators"
    case .unreadable where error.line == 0:
      "paths are relative to the notebook's folder, \(FileManager.default.currentDirectoryPath)"
    default: nil
    }
  }
}
