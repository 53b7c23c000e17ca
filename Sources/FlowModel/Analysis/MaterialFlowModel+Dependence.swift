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
    let isImport = processes.map { p in
      p.kind == .source && (p.stage == "Imports" || p.id.hasPrefix("IMP"))
    }
    let isExport = processes.map { p in
      p.kind == .sink && (p.stage == "Exports" || p.id.hasPrefix("EXP"))
    }
    let isExtraction = processes.indices.map { processes[$0].kind == .source && !isImport[$0] }
    switch grouping {
    case .material:
      if let names {
        for name in names where index.materialIndex[name] == nil {
          throw FlowModelError.unknownMaterial(name, candidates: index.materials)
        }
      }
      let fedByExtraction = processes.indices.map { p in
        index.predecessors[p].contains { isExtraction[$0] }
      }
      let m = index.materials.count
      var yearColumn: [Int] = []
      var materials: [String] = []
      var columns: [[Double]] = Array(repeating: [], count: 5)
      for (yi, year) in index.years.enumerated() where range.contains(year) {
        var production = [Double](repeating: 0, count: m)
        var imports = production
        var exports = production
        for i in index.yearRanges[yi] {
          let s = index.source[i]
          let t = index.target[i]
          let mi = index.material[i]
          if isImport[s] { imports[mi] += flows[i].mass }
          if isExport[t] { exports[mi] += flows[i].mass }
          if fedByExtraction[s] && !processes[t].isLoss && !isExtraction[s] {
            production[mi] += flows[i].mass
          }
        }
        for mi in 0..<m where names?.contains(index.materials[mi]) ?? true {
          let apparent = production[mi] + imports[mi] - exports[mi]
          yearColumn.append(year)
          materials.append(index.materials[mi])
          let row = [
            production[mi], imports[mi], exports[mi], apparent,
            apparent != 0 ? (imports[mi] - exports[mi]) / apparent : .nan,
          ]
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
    case .stage:
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
      var shares: [Double] = []
      for (yi, year) in index.years.enumerated() where range.contains(year) {
        var stageIn = [Double](repeating: 0, count: stages.count)
        var stageImported = stageIn
        for i in index.yearRanges[yi] {
          let s = stageOf[index.source[i]]
          let t = stageOf[index.target[i]]
          guard s != t, !processes[index.target[i]].isBoundary else { continue }
          stageIn[t] += flows[i].mass
          if isImport[index.source[i]] { stageImported[t] += flows[i].mass }
        }
        for s in stages.indices where stageIn[s] > 0 && (names?.contains(stages[s]) ?? true) {
          yearColumn.append(year)
          labels.append(stages[s])
          inputs.append(stageIn[s])
          imported.append(stageImported[s])
          shares.append(stageImported[s] / stageIn[s])
        }
      }
      return Table(
        [
          .year("year", yearColumn), .text("stage", labels), .number("inputs", inputs, .mass),
          .number("imported", imported, .mass), .number("import_share", shares, .ratio),
        ], caption: "dependence by stage · \(name) · \(yearLabel(range))")
    }
  }
}
