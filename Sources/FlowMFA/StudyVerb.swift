import FlowModel
import FlowQL

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
    let suffix =
      context.modelName == ModelSet.baselineName ? "" : " · \(context.entry.origin.kind) \(context.modelName)"
    return VerbOutput(table.captioned((table.caption ?? "study") + suffix))
  }
}
