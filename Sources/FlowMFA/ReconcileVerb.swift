import FlowModel
import FlowQL

/// `reconcile [year Y | years A..B] [by material] [as name]`: STAN-style data reconciliation.
struct ReconcileVerb: Verb {
  let signature = VerbSignature(
    name: "reconcile",
    summary: """
      Adjusts measured flows by weighted least squares so that every process balances (inputs − \
      outputs = stock change), computes unmeasured flows where the balances determine them, and \
      tests the measurements (Cencic & Rechberger 2008, as STAN does). A flow is measured when the \
      flows file gives it a `sigma` (t) or an `uncertainty` (%), exact when the value is 0 or \
      absent, unmeasured when its mass is empty; the bundled model's flows take σ from their \
      F/D/E tag. The caption gives χ², the degrees of freedom and the p-value; flows with |z| > \
      1.96 are warned about as probable gross errors. `as name` keeps the reconciled model.
      Columns: year, source, target, [material,] measured, sigma, reconciled, reconciled_sigma, \
      adjustment (t), z (the normalised adjustment).
      """,
    example: "reconcile year 2022",
    clauses: [
      MFAVerbs.yearClause, MFAVerbs.yearsClause,
      .init("by", .one, summary: "`material`: one system per material", values: .words(["material"])),
      .init("as", .one, summary: "keep the reconciled model under this name"),
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let years = try context.years()
    let byMaterial = try context.word("by", allowed: ["material"]) == "material"
    let keepAs = try Self.name(call, catalog)
    let measurements = FlowMeasurements.forReconciliation(context.entry)
    let result: MaterialFlowModel.ReconciledFlows
    do {
      result = try context.model.reconciled(measurements, years: years.range, byMaterial: byMaterial)
    } catch let error as ReconciliationError {
      throw Self.verbError(error, context)
    }
    let p = result.pValue
    let statistics =
      "χ² = \(Self.decimal(result.chiSquare, 3)), \(result.degreesOfFreedom) degree\(result.degreesOfFreedom == 1 ? "" : "s") of freedom, p = \(Self.decimal(p, 4))"
    let caption = context.caption("reconcile", years) + " · " + statistics
    var warnings = Self.grossErrors(result.table)
    if !result.notDeterminable.isEmpty {
      warnings.append("not determinable from the balances: " + result.notDeterminable.joined(separator: ", "))
    }
    if p < 0.05 {
      warnings.append("the measurements fail the global test (\(statistics)); look at the flows with large |z|")
    }
    let defined = keepAs.map {
      [NamedModel(name: $0, model: result.model, origin: .reconciled(base: context.modelName))]
    }
    return VerbOutput(result.table.captioned(caption), warnings: warnings, definedModels: defined ?? [])
  }

  /// The `as` name, which must not replace `baseline`.
  static func name(_ call: VerbCall, _ catalog: Catalog) throws -> String? {
    guard let clause = call.clause("as") else { return nil }
    guard let name = clause.arguments.first?.text, !name.isEmpty else {
      throw VerbError("`as` needs a model name", help: "e.g. `reconcile as reconciled`", clause: "as")
    }
    guard name != ModelSet.baselineName else {
      throw VerbError(
        "`baseline` is the bundled model and cannot be replaced", help: "choose another name", clause: "as")
    }
    return name
  }

  /// One warning per flow with |z| > 1.96.
  static func grossErrors(_ table: Table) -> [String] {
    guard case .number(let z)? = table["z"]?.values, case .text(let source)? = table["source"]?.values,
      case .text(let target)? = table["target"]?.values, case .year(let year)? = table["year"]?.values
    else { return [] }
    return z.indices.filter { abs(z[$0]) > 1.96 }.map {
      "\(source[$0]) → \(target[$0]) (\(year[$0])): z = \(decimal(z[$0], 2)), a probable gross error (|z| > 1.96)"
    }
  }

  static func verbError(_ error: ReconciliationError, _ context: MFAContext) -> VerbError {
    switch error {
    case .invalidSigma:
      VerbError(error.description, help: "a sigma is a standard deviation in t, 0 or more")
    case .noRedundancy:
      VerbError(
        "model `\(context.modelName)` has no redundant measurement: there is nothing to reconcile",
        help: "measure more flows (give them a `sigma` or `uncertainty`) so that some balance has no unknown flow")
    case .contradictoryExactFlows(let names, let residual):
      VerbError(
        "exact flows contradict the balance of \(names.joined(separator: " + ")): off by \(decimal(residual, 3)) t",
        help: "give one of these flows a `sigma`, or correct it")
    case .singular(let names):
      VerbError(
        "the balances of \(names.joined(separator: ", ")) give a singular system",
        help: "check for a process whose flows are all between the same two processes")
    }
  }

  /// `value` with at most `places` decimals, without trailing zeros.
  static func decimal(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : "∞" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if text.hasSuffix(".0") { text.removeLast(2) }
    if text.contains("e") { return String(value) }
    return text
  }
}
