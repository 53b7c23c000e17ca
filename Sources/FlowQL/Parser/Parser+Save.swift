extension Parser {
  /// `save "file.ext"`: the extension must name a format FlowQL writes.
  mutating func parseSave() throws(Abort) -> Stage.Kind {
    guard at(.string) else {
      throw fail(unexpected: "a file name in quotes after `save`", help: "e.g. `| save \"flows_2022.csv\"`")
    }
    let literal = advance()
    guard SaveFormat(path: literal.text) != nil else {
      throw fail(
        Diagnostic(
          .unknownFileFormat, "cannot save to `\(literal.text)`: unknown file type", at: literal.range,
          label: "the extension picks the format",
          help: "end the name with " + SaveFormat.allCases.map { "`.\($0.rawValue)`" }.joined(separator: ", ")))
    }
    return .save(path: literal.text, range: literal.range)
  }

  /// After `save` only `chart` (or `in`) may follow.
  mutating func checkAfterSave(_ stage: Stage, _ save: Stage?) throws(Abort) {
    guard let save else { return }
    switch stage.kind {
    case .chart, .inModel: return
    default:
      throw fail(
        Diagnostic(
          .saveNotLast, "`\(stage.keyword.text)` comes after `save`", at: stage.keyword.range,
          label: "only `chart` may follow `save`",
          help: "move `| \(save.keyword.text) …` to the end of the query"))
    }
  }
}

extension Stage {
  /// Whether this is a `save` stage.
  var isSave: Bool {
    if case .save = kind { return true }
    return false
  }
}
