import FlowModel
import FlowQL

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
    let caption = context.caption("value added by \(grouping.rawValue)", years)
    return VerbOutput(table.captioned(caption), chart: .natural(x: grouping.rawValue, y: "value_added"))
  }
}
