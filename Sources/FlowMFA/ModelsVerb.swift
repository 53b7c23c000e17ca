import FlowModel
import FlowQL

/// `models`: the session's models.
struct ModelsVerb: Verb {
  let signature = VerbSignature(
    name: "models",
    summary: """
      Lists the session's models: the bundled `baseline`, scenarios and loaded models.
      Columns: name, kind, origin, first_year, last_year, processes, flows.
      """,
    example: "models",
    clauses: [])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let all = catalog.models.all
    func origin(_ m: NamedModel) -> String {
      switch m.origin {
      case .bundled: m.model.name
      case .scenario(let base, let s): "\(base) + \(s.edits.count) edit\(s.edits.count == 1 ? "" : "s")"
      case .loaded(let flows, let processes): flows + (processes.map { " + " + $0 } ?? "")
      case .reconciled(let base): "reconciled from " + base
      }
    }
    let ranges = all.map { try? $0.model.yearRange() }
    return VerbOutput(
      Table(
        [
          .text("name", all.map(\.name)), .text("kind", all.map(\.origin.kind)), .text("origin", all.map(origin)),
          .year("first_year", ranges.map { $0?.lowerBound ?? 0 }),
          .year("last_year", ranges.map { $0?.upperBound ?? 0 }),
          .number("processes", all.map { Double($0.model.processes.count) }),
          .number("flows", all.map { Double($0.model.flows.count) }),
        ], caption: "models · queries run on \(catalog.models.currentName ?? "none")"))
  }
}
