import FlowModel
import FlowQL

/// `upstream of X`, `downstream of X`, `path from A to B`: flows-shaped subsets.
struct FlowSubsetVerb: Verb {
  enum Kind: String { case upstream, downstream, path }

  let kind: Kind
  let signature: VerbSignature

  init(_ kind: Kind) {
    self.kind = kind
    let of = VerbClauseSpec("of", .one, summary: "the process", values: .processes)
    let (summary, example, clauses): (String, String, [VerbClauseSpec]) =
      switch kind {
      case .upstream:
        (
          "Every flow on a path that ends at the process: its inputs and, transitively, theirs.",
          "upstream of \"MAG\" year 2022", [of]
        )
      case .downstream:
        (
          "Every flow on a path that starts at the process: its outputs and, transitively, theirs.",
          "downstream of \"SEP\" year 2022", [of]
        )
      case .path:
        (
          "Every flow that lies on some path from one process to another (empty when there is none).",
          "path from \"MIN_ROCK\" to \"MAG\" year 2022",
          [
            VerbClauseSpec("from", .one, summary: "the start process", values: .processes),
            VerbClauseSpec("to", .one, summary: "the end process", values: .processes),
          ]
        )
      }
    signature = VerbSignature(
      name: kind.rawValue,
      summary: summary + " Columns: those of `flows` (year, source, target, material, mass, cost, value, …).",
      example: example, clauses: clauses + [MFAVerbs.yearClause, MFAVerbs.yearsClause])
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
