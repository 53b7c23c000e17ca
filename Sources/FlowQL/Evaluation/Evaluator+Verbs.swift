import FlowModel

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
      var evaluated = VerbClause(keyword: clause.keyword, arguments: arguments, block: clause.block)
      evaluated.blockOffset = clause.blockOffset
      if let query = clause.query {
        evaluated.query = query.text
        evaluated.queryOffset = query.offset
      }
      clauses.append(evaluated)
    }
    var tables: [String: Table] = [:]
    for (k, v) in bindings { if case .table(let t) = v { tables[k] = t } }
    var call = VerbCall(name: verb.signature.name, clauses: clauses, input: input, tables: tables)
    call.bindings = bindings
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

  /// One written argument → constants (lists are flattened, bare names stay names).
  private mutating func verbArguments(_ expr: Expr) throws(Diagnostic) -> [VerbArgument] {
    switch expr.kind {
    case .name(let n) where scalarBinding(n) == nil:
      return [.name(n)]
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
