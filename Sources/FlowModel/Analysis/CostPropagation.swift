/// Computes the MFCA cost layer of every flow (ISO 14051), generic over any model.
///
/// - Flows out of a boundary source carry their purchase cost, taken to be their value
///   (imports are bought at market value; ore in the ground costs nothing).
/// - A quantity centre's input material cost plus its energy and system costs are shared over
///   all its outflows of the same material by mass; its waste-management cost goes to the flows
///   into loss processes only (to the products when it has no losses). The centre's outflow
///   costs therefore sum to its input plus own costs. A flow that returns material to production
///   (new scrap, recycling) is a product of the centre that sends it, like any outflow that is
///   not a material loss: it takes its mass share of the centre's costs and carries it into the
///   centre that receives it — the one rule ``MaterialFlowModel/mfca(of:years:)`` follows.
/// - A market node passes on its average cost per t of each material.
/// - A stock (the use phase) passes on no cost: what leaves it (end-of-life goods) has been used
///   up as a product, so it enters waste management with no material cost, and waste
///   management's losses carry only waste management's own costs.
///
/// Loops (scrap and recycling back upstream) are solved by repeated sweeps in stage order
/// until no cost changes by more than 1e-6 US$.
enum CostPropagation {
  /// Returns `flows` with `cost` filled in.
  static func propagate(
    processes: [Process], flows: [Flow], centreCosts: [CentreCost]
  ) -> [Flow] {
    var flows = flows
    let index = FlowIndex(processes: processes, flows: flows)
    let materialCount = index.materials.count
    let processCount = processes.count
    // Per-process facts as plain arrays: reading them from `processes[i]` in the sweeps below
    // copied the whole `Process` (its strings) every time, a third of a Monte Carlo draw.
    let kind = processes.map(\.kind)
    let isLoss = processes.map(\.isLoss)
    let stageOrder = processes.map(\.stageOrder)
    var own = [Double](repeating: 0, count: index.years.count * processCount * materialCount * 3)
    func slot(_ y: Int, _ p: Int, _ m: Int) -> Int { ((y * processCount + p) * materialCount + m) * 3 }
    for cost in centreCosts {
      guard let y = index.yearPosition(cost.year), let p = index.processIndex[cost.process],
        let m = index.materialIndex[cost.material]
      else { continue }
      own[slot(y, p, m)] += cost.energy
      own[slot(y, p, m) + 1] += cost.system
      own[slot(y, p, m) + 2] += cost.wasteManagement
    }
    for (y, range) in index.yearRanges.enumerated() {
      for i in range where kind[index.source[i]] == .source {
        flows[i].cost = flows[i].value
      }
      let cells = processCount * materialCount
      var outMass = [Double](repeating: 0, count: cells)
      var lossMass = [Double](repeating: 0, count: cells)
      var inMass = [Double](repeating: 0, count: cells)
      for i in range {
        let key = index.source[i] * materialCount + index.material[i]
        outMass[key] += flows[i].mass
        if isLoss[index.target[i]] { lossMass[key] += flows[i].mass }
        inMass[index.target[i] * materialCount + index.material[i]] += flows[i].mass
      }
      let ordered = range.sorted {
        (stageOrder[index.source[$0]], index.source[$0]) < (stageOrder[index.source[$1]], index.source[$1])
      }
      for _ in 0..<1000 {
        var inCost = [Double](repeating: 0, count: cells)
        for i in range { inCost[index.target[i] * materialCount + index.material[i]] += flows[i].cost }
        var change = 0.0
        for i in ordered {
          let p = index.source[i]
          guard kind[p] != .source else { continue }
          let key = p * materialCount + index.material[i]
          let mass = flows[i].mass
          var cost: Double
          switch kind[p] {
          case .quantityCentre:
            let s = slot(y, p, index.material[i])
            let base = inCost[key] + own[s] + own[s + 1]
            cost = outMass[key] > 0 ? base * mass / outMass[key] : 0
            if lossMass[key] > 0 {
              if isLoss[index.target[i]] { cost += own[s + 2] * mass / lossMass[key] }
            } else if outMass[key] > 0 {
              cost += own[s + 2] * mass / outMass[key]
            }
          case .stock:
            cost = 0
          default:
            cost = inMass[key] > 0 ? inCost[key] * mass / inMass[key] : 0
          }
          change = max(change, abs(cost - flows[i].cost))
          flows[i].cost = cost
        }
        if change < 1e-6 { break }
      }
    }
    return flows
  }
}
