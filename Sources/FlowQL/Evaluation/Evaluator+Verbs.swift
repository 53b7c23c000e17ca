import FlowModel

extension VerbName {
  init(_ name: Name) { self.init(text: name.text, range: name.range) }
}

extension Evaluator {
  /// Evaluates a verb's clause arguments and calls the host's verb.
  mutating func runVerb(_ syntax: VerbSyntax, input: Table?) throws(Diagnostic) -> (Table, ChartRequest?) {
    guard let verb = catalog.verbs.verb(named: syntax.name.text) else {
      throw Diagnostic(.unknownName, "unknown verb `\(syntax.name.text)`", at: syntax.name.range)
    }
    var clauses: [VerbClause] = []
    for clause in syntax.clauses {
      var arguments: [VerbArgument] = []
      for arg in clause.arguments { arguments += try verbArguments(arg) }
      if let term = clause.term { arguments.append(.term(try verbTerm(term))) }
      var edits: [VerbEdit] = []
      for edit in clause.edits { edits.append(try verbEdit(edit)) }
      let query = clause.query.map {
        VerbQuery(query: $0, bindings: bindings, source: source, joinByteLimit: joinByteLimit)
      }
      clauses.append(
        VerbClause(keyword: clause.keyword, arguments: arguments, edits: edits, query: query, range: clause.range))
    }
    var tables: [String: Table] = [:]
    for (k, v) in bindings { if case .table(let t) = v { tables[k] = t } }
    let call = VerbCall(name: verb.signature.name, clauses: clauses, input: input, tables: tables)
    do {
      let output = try verb.evaluate(call, catalog: catalog, isCancelled: isCancelled)
      for w in output.warnings {
        warnings.append(Diagnostic(.verbWarning, w, at: syntax.name.range))
      }
      definedModels += output.definedModels
      return (output.table, output.chart)
    } catch let error as VerbError {
      let range = error.clause.flatMap { k in syntax.clauses.first { $0.keyword == k }?.range } ?? syntax.name.range
      throw Diagnostic(.verbFailed, error.message, at: range, help: error.help)
    } catch let error as Diagnostic {
      throw error
    } catch {
      throw Diagnostic(.verbFailed, "`\(syntax.name.text)` failed: \(error)", at: syntax.name.range)
    }
  }

  /// Endings that mark a bare `name.ext` argument as a file name.
  static let fileExtensions: Set<String> = ["csv", "tsv", "txt", "json"]

  /// A written term → its name and constant arguments.
  private mutating func verbTerm(_ term: TermSyntax) throws(Diagnostic) -> VerbTerm {
    var arguments: [VerbTerm.Argument] = []
    for (label, value) in term.arguments {
      for argument in try verbArguments(value) { arguments.append(.init(label: label?.text, value: argument)) }
    }
    return VerbTerm(name: term.name.text, arguments: arguments)
  }

  /// An edit of a `{ … }` block with its values evaluated.
  private mutating func verbEdit(_ edit: EditSyntax) throws(Diagnostic) -> VerbEdit {
    let kind: VerbEdit.Kind
    switch edit.kind {
    case .scale(let selector, let factor):
      kind = .scale(try flowSelector(selector), factor: try editValue(factor))
    case .set(let selector, let mass):
      kind = .set(try flowSelector(selector), mass: try editValue(mass))
    case .move(let share, let selector, let target):
      kind = .move(share: try editValue(share), try flowSelector(selector), to: VerbName(target))
    case .setPrice(let good, let filters, let price):
      kind = .setPrice(good: VerbName(good), filters: try editFilters(filters), price: try editValue(price))
    case .lifetime(let process, let term):
      kind = .lifetime(process: VerbName(process), VerbValue(argument: .term(try verbTerm(term)), range: term.range))
    }
    return VerbEdit(kind: kind, range: edit.range, text: source.text(edit.range))
  }

  private mutating func flowSelector(_ s: FlowSelectorSyntax) throws(Diagnostic) -> VerbFlowSelector {
    VerbFlowSelector(source: VerbName(s.source), target: VerbName(s.target), filters: try editFilters(s.filters))
  }

  private mutating func editFilters(_ filters: [(Name, Expr)]) throws(Diagnostic) -> [VerbFilter] {
    var out: [VerbFilter] = []
    for (name, value) in filters { out.append(VerbFilter(name: VerbName(name), value: try editValue(value))) }
    return out
  }

  private mutating func editValue(_ expr: Expr) throws(Diagnostic) -> VerbValue {
    let arguments = try verbArguments(expr)
    guard arguments.count == 1 else {
      throw Diagnostic(.typeMismatch, "expected one value, not a list", at: expr.range)
    }
    return VerbValue(argument: arguments[0], range: expr.range)
  }

  /// One written argument → constants (lists are flattened, bare names stay names).
  private mutating func verbArguments(_ expr: Expr) throws(Diagnostic) -> [VerbArgument] {
    switch expr.kind {
    case .name(let n) where scalarBinding(n) == nil:
      return [.name(n)]
    case .path(let parts) where Self.fileExtensions.contains(parts.last?.text.lowercased() ?? ""):
      let file = parts.map(\.text).joined(separator: ".")
      throw Diagnostic(
        .unquotedFileName, "the file name `\(file)` needs quotes", at: expr.range, label: "put this in quotes",
        help:
          "write \"\(file)\"; without quotes `\(file)` reads as the field `\(parts.last!.text)` of `\(parts[0].text)`")
    case .list(let items):
      var out: [VerbArgument] = []
      for item in items { out += try verbArguments(item) }
      return out
    case .range(let lo, let hi):
      let a = try eval(lo, .scalar).numbers?.first
      let b = try eval(hi, .scalar).numbers?.first
      guard let a, let b, a.rounded() == a, b.rounded() == b, abs(a) < 1e9, abs(b) < 1e9 else {
        throw Diagnostic(.typeMismatch, "a range needs whole numbers, as in `2015..2022`", at: expr.range)
      }
      return [.range(Int(a), Int(b))]
    default:
      return [.value(try eval(expr, .scalar).cell(0))]
    }
  }

  /// Turns `chart kind with (…)` into a request, checking each value against ``ChartOption`` and
  /// column names against the table.
  func chartRequest(_ syntax: ChartSyntax, _ table: Table) throws(Diagnostic) -> ChartRequest {
    let kind = ChartKind(rawValue: syntax.kind.text.lowercased()) ?? .table
    var settings: [ChartSetting] = []
    for (name, expr) in syntax.options {
      guard let option = ChartOption(rawValue: name.text.lowercased()) else { continue }
      let value = try chartValue(option, expr, kind: kind, table: table)
      settings.append(ChartSetting(option, value, range: name.range.union(expr.range)))
    }
    return ChartRequest(kind: kind, settings: settings, range: syntax.range)
  }
}
