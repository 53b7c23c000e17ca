import FlowModel

extension Evaluator {
  /// The value of one chart option, checked against the kind of value ``ChartOption/value`` names.
  func chartValue(_ option: ChartOption, _ expr: Expr, kind: ChartKind, table: Table) throws(Diagnostic)
    -> ChartOptionValue
  {
    let key = option.rawValue
    func mismatch(_ wanted: String, example: String) -> Diagnostic {
      Diagnostic(.typeMismatch, "`\(key)` takes \(wanted)", at: expr.range, label: "not \(wanted)", help: "e.g. `\(key) = \(example)`")
    }
    func column(_ e: Expr) throws(Diagnostic) -> String {
      let n: String
      switch e.kind {
      case .name(let s): n = s
      case .path(let parts): n = parts.map(\.text).joined(separator: "_")
      default: throw mismatch("a column name", example: table.columnNames.first ?? "year")
      }
      guard table[n] != nil else { throw unknownColumn(n, e.range, in: table) }
      return n
    }
    switch option.value {
    case .column:
      return .name(try column(expr))
    case .columns:
      guard case .list(let items) = expr.kind else { return .names([try column(expr)]) }
      var names: [String] = []
      for item in items { names.append(try column(item)) }
      return .names(names)
    case .text:
      switch expr.kind {
      case .string(let s): return .text(s)
      case .name(let s): return .text(s)
      default: throw mismatch("text in quotes", example: "\"Inflow\"")
      }
    case .unit:
      let symbol: String
      switch expr.kind {
      case .name(let s), .string(let s): symbol = s
      default: throw mismatch("a unit", example: "kt")
      }
      guard Unit.named(symbol) != nil else {
        throw Diagnostic(
          .unknownUnit, "unknown unit `\(symbol)`", at: expr.range, label: "not a unit",
          help: Suggestions.didYouMean(symbol, in: Unit.all.map(\.symbol)),
          notes: ["units: " + Unit.all.map(\.symbol).joined(separator: ", ")])
      }
      return .name(symbol)
    case .truth:
      guard case .bool(let b) = expr.kind else { throw mismatch("`true` or `false`", example: "true") }
      return .bool(b)
    case .choice(let words):
      return try chartChoice(option, expr, words: words, kind: kind)
    case .order:
      switch expr.kind {
      case .name(let s) where ["value", "name", "none"].contains(s.lowercased()): return .name(s.lowercased())
      case .list(let items):
        var names: [String] = []
        for item in items {
          switch item.kind {
          case .name(let s), .string(let s): names.append(s)
          default: throw mismatch("`value`, `name`, `none` or a list of names", example: "[\"SEP\", \"REO\"]")
          }
        }
        return .names(names)
      default: throw mismatch("`value`, `name`, `none` or a list of names", example: "value")
      }
    case .number:
      guard case .number(let v) = expr.kind, v > 0, v <= 10_000 else {
        throw mismatch("a number of pixels (1 to 10000)", example: "400")
      }
      return .number(v)
    case .quantity:
      switch expr.kind {
      case .number(let v) where v >= 0: return .number(v)
      case .quantity(let v, let u) where v >= 0: return .number(v * u.factor)
      default: throw mismatch("a quantity ≥ 0", example: "1 kt")
      }
    }
  }

  /// A word from `words`: `labels` takes truth values for bars and pies and `names`/`ids` for Sankeys.
  private func chartChoice(_ option: ChartOption, _ expr: Expr, words: [String], kind: ChartKind) throws(Diagnostic)
    -> ChartOptionValue
  {
    let allowed =
      option == .labels ? (kind == .sankey ? ["names", "ids"] : ["true", "false"]) : words
    let word: String
    switch expr.kind {
    case .name(let s), .string(let s): word = s.lowercased()
    case .bool(let b): word = b ? "true" : "false"
    default: word = ""
    }
    guard allowed.contains(word) else {
      let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
      throw Diagnostic(
        .typeMismatch, "`\(option.rawValue)` takes one of \(list)", at: expr.range,
        label: "not one of them", help: Suggestions.didYouMean(word, in: allowed))
    }
    if word == "true" || word == "false" { return .bool(word == "true") }
    return .name(word)
  }
}
