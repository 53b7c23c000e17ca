extension MaterialFlowModel {
  /// A user model's flows after scenario edits, passed downstream by transfer coefficients.
  ///
  /// Every quantity centre and market keeps its baseline output shares (transfer coefficient =
  /// output ÷ input, per year and material): its new input is whatever reaches it — edited
  /// flows, flows from sources and stocks as they are, and the other processes' outputs — and
  /// each output it did not have edited is that share of the new input. Loops (recycling) are
  /// solved as a whole. Sources, sinks and stocks pass nothing on: a stock absorbs the change.
  /// - Parameters:
  ///   - baseline: the flows before the edits.
  ///   - edited: the flows with the edits applied (same order; added flows at the end).
  /// - Complexity: O(flows × sweeps); a loop needs more sweeps the less it loses.
  static func propagated(baseline: [Flow], edited: [Flow], processes: [Process]) -> [Flow] {
    let passesOn = Set(processes.filter { $0.kind == .quantityCentre || $0.kind == .market }.map(\.id))
    var groups: [[String]: [Int]] = [:]
    for i in edited.indices { groups[[String(edited[i].year), edited[i].material], default: []].append(i) }
    var result = edited
    for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let rows = groups[key]!
      let isEdited = rows.map { $0 >= baseline.count || baseline[$0].mass != edited[$0].mass }
      var baseInput: [String: Double] = [:]
      for i in rows where i < baseline.count { baseInput[baseline[i].target, default: 0] += baseline[i].mass }
      // A flow follows its source when the source passes material on and had an input.
      let follows = rows.indices.map { r in
        !isEdited[r] && passesOn.contains(edited[rows[r]].source) && (baseInput[edited[rows[r]].source] ?? 0) > 0
      }
      let share = rows.indices.map { r in follows[r] ? baseline[rows[r]].mass / baseInput[edited[rows[r]].source]! : 0 }
      var input: [String: Double] = [:]
      for sweep in 0..<10_000 {
        var change = 0.0
        var next: [String: Double] = [:]
        for r in rows.indices {
          let flow = edited[rows[r]]
          next[flow.target, default: 0] += follows[r] ? share[r] * (input[flow.source] ?? 0) : flow.mass
        }
        for (id, value) in next { change = max(change, abs(value - (input[id] ?? 0))) }
        input = next
        if sweep > 0 && change <= 1e-12 * max(1, input.values.max() ?? 0) { break }
      }
      for r in rows.indices where follows[r] {
        let i = rows[r]
        let mass = share[r] * (input[edited[i].source] ?? 0)
        let ratio = baseline[i].mass > 0 ? mass / baseline[i].mass : 0
        result[i].mass = mass
        result[i].cost = baseline[i].cost * ratio
        result[i].value = baseline[i].value * ratio
      }
    }
    return result
  }
}
