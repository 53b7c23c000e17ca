import FlowModel
import FlowQL

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
    ], reads: .mass)

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
          help: Suggestions.didYouMean(name, in: stages.sorted()) ?? "stages: "
            + stages.sorted().joined(separator: ", "),
          clause: "of")
      }
    }
    let table = try context.compute("of") {
      try context.model.dependence(of: names, years: years.range, by: grouping)
    }
    return VerbOutput(table.captioned(context.caption("dependence by \(grouping.rawValue)", years)))
  }
}
