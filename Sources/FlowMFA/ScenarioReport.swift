import FlowModel
import FlowQL

/// What a scenario changed: per-edit totals and the processes it leaves unbalanced.
enum ScenarioReport {
  /// One row per edit: the selected flows' mass and value just before and just after that edit
  /// (edits apply in order, so the last row's "after" is the scenario `compare` sees).
  static func table(edits: [CompiledEdit], base: MaterialFlowModel, scenario: MaterialFlowModel) -> Table {
    var stages = [base]
    for k in 1..<max(edits.count, 1) {
      stages.append((try? base.applying(Scenario("edits 1–\(k)", edits.prefix(k).map(\.edit)))) ?? scenario)
    }
    stages.append(scenario)
    var labels: [String] = []
    var flows: [String] = []
    var sums: [[Double]] = Array(repeating: [], count: 4)
    for (k, edit) in edits.enumerated() {
      let keep: (Flow) -> Bool
      switch edit.edit {
      case .scale(let s, _), .set(let s, _), .move(_, let s, _):
        keep = { f in f.source == s.source && f.target == s.target && matches(s, f) }
        flows.append("\(s.source) → \(s.target)")
      case .setPrice(let good, _, let material, let years):
        keep = { f in
          (f.good == good || f.source == good) && (material.map { $0 == f.material } ?? true)
            && (years?.contains(f.year) ?? true)
        }
        flows.append("priced as \(good)")
      case .lifetime(let process, _):
        keep = { f in f.source == process && f.good == "end_of_life" }
        flows.append("\(process) end of life")
      }
      labels.append(edit.text.split(whereSeparator: \.isNewline).joined(separator: " "))
      let before = stages[k].flows.filter(keep)
      let after = stages[k + 1].flows.filter(keep)
      sums[0].append(before.reduce(0) { $0 + $1.mass })
      sums[1].append(after.reduce(0) { $0 + $1.mass })
      sums[2].append(before.reduce(0) { $0 + $1.value })
      sums[3].append(after.reduce(0) { $0 + $1.value })
    }
    return Table([
      .text("edit", labels), .text("flows", flows),
      .number("mass_before", sums[0], .mass), .number("mass_after", sums[1], .mass),
      .number("value_before", sums[2], .money), .number("value_after", sums[3], .money),
    ])
  }

  private static func matches(_ s: FlowSelector, _ f: Flow) -> Bool {
    (s.material.map { $0 == f.material } ?? true) && (s.years?.contains(f.year) ?? true)
  }

  /// Why `edits` leave `unbalanced` (process ids) unbalanced, naming the edit kinds involved.
  static func reason(edits: [CompiledEdit], unbalanced: [String], loaded: Bool) -> String {
    var kinds: [String] = []
    for edit in edits {
      let (kind, touched): (String, [String])
      switch edit.edit {
      case .scale(let s, _): (kind, touched) = ("scale", [s.source, s.target])
      case .set(let s, _): (kind, touched) = ("set", [s.source, s.target])
      case .move(_, let s, let to): (kind, touched) = ("move", [s.source, s.target, to])
      case .setPrice, .lifetime: continue
      }
      if touched.contains(where: unbalanced.contains), !kinds.contains(kind) { kinds.append(kind) }
    }
    let which = kinds.isEmpty ? "the edits" : "the " + kinds.map { "`\($0)`" }.joined(separator: " and ") + " edit"
    return loaded
      ? which + " changed an outflow of a process whose inputs stay as they were; edit its inflow too, or "
        + "use `move` to send a share elsewhere"
      : which + " changed a flow the model does not re-derive from its neighbours (a pass-through); edit the "
        + "flow feeding it instead"
  }

  /// Processes (with their years) that fail the balance in `scenario` but not in `base`.
  static func unbalanced(base: MaterialFlowModel, scenario: MaterialFlowModel) -> [String] {
    func failing(_ model: MaterialFlowModel) -> [String: [Int]] {
      guard let table = try? model.balance(tolerance: BalanceVerb.defaultTolerance),
        case .bool(let ok)? = table["ok"]?.values, case .text(let process)? = table["process"]?.values,
        case .year(let year)? = table["year"]?.values
      else { return [:] }
      var out: [String: [Int]] = [:]
      for i in ok.indices where !ok[i] && process[i] != "SYSTEM" { out[process[i], default: []].append(year[i]) }
      return out
    }
    let before = failing(base)
    let after = failing(scenario)
    return after.keys.sorted().compactMap { process in
      let years = after[process]!.filter { !(before[process] ?? []).contains($0) }
      guard let first = years.min(), let last = years.max() else { return nil }
      return first == last ? "\(process) (\(first))" : "\(process) (\(first)–\(last))"
    }
  }
}
