extension MaterialFlowModel {
  /// Material flow cost accounting (ISO 14051) per quantity centre and year.
  ///
  /// For each centre: material cost MC = the cost carried in by its input flows; energy EC,
  /// system SC and waste-management WMC costs from ``centreCosts``. Outputs are positive
  /// products or material losses (negative products): flows into loss processes and flows back
  /// upstream (new scrap, recycling). MC, EC and SC are allocated to products and losses by
  /// mass share; WMC goes entirely to losses. The identity
  /// `material_cost_product + energy_cost_product + system_cost_product + total_loss_cost =
  /// MC + EC + SC + WMC` holds on every row.
  ///
  /// Columns: `year, process, product_mass, loss_mass` (t), `loss_share` (ratio),
  /// `material_cost_product, material_loss_cost, energy_cost_product, energy_loss_cost,
  /// system_cost_product, system_loss_cost, waste_mgmt_cost, total_loss_cost` (US$).
  /// - Parameters:
  ///   - processes: centre ids, or `nil` for every quantity centre.
  ///   - years: the years, or `nil` for every year.
  /// - Throws: ``FlowModelError`` for an unknown process or a year outside the model.
  /// - Complexity: O(flows + centre costs).
  public func mfca(of processes: [String]? = nil, years: ClosedRange<Int>? = nil) throws -> Table {
    let range = try resolvedYears(years)
    let rows =
      try resolvedProcesses(processes)
      ?? self.processes.indices.filter { self.processes[$0].kind == .quantityCentre }
    let ledger = MFCALedger(model: self)
    var out = MFCAColumns()
    for (yi, year) in index.years.enumerated() where range.contains(year) {
      for p in rows {
        out.append(year: year, process: self.processes[p].id, ledger.entry(year: yi, process: p))
      }
    }
    return out.table(caption: "mfca · \(name) · \(yearLabel(range))")
  }
}

/// Per year and process: masses and costs that MFCA allocates.
struct MFCAEntry {
  var productMass = 0.0
  var lossMass = 0.0
  var materialCost = 0.0
  var energy = 0.0
  var system = 0.0
  var wasteManagement = 0.0

  var lossShare: Double {
    let total = productMass + lossMass
    return total > 0 ? lossMass / total : 0
  }
}

/// Sums masses and costs per (year, process), optionally per material, in one pass.
struct MFCALedger {
  private let processCount: Int
  private let materialCount: Int
  private var entries: [MFCAEntry]

  /// Builds the ledger; with `byMaterial` the entries are kept per material.
  init(model: MaterialFlowModel, byMaterial: Bool = false) {
    let index = model.index
    processCount = model.processes.count
    materialCount = byMaterial ? max(index.materials.count, 1) : 1
    entries = Array(repeating: MFCAEntry(), count: index.years.count * processCount * materialCount)
    func key(_ y: Int, _ p: Int, _ m: Int) -> Int { (y * processCount + p) * materialCount + m }
    let processes = model.processes
    for (y, range) in index.yearRanges.enumerated() {
      for i in range {
        let m = byMaterial ? index.material[i] : 0
        let source = processes[index.source[i]]
        let target = processes[index.target[i]]
        let isLoss = target.isLoss || target.stageOrder < source.stageOrder
        let mass = model.flows[i].mass
        if isLoss {
          entries[key(y, index.source[i], m)].lossMass += mass
        } else {
          entries[key(y, index.source[i], m)].productMass += mass
        }
        entries[key(y, index.target[i], m)].materialCost += model.flows[i].cost
      }
    }
    for cost in model.centreCosts {
      guard let y = index.yearPosition(cost.year), let p = index.processIndex[cost.process] else {
        continue
      }
      let m = byMaterial ? (index.materialIndex[cost.material] ?? 0) : 0
      entries[key(y, p, m)].energy += cost.energy
      entries[key(y, p, m)].system += cost.system
      entries[key(y, p, m)].wasteManagement += cost.wasteManagement
    }
  }

  /// The entry of year position `year`, process index `process` and material index `material`.
  func entry(year: Int, process: Int, material: Int = 0) -> MFCAEntry {
    entries[(year * processCount + process) * materialCount + material]
  }
}

/// Collects MFCA rows column by column.
private struct MFCAColumns {
  var years: [Int] = []
  var processes: [String] = []
  var values: [[Double]] = Array(repeating: [], count: 11)

  mutating func append(year: Int, process: String, _ e: MFCAEntry) {
    years.append(year)
    processes.append(process)
    let lossShare = e.lossShare
    let productShare = 1 - lossShare
    let row = [
      e.productMass, e.lossMass, lossShare,
      e.materialCost * productShare, e.materialCost * lossShare,
      e.energy * productShare, e.energy * lossShare,
      e.system * productShare, e.system * lossShare,
      e.wasteManagement,
      (e.materialCost + e.energy + e.system) * lossShare + e.wasteManagement,
    ]
    for (i, value) in row.enumerated() { values[i].append(value) }
  }

  func table(caption: String) -> Table {
    let names = [
      "product_mass", "loss_mass", "loss_share", "material_cost_product", "material_loss_cost",
      "energy_cost_product", "energy_loss_cost", "system_cost_product", "system_loss_cost",
      "waste_mgmt_cost", "total_loss_cost",
    ]
    let dimensions: [Dimension] = [.mass, .mass, .ratio] + Array(repeating: .money, count: 8)
    var columns: [Column] = [.year("year", years), .text("process", processes)]
    for i in names.indices { columns.append(.number(names[i], values[i], dimensions[i])) }
    return Table(columns, caption: caption)
  }
}
