import FlowModel
import FlowQL

/// What a scenario changed: per-edit totals and the processes it leaves unbalanced.
enum ScenarioReport {
  /// One row per edit: the selected flows' mass and value before and after.
  static func table(edits: [CompiledEdit], base: MaterialFlowModel, scenario: MaterialFlowModel) -> Table {
    var labels: [String] = []
    var flows: [String] = []
    var sums: [[Double]] = Array(repeating: [], count: 4)
    for edit in edits {
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
      }
      labels.append(edit.text.split(whereSeparator: \.isNewline).joined(separator: " "))
      let before = base.flows.filter(keep)
      let after = scenario.flows.filter(keep)
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
