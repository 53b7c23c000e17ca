extension RareEarthData {
  /// The bundled data files (`Data/rare_earth_china`), compiled into the binary.
  static let bundledFiles: [String: [UInt8]] = [
    "inputs.csv": PackageResources.inputs_csv, "mfca_costs.csv": PackageResources.mfca_costs_csv,
    "parameters.csv": PackageResources.parameters_csv, "prices.csv": PackageResources.prices_csv,
    "processes.csv": PackageResources.processes_csv, "sources.csv": PackageResources.sources_csv,
    "study_targets.csv": PackageResources.study_targets_csv,
  ]

  /// The data set's manifest (`manifest.json`): title, units, provenance tags and file list.
  static let manifest: [UInt8] = PackageResources.manifest_json

  /// The bundled file `name` (such as `inputs.csv`) as records.
  ///
  /// - Throws: ``FlowModelError`` when the file is missing or cannot be parsed.
  static func bundledRecords(_ name: String) throws -> CSVRecords {
    guard let bytes = bundledFiles[name] else { throw FlowModelError.resourceMissing(name) }
    do { return try CSVRecords(bytes: bytes, file: name) } catch let error as CSVLoadError {
      throw FlowModelError.resourceMalformed(file: name, line: error.line, message: error.description)
    }
  }

  /// Reads every file of the bundled data set.
  ///
  /// - Throws: ``FlowModelError`` naming the file and line of a bad value.
  static func loadBundled() throws -> RareEarthData {
    func records(_ name: String) throws -> CSVRecords { try bundledRecords(name) }
    let processes: [Process]
    do {
      processes = try ProcessCSV.parse(records("processes.csv"))
    } catch let error as CSVLoadError {
      throw FlowModelError.resourceMalformed(
        file: error.file, line: error.line, message: error.description)
    }
    let sources = try Self.sources(records("sources.csv"))
    var series: [String: [Int: Double]] = [:]
    var seriesKind: [String: [Int: String]] = [:]
    let inputs = try records("inputs.csv")
    let input = try ResourceColumns(inputs, ["series", "year", "value", "kind", "source_id"])
    for row in inputs.rows {
      let name = try input.text(row, "series")
      let year = try input.year(row, "year")
      series[name, default: [:]][year] = try input.number(row, "value")
      seriesKind[name, default: [:]][year] = try input.text(row, "kind")
    }
    var parameters: [String: Double] = [:]
    var parameterKinds: [String: String] = [:]
    let params = try records("parameters.csv")
    let param = try ResourceColumns(params, ["name", "value", "kind", "source_id"])
    for row in params.rows {
      let name = try param.text(row, "name")
      parameters[name] = try param.number(row, "value")
      parameterKinds[name] = try param.text(row, "kind")
    }
    var prices: [String: [Int: Double]] = [:]
    let priceRecords = try records("prices.csv")
    let price = try ResourceColumns(priceRecords, ["year", "product", "usd_per_kg", "kind"])
    for row in priceRecords.rows {
      prices[try price.text(row, "product"), default: [:]][try price.year(row, "year")] =
        try price.number(row, "usd_per_kg")
    }
    var unitCosts: [UnitCost] = []
    let costRecords = try records("mfca_costs.csv")
    let cost = try ResourceColumns(costRecords, ["process", "material", "category", "usd_per_t"])
    for row in costRecords.rows {
      let basis = cost.optional(row, "basis")
      guard let parsedBasis = basis.isEmpty ? .product : CentreCost.Basis(rawValue: basis) else {
        throw FlowModelError.resourceMalformed(
          file: "mfca_costs.csv", line: row.line, message: "basis '\(basis)' is neither 'product' nor 'input'")
      }
      unitCosts.append(
        UnitCost(
          process: try cost.text(row, "process"), material: try cost.text(row, "material"),
          category: try cost.text(row, "category"), usdPerTonne: try cost.number(row, "usd_per_t"),
          basis: parsedBasis))
    }
    var targets: [Target] = []
    let targetRecords = try records("study_targets.csv")
    let target = try ResourceColumns(
      targetRecords, ["id", "metric", "value", "unit", "comparison", "source_id", "note"])
    for row in targetRecords.rows {
      targets.append(
        Target(
          id: try target.text(row, "id"), metric: try target.text(row, "metric"),
          value: try target.number(row, "value"), unit: try target.text(row, "unit"),
          comparison: try target.text(row, "comparison"),
          sourceID: try target.text(row, "source_id"), note: target.optional(row, "note")))
    }
    let allYears = series.values.flatMap(\.keys)
    guard let first = allYears.min(), let last = allYears.max() else {
      throw FlowModelError.resourceMalformed(file: "inputs.csv", line: 0, message: "no years")
    }
    return RareEarthData(
      processes: processes, series: series, seriesKind: seriesKind, parameters: parameters,
      parameterKinds: parameterKinds, prices: prices, unitCosts: unitCosts, targets: targets, sources: sources,
      years: first...last)
  }

  private static func sources(_ records: CSVRecords) throws -> [String: String] {
    let columns = try ResourceColumns(records, ["source_id", "citation"])
    var result: [String: String] = [:]
    for row in records.rows {
      result[try columns.text(row, "source_id")] = try columns.text(row, "citation")
    }
    return result
  }
}

/// Typed access to the columns of a bundled resource file, with errors naming file and line.
struct ResourceColumns {
  let records: CSVRecords
  private let positions: [String: Int]

  init(_ records: CSVRecords, _ required: [String]) throws {
    self.records = records
    var positions: [String: Int] = [:]
    for (i, name) in records.header.enumerated() { positions[name] = i }
    for name in required where positions[name] == nil {
      throw FlowModelError.resourceMalformed(
        file: records.file, line: 1, message: "missing column '\(name)'")
    }
    self.positions = positions
  }

  func optional(_ row: (line: Int, fields: [String]), _ name: String) -> String {
    guard let i = positions[name], i < row.fields.count else { return "" }
    return row.fields[i].trimmedWhitespace
  }

  func text(_ row: (line: Int, fields: [String]), _ name: String) throws -> String {
    let value = optional(row, name)
    guard !value.isEmpty else {
      throw FlowModelError.resourceMalformed(
        file: records.file, line: row.line, message: "empty '\(name)'")
    }
    return value
  }

  func number(_ row: (line: Int, fields: [String]), _ name: String) throws -> Double {
    let text = try text(row, name)
    guard let value = Double(text), value.isFinite else {
      throw FlowModelError.resourceMalformed(
        file: records.file, line: row.line, message: "'\(text)' in '\(name)' is not a number")
    }
    return value
  }

  func year(_ row: (line: Int, fields: [String]), _ name: String) throws -> Int {
    let text = try text(row, name)
    guard let value = Int(text) else {
      throw FlowModelError.resourceMalformed(
        file: records.file, line: row.line, message: "'\(text)' in '\(name)' is not a year")
    }
    return value
  }
}
