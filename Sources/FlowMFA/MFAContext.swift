import FlowModel
import FlowQL

/// The resolved context of one MFA verb call: the model and helpers for its clauses.
struct MFAContext {
  let call: VerbCall
  let entry: NamedModel
  let modelName: String

  var model: MaterialFlowModel { entry.model }

  init(_ call: VerbCall, _ catalog: Catalog) throws {
    guard let entry = catalog.models.current else {
      throw VerbError(
        "no material-flow model is loaded", help: "load one with `load \"flows.csv\" as mine`")
    }
    self.call = call
    self.entry = entry
    modelName = entry.name
  }

  /// The `year`/`years` clauses as a range; the latest year when neither is given.
  func years() throws -> (range: ClosedRange<Int>, defaulted: Bool) {
    let valid: ClosedRange<Int>
    do { valid = try model.yearRange() } catch { throw VerbError("model `\(modelName)` has no flows") }
    var range: ClosedRange<Int>?
    var keyword = ""
    for clause in call.clauses where clause.keyword == "year" || clause.keyword == "years" {
      keyword = clause.keyword
      guard clause.arguments.count == 1 else {
        throw VerbError("`\(keyword)` takes one year or a range", help: "e.g. `years 2015..2022`", clause: keyword)
      }
      switch clause.arguments[0] {
      case .range(let a, let b):
        guard a <= b else {
          throw VerbError(
            "the range \(a)..\(b) is empty", help: "write the earlier year first: `\(b)..\(a)`", clause: keyword)
        }
        range = a...b
      case let argument:
        guard let y = argument.integer else {
          throw VerbError("`\(keyword)` needs a whole year, as in `year 2022`", clause: keyword)
        }
        range = y...y
      }
    }
    guard let range else { return (valid.upperBound...valid.upperBound, true) }
    for y in [range.lowerBound, range.upperBound] where !valid.contains(y) {
      throw VerbError(
        "year \(y) is outside the years of model `\(modelName)`, \(valid.lowerBound)–\(valid.upperBound)",
        help: "use a year in \(valid.lowerBound)..\(valid.upperBound)", clause: keyword)
    }
    return (range, false)
  }

  /// The caption: `verb · 2022 (latest year in model)`, naming the model unless it is `baseline`.
  func caption(_ what: String, _ years: (range: ClosedRange<Int>, defaulted: Bool)) -> String {
    let r = years.range
    var text = what + " · " + (r.count == 1 ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)")
    if years.defaulted { text += " (latest year in model)" }
    if modelName != ModelSet.baselineName {
      text += " · \(entry.origin.kind == "scenario" ? "scenario" : "model") \(modelName)"
    }
    return text
  }

  /// The text arguments of `keyword` (names or quoted text).
  func texts(_ keyword: String) throws -> [String]? {
    guard let clause = call.clause(keyword) else { return nil }
    return try clause.arguments.map { argument in
      if let text = argument.text { return text }
      throw VerbError("`\(keyword)` takes names, as in `\(keyword) \"SEP\"`", clause: keyword)
    }
  }

  /// The one word after `keyword`, checked against `allowed`.
  func word(_ keyword: String, allowed: [String]) throws -> String? {
    guard let names = try texts(keyword) else { return nil }
    guard names.count == 1, let word = names.first, allowed.contains(word.lowercased()) else {
      let given = names.joined(separator: ", ")
      throw VerbError(
        "`\(call.name) … \(keyword)` takes \(allowed.map { "`\($0)`" }.joined(separator: ", ")), not `\(given)`",
        help: Suggestions.didYouMean(given, in: allowed), clause: keyword)
    }
    return word.lowercased()
  }

  /// Process ids for the names in `keyword` (ids or display names, case-insensitive).
  func processes(_ keyword: String) throws -> [String]? {
    try texts(keyword)?.map { try processID($0, clause: keyword) }
  }

  /// The id of the process called `name` (id or display name), or a did-you-mean error.
  func processID(_ name: String, clause: String) throws -> String {
    let processes = model.processes
    if let p = processes.first(where: { $0.id == name }) { return p.id }
    if let p = processes.first(where: { $0.name == name || $0.id.lowercased() == name.lowercased() }) { return p.id }
    if let p = processes.first(where: { $0.name.lowercased() == name.lowercased() }) { return p.id }
    let ids = processes.map(\.id)
    let suggestion = Suggestions.process(name, in: processes)
    throw VerbError(
      "unknown process `\(name)` in model `\(modelName)`",
      help: suggestion ?? "processes: " + Suggestions.list(ids), clause: clause)
  }

  /// A number argument of `keyword` in base units.
  func number(_ keyword: String) throws -> Double? {
    guard let clause = call.clause(keyword) else { return nil }
    guard clause.arguments.count == 1, let n = clause.arguments[0].number else {
      throw VerbError("`\(keyword)` takes a number", clause: keyword)
    }
    return n
  }

  /// Runs a FlowModel computation, turning its errors into verb errors.
  func compute(_ clause: String? = nil, _ body: () throws -> Table) throws -> Table {
    do { return try body() } catch let error as FlowModelError { throw Self.verbError(error, clause: clause) }
  }

  /// A FlowModel error as a verb error with a did-you-mean.
  static func verbError(_ error: FlowModelError, clause: String?) -> VerbError {
    switch error {
    case .unknownProcess(let id, let candidates):
      return VerbError(
        "unknown process `\(id)`",
        help: candidates.first.map { "did you mean `\($0)`?" }, clause: clause)
    case .yearOutOfRange(let year, let valid):
      return VerbError(
        "year \(year) is outside the model's years \(valid.lowerBound)–\(valid.upperBound)",
        help: "use a year in \(valid.lowerBound)..\(valid.upperBound)", clause: clause)
    case .unknownMaterial(let name, let candidates):
      return VerbError(
        "unknown material `\(name)`",
        help: Suggestions.didYouMean(name, in: candidates) ?? "materials: " + candidates.joined(separator: ", "),
        clause: clause)
    default:
      return VerbError(error.description, clause: clause)
    }
  }
}

extension Table {
  /// The table with a new caption.
  func captioned(_ caption: String) -> Table {
    var copy = self
    copy.caption = caption
    return copy
  }
}
