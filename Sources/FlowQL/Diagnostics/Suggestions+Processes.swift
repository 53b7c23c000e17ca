public import FlowModel

extension Suggestions {
  /// "did you mean `SEP` (Smelting and separation)?" when `word` is, or is a typo of, a process's
  /// id, display name or stage; `nil` when nothing is close.
  ///
  /// - Parameters:
  ///   - ids, names, stages: the processes' columns, in the same order (stages may be empty).
  package static func process(_ word: String, ids: [String], names: [String], stages: [String] = []) -> String? {
    func hint(_ i: Int, _ extra: String = "") -> String {
      names[i] == ids[i] ? "did you mean `\(ids[i])`\(extra)?" : "did you mean `\(ids[i])` (\(names[i])\(extra))?"
    }
    let lower = word.lowercased()
    if let i = names.firstIndex(where: { $0.lowercased() == lower }), ids[i] != word {
      return hint(i) + " Process columns hold ids."
    }
    if let id = closest(to: word, in: ids), let i = ids.firstIndex(of: id) { return hint(i) }
    if let name = closest(to: word, in: names), let i = names.firstIndex(of: name) { return hint(i) }
    if let stage = closest(to: word, in: stages) ?? stages.first(where: { $0.lowercased() == lower }) {
      let members = stages.indices.filter { stages[$0] == stage }
      if members.count == 1 { return hint(members[0], ", stage \(stage)") }
      return "did you mean a process of stage \(stage): " + members.map { "`\(ids[$0])`" }.joined(separator: ", ") + "?"
    }
    return nil
  }

  /// ``process(_:ids:names:stages:)`` over a `processes` table (`id`, `name`, `stage`).
  package static func process(_ word: String, in processes: Table?) -> String? {
    guard let processes, case .text(let ids)? = processes["id"]?.values else { return nil }
    func texts(_ name: String) -> [String] {
      if case .text(let v)? = processes[name]?.values { return Array(v) }
      return Array(ids)
    }
    let stages = processes["stage"] == nil ? [] : texts("stage")
    return process(word, ids: Array(ids), names: texts("name"), stages: stages)
  }

  /// ``process(_:ids:names:stages:)`` over a model's processes.
  package static func process(_ word: String, in processes: [FlowModel.Process]) -> String? {
    process(word, ids: processes.map(\.id), names: processes.map(\.name), stages: processes.map(\.stage))
  }
}
