/// `name(value, label = value, …)` as written: a verb's `.term` argument or a scenario edit's
/// lifetime.
struct TermSyntax: Sendable {
  var name: Name
  var arguments: [(label: Name?, value: Expr)]
  var range: SourceRange
}
