/// The rows of a reconciliation table, collected system by system.
struct ReconciledRows {
  let byMaterial: Bool
  var year: [Int] = []
  var source: [String] = []
  var target: [String] = []
  var material: [String] = []
  var measured: [Double] = []
  var sigma: [Double] = []
  var reconciled: [Double] = []
  var reconciledSigma: [Double] = []
  var z: [Double] = []
  var notDeterminable: [String] = []

  init(byMaterial: Bool) {
    self.byMaterial = byMaterial
  }

  mutating func append(_ flow: Flow, _ given: Reconciliation.Flow, _ result: ReconciliationResult, _ item: Int) {
    year.append(flow.year)
    source.append(flow.source)
    target.append(flow.target)
    material.append(flow.material)
    switch given {
    case .measured(let value, let s):
      measured.append(value)
      sigma.append(s)
    case .exact(let value):
      measured.append(value)
      sigma.append(0)
    case .unknown:
      measured.append(.nan)
      sigma.append(.nan)
    }
    reconciled.append(result.values[item])
    reconciledSigma.append(result.sigmas[item])
    z.append(result.z[item])
    if !result.determinable[item] { notDeterminable.append("\(flow.source) → \(flow.target) (\(flow.year))") }
  }

  var table: Table {
    var columns: [Column] = [.year("year", year), .text("source", source), .text("target", target)]
    if byMaterial { columns.append(.text("material", material)) }
    columns += [
      .number("measured", measured, .mass), .number("sigma", sigma, .mass),
      .number("reconciled", reconciled, .mass), .number("reconciled_sigma", reconciledSigma, .mass),
      .number("adjustment", zip(reconciled, measured).map { $0 - $1 }, .mass),
      .number("z", z),
    ]
    return Table(columns)
  }
}
