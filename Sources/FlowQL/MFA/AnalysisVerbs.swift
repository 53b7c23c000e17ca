import FlowModel

/// `dependence [of names] [year Y | years A..B] [by material|stage]`: import dependence
/// (USGS convention) per material, or the imported share of each stage's inputs.
struct DependenceVerb: Verb {
  let signature = VerbSignature(
    name: "dependence",
    summary: """
      Import dependence per year (USGS convention). Imports come from boundary sources of stage \
      Imports (or ids starting IMP), exports go to boundary sinks of stage Exports (EXP…), \
      production is mine output. Apparent consumption = production + imports − exports; net \
      import reliance = (imports − exports) / apparent consumption.
      Columns by material (default): year, material, production, imports, exports, \
      apparent_consumption (t), net_import_reliance (%). By stage: year, stage, inputs (entering \
      the stage from outside it), imported (t), import_share (%).
      """,
    example: "dependence years 2015..2022",
    clauses: [
      .init("of", .list, summary: "materials (by material) or stages (by stage) to keep"),
      MFAVerbs.yearClause, MFAVerbs.yearsClause,
      .init("by", .one, summary: "`material` (default) or `stage`", values: .words(["material", "stage"])),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let years = try context.years()
    let grouping: DependenceGrouping =
      try context.word("by", allowed: ["material", "stage"]) == "stage" ? .stage : .material
    let names = try context.texts("of")
    if grouping == .stage, let names {
      let stages = Set(context.model.processes.map(\.stage))
      for name in names where !stages.contains(name) {
        throw VerbError(
          "unknown stage `\(name)`",
          help: Suggestions.didYouMean(name, in: stages.sorted()) ?? "stages: " + stages.sorted().joined(separator: ", "),
          clause: "of")
      }
    }
    let table = try context.compute("of") {
      try context.model.dependence(of: names, years: years.range, by: grouping)
    }
    return VerbOutput(table.captioned(context.caption("dependence by \(grouping.rawValue)", years)))
  }
}

/// `value_added [by process|stage] [year Y | years A..B]`.
struct ValueAddedVerb: Verb {
  let signature = VerbSignature(
    name: "value_added",
    summary: """
      Value added per process (default) or stage and year: output_value − input_value (US$), \
      and share of the year's total. Flows inside one stage cancel out; losses carry no value.
      Columns: year, process|stage, input_value, output_value, value_added, share.
      """,
    example: "value_added by stage year 2022",
    clauses: [
      .init("by", .one, summary: "`process` (default) or `stage`", values: .words(["process", "stage"])),
      MFAVerbs.yearClause, MFAVerbs.yearsClause,
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let years = try context.years()
    let grouping: ValueAddedGrouping =
      try context.word("by", allowed: ["process", "stage"]) == "stage" ? .stage : .process
    let table = try context.compute { try context.model.valueAdded(by: grouping, years: years.range) }
    return VerbOutput(table.captioned(context.caption("value added by \(grouping.rawValue)", years)))
  }
}

/// `mfca [of names] [year Y | years A..B]`: material flow cost accounting (ISO 14051).
struct MFCAVerb: Verb {
  let signature = VerbSignature(
    name: "mfca",
    summary: """
      Material flow cost accounting (ISO 14051) per quantity centre and year: product and loss \
      mass, material / energy / system cost to products and to losses, waste-management cost \
      and the total cost of losses. Material, energy and system costs are split by mass share; \
      waste management goes to losses. On every row, material_cost_product + \
      energy_cost_product + system_cost_product + total_loss_cost = all costs of the centre.
      Columns: year, process, product_mass, loss_mass (t), loss_share (%), \
      material_cost_product, material_loss_cost, energy_cost_product, energy_loss_cost, \
      system_cost_product, system_loss_cost, waste_mgmt_cost, total_loss_cost (US$).
      """,
    example: "mfca of \"SEP\" year 2022",
    clauses: [
      .init("of", .list, summary: "quantity centres (default: all)", values: .processes),
      MFAVerbs.yearClause, MFAVerbs.yearsClause,
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let processes = try context.processes("of")
    let years = try context.years()
    let table = try context.compute("of") { try context.model.mfca(of: processes, years: years.range) }
    return VerbOutput(table.captioned(context.caption("mfca", years)))
  }
}

/// `upstream of X`, `downstream of X`, `path from A to B`: flows-shaped subsets.
struct FlowSubsetVerb: Verb {
  enum Kind: String { case upstream, downstream, path }

  let kind: Kind
  let signature: VerbSignature

  init(_ kind: Kind) {
    self.kind = kind
    let columns = "Columns: those of `flows` (year, source, target, material, mass, cost, value, …)."
    switch kind {
    case .upstream:
      signature = VerbSignature(
        name: "upstream",
        summary: "Every flow on a path that ends at the process: its inputs and, transitively, theirs. " + columns,
        example: "upstream of \"MAG\" year 2022",
        clauses: [
          .init("of", .one, summary: "the process", values: .processes), MFAVerbs.yearClause, MFAVerbs.yearsClause,
        ])
    case .downstream:
      signature = VerbSignature(
        name: "downstream",
        summary: "Every flow on a path that starts at the process: its outputs and, transitively, theirs. "
          + columns,
        example: "downstream of \"SEP\" year 2022",
        clauses: [
          .init("of", .one, summary: "the process", values: .processes), MFAVerbs.yearClause, MFAVerbs.yearsClause,
        ])
    case .path:
      signature = VerbSignature(
        name: "path",
        summary: "Every flow that lies on some path from one process to another (empty when there is none). "
          + columns,
        example: "path from \"MIN_ROCK\" to \"MAG\" year 2022",
        clauses: [
          .init("from", .one, summary: "the start process", values: .processes),
          .init("to", .one, summary: "the end process", values: .processes),
          MFAVerbs.yearClause, MFAVerbs.yearsClause,
        ])
    }
  }

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    func one(_ keyword: String) throws -> String {
      guard let names = try context.processes(keyword), names.count == 1 else {
        throw VerbError(
          "`\(kind.rawValue)` needs one process after `\(keyword)`", help: "e.g. `\(signature.example)`",
          clause: call.clause(keyword) == nil ? nil : keyword)
      }
      return names[0]
    }
    let years = try context.years()
    let model = context.model
    let table: Table
    let what: String
    switch kind {
    case .upstream:
      let p = try one("of")
      table = try context.compute("of") { try model.upstream(of: p, years: years.range) }
      what = "upstream of \(p)"
    case .downstream:
      let p = try one("of")
      table = try context.compute("of") { try model.downstream(of: p, years: years.range) }
      what = "downstream of \(p)"
    case .path:
      let a = try one("from")
      let b = try one("to")
      table = try context.compute { try model.paths(from: a, to: b, years: years.range) }
      what = "paths from \(a) to \(b)"
    }
    return VerbOutput(table.captioned(context.caption(what, years)))
  }
}

/// `study`: the model against every headline figure of the study.
struct StudyVerb: Verb {
  let signature = VerbSignature(
    name: "study",
    summary: """
      The reproduction table: each headline figure of the study next to the model's value. \
      verdict is close (ratio within ±10 %), met / missed (for "above" / "below" targets) or off.
      Columns: metric, model, target, ratio (model / target), unit, verdict, source, note. \
      A model without study targets gives an empty table.
      """,
    example: "study | select metric, model, target, ratio, source",
    clauses: [])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let report = context.model.studyReport()
    // Short columns first, the long note last, so a terminal shows the figures.
    let order = ["metric", "model", "target", "ratio", "unit", "verdict", "source", "note"]
    let table = Table(
      order.compactMap { report[$0] } + report.columns.filter { !order.contains($0.name) }, caption: report.caption)
    let suffix = context.modelName == ModelSet.baselineName ? "" : " · \(context.entry.origin.kind) \(context.modelName)"
    return VerbOutput(table.captioned((table.caption ?? "study") + suffix))
  }
}
