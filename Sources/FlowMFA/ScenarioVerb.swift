import FlowModel
import FlowQL

/// `scenario name [from other] { edits }`: defines a what-if model from `baseline` (or
/// `other`) that later queries reach with `| in scenario name` or `compare`.
struct ScenarioVerb: Verb {
  let signature = VerbSignature(
    name: "scenario",
    summary: """
      Defines a named what-if model: the base model (`baseline`, or `from other`) with edits \
      applied, one per line or separated by `;`:
        scale A -> B by 1.2          multiply the flow A → B
        set A -> B = 5 kt            set its mass (per year)
        move 30 % of A -> B to C     send a share of A → B to C instead (A's outflow unchanged)
        set price of oxide = 50 USD/kg
      A flow may be narrowed: `A -> B (material = "HREE", years = 2020..2022)`. On the bundled \
      model the flows are re-derived, so everything downstream follows; on a loaded model edits \
      pass downstream by transfer coefficients. Processes the edits \
      leave unbalanced are named in a warning. Use it with `| in scenario name` or `compare`.
      Columns (one row per edit): edit, flows, mass_before, mass_after (t), value_before, \
      value_after (US$).
      """,
    example: "scenario more_ore { scale \"IMP_CONC_US\" -> \"CONC\" by 2 }",
    clauses: [
      .init("", .one, summary: "the scenario's name"),
      .init("from", .one, summary: "the model to start from (default: baseline)", values: .models),
      .init("{", .block, summary: "the edits"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    guard let nameArgument = call.clause(""), nameArgument.arguments.count == 1,
      let name = nameArgument.arguments[0].text, !name.isEmpty
    else {
      throw VerbError("a scenario needs a name", help: "e.g. `scenario more_recycling { … }`")
    }
    guard name != ModelSet.baselineName else {
      throw VerbError(
        "`baseline` is the bundled model and cannot be redefined", help: "choose another name", clause: "")
    }
    let baseName =
      try call.clause("from").map { clause -> String in
        guard let text = clause.arguments.first?.text else {
          throw VerbError("`from` takes a model name", clause: "from")
        }
        return text
      } ?? catalog.models.current?.name ?? ModelSet.baselineName
    guard let base = catalog.models[baseName] else {
      throw VerbError(
        "unknown model `\(baseName)`",
        help: Suggestions.didYouMean(baseName, in: catalog.models.names)
          ?? "models: " + catalog.models.names.joined(separator: ", "),
        clause: "from")
    }
    guard let block = call.clause("{"), !block.edits.isEmpty else {
      throw VerbError("a scenario needs edits in `{ … }`", help: "e.g. `\(signature.example)`")
    }
    let compiler = ScenarioCompiler(model: base.model, modelName: base.name)
    let edits = try compiler.compile(block.edits)
    let scenario = Scenario(name, edits.map(\.edit))
    let result = try compiler.apply(scenario, edits)
    let entry = NamedModel(name: name, model: result, origin: .scenario(base: base.name, scenario))
    let unbalanced = ScenarioReport.unbalanced(base: base.model, scenario: result)
    var warnings: [String] = []
    if !unbalanced.isEmpty {
      warnings.append(
        "scenario `\(name)` unbalances " + unbalanced.joined(separator: ", ")
          + ": "
          + ScenarioReport.reason(
            edits: edits, unbalanced: unbalanced.map { String($0.prefix { $0 != " " }) },
            loaded: base.model.mode == nil))
    }
    let table = ScenarioReport.table(edits: edits, base: base.model, scenario: result)
    let caption =
      "scenario \(name) from \(base.name) · \(edits.count) edit\(edits.count == 1 ? "" : "s") · "
      + (unbalanced.isEmpty ? "every process balanced" : "unbalanced: " + unbalanced.joined(separator: ", "))
    return VerbOutput(table.captioned(caption), warnings: warnings, definedModels: [entry])
  }
}

/// A compiled edit with its place in the cell and its text.
struct CompiledEdit {
  var edit: Scenario.Edit
  var text: String
  var range: SourceRange
}

/// Turns the edits of a scenario block into ``Scenario/Edit``s of `model`, with diagnostics
/// placed in the cell.
struct ScenarioCompiler {
  let model: MaterialFlowModel
  let modelName: String

  func compile(_ edits: [VerbEdit]) throws(Diagnostic) -> [CompiledEdit] {
    var out: [CompiledEdit] = []
    for edit in edits {
      out.append(CompiledEdit(edit: try compile(edit), text: edit.text, range: edit.range))
    }
    return out
  }

  /// Applies the scenario; a model error is placed on the edit that causes it.
  func apply(_ scenario: Scenario, _ edits: [CompiledEdit]) throws -> MaterialFlowModel {
    do {
      return try model.applying(scenario)
    } catch let error as FlowModelError {
      var culprit = edits.last
      for edit in edits where (try? model.applying(Scenario(scenario.name, [edit.edit]))) == nil {
        culprit = edit
        break
      }
      let verbError = MFAContext.verbError(error, clause: nil)
      throw Diagnostic(.verbFailed, verbError.message, at: culprit?.range ?? .at(0), help: verbError.help)
    }
  }

  private func compile(_ edit: VerbEdit) throws(Diagnostic) -> Scenario.Edit {
    switch edit.kind {
    case .scale(let selector, let factor):
      let f = try number(factor, allowed: [.none, .ratio], what: "a factor such as `1.2` or `120 %`")
      return .scale(try flowSelector(selector), by: f)
    case .set(let selector, let mass):
      let m = try number(mass, allowed: [.none, .mass], what: "a mass such as `5 kt`")
      return .set(try flowSelector(selector), mass: m)
    case .move(let share, let selector, let target):
      let s = try number(share, allowed: [.none, .ratio], what: "a share such as `30 %`")
      guard (0...1).contains(s) else {
        throw Diagnostic(.verbFailed, "a share must lie between 0 % and 100 %", at: share.range)
      }
      return .move(share: s, of: try flowSelector(selector), to: try process(target))
    case .setPrice(let good, let filters, let price):
      let p = try number(price, allowed: [.none, .price], what: "a price such as `50 USD/kg`")
      let (material, years) = try filterValues(filters)
      let goods = Set(model.flows.compactMap(\.good))
      let name = goods.contains(good.text) ? good.text : try process(good)
      return .setPrice(good: name, price: p, material: material, years: years)
    case .lifetime(let name, let value):
      let id = try process(name)
      guard case .term(let term) = value.argument else {
        throw Diagnostic(
          .verbFailed, "a lifetime is a distribution such as `weibull(shape = 2.5, scale = 14)`", at: value.range)
      }
      do {
        return .lifetime(process: id, try LifetimeDistribution(term: term, clause: "lifetime"))
      } catch let error as VerbError {
        throw Diagnostic(.verbFailed, error.message, at: value.range, help: error.help)
      } catch {
        throw Diagnostic(.verbFailed, "\(error)", at: value.range)
      }
    }
  }

  private func flowSelector(_ s: VerbFlowSelector) throws(Diagnostic) -> FlowSelector {
    let (material, years) = try filterValues(s.filters)
    return FlowSelector(try process(s.source), try process(s.target), material: material, years: years)
  }

  private func filterValues(_ filters: [VerbFilter]) throws(Diagnostic) -> (String?, ClosedRange<Int>?) {
    var material: String?
    var years: ClosedRange<Int>?
    for filter in filters {
      if filter.name.text.lowercased() == "material" {
        guard let value = filter.value.argument.text else {
          throw Diagnostic(.typeMismatch, "`material` takes a name such as \"HREE\"", at: filter.value.range)
        }
        guard model.materials.contains(value) else {
          throw Diagnostic(
            .verbFailed, "unknown material `\(value)`", at: filter.value.range,
            help: Suggestions.didYouMean(value, in: model.materials)
              ?? "materials: " + model.materials.joined(separator: ", "))
        }
        material = value
      } else {
        years = try yearRange(filter.value)
      }
    }
    return (material, years)
  }

  private func yearRange(_ value: VerbValue) throws(Diagnostic) -> ClosedRange<Int> {
    let what = "a year such as `2022` or `2015..2022`"
    let values: [Int]
    switch value.argument {
    case .range(let a, let b): values = [a, b]
    default:
      let year = Int(try number(value, allowed: [.none], what: what))
      values = [year, year]
    }
    let valid = (try? model.yearRange()) ?? 0...0
    guard values[0] <= values[1], valid.contains(values[0]), valid.contains(values[1]) else {
      throw Diagnostic(
        .verbFailed, "years must lie in the model's years \(valid.lowerBound)–\(valid.upperBound)", at: value.range,
        help: "use a year in \(valid.lowerBound)..\(valid.upperBound)")
    }
    return values[0]...values[1]
  }

  private func number(_ value: VerbValue, allowed: [Dimension], what: String) throws(Diagnostic) -> Double {
    let number: Double
    switch value.argument {
    case .value(.number(let v, let d)) where allowed.contains(d): number = v
    case .value(.year(let y)) where allowed.contains(.none): number = Double(y)
    default: throw Diagnostic(.typeMismatch, "expected \(what)", at: value.range)
    }
    guard number.isFinite, number >= 0 else {
      throw Diagnostic(.verbFailed, "expected \(what), 0 or more", at: value.range)
    }
    return number
  }

  private func process(_ name: VerbName) throws(Diagnostic) -> String {
    let ids = model.processes.map(\.id)
    if ids.contains(name.text) { return name.text }
    if let p = model.processes.first(where: { $0.name == name.text || $0.id.lowercased() == name.text.lowercased() }) {
      return p.id
    }
    throw Diagnostic(
      .verbFailed, "unknown process `\(name.text)` in model `\(modelName)`", at: name.range,
      label: "not a process", help: Suggestions.didYouMean(name.text, in: ids) ?? "processes: " + Suggestions.list(ids))
  }
}
