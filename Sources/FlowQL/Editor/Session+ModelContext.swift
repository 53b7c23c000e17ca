import FlowModel
import FoundationEssentials

extension Session {
  /// The tokens of the statement around `cursor` in `code` (the whole statement, also after the
  /// cursor, since `| in name` may come last).
  func statementTokens(_ code: SourceText, cursor: Int) -> [Token] {
    var lexer = Lexer(code)
    let tokens = lexer.lexAll().filter { $0.kind != .eof }
    let before = tokens.lastIndex { ($0.kind == .newline || $0.kind == .semicolon) && $0.range.end <= cursor }
    let after = tokens.firstIndex { ($0.kind == .newline || $0.kind == .semicolon) && $0.range.start >= cursor }
    return Array(tokens[(before.map { $0 + 1 } ?? 0)..<(after ?? tokens.count)])
  }

  /// The model a statement runs on: the one its `| in [model|scenario] name` names, else the
  /// session's current model.
  func queryModel(_ tokens: [Token]) -> NamedModel? {
    for i in tokens.indices.dropLast() where tokens[i].kind == .pipe && tokens[i + 1].isKeyword("in") {
      var j = i + 2
      if j < tokens.count, tokens[j].isKeyword("model") || tokens[j].isKeyword("scenario") { j += 1 }
      if j < tokens.count, tokens[j].kind == .identifier, let named = catalog.models[tokens[j].text] { return named }
    }
    return catalog.models.current
  }

  /// Completion inside an open string: file names after `load` (and its `processes`/`stocks`),
  /// else the process ids (display names as documentation) and materials of the query's model.
  func quotedCompletion(_ typed: String, code: SourceText, cursor: Int, range: (Int, Int)) -> CompletionList {
    let tokens = statementTokens(code, cursor: cursor).filter { $0.range.end <= range.0 - 1 }
    let lower = typed.lowercased()
    if tokens.first?.isKeyword("load") == true,
      tokens.last.map({ $0.isKeyword("load") || $0.isKeyword("processes") || $0.isKeyword("stocks") }) == true
    {
      let files = Self.dataFiles(near: typed)
      return CompletionList(matches: files, start: range.0, end: range.1, types: files.map { _ in "path" })
    }
    var completion = CompletionList(matches: [], start: range.0, end: range.1, types: [])
    if let model = queryModel(statementTokens(code, cursor: cursor))?.model {
      for p in model.processes where p.id.lowercased().hasPrefix(lower) || p.name.lowercased().hasPrefix(lower) {
        completion.matches.append(p.id)
        completion.types.append("process")
        completion.documentation.append(p.name)
      }
      for m in model.materials where m.lowercased().hasPrefix(lower) && !completion.matches.contains(m) {
        completion.matches.append(m)
        completion.types.append("material")
        completion.documentation.append("material")
      }
      return completion
    }
    for (names, type) in [(catalog.processes, "process"), (catalog.materials, "material")] {
      for n in names where n.lowercased().hasPrefix(lower) && !completion.matches.contains(n) {
        completion.matches.append(n)
        completion.types.append(type)
      }
    }
    return completion
  }

  /// Files in the working directory (the notebook's folder) or the typed sub-folder, whose
  /// path starts with `typed`: CSV files first, then folders, then other files; hidden ones left out.
  static func dataFiles(near typed: String) -> [String] {
    let folder = typed.contains("/") ? String(typed[..<typed.lastIndex(of: "/")!]) + "/" : ""
    let base = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
    var csv: [String] = []
    var folders: [String] = []
    var other: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = folder + name
      guard path.lowercased().hasPrefix(typed.lowercased()) else { continue }
      if (try? FileManager.default.contentsOfDirectory(atPath: base + name)) != nil {
        folders.append(path + "/")
      } else if name.lowercased().hasSuffix(".csv") {
        csv.append(path)
      } else {
        other.append(path)
      }
    }
    return csv + folders + other
  }

  /// The fields of the query's processes table, for `source.` and `target.`.
  func processFields(_ tokens: [Token]) -> [String] {
    (queryModel(tokens)?.tables["processes"] ?? catalog.tables["processes"])?.columnNames ?? []
  }

  /// Shift-Tab on a model name (after `| in`), a process field (`target.stage`) or a quoted
  /// process id of the query's model; nil when none applies.
  func inspectInModel(_ token: Token, code: SourceText, tokens: [Token]) -> String? {
    let statement = statementTokens(code, cursor: token.range.start)
    let named = queryModel(statement)
    if token.kind == .string, let model = named?.model {
      guard let p = model.processes.first(where: { $0.id == token.text }) else {
        return model.materials.contains(token.text) ? "material \"\(token.text)\" of model `\(named!.name)`" : nil
      }
      return "process \"\(p.id)\" of model `\(named!.name)`: \(p.name)\nstage: \(p.stage)\nkind: \(p.kind.rawValue)"
        + (p.isLoss ? "\nloss: true" : "") + (p.description.isEmpty ? "" : "\n\(p.description)")
    }
    guard token.kind == .identifier else { return nil }
    if let model = catalog.models[token.text] {
      let m = model.model
      let years = (try? m.yearRange()).map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no years"
      return "model `\(model.name)` (\(model.origin.kind)): \(m.processes.count) processes, \(m.flows.count) flows, "
        + "\(years), materials \(m.materials.joined(separator: ", "))"
        + (m.stocks.isEmpty ? "" : "; stocks in " + Set(m.stocks.map(\.process)).sorted().joined(separator: ", "))
        + "\nuse it with `| in \(model.name)`"
    }
    // `source.stage` / `target.stage`: the field, or the column before the dot.
    guard let i = tokens.firstIndex(where: { $0.range == token.range }) else { return nil }
    let (column, field): (Token?, Token?) =
      i >= 2 && tokens[i - 1].kind == .dot
      ? (tokens[i - 2], token)
      : (i + 2 < tokens.count && tokens[i + 1].kind == .dot ? (token, tokens[i + 2]) : (nil, nil))
    guard let column, let field, ["source", "target"].contains(column.text),
      let processes = named?.tables["processes"] ?? catalog.tables["processes"], let values = processes[field.text]
    else { return nil }
    let examples = Evaluator.exampleValues(values, limit: 6).joined(separator: ", ")
    return "`\(column.text).\(field.text)`: the `\(field.text)` of each flow's \(column.text) process "
      + "(from the processes table\(named.map { " of model `\($0.name)`" } ?? ""))\nvalues: \(examples)"
  }
}
