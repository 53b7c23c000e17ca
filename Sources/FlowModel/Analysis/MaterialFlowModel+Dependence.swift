/// How ``MaterialFlowModel/dependence(of:years:by:)`` groups its rows.
public enum DependenceGrouping: String, Sendable, Hashable, CaseIterable {
  /// Production, imports, exports and net import reliance per year and material.
  case material
  /// Imported share of each stage's inputs per year.
  case stage
}

extension MaterialFlowModel {
  /// Import dependence per year and material (USGS convention) or per stage.
  ///
  /// A boundary source whose stage is `Imports` (or whose id starts with `IMP`) is an import;
  /// any other boundary source is extraction. A boundary sink whose stage is `Exports` (or id
  /// starts with `EXP`) is an export. Production is the non-loss output of the processes fed
  /// by extraction (mine output). Apparent consumption = production + imports − exports; net
  /// import reliance = (imports − exports) / apparent consumption.
  ///
  /// By material, columns: `year, material, production, imports, exports,
  /// apparent_consumption` (t), `net_import_reliance` (ratio). By stage: `year, stage, inputs,
  /// imported` (t), `import_share` (ratio), where inputs are flows entering the stage from
  /// outside it.
  /// - Parameters:
  ///   - names: materials (by material) or stages (by stage) to keep, or `nil` for all.
  ///   - years: the years, or `nil` for every year.
  ///   - grouping: `.material` (default) or `.stage`.
  /// - Throws: ``FlowModelError`` for a year outside the model or an unknown material.
  public func dependence(
    of names: [String]? = nil, years: ClosedRange<Int>? = nil, by grouping: DependenceGrouping = .material
  ) throws -> Table {
    let range = try resolvedYears(years)
    let roles = BoundaryRoles(processes)
    switch grouping {
    case .material: return try dependenceByMaterial(names, range, roles)
    case .stage: return dependenceByStage(names, range, roles)
    }
  }

  /// Production, imports, exports and net import reliance per year and material.
  private func dependenceByMaterial(_ names: [String]?, _ range: ClosedRange<Int>, _ roles: BoundaryRoles) throws
    -> Table
  {
    for name in names ?? [] where index.materialIndex[name] == nil {
      throw FlowModelError.unknownMaterial(name, candidates: index.materials)
    }
    let fedByExtraction = processes.indices.map { p in index.predecessors[p].contains { roles.isExtraction[$0] } }
    var yearColumn: [Int] = []
    var materials: [String] = []
    var columns: [[Double]] = Array(repeating: [], count: 5)
    for (yi, year) in index.years.enumerated() where range.contains(year) {
      let totals = materialTotals(yi, roles, fedByExtraction: fedByExtraction)
      for (mi, material) in index.materials.enumerated() where names?.contains(material) ?? true {
        let (production, imports, exports) = (totals.production[mi], totals.imports[mi], totals.exports[mi])
        let apparent = production + imports - exports
        yearColumn.append(year)
        materials.append(material)
        let row = [production, imports, exports, apparent, apparent != 0 ? (imports - exports) / apparent : .nan]
        for (c, value) in row.enumerated() { columns[c].append(value) }
      }
    }
    return Table(
      [
        .year("year", yearColumn), .text("material", materials),
        .number("production", columns[0], .mass), .number("imports", columns[1], .mass),
        .number("exports", columns[2], .mass),
        .number("apparent_consumption", columns[3], .mass),
        .number("net_import_reliance", columns[4], .ratio),
      ], caption: "dependence by material · \(name) · \(yearLabel(range))")
  }

  /// Production (the non-loss output of processes fed by extraction), imports and exports of
  /// each material in the year at `yearIndex`.
  private func materialTotals(_ yearIndex: Int, _ roles: BoundaryRoles, fedByExtraction: [Bool]) -> (
    production: [Double], imports: [Double], exports: [Double]
  ) {
    var production = [Double](repeating: 0, count: index.materials.count)
    var imports = production
    var exports = production
    for i in index.yearRanges[yearIndex] {
      let (s, t, mi) = (index.source[i], index.target[i], index.material[i])
      let mass = flows.masses[i]
      if roles.isImport[s] { imports[mi] += mass }
      if roles.isExport[t] { exports[mi] += mass }
      if fedByExtraction[s] && !processes[t].isLoss && !roles.isExtraction[s] { production[mi] += mass }
    }
    return (production, imports, exports)
  }

  /// The imported share of each stage's inputs per year.
  private func dependenceByStage(_ names: [String]?, _ range: ClosedRange<Int>, _ roles: BoundaryRoles) -> Table {
    var stages: [String] = []
    var stageIndex: [String: Int] = [:]
    let stageOf = processes.map { p -> Int in
      if let s = stageIndex[p.stage] { return s }
      stageIndex[p.stage] = stages.count
      stages.append(p.stage)
      return stages.count - 1
    }
    var yearColumn: [Int] = []
    var labels: [String] = []
    var inputs: [Double] = []
    var imported: [Double] = []
    for (yi, year) in index.years.enumerated() where range.contains(year) {
      var stageIn = [Double](repeating: 0, count: stages.count)
      var stageImported = stageIn
      for i in index.yearRanges[yi] {
        let (s, t) = (stageOf[index.source[i]], stageOf[index.target[i]])
        guard s != t, !processes[index.target[i]].isBoundary else { continue }
        stageIn[t] += flows.masses[i]
        if roles.isImport[index.source[i]] { stageImported[t] += flows.masses[i] }
      }
      for s in stages.indices where stageIn[s] > 0 && (names?.contains(stages[s]) ?? true) {
        yearColumn.append(year)
        labels.append(stages[s])
        inputs.append(stageIn[s])
        imported.append(stageImported[s])
      }
    }
    return Table(
      [
        .year("year", yearColumn), .text("stage", labels), .number("inputs", inputs, .mass),
        .number("imported", imported, .mass),
        .number("import_share", zip(imported, inputs).map { $0 / $1 }, .ratio),
      ], caption: "dependence by stage · \(name) · \(yearLabel(range))")
  }
}

/// Which boundary processes import, export or extract (by stage name, or by id prefix).
private struct BoundaryRoles {
  let isImport: [Bool]
  let isExport: [Bool]
  let isExtraction: [Bool]

  init(_ processes: [Process]) {
    isImport = processes.map { $0.kind == .source && ($0.stage == "Imports" || $0.id.hasPrefix("IMP")) }
    isExport = processes.map { $0.kind == .sink && ($0.stage == "Exports" || $0.id.hasPrefix("EXP")) }
    isExtraction = zip(processes, isImport).map { $0.kind == .source && !$1 }
  }
}
