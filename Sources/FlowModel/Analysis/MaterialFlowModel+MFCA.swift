extension MaterialFlowModel {
  /// Material flow cost accounting (ISO 14051) per quantity centre and year.
  ///
  /// For each centre: material cost MC = the cost carried in by its input flows; energy EC,
  /// system SC and waste-management WMC costs from ``centreCosts``. Outputs are positive
  /// products or material losses (negative products). A material loss is a flow into a loss
  /// process; every other outflow is a product, including a flow that returns material to
  /// production (new scrap, recycling), which is a product of the centre that sends it. MC, EC
  /// and SC are allocated to products and losses by mass share, material by material; WMC goes
  /// entirely to losses (`waste_mgmt_cost`), or to the products of a material the centre loses
  /// none of (`waste_mgmt_cost_product`). This is the allocation of the flows' cost layer, so the table
  /// and the flows agree, and the identity `material_cost_product + energy_cost_product +
  /// system_cost_product + waste_mgmt_cost_product + total_loss_cost = MC + EC + SC + WMC`
  /// holds on every row.
  ///
  /// Columns: `year, process, product_mass, loss_mass` (t), `loss_share` (ratio),
  /// `material_cost_product, material_loss_cost, energy_cost_product, energy_loss_cost,
  /// system_cost_product, system_loss_cost, waste_mgmt_cost, total_loss_cost,
  /// waste_mgmt_cost_product` (US$).
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
    let ledger = MFCALedger(model: self, byMaterial: true)
    let materials = max(index.materials.count, 1)
    var out = MFCAColumns()
    for (yi, year) in index.years.enumerated() where range.contains(year) {
      for p in rows {
        let entries = (0..<materials).map { ledger.entry(year: yi, process: p, material: $0) }
        out.append(year: year, process: self.processes[p].id, entries)
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

  /// The waste-management cost carried by products: all of it when nothing is lost.
  var wasteManagementProduct: Double { lossMass > 0 ? 0 : wasteManagement }
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
        let target = processes[index.target[i]]
        let mass = model.flows[i].mass
        if target.isLoss {
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
  static let names = [
    "product_mass", "loss_mass", "loss_share", "material_cost_product", "material_loss_cost",
    "energy_cost_product", "energy_loss_cost", "system_cost_product", "system_loss_cost",
    "waste_mgmt_cost", "total_loss_cost", "waste_mgmt_cost_product",
  ]
  var years: [Int] = []
  var processes: [String] = []
  var values: [[Double]] = Array(repeating: [], count: names.count)

  /// Appends the row of one centre and year from its entries per material, each allocated by
  /// its own loss share.
  mutating func append(year: Int, process: String, _ entries: [MFCAEntry]) {
    years.append(year)
    processes.append(process)
    func sum(_ part: (MFCAEntry) -> Double) -> Double { entries.reduce(0) { $0 + part($1) } }
    let product = sum(\.productMass)
    let loss = sum(\.lossMass)
    let row = [
      product, loss, product + loss > 0 ? loss / (product + loss) : 0,
      sum { $0.materialCost * (1 - $0.lossShare) }, sum { $0.materialCost * $0.lossShare },
      sum { $0.energy * (1 - $0.lossShare) }, sum { $0.energy * $0.lossShare },
      sum { $0.system * (1 - $0.lossShare) }, sum { $0.system * $0.lossShare },
      sum { $0.wasteManagement - $0.wasteManagementProduct },
      sum { ($0.materialCost + $0.energy + $0.system) * $0.lossShare + $0.wasteManagement - $0.wasteManagementProduct },
      sum(\.wasteManagementProduct),
    ]
    for (i, value) in row.enumerated() { values[i].append(value) }
  }

  func table(caption: String) -> Table {
    let dimensions: [Dimension] = [.mass, .mass, .ratio] + Array(repeating: .money, count: 9)
    var columns: [Column] = [.year("year", years), .text("process", processes)]
    for (i, name) in Self.names.enumerated() { columns.append(.number(name, values[i], dimensions[i])) }
    return Table(columns, caption: caption)
  }
}
