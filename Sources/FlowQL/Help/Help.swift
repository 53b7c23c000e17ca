/// The docs behind `help`, `inspect` and completion descriptions.
enum Help {
  /// Every topic, verbs of `catalog` included.
  static func topics(_ catalog: Catalog) -> [HelpTopic] {
    builtIn + catalog.verbs.signatures.map(verbTopic)
  }

  static func verbTopic(_ v: VerbSignature) -> HelpTopic {
    var summary = v.summary
    if !v.clauses.isEmpty {
      summary += "\nClauses:"
      for c in v.clauses {
        let head = c.keyword.isEmpty ? "(arguments)" : clauseText(c)
        summary += "\n  \(head)\(c.summary.isEmpty ? "" : " — " + c.summary)"
      }
    }
    if v.acceptsInput { summary += "\nMay also follow `|`." }
    let syntax = v.name + v.clauses.map { " [\(clauseText($0))]" }.joined()
    return HelpTopic(name: v.name, category: .verb, syntax: syntax, summary: summary, example: v.example)
  }

  /// `of value, …`, `value` for leading arguments, `{ … }` for a block written in place.
  private static func clauseText(_ c: VerbClauseSpec) -> String {
    switch c.keyword {
    case "": arityText(c.arity).trimmingSpaces
    case "{": "{ … }"
    default: c.keyword + arityText(c.arity)
    }
  }

  private static func arityText(_ a: VerbClauseSpec.Arity) -> String {
    switch a {
    case .flag: ""
    case .one: " value"
    case .list: " value, …"
    case .term: " name(…)"
    case .block: " { … }"
    case .query: " query"
    }
  }

  /// The topic named `name` (exact first, then case-insensitive).
  static func topic(_ name: String, _ catalog: Catalog) -> HelpTopic? {
    var all = topics(catalog)
    let aliases = ["filter": "where", "project": "select", "extend": "derive", "limit": "take", "render": "chart"]
    var key = name
    // `help set rows` is the option `rows`; `help chart table` the chart kind, not the source.
    for (prefix, category) in [("set ", HelpTopic.Category.option), ("chart ", .chart)]
    where name.lowercased().hasPrefix(prefix) {
      key = String(name.dropFirst(prefix.count))
      all = all.filter { $0.category == category }
    }
    key = aliases[key.lowercased()] ?? key
    // A verb wins over a built-in topic of the same name (`sankey` the verb over the chart kind),
    // and a database topic over a chart kind (`table`).
    let order: [HelpTopic.Category] = [.verb, .database]
    let ranked = order.flatMap { c in all.filter { $0.category == c } } + all.filter { !order.contains($0.category) }
    return ranked.first { $0.name == key } ?? ranked.first { $0.name.lowercased() == key.lowercased() }
  }

  /// The pager page for `help [topic]`, or `E204`.
  static func page(for topic: Name?, catalog: Catalog) throws(Diagnostic) -> (String, String) {
    guard let topic else { return ("help", index(catalog)) }
    if let t = Self.topic(topic.text, catalog) { return (t.name, t.text) }
    let names = topics(catalog).map(\.name)
    throw Diagnostic(
      .unknownHelpTopic, "no help for `\(topic.text)`", at: topic.range, label: "unknown topic",
      help: Suggestions.didYouMean(topic.text, in: names) ?? "type `help` for the list of topics")
  }

  /// The topic list shown by a bare `help`.
  static func index(_ catalog: Catalog) -> String {
    var out = "FlowQL — pipeline queries over material flows. Type `help topic` for details.\n"
    let all = topics(catalog)
    for category in HelpTopic.Category.allCases {
      let names = all.filter { $0.category == category }.map(\.name)
      guard !names.isEmpty else { continue }
      out += "\n\(category.rawValue):\n  " + names.joined(separator: ", ") + "\n"
    }
    return out
  }
}
