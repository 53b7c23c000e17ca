import FlowModel

extension Options {
  /// Applies `set option = value`.
  mutating func apply(_ option: Name, _ value: Expr, evaluator: inout Evaluator) throws(Diagnostic) {
    let word: String? =
      switch value.kind {
      case .name(let n), .string(let n): n
      default: nil
      }
    func invalid(_ help: String) -> Diagnostic {
      Diagnostic(
        .invalidOptionValue, "`\(option.text)` cannot be `\(evaluator.source.text(value.range))`", at: value.range,
        label: "not accepted here", help: help)
    }
    switch option.text.lowercased() {
    case "rows":
      if word?.lowercased() == "all" {
        rows = nil
        return
      }
      guard case .number(let n) = value.kind, n >= 1, n.rounded() == n, n < 1e9 else {
        throw invalid("use a whole number ≥ 1, or `all` (e.g. `set rows = 20`)")
      }
      rows = Int(n)
    case "decimals":
      if word?.lowercased() == "auto" {
        decimals = nil
        return
      }
      guard case .number(let n) = value.kind, n >= 0, n <= 12, n.rounded() == n else {
        throw invalid("use a whole number from 0 to 12, or `auto` (e.g. `set decimals = 1`)")
      }
      decimals = Int(n)
    case "fetch":
      guard case .number(let n) = value.kind, n >= 1, n.rounded() == n, n < 1e12 else {
        throw invalid("use a whole number ≥ 1 (e.g. `set fetch = 5000000`)")
      }
      fetch = Int(n)
    case "units":
      guard let word else { throw invalid("use a unit such as `kt`, or `auto`") }
      if word.lowercased() == "auto" {
        units = [:]
        return
      }
      guard let unit = Unit.named(word) else {
        throw Diagnostic(
          .unknownUnit, "unknown unit `\(word)`", at: value.range, label: "not a unit",
          help: Suggestions.didYouMean(word, in: Unit.all.map(\.symbol) + ["auto"]),
          notes: ["units: " + Unit.all.map(\.symbol).joined(separator: ", ") + ", auto"])
      }
      units[unit.dimension] = unit
    default:
      throw Diagnostic(
        .unknownOption, "unknown option `\(option.text)`", at: option.range, label: "not an option",
        help: Suggestions.didYouMean(option.text, in: Self.names),
        notes: ["options: " + Self.names.joined(separator: ", ")])
    }
  }
}
