/// The built-in functions, by name.
enum Builtin: String, Sendable, CaseIterable {
  // Aggregates.
  case sum, avg, min, max, count, share, first, last, sumif, countif
  // Row-wise functions.
  case abs, round, floor, ceil, sqrt, ln, log10, lower, upper, len, contains, startswith, endswith
  case `if`
  case isMissing = "is_missing"
}

/// A built-in function: what it is, how many arguments it takes, and its docs — the one table
/// the evaluator, `help`, `inspect` and completion read.
struct FunctionInfo: Sendable {
  enum Kind: Sendable { case aggregate, scalar }
  var id: Builtin
  var kind: Kind
  /// How many arguments it takes (checked once, before it runs).
  var arity: ClosedRange<Int>
  var signature: String
  var summary: String
  var example: String

  var name: String { id.rawValue }
}

enum Functions {
  /// Every built-in function, aggregates first.
  static let all: [FunctionInfo] = [
    .init(
      id: .sum, kind: .aggregate, arity: 1...1, signature: "sum(x)",
      summary: "Total of `x` over the group; keeps the unit.",
      example: "flows | summarize total = sum(mass) by year"),
    .init(
      id: .avg, kind: .aggregate, arity: 1...1, signature: "avg(x)",
      summary: "Mean of `x` over the group (missing values skipped).",
      example: "flows | summarize avg(mass) by material"),
    .init(
      id: .min, kind: .aggregate, arity: 1...1, signature: "min(x)", summary: "Smallest value of `x` in the group.",
      example: "flows | summarize min(mass) by source"),
    .init(
      id: .max, kind: .aggregate, arity: 1...1, signature: "max(x)", summary: "Largest value of `x` in the group.",
      example: "flows | summarize max(mass) by source"),
    .init(
      id: .count, kind: .aggregate, arity: 0...1, signature: "count()", summary: "Number of rows in the group.",
      example: "flows | summarize n = count() by year"),
    .init(
      id: .share, kind: .aggregate, arity: 1...1, signature: "share(x)",
      summary: "The group's sum of `x` divided by the total over all rows, as a ratio (%).",
      example: "flows | where year == 2022 | summarize share(mass) by material"),
    .init(
      id: .first, kind: .aggregate, arity: 1...1, signature: "first(x)",
      summary: "The value of `x` in the group's first row.",
      example: "flows | summarize first(source) by target"),
    .init(
      id: .last, kind: .aggregate, arity: 1...1, signature: "last(x)",
      summary: "The value of `x` in the group's last row.",
      example: "flows | sort year | summarize last(mass) by source"),
    .init(
      id: .sumif, kind: .aggregate, arity: 2...2, signature: "sumif(x, condition)",
      summary: "Total of `x` over the group's rows where `condition` holds.",
      example: "flows | summarize imported = sumif(mass, source ~ \"IMP\") by year"),
    .init(
      id: .countif, kind: .aggregate, arity: 1...1, signature: "countif(condition)",
      summary: "Number of the group's rows where `condition` holds.",
      example: "flows | summarize big = countif(mass > 1 kt) by year"),
    .init(
      id: .abs, kind: .scalar, arity: 1...1, signature: "abs(x)", summary: "Absolute value; keeps the unit.",
      example: "balance year 2022 | where abs(imbalance) > 1 t"),
    .init(
      id: .round, kind: .scalar, arity: 1...2, signature: "round(x[, digits])",
      summary: "Rounds `x` (in its base unit) to `digits` decimals (default 0).",
      example: "flows | derive t = round(mass)"),
    .init(
      id: .floor, kind: .scalar, arity: 1...1, signature: "floor(x)", summary: "Largest whole number not above `x`.",
      example: "flows | derive t = floor(mass)"),
    .init(
      id: .ceil, kind: .scalar, arity: 1...1, signature: "ceil(x)", summary: "Smallest whole number not below `x`.",
      example: "flows | derive t = ceil(mass)"),
    .init(
      id: .sqrt, kind: .scalar, arity: 1...1, signature: "sqrt(x)", summary: "Square root of a plain number.",
      example: "print sqrt(2)"),
    .init(
      id: .ln, kind: .scalar, arity: 1...1, signature: "ln(x)", summary: "Natural logarithm of a plain number.",
      example: "print ln(10)"),
    .init(
      id: .log10, kind: .scalar, arity: 1...1, signature: "log10(x)", summary: "Base-10 logarithm of a plain number.",
      example: "print log10(1000)"),
    .init(
      id: .lower, kind: .scalar, arity: 1...1, signature: "lower(text)", summary: "Text in lower case.",
      example: "processes | derive l = lower(name)"),
    .init(
      id: .upper, kind: .scalar, arity: 1...1, signature: "upper(text)", summary: "Text in upper case.",
      example: "processes | derive u = upper(name)"),
    .init(
      id: .len, kind: .scalar, arity: 1...1, signature: "len(text)", summary: "Number of characters of a text.",
      example: "processes | derive n = len(name)"),
    .init(
      id: .contains, kind: .scalar, arity: 2...2, signature: "contains(text, part)",
      summary: "Whether `text` contains `part` (case-insensitive); same as `text ~ part`.",
      example: "flows | where contains(source, \"IMP\")"),
    .init(
      id: .startswith, kind: .scalar, arity: 2...2, signature: "startswith(text, prefix)",
      summary: "Whether `text` starts with `prefix`.", example: "flows | where startswith(source, \"IMP_\")"),
    .init(
      id: .endswith, kind: .scalar, arity: 2...2, signature: "endswith(text, suffix)",
      summary: "Whether `text` ends with `suffix`.", example: "flows | where endswith(target, \"_US\")"),
    .init(
      id: .if, kind: .scalar, arity: 3...3, signature: "if(condition, then, else)",
      summary: "`then` where `condition` holds, else `else`; both must have the same type and unit.",
      example: "flows | derive origin = if(source ~ \"IMP\", \"import\", \"domestic\")"),
    .init(
      id: .isMissing, kind: .scalar, arity: 1...1, signature: "is_missing(x)",
      summary: "Whether `x` is missing (an empty text or a missing number).",
      example: "flows | where not is_missing(cost)"),
  ]

  static func named(_ name: String) -> FunctionInfo? {
    Builtin(rawValue: name.lowercased()).flatMap { id in all.first { $0.id == id } }
  }

  static var aggregateNames: [String] { all.filter { $0.kind == .aggregate }.map(\.name) }
  static var scalarNames: [String] { all.filter { $0.kind == .scalar }.map(\.name) }
}
