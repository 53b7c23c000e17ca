/// A built-in function: its name, kind, signature and docs (shared by `help` and `inspect`).
struct FunctionInfo: Sendable {
  enum Kind: Sendable { case aggregate, scalar }
  var name: String
  var kind: Kind
  var signature: String
  var summary: String
  var example: String
}

enum Functions {
  /// Every built-in function, aggregates first.
  static let all: [FunctionInfo] = [
    .init(
      name: "sum", kind: .aggregate, signature: "sum(x)", summary: "Total of `x` over the group; keeps the unit.",
      example: "flows | summarize total = sum(mass) by year"),
    .init(
      name: "avg", kind: .aggregate, signature: "avg(x)",
      summary: "Mean of `x` over the group (missing values skipped).",
      example: "flows | summarize avg(mass) by material"),
    .init(
      name: "min", kind: .aggregate, signature: "min(x)", summary: "Smallest value of `x` in the group.",
      example: "flows | summarize min(mass) by source"),
    .init(
      name: "max", kind: .aggregate, signature: "max(x)", summary: "Largest value of `x` in the group.",
      example: "flows | summarize max(mass) by source"),
    .init(
      name: "count", kind: .aggregate, signature: "count()", summary: "Number of rows in the group.",
      example: "flows | summarize n = count() by year"),
    .init(
      name: "share", kind: .aggregate, signature: "share(x)",
      summary: "The group's sum of `x` divided by the total over all rows, as a ratio (%).",
      example: "flows | where year == 2022 | summarize share(mass) by material"),
    .init(
      name: "first", kind: .aggregate, signature: "first(x)", summary: "The value of `x` in the group's first row.",
      example: "flows | summarize first(source) by target"),
    .init(
      name: "last", kind: .aggregate, signature: "last(x)", summary: "The value of `x` in the group's last row.",
      example: "flows | sort year | summarize last(mass) by source"),
    .init(
      name: "sumif", kind: .aggregate, signature: "sumif(x, condition)",
      summary: "Total of `x` over the group's rows where `condition` holds.",
      example: "flows | summarize imported = sumif(mass, source ~ \"IMP\") by year"),
    .init(
      name: "countif", kind: .aggregate, signature: "countif(condition)",
      summary: "Number of the group's rows where `condition` holds.",
      example: "flows | summarize big = countif(mass > 1 kt) by year"),
    .init(
      name: "abs", kind: .scalar, signature: "abs(x)", summary: "Absolute value; keeps the unit.",
      example: "balance year 2022 | where abs(imbalance) > 1 t"),
    .init(
      name: "round", kind: .scalar, signature: "round(x[, digits])",
      summary: "Rounds `x` (in its base unit) to `digits` decimals (default 0).",
      example: "flows | derive t = round(mass)"),
    .init(
      name: "floor", kind: .scalar, signature: "floor(x)", summary: "Largest whole number not above `x`.",
      example: "flows | derive t = floor(mass)"),
    .init(
      name: "ceil", kind: .scalar, signature: "ceil(x)", summary: "Smallest whole number not below `x`.",
      example: "flows | derive t = ceil(mass)"),
    .init(
      name: "sqrt", kind: .scalar, signature: "sqrt(x)", summary: "Square root of a plain number.",
      example: "print sqrt(2)"),
    .init(
      name: "ln", kind: .scalar, signature: "ln(x)", summary: "Natural logarithm of a plain number.",
      example: "print ln(10)"),
    .init(
      name: "log10", kind: .scalar, signature: "log10(x)", summary: "Base-10 logarithm of a plain number.",
      example: "print log10(1000)"),
    .init(
      name: "lower", kind: .scalar, signature: "lower(text)", summary: "Text in lower case.",
      example: "processes | derive l = lower(name)"),
    .init(
      name: "upper", kind: .scalar, signature: "upper(text)", summary: "Text in upper case.",
      example: "processes | derive u = upper(name)"),
    .init(
      name: "len", kind: .scalar, signature: "len(text)", summary: "Number of characters of a text.",
      example: "processes | derive n = len(name)"),
    .init(
      name: "contains", kind: .scalar, signature: "contains(text, part)",
      summary: "Whether `text` contains `part` (case-insensitive); same as `text ~ part`.",
      example: "flows | where contains(source, \"IMP\")"),
    .init(
      name: "startswith", kind: .scalar, signature: "startswith(text, prefix)",
      summary: "Whether `text` starts with `prefix`.", example: "flows | where startswith(source, \"IMP_\")"),
    .init(
      name: "endswith", kind: .scalar, signature: "endswith(text, suffix)",
      summary: "Whether `text` ends with `suffix`.", example: "flows | where endswith(target, \"_US\")"),
    .init(
      name: "if", kind: .scalar, signature: "if(condition, then, else)",
      summary: "`then` where `condition` holds, else `else`; both must have the same type and unit.",
      example: "flows | derive origin = if(source ~ \"IMP\", \"import\", \"domestic\")"),
    .init(
      name: "is_missing", kind: .scalar, signature: "is_missing(x)",
      summary: "Whether `x` is missing (an empty text or a missing number).",
      example: "flows | where not is_missing(cost)"),
  ]

  static func named(_ name: String) -> FunctionInfo? {
    all.first { $0.name == name.lowercased() }
  }

  static var aggregateNames: [String] { all.filter { $0.kind == .aggregate }.map(\.name) }
  static var scalarNames: [String] { all.filter { $0.kind == .scalar }.map(\.name) }
}
