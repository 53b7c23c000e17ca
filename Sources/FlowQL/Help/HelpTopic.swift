/// One documented topic: a statement, source, stage, function, unit, operator, option, chart
/// kind, database statement or verb. `help topic` and `inspect` both read these.
struct HelpTopic: Sendable {
  enum Category: String, Sendable, CaseIterable {
    case statement = "Statements"
    case source = "Sources"
    case stage = "Stages"
    case function = "Functions"
    case unit = "Units"
    case syntax = "Operators and syntax"
    case option = "Options (`set`)"
    case chart = "Chart kinds"
    case database = "Databases"
    case verb = "Verbs"
    case code = "Error codes"
  }

  var name: String
  var category: Category
  var syntax: String
  var summary: String
  var example: String

  /// The pager text: syntax, summary and example.
  var text: String {
    var out = "\(name) — \(category.rawValue.lowercased())\n\n"
    if !syntax.isEmpty { out += "    \(syntax)\n\n" }
    out += summary + "\n"
    if !example.isEmpty { out += "\nExample:\n    \(example)\n" }
    return out
  }

  /// One line for lists and short inspection.
  var line: String { syntax.isEmpty ? "\(name): \(summary)" : "\(syntax) — \(summary)" }
}
