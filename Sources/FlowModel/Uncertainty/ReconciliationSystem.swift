/// One year's (and material's) flows of a model as a ``Reconciliation``: flows between the same
/// processes are one item, every balanced process one balance.
struct ReconciliationSystem {
  /// Per item: the flow positions it adds up.
  var items: [[Int]] = []
  var problem = Reconciliation(flows: [])

  init(model: MaterialFlowModel, flowIndices: [Int], measurements: [FlowMeasurement], byMaterial: Bool) {
    struct Key: Hashable {
      var source: Int, target: Int
    }
    var itemOf: [Key: Int] = [:]
    for i in flowIndices {
      let key = Key(source: model.index.source[i], target: model.index.target[i])
      if let item = itemOf[key] {
        items[item].append(i)
      } else {
        itemOf[key] = items.count
        items.append([i])
      }
    }
    problem.flows = items.map { Self.combined($0, model, measurements) }
    guard let first = flowIndices.first else { return }
    let year = model.flows[first].year
    let material = byMaterial ? model.flows[first].material : nil
    var terms = Array(repeating: [(flow: Int, coefficient: Double)](), count: model.processes.count)
    for (key, item) in itemOf.sorted(by: { $0.value < $1.value }) {
      terms[key.target].append((item, 1))
      terms[key.source].append((item, -1))
    }
    for (p, process) in model.processes.enumerated() where !terms[p].isEmpty && !process.isBoundary {
      var rhs = 0.0
      if process.kind == .stock {
        let records = model.stocks.filter {
          $0.year == year && $0.process == process.id && (material == nil || $0.material == material)
        }
        guard !records.isEmpty else { continue }
        rhs = records.reduce(0) { $0 + $1.stockChange }
      }
      problem.addBalance(process.id, terms[p], rhs: rhs)
    }
  }

  /// The flows of one item as one measurement: unknown if any is, exact if all are, else the sum
  /// with the variances added.
  private static func combined(
    _ members: [Int], _ model: MaterialFlowModel, _ measurements: [FlowMeasurement]
  ) -> Reconciliation.Flow {
    var total = 0.0
    var variance = 0.0
    for i in members {
      switch measurements[i] {
      case .unknown: return .unknown
      case .exact: break
      case .measured(let sigma):
        guard sigma.isFinite, sigma >= 0 else { return .measured(.nan, sigma: sigma) }
        variance += sigma * sigma
      }
      guard !model.flows[i].mass.isNaN else { return .unknown }
      total += model.flows[i].mass
    }
    return variance > 0 ? .measured(total, sigma: variance.squareRoot()) : .exact(total)
  }
}
